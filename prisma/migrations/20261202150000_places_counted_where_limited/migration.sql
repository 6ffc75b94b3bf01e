-- Places are counted only on the options that have a limit, the only ones
-- whose count anything reads (docs/decisions/037-places-counted-where-limited.md):
-- a registration choosing unlimited options updates no row for them under the
-- event's lock. An option given a limit is counted then; one losing it drops
-- its count. Options are edited under the event's lock (saveQuestions), as
-- registrations take their places, so no registration counts meanwhile.
UPDATE "question_option" SET "taken" = 0 WHERE "places" IS NULL;
ALTER TABLE "question_option" ADD CONSTRAINT "question_option_taken_only_if_limited"
  CHECK ("places" IS NOT NULL OR "taken" = 0);

CREATE FUNCTION count_option_places() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.taken := CASE WHEN NEW.places IS NULL THEN 0 ELSE (
    SELECT count(*) FROM registration_answer_option ao JOIN registration r ON r.id = ao.registration_id
    WHERE ao.option_id = NEW.id AND registration_is_active(r.status)) END;
  RETURN NEW;
END
$$;

CREATE TRIGGER option_places_counted BEFORE UPDATE OF places ON "question_option"
  FOR EACH ROW WHEN ((OLD.places IS NULL) <> (NEW.places IS NULL)) EXECUTE FUNCTION count_option_places();

CREATE OR REPLACE FUNCTION count_registration_places() RETURNS trigger LANGUAGE plpgsql AS $$
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
    WHERE o.places IS NOT NULL
      AND o.id IN (SELECT ao.option_id FROM registration_answer_option ao WHERE ao.registration_id = changed.id);
  END IF;
  RETURN changed;
END
$$;

-- An edit's chosen and unchosen options, once per statement rather than once
-- per row: the options of a registration that exists and is active. A new
-- registration's answers, written before it, are counted by its own insert.
DROP TRIGGER answer_place_counted ON "registration_answer_option";
DROP FUNCTION count_answer_place();

CREATE FUNCTION count_answer_places() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE question_option o SET taken = o.taken + CASE WHEN TG_OP = 'DELETE' THEN -n.chosen ELSE n.chosen END
  FROM (
    SELECT c.option_id, count(*)::int AS chosen FROM changed c JOIN registration r ON r.id = c.registration_id
    WHERE registration_is_active(r.status) GROUP BY c.option_id
  ) n
  WHERE o.id = n.option_id AND o.places IS NOT NULL;
  RETURN NULL;
END
$$;

-- A trigger with transition tables takes one event: one for each.
CREATE TRIGGER answer_places_counted AFTER INSERT ON "registration_answer_option"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION count_answer_places();
CREATE TRIGGER answer_places_given_back AFTER DELETE ON "registration_answer_option"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION count_answer_places();

-- The full options among those chosen, read straight from the kept counts.
CREATE OR REPLACE FUNCTION register_participant(
  event_slug text,
  new_registration jsonb,
  new_answers json,
  limited_options uuid[],
  at_the_door boolean,
  letters jsonb,
  actor_type text,
  actor_id uuid
) RETURNS TABLE (outcome text, allocated text, full_options uuid[]) LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  r registration := jsonb_populate_record(NULL::registration, new_registration);
  e record;
  state text;
  full_ids uuid[];
  quotas jsonb;
  confirmed jsonb;
  seat text;
BEGIN
  -- Their foreign key to the registration is checked at the commit
  -- (DEFERRABLE), once it exists; an outcome other than 'created' takes them back.
  IF json_array_length(new_answers) > 0 THEN PERFORM insert_answers(r.id, new_answers); END IF;

  SELECT ev.id, ev.status::text AS status, ev.capacity, ev.requires_approval,
         ev.registration_opens_at, ev.registration_closes_at
    INTO e FROM event ev WHERE ev.slug = event_slug FOR UPDATE;
  IF NOT FOUND THEN
    DELETE FROM registration_answer a WHERE a.registration_id = r.id;
    RETURN QUERY SELECT 'not_found'::text, NULL::text, NULL::uuid[];
    RETURN;
  END IF;

  state := registration_state(e.status, e.registration_opens_at, e.registration_closes_at,
    (SELECT max(d.ends_at) FROM event_day d WHERE d.event_id = e.id), r.consent_at);
  IF state <> 'open' AND NOT at_the_door THEN
    DELETE FROM registration_answer a WHERE a.registration_id = r.id;
    RETURN QUERY SELECT state, NULL::text, NULL::uuid[];
    RETURN;
  END IF;

  IF cardinality(limited_options) > 0 THEN
    SELECT array_agg(o.id) INTO full_ids
    FROM question_option o
    WHERE o.id = ANY(limited_options) AND o.places IS NOT NULL AND o.taken >= o.places;
    IF full_ids IS NOT NULL THEN
      DELETE FROM registration_answer a WHERE a.registration_id = r.id;
      RETURN QUERY SELECT 'option_full'::text, NULL::text, full_ids;
      RETURN;
    END IF;
  END IF;

  SELECT coalesce(jsonb_object_agg(q.category, q.seats), '{}') INTO quotas
    FROM category_quota q WHERE q.event_id = e.id;
  SELECT coalesce(jsonb_object_agg(c.category, c.confirmed), '{}') INTO confirmed
    FROM confirmed_seats c WHERE c.event_id = e.id;
  -- An organizer registering someone at the door has reviewed them: the seats alone decide.
  seat := allocate_seat(e.capacity, quotas, confirmed, r.category::text, e.requires_approval AND NOT at_the_door);

  INSERT INTO registration (
    id, event_id, status, category, last_name, first_name, patronymic, organization, position, region,
    email, email_normalized, phone, gender, needs_accommodation, dietary_needs, accessibility_needs, locale,
    consent_at, consent_version, manage_token_hash, check_in_code, status_changed_at, updated_at)
  VALUES (
    r.id, e.id, seat::"RegistrationStatus", r.category, r.last_name, r.first_name, r.patronymic, r.organization,
    r.position, r.region, r.email, r.email_normalized, r.phone, r.gender, coalesce(r.needs_accommodation, false),
    r.dietary_needs, r.accessibility_needs, r.locale, r.consent_at, r.consent_version, r.manage_token_hash,
    r.check_in_code, r.consent_at, r.consent_at);
  INSERT INTO outbox_message (id, event_id, registration_id, template, locale, to_address)
    VALUES (gen_random_uuid(), e.id, r.id, letters ->> seat, r.locale, r.email);
  INSERT INTO audit_log (actor_type, actor_id, action, entity_type, entity_id, event_id, data)
    VALUES (actor_type::"ActorType", actor_id, 'registration.created', 'registration', r.id::text, e.id,
            jsonb_build_object('status', seat, 'category', r.category));
  RETURN QUERY SELECT 'created'::text, seat, NULL::uuid[];
END
$$;
