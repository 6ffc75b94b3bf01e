-- CreateEnum
CREATE TYPE "EventImageKind" AS ENUM ('COVER', 'LOGO');

-- AlterTable
ALTER TABLE "event" ADD COLUMN     "contact_phone" TEXT,
ADD COLUMN     "contact_telegram" TEXT,
ADD COLUMN     "venue_latitude" DOUBLE PRECISION,
ADD COLUMN     "venue_longitude" DOUBLE PRECISION;

-- CreateTable
CREATE TABLE "event_image" (
    "id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "kind" "EventImageKind" NOT NULL,
    "role" "PartyRole",
    "position" INTEGER NOT NULL DEFAULT 0,
    "alt" JSONB NOT NULL,
    "hash" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "event_image_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "event_image_event_id_kind_position_idx" ON "event_image"("event_id", "kind", "position");

-- CreateIndex
CREATE INDEX "event_image_hash_idx" ON "event_image"("hash");

-- AddForeignKey
ALTER TABLE "event_image" ADD CONSTRAINT "event_image_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand (ignored by the diff): what the database itself guarantees
-- of images and the venue's point (docs/decisions/020-event-images.md).
ALTER TABLE "event" ADD CONSTRAINT "event_venue_point_complete" CHECK (("venue_latitude" IS NULL) = ("venue_longitude" IS NULL));
ALTER TABLE "event" ADD CONSTRAINT "event_venue_point_range" CHECK ("venue_latitude" IS NULL OR ("venue_latitude" BETWEEN -90 AND 90 AND "venue_longitude" BETWEEN -180 AND 180));
ALTER TABLE "event_image" ADD CONSTRAINT "event_image_role_of_logo" CHECK (("kind" = 'LOGO') = ("role" IS NOT NULL));
ALTER TABLE "event_image" ADD CONSTRAINT "event_image_content_type" CHECK ("content_type" IN ('image/webp', 'image/png'));
ALTER TABLE "event_image" ADD CONSTRAINT "event_image_hash_hex" CHECK ("hash" ~ '^[0-9a-f]{64}$');
ALTER TABLE "event_image" ADD CONSTRAINT "event_image_position_non_negative" CHECK ("position" >= 0);
ALTER TABLE "event_image" ADD CONSTRAINT "event_image_alt_ru" CHECK (jsonb_typeof("alt"->'ru') = 'string');
-- One cover per event.
CREATE UNIQUE INDEX "event_image_one_cover" ON "event_image"("event_id") WHERE "kind" = 'COVER';
