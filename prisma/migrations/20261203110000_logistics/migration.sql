-- Travel, rooms and the per-diem register (docs/decisions/042-logistics.md).

-- CreateEnum
CREATE TYPE "TransportMeans" AS ENUM ('BUS', 'MINIBUS', 'CAR', 'TAXI', 'TRAIN', 'PLANE', 'OTHER');

-- CreateEnum
CREATE TYPE "TravelCompensation" AS ENUM ('RECEIPT', 'CEILING');

-- AlterTable
ALTER TABLE "event" ADD COLUMN "travel_enabled" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "passport_enabled" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "travel_compensation" "TravelCompensation" NOT NULL DEFAULT 'RECEIPT';

-- CreateTable
CREATE TABLE "registration_travel" (
    "registration_id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "from_settlement" TEXT,
    "from_region" TEXT NOT NULL,
    "arrives_at" TIMESTAMPTZ(3) NOT NULL,
    "departs_at" TIMESTAMPTZ(3) NOT NULL,
    "transport" "TransportMeans" NOT NULL,
    "nights" DATE[] NOT NULL DEFAULT ARRAY[]::DATE[],
    "shares_with" TEXT,
    "passport_number" TEXT,
    "roommate_id" UUID,
    "fare_paid" INTEGER,
    "per_diem_days" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "registration_travel_pkey" PRIMARY KEY ("registration_id")
);

