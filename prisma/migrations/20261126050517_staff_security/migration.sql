-- AlterTable
ALTER TABLE "staff_user" ADD COLUMN     "totp_enabled_at" TIMESTAMPTZ(3),
ADD COLUMN     "totp_last_step" INTEGER,
ADD COLUMN     "totp_secret" TEXT;

-- CreateTable
CREATE TABLE "staff_recovery_code" (
    "code_hash" TEXT NOT NULL,
    "staff_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "staff_recovery_code_pkey" PRIMARY KEY ("code_hash")
);

-- CreateIndex
CREATE INDEX "staff_recovery_code_staff_id_idx" ON "staff_recovery_code"("staff_id");

-- AddForeignKey
ALTER TABLE "staff_recovery_code" ADD CONSTRAINT "staff_recovery_code_staff_id_fkey" FOREIGN KEY ("staff_id") REFERENCES "staff_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Nobody can remove the last admin: a change that leaves no active admin,
-- where there was one before, is refused (by demotion, disabling or deletion).
CREATE FUNCTION "staff_user_keep_an_admin"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM old_rows WHERE "role" = 'ADMIN' AND "disabled_at" IS NULL)
     AND NOT EXISTS (SELECT 1 FROM "staff_user" WHERE "role" = 'ADMIN' AND "disabled_at" IS NULL) THEN
    RAISE EXCEPTION 'the last active admin cannot be removed' USING ERRCODE = 'check_violation', CONSTRAINT = 'staff_user_last_admin';
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "staff_user_keep_an_admin_on_update"
  AFTER UPDATE ON "staff_user" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "staff_user_keep_an_admin"();

CREATE TRIGGER "staff_user_keep_an_admin_on_delete"
  AFTER DELETE ON "staff_user" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "staff_user_keep_an_admin"();
