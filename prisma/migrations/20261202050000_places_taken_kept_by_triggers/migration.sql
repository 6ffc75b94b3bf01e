-- The places each option has taken, kept by triggers (docs/decisions/026-registration-in-one-statement.md):
-- a registration choosing a limited option reads one row under the event's
-- lock instead of counting every earlier choice of it (6.9 ms at 3,000 choices,
-- and growing). `taken` counts the active registrations that chose the option
-- (registration_is_active()); tests/integration/kept-counts.test.ts compares it
-- with a count after random registrations, edits and changes of status.
ALTER TABLE "question_option" ADD COLUMN "taken" INTEGER NOT NULL DEFAULT 0 CHECK ("taken" >= 0);

UPDATE "question_option" o SET "taken" = (
  SELECT count(*) FROM "registration_answer_option" ao JOIN "registration" r ON r.id = ao.registration_id
  WHERE ao.option_id = o.id AND registration_is_active(r.status));

-- A registration's options, counted when it becomes active (or is created
-- active, its answers written before it) and given back when it stops being
-- active or is deleted.
CREATE FUNCTION count_registration_places() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed registration := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  delta integer := CASE
    WHEN TG_OP = 'INSERT' THEN CASE WHEN registration_is_active(NEW.status) THEN 1 ELSE 0 END
    WHEN TG_OP = 'DELETE' THEN CASE WHEN registration_is_active(OLD.status) THEN -1 ELSE 0 END
    ELSE registration_is_active(NEW.status)::int - registration_is_active(OLD.status)::int
  END;
BEGIN
  IF delta <> 0 THEN
    UPDATE question_option o SET taken = o.taken + delta
    WHERE o.id IN (SELECT ao.option_id FROM registration_answer_option ao WHERE ao.registration_id = changed.id);
  END IF;
  RETURN changed;
END
$$;

CREATE TRIGGER registration_places_counted AFTER INSERT OR UPDATE OF status ON "registration"
  FOR EACH ROW EXECUTE FUNCTION count_registration_places();
-- Before: once deleted, its answers (deleted by the cascade) no longer find it.
CREATE TRIGGER registration_places_given_back BEFORE DELETE ON "registration"
  FOR EACH ROW EXECUTE FUNCTION count_registration_places();

-- An answer's option chosen or unchosen (an edit) by a registration that
-- exists and is active; one written before its registration is counted by the
-- registration's own insert above.
CREATE FUNCTION count_answer_place() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed registration_answer_option := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
BEGIN
  UPDATE question_option o SET taken = o.taken + CASE WHEN TG_OP = 'DELETE' THEN -1 ELSE 1 END
  WHERE o.id = changed.option_id
    AND EXISTS (SELECT 1 FROM registration r WHERE r.id = changed.registration_id AND registration_is_active(r.status));
  RETURN changed;
END
$$;

CREATE TRIGGER answer_place_counted AFTER INSERT OR DELETE ON "registration_answer_option"
  FOR EACH ROW EXECUTE FUNCTION count_answer_place();

-- Places taken per option among `option_ids` by active registrations, except
-- one registration's: the kept count, less the one registration's own.
CREATE OR REPLACE FUNCTION options_taken(option_ids uuid[], except_registration uuid)
RETURNS TABLE (option_id uuid, taken integer) LANGUAGE sql STABLE AS $$
  SELECT o.id, o.taken - (
    SELECT count(*)::int FROM registration_answer_option ao JOIN registration r ON r.id = ao.registration_id
    WHERE ao.option_id = o.id AND ao.registration_id = except_registration AND registration_is_active(r.status))
  FROM question_option o
  WHERE o.id = ANY(option_ids)
$$;
