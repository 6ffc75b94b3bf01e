-- The event's own wording in its letters (issue 21): an optional paragraph
-- of plain text per language in the confirmation and the waiting-list
-- letters. Written at all, it has its Russian, which a language left empty
-- falls back to; each language at most 2000 characters (lib/emails/schema.ts).

ALTER TABLE "event" ADD COLUMN "confirmation_wording" JSONB,
ADD COLUMN "waitlist_wording" JSONB;

CREATE FUNCTION "letter_wording_valid"("wording" jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT "wording" IS NULL OR (
    jsonb_typeof("wording") = 'object'
    AND jsonb_typeof("wording" -> 'ru') = 'string'
    AND btrim("wording" ->> 'ru') <> ''
    AND NOT EXISTS (
      SELECT 1 FROM jsonb_each("wording") AS entry
      WHERE entry.key NOT IN ('ru', 'ky', 'en')
        OR jsonb_typeof(entry.value) <> 'string'
        OR char_length(entry.value #>> '{}') > 2000
    )
  )
$$;

ALTER TABLE "event" ADD CONSTRAINT "event_confirmation_wording_valid" CHECK ("letter_wording_valid"("confirmation_wording")),
ADD CONSTRAINT "event_waitlist_wording_valid" CHECK ("letter_wording_valid"("waitlist_wording"));
