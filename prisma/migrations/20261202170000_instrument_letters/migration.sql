-- The letters of an instrument (docs/decisions/039-instrument-letters.md):
-- when its last reminder was sent, so that a second one within the hour is
-- refused by the row itself (one UPDATE that sets it only if an hour has
-- passed). The "it is open" letters are made once per participant by the
-- outbox's unique dedupe key.
ALTER TABLE "instrument" ADD COLUMN "reminded_at" TIMESTAMPTZ(3);
