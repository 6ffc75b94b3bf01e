-- Door accounts (issue 17): a check-in account for one event that ends with
-- the event's last day. Its end is kept by the database whatever moves the
-- days; an event deleted leaves its door accounts ended as they were.

ALTER TABLE "staff_user" ADD COLUMN "door_event_id" UUID,
ADD COLUMN "expires_at" TIMESTAMPTZ(3);

-- A door account always has an end.
ALTER TABLE "staff_user" ADD CONSTRAINT "staff_user_door_account_ends"
  CHECK ("door_event_id" IS NULL OR "expires_at" IS NOT NULL);

-- AddForeignKey
ALTER TABLE "staff_user" ADD CONSTRAINT "staff_user_door_event_id_fkey" FOREIGN KEY ("door_event_id") REFERENCES "event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The door accounts of an event whose days changed end with its last day;
-- with no day left (the event being deleted) they keep the end they had.
CREATE FUNCTION door_accounts_follow_days() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.event_id ELSE NEW.event_id END;
BEGIN
  UPDATE staff_user s
  SET expires_at = coalesce((SELECT max(d.ends_at) FROM event_day d WHERE d.event_id = changed), s.expires_at)
  WHERE s.door_event_id = changed;
  RETURN NULL;
END
$$;

CREATE TRIGGER event_day_door_accounts AFTER INSERT OR UPDATE OF ends_at OR DELETE ON "event_day"
  FOR EACH ROW EXECUTE FUNCTION door_accounts_follow_days();
