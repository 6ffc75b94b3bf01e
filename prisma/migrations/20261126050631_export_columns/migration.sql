-- AlterTable
ALTER TABLE "event" ADD COLUMN     "retention_days" INTEGER;

-- AlterTable
ALTER TABLE "registration" ADD COLUMN     "anonymized_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "staff_user" ADD COLUMN     "export_preferences" JSONB;

-- Written by hand (ignored by the diff): a retention period is at least one day.
ALTER TABLE "event" ADD CONSTRAINT "event_retention_days_positive" CHECK ("retention_days" IS NULL OR "retention_days" > 0);
