-- Partner organizations (issue 17, docs/decisions/041-partner-organizations.md):
-- an event belongs to at most one, and so does a staff account. A member's
-- instance role holds on its organization's events only; admins stay
-- instance-wide and are never members.

CREATE TABLE "organization" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "organization_pkey" PRIMARY KEY ("id"),
    -- Trimmed, not empty, at most 200 characters (lib/organizations/schema.ts).
    CONSTRAINT "organization_name_valid"
      CHECK ("name" = btrim("name") AND "name" <> '' AND char_length("name") <= 200)
);

-- "ОО Ресурсный центр" and "оо ресурсный центр" are one organization.
CREATE UNIQUE INDEX "organization_name_folded_key" ON "organization" (lower("name"));

ALTER TABLE "event" ADD COLUMN "organization_id" UUID;
ALTER TABLE "staff_user" ADD COLUMN "organization_id" UUID;

-- An admin holds everything on every event: a member's limits cannot apply.
ALTER TABLE "staff_user" ADD CONSTRAINT "staff_user_admin_in_no_organization"
  CHECK ("organization_id" IS NULL OR "role" <> 'ADMIN');

-- CreateIndex
CREATE INDEX "event_organization_id_idx" ON "event"("organization_id");
CREATE INDEX "staff_user_organization_id_idx" ON "staff_user"("organization_id");

-- AddForeignKey
ALTER TABLE "event" ADD CONSTRAINT "event_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "staff_user" ADD CONSTRAINT "staff_user_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
