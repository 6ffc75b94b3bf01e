-- CreateEnum
CREATE TYPE "SessionKind" AS ENUM ('SESSION', 'BREAK', 'MEAL', 'EXCURSION');

-- CreateTable
CREATE TABLE "event_session" (
    "id" UUID NOT NULL,
    "event_day_id" UUID NOT NULL,
    "kind" "SessionKind" NOT NULL DEFAULT 'SESSION',
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "title" JSONB NOT NULL,
    "description" JSONB,
    "room" TEXT,

    CONSTRAINT "event_session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "speaker" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "organization" TEXT,
    "bio" JSONB,
    "country" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "speaker_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "event_session_speaker" (
    "session_id" UUID NOT NULL,
    "speaker_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "event_session_speaker_pkey" PRIMARY KEY ("session_id","speaker_id")
);

-- CreateIndex
CREATE INDEX "event_session_event_day_id_starts_at_idx" ON "event_session"("event_day_id", "starts_at");

-- CreateIndex
CREATE INDEX "event_session_speaker_speaker_id_idx" ON "event_session_speaker"("speaker_id");

-- CreateIndex
CREATE UNIQUE INDEX "event_session_speaker_session_id_position_key" ON "event_session_speaker"("session_id", "position");

-- AddForeignKey
ALTER TABLE "event_session" ADD CONSTRAINT "event_session_event_day_id_fkey" FOREIGN KEY ("event_day_id") REFERENCES "event_day"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_session_speaker" ADD CONSTRAINT "event_session_speaker_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "event_session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_session_speaker" ADD CONSTRAINT "event_session_speaker_speaker_id_fkey" FOREIGN KEY ("speaker_id") REFERENCES "speaker"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Written by hand (ignored by the diff): what the database itself guarantees
-- of the programme (docs/decisions/031-programme.md).
ALTER TABLE "event_session" ADD CONSTRAINT "event_session_ends_after_start" CHECK ("ends_at" > "starts_at");
ALTER TABLE "event_session" ADD CONSTRAINT "event_session_title_ru" CHECK (jsonb_typeof("title"->'ru') = 'string' AND btrim("title"->>'ru') <> '');
ALTER TABLE "event_session" ADD CONSTRAINT "event_session_description_ru" CHECK ("description" IS NULL OR (jsonb_typeof("description"->'ru') = 'string' AND btrim("description"->>'ru') <> ''));
ALTER TABLE "event_session" ADD CONSTRAINT "event_session_room_not_empty" CHECK ("room" IS NULL OR btrim("room") <> '');
ALTER TABLE "speaker" ADD CONSTRAINT "speaker_name_not_empty" CHECK (btrim("name") <> '');
ALTER TABLE "speaker" ADD CONSTRAINT "speaker_organization_not_empty" CHECK ("organization" IS NULL OR btrim("organization") <> '');
ALTER TABLE "speaker" ADD CONSTRAINT "speaker_bio_ru" CHECK ("bio" IS NULL OR (jsonb_typeof("bio"->'ru') = 'string' AND btrim("bio"->>'ru') <> ''));
ALTER TABLE "speaker" ADD CONSTRAINT "speaker_country_code" CHECK ("country" IS NULL OR "country" ~ '^[A-Z]{2}$');
ALTER TABLE "event_session_speaker" ADD CONSTRAINT "event_session_speaker_position_non_negative" CHECK ("position" >= 0);

-- A session lies within its day's hours, as the event's settings give them
-- (the hours the page, the calendar and the letters announce). A CHECK cannot
-- read the day, so two constraint triggers do, at commit: one when a session
-- is written, one when a day's hours change; deferred, so that a transaction
-- may move a day and its sessions together (a change of the event's zone).
CREATE FUNCTION "event_session_within_day"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM "event_session" s JOIN "event_day" d ON d."id" = s."event_day_id"
     WHERE (CASE WHEN TG_TABLE_NAME = 'event_day' THEN s."event_day_id" ELSE s."id" END) = NEW."id"
       AND (s."starts_at" < d."starts_at" OR s."ends_at" > d."ends_at")
  ) THEN
    RAISE EXCEPTION 'a session lies outside its day''s hours'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'event_session_within_day';
  END IF;
  RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "event_session_within_day"
  AFTER INSERT OR UPDATE OF "starts_at", "ends_at", "event_day_id" ON "event_session"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "event_session_within_day"();

CREATE CONSTRAINT TRIGGER "event_day_holds_its_sessions"
  AFTER UPDATE OF "starts_at", "ends_at" ON "event_day"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "event_session_within_day"();