-- CreateTable
CREATE TABLE "hotel" (
    "id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "hotel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "hotel_room" (
    "id" UUID NOT NULL,
    "hotel_id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "beds" INTEGER NOT NULL,

    CONSTRAINT "hotel_room_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "room_night" (
    "registration_id" UUID NOT NULL,
    "night" DATE NOT NULL,
    "event_id" UUID NOT NULL,
    "room_id" UUID NOT NULL,

    CONSTRAINT "room_night_pkey" PRIMARY KEY ("registration_id","night")
);

-- CreateTable
CREATE TABLE "per_diem_rate" (
    "event_id" UUID NOT NULL,
    "category" "ParticipantCategory" NOT NULL,
    "amount" INTEGER NOT NULL,

    CONSTRAINT "per_diem_rate_pkey" PRIMARY KEY ("event_id","category")
);

-- CreateTable
CREATE TABLE "travel_ceiling" (
    "event_id" UUID NOT NULL,
    "region" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,

    CONSTRAINT "travel_ceiling_pkey" PRIMARY KEY ("event_id","region")
);

-- CreateIndex
CREATE UNIQUE INDEX "registration_id_event_id_key" ON "registration"("id", "event_id");

-- CreateIndex
CREATE UNIQUE INDEX "registration_travel_registration_id_event_id_key" ON "registration_travel"("registration_id", "event_id");

-- CreateIndex
CREATE INDEX "registration_travel_event_id_arrives_at_idx" ON "registration_travel"("event_id", "arrives_at");

-- CreateIndex
CREATE UNIQUE INDEX "hotel_event_id_name_key" ON "hotel"("event_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "hotel_room_hotel_id_name_key" ON "hotel_room"("hotel_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "hotel_room_id_event_id_key" ON "hotel_room"("id", "event_id");

-- CreateIndex
CREATE UNIQUE INDEX "hotel_id_event_id_key" ON "hotel"("id", "event_id");

-- CreateIndex
CREATE INDEX "room_night_room_id_night_idx" ON "room_night"("room_id", "night");

-- CreateIndex
CREATE INDEX "room_night_event_id_night_idx" ON "room_night"("event_id", "night");

-- AddForeignKey
ALTER TABLE "registration_travel" ADD CONSTRAINT "registration_travel_registration_id_event_id_fkey" FOREIGN KEY ("registration_id", "event_id") REFERENCES "registration"("id", "event_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "registration_travel" ADD CONSTRAINT "registration_travel_event_id_from_region_fkey" FOREIGN KEY ("event_id", "from_region") REFERENCES "event_region"("event_id", "code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "hotel" ADD CONSTRAINT "hotel_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "hotel_room" ADD CONSTRAINT "hotel_room_hotel_id_event_id_fkey" FOREIGN KEY ("hotel_id", "event_id") REFERENCES "hotel"("id", "event_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "room_night" ADD CONSTRAINT "room_night_registration_id_event_id_fkey" FOREIGN KEY ("registration_id", "event_id") REFERENCES "registration"("id", "event_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "room_night" ADD CONSTRAINT "room_night_room_id_event_id_fkey" FOREIGN KEY ("room_id", "event_id") REFERENCES "hotel_room"("id", "event_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "per_diem_rate" ADD CONSTRAINT "per_diem_rate_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "travel_ceiling" ADD CONSTRAINT "travel_ceiling_event_id_region_fkey" FOREIGN KEY ("event_id", "region") REFERENCES "event_region"("event_id", "code") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand (ignored by the diff): what the database itself guarantees
-- of travel and rooms (docs/decisions/042-logistics.md).

-- A roommate is a registration of the same event, never oneself: the
-- composite key names the row's own event. Registrations are never deleted
-- (an erasure keeps the row), so a roommate's removal is simply refused.
ALTER TABLE "registration_travel" ADD CONSTRAINT "registration_travel_roommate_id_event_id_fkey" FOREIGN KEY ("roommate_id", "event_id") REFERENCES "registration"("id", "event_id") ON DELETE NO ACTION ON UPDATE NO ACTION;
ALTER TABLE "registration_travel" ADD CONSTRAINT "registration_travel_roommate_not_self" CHECK ("roommate_id" IS NULL OR "roommate_id" <> "registration_id");
ALTER TABLE "registration_travel" ADD CONSTRAINT "registration_travel_departs_after_arrival" CHECK ("departs_at" > "arrives_at");
ALTER TABLE "registration_travel" ADD CONSTRAINT "registration_travel_fare_non_negative" CHECK ("fare_paid" IS NULL OR "fare_paid" >= 0);
ALTER TABLE "registration_travel" ADD CONSTRAINT "registration_travel_per_diem_days_non_negative" CHECK ("per_diem_days" IS NULL OR "per_diem_days" >= 0);
ALTER TABLE "registration_travel" ADD CONSTRAINT "registration_travel_texts" CHECK (
  ("from_settlement" IS NULL OR btrim("from_settlement") <> '')
  AND ("shares_with" IS NULL OR btrim("shares_with") <> '')
  AND ("passport_number" IS NULL OR btrim("passport_number") <> ''));
ALTER TABLE "registration_travel" ADD CONSTRAINT "registration_travel_nights_limit" CHECK (cardinality("nights") <= 31);
ALTER TABLE "hotel" ADD CONSTRAINT "hotel_name_not_empty" CHECK (btrim("name") <> '');
ALTER TABLE "hotel_room" ADD CONSTRAINT "hotel_room_name_not_empty" CHECK (btrim("name") <> '');
ALTER TABLE "hotel_room" ADD CONSTRAINT "hotel_room_beds" CHECK ("beds" BETWEEN 1 AND 50);
ALTER TABLE "per_diem_rate" ADD CONSTRAINT "per_diem_rate_non_negative" CHECK ("amount" >= 0);
ALTER TABLE "travel_ceiling" ADD CONSTRAINT "travel_ceiling_non_negative" CHECK ("amount" >= 0);

-- A room never holds more people on a night than it has beds. The room's row
-- is locked first, so two transactions filling its last bed at once take
-- turns, and the second counts the first's row once it has committed (each
-- statement of a PL/pgSQL function takes a new snapshot). Fewer beds than
-- people already in it is refused too.
CREATE FUNCTION "room_night_within_beds"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  room_beds integer;
  taken integer;
BEGIN
  SELECT "beds" INTO room_beds FROM "hotel_room" WHERE "id" = NEW."room_id" FOR UPDATE;
  SELECT count(*) INTO taken FROM "room_night"
   WHERE "room_id" = NEW."room_id" AND "night" = NEW."night" AND "registration_id" <> NEW."registration_id";
  IF taken >= room_beds THEN
    RAISE EXCEPTION 'room_night_within_beds: room % is full on %', NEW."room_id", NEW."night"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'room_night_within_beds';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "room_night_within_beds" BEFORE INSERT OR UPDATE OF "room_id", "night" ON "room_night"
  FOR EACH ROW EXECUTE FUNCTION "room_night_within_beds"();

CREATE FUNCTION "hotel_room_beds_hold_its_nights"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "room_night" WHERE "room_id" = NEW."id"
              GROUP BY "night" HAVING count(*) > NEW."beds") THEN
    RAISE EXCEPTION 'room_night_within_beds: room % has more people than % beds', NEW."id", NEW."beds"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'room_night_within_beds';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "hotel_room_beds_hold_its_nights" AFTER UPDATE OF "beds" ON "hotel_room"
  FOR EACH ROW EXECUTE FUNCTION "hotel_room_beds_hold_its_nights"();
