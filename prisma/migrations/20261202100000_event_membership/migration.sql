-- CreateEnum
CREATE TYPE "EventRole" AS ENUM ('MANAGER', 'ORGANIZER', 'CHECK_IN', 'VIEWER');

-- AlterEnum
ALTER TYPE "StaffRole" ADD VALUE 'STAFF';

-- CreateTable
CREATE TABLE "event_membership" (
    "event_id" UUID NOT NULL,
    "staff_id" UUID NOT NULL,
    "role" "EventRole" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "event_membership_pkey" PRIMARY KEY ("event_id","staff_id")
);

-- CreateIndex
CREATE INDEX "event_membership_staff_id_idx" ON "event_membership"("staff_id");

-- AddForeignKey
ALTER TABLE "event_membership" ADD CONSTRAINT "event_membership_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_membership" ADD CONSTRAINT "event_membership_staff_id_fkey" FOREIGN KEY ("staff_id") REFERENCES "staff_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- An event with a team keeps a manager: a change that leaves members on an
-- event but no manager, where there was one before, is refused (by a change
-- of role or a removal). Removing a whole team, or the event, is allowed.
CREATE FUNCTION "event_membership_keep_a_manager"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM old_rows AS gone
    WHERE gone."role" = 'MANAGER'
      AND EXISTS (SELECT 1 FROM "event_membership" AS kept WHERE kept."event_id" = gone."event_id")
      AND NOT EXISTS (
        SELECT 1 FROM "event_membership" AS kept
        WHERE kept."event_id" = gone."event_id" AND kept."role" = 'MANAGER'
      )
  ) THEN
    RAISE EXCEPTION 'the last manager of an event with a team cannot be removed'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'event_membership_last_manager';
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "event_membership_keep_a_manager_on_update"
  AFTER UPDATE ON "event_membership" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "event_membership_keep_a_manager"();

CREATE TRIGGER "event_membership_keep_a_manager_on_delete"
  AFTER DELETE ON "event_membership" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "event_membership_keep_a_manager"();
