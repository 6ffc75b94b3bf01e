-- The registrations of each event counted per status and sector, kept by the
-- trigger that keeps the confirmed seats: the staff list's counts (issue 20)
-- read at most 24 rows instead of grouping every registration of the event
-- on every page.
CREATE TABLE "registration_count" (
    "event_id" UUID NOT NULL,
    "status" "RegistrationStatus" NOT NULL,
    "category" "ParticipantCategory" NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "registration_count_pkey" PRIMARY KEY ("event_id","status","category")
);

ALTER TABLE "registration_count" ADD CONSTRAINT "registration_count_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "registration_count" ADD CONSTRAINT "registration_count_not_negative" CHECK ("count" >= 0);

INSERT INTO "registration_count" ("event_id", "status", "category", "count")
SELECT "event_id", "status", "category", count(*) FROM "registration" GROUP BY 1, 2, 3;

-- One function keeps both counts: a registration leaving its status or
-- sector (a change, a deletion) is taken off the old cell, and the seat given
-- back if it was confirmed; one arriving is added to the new cell, and takes a
-- seat if confirmed. An update that changes none of the three counts nothing.
CREATE FUNCTION count_registrations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.status = NEW.status AND OLD.category = NEW.category
     AND OLD.event_id = NEW.event_id THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE registration_count c SET count = c.count - 1
    WHERE c.event_id = OLD.event_id AND c.status = OLD.status AND c.category = OLD.category;
    IF OLD.status = 'CONFIRMED' THEN
      UPDATE confirmed_seats c SET confirmed = c.confirmed - 1
      WHERE c.event_id = OLD.event_id AND c.category = OLD.category;
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO registration_count AS c (event_id, status, category, count)
    VALUES (NEW.event_id, NEW.status, NEW.category, 1)
    ON CONFLICT (event_id, status, category) DO UPDATE SET count = c.count + 1;
    IF NEW.status = 'CONFIRMED' THEN
      INSERT INTO confirmed_seats AS c (event_id, category, confirmed) VALUES (NEW.event_id, NEW.category, 1)
      ON CONFLICT (event_id, category) DO UPDATE SET confirmed = c.confirmed + 1;
    END IF;
  END IF;
  RETURN NULL;
END
$$;

DROP TRIGGER registration_seats_counted ON "registration";
DROP FUNCTION count_confirmed_seats();

CREATE TRIGGER registration_counted AFTER INSERT OR UPDATE OF status, category, event_id OR DELETE ON "registration"
  FOR EACH ROW EXECUTE FUNCTION count_registrations();
