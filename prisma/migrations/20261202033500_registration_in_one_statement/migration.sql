-- A registration in one statement (docs/decisions/026-registration-in-one-statement.md).
-- The event's lock is held only inside the database: no round trip to the app
-- server, and no wait in its event loop, while every other registration of the
-- event queues. The decisions are the pure rules of lib/events/rules.ts
-- (registrationState) and lib/registrations/rules.ts (allocateSeat), which stay
-- their reference: tests/integration/registration-sql-rules.test.ts compares
-- these functions with them on random inputs. The counts read under the lock
-- (an option's places taken, the seats confirmed per sector) are kept by
-- triggers, so that the thousandth registration does the work of the first;
-- tests/integration/kept-counts.test.ts compares them with a count after random
-- registrations, edits and changes of status.

-- registrationState(): whether the event takes registrations at `now`.
CREATE FUNCTION registration_state(
  status text, opens_at timestamptz, closes_at timestamptz, last_day_ends_at timestamptz, now timestamptz
) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN last_day_ends_at IS NOT NULL AND last_day_ends_at <= now THEN 'past'
    WHEN status <> 'PUBLISHED' THEN 'closed'
    WHEN opens_at IS NOT NULL AND now < opens_at THEN 'not_yet'
    WHEN closes_at IS NOT NULL AND now >= closes_at THEN 'closed'
    ELSE 'open'
  END
$$;

-- allocateSeat(): the status a new registration enters, given the seat plan
-- (capacity, quotas per category as JSON) and the seats confirmed per category.
CREATE FUNCTION allocate_seat(
  capacity integer, quotas jsonb, taken jsonb, category text, requires_approval boolean
) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN requires_approval THEN 'PENDING'
    WHEN least(total_left, coalesce((quotas ->> category)::int - coalesce((taken ->> category)::int, 0), total_left)) > 0
      THEN 'CONFIRMED'
    ELSE 'WAITLISTED'
  END
  FROM (SELECT greatest(0, capacity - coalesce((SELECT sum(value::int) FROM jsonb_each_text(taken)), 0)) AS total_left) AS seats
$$;

-- A registration's answers, from the rows lib/questions/rules.ts answerRows() makes.
CREATE FUNCTION insert_answers(registration_id uuid, rows json) RETURNS void LANGUAGE sql AS $$
  WITH given AS (
    SELECT * FROM json_to_recordset(rows) AS given(
      "questionId" uuid, "textValue" text, "numberValue" double precision, "dateValue" date,
      "booleanValue" boolean, "optionIds" uuid[])
  ), answers AS (
    INSERT INTO registration_answer (registration_id, question_id, text_value, number_value, date_value, boolean_value)
    SELECT insert_answers.registration_id, "questionId", "textValue", "numberValue", "dateValue", "booleanValue" FROM given
  )
  INSERT INTO registration_answer_option (registration_id, question_id, option_id)
  SELECT insert_answers.registration_id, "questionId", unnest("optionIds") FROM given
$$;

-- ACTIVE_STATUSES of lib/registrations/rules.ts: a registration that holds
-- its seat, its place on the waiting list or its review.
CREATE FUNCTION registration_is_active(status "RegistrationStatus") RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT status IN ('PENDING', 'CONFIRMED', 'WAITLISTED')
$$;

-- The places each option has taken: the active registrations that chose it.
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
CREATE FUNCTION options_taken(option_ids uuid[], except_registration uuid)
RETURNS TABLE (option_id uuid, taken integer) LANGUAGE sql STABLE AS $$
  SELECT o.id, o.taken - (
    SELECT count(*)::int FROM registration_answer_option ao JOIN registration r ON r.id = ao.registration_id
    WHERE ao.option_id = o.id AND ao.registration_id = except_registration AND registration_is_active(r.status))
  FROM question_option o
  WHERE o.id = ANY(option_ids)
$$;

-- The seats confirmed per event and sector.
CREATE TABLE "confirmed_seats" (
    "event_id" UUID NOT NULL,
    "category" "ParticipantCategory" NOT NULL,
    "confirmed" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "confirmed_seats_pkey" PRIMARY KEY ("event_id","category")
);

-- AddForeignKey
ALTER TABLE "confirmed_seats" ADD CONSTRAINT "confirmed_seats_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "confirmed_seats" ADD CONSTRAINT "confirmed_seats_not_negative" CHECK ("confirmed" >= 0);

INSERT INTO "confirmed_seats" ("event_id", "category", "confirmed")
SELECT "event_id", "category", count(*) FROM "registration" WHERE "status" = 'CONFIRMED' GROUP BY 1, 2;

-- A registration leaving its seat (a change of status or sector, a deletion)
-- gives it back; one taking a seat (created confirmed, confirmed, moved while
-- confirmed) counts it.
CREATE FUNCTION count_confirmed_seats() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'CONFIRMED' THEN
    UPDATE confirmed_seats c SET confirmed = c.confirmed - 1
    WHERE c.event_id = OLD.event_id AND c.category = OLD.category;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'CONFIRMED' THEN
    INSERT INTO confirmed_seats AS c (event_id, category, confirmed) VALUES (NEW.event_id, NEW.category, 1)
    ON CONFLICT (event_id, category) DO UPDATE SET confirmed = c.confirmed + 1;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER registration_seats_counted AFTER INSERT OR UPDATE OF status, category, event_id OR DELETE ON "registration"
  FOR EACH ROW EXECUTE FUNCTION count_confirmed_seats();

-- One new registration: its answers (before the lock), then under the event's
-- lock the registration window, the places of the limited options chosen and
-- the seat; the registration, its letter and its audit entry. VOLATILE and
-- plpgsql: each statement takes a new snapshot, so the counts read after the
-- lock see what the previous holder committed (READ COMMITTED).
-- Returns the outcome ('created', 'not_found', a state that is not 'open', or
-- 'option_full' with the full options among those chosen) and the status.
CREATE FUNCTION register_participant(
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
    FROM question_option o LEFT JOIN options_taken(limited_options, NULL) t ON t.option_id = o.id
    WHERE o.id = ANY(limited_options) AND o.places IS NOT NULL AND coalesce(t.taken, 0) >= o.places;
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
