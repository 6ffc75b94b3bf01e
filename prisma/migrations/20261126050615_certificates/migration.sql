-- AlterTable
ALTER TABLE "event" ADD COLUMN     "certificate_hours" INTEGER,
ADD COLUMN     "certificate_min_days" INTEGER;

-- CreateTable
CREATE TABLE "certificate" (
    "id" UUID NOT NULL,
    "registration_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "certificate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "certificate_registration_id_key" ON "certificate"("registration_id");

-- CreateIndex
CREATE UNIQUE INDEX "certificate_code_key" ON "certificate"("code");

-- AddForeignKey
ALTER TABLE "certificate" ADD CONSTRAINT "certificate_registration_id_fkey" FOREIGN KEY ("registration_id") REFERENCES "registration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand: invariants Prisma's schema language cannot express.

ALTER TABLE "event" ADD CONSTRAINT "event_certificate_min_days_positive"
  CHECK ("certificate_min_days" IS NULL OR "certificate_min_days" >= 1);
ALTER TABLE "event" ADD CONSTRAINT "event_certificate_hours_positive"
  CHECK ("certificate_hours" IS NULL OR "certificate_hours" > 0);
ALTER TABLE "certificate" ADD CONSTRAINT "certificate_code_format" CHECK ("code" ~ '^[2-9A-HJKMNP-Z]{12}$');
