-- CreateEnum
CREATE TYPE "HandoutVisibility" AS ENUM ('PUBLIC', 'PARTICIPANTS', 'STAFF');

-- CreateTable
CREATE TABLE "handout" (
    "id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "session_id" UUID,
    "title" JSONB NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "visibility" "HandoutVisibility" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "handout_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "handout_chunk" (
    "handout_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,

    CONSTRAINT "handout_chunk_pkey" PRIMARY KEY ("handout_id","position")
);

-- CreateIndex
CREATE INDEX "handout_event_id_created_at_idx" ON "handout"("event_id", "created_at");

-- CreateIndex
CREATE INDEX "handout_session_id_idx" ON "handout"("session_id");

-- AddForeignKey
ALTER TABLE "handout" ADD CONSTRAINT "handout_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "handout" ADD CONSTRAINT "handout_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "event_session"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "handout_chunk" ADD CONSTRAINT "handout_chunk_handout_id_fkey" FOREIGN KEY ("handout_id") REFERENCES "handout"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- What the upload checks, held by the database too (docs/decisions/035-handouts.md).
ALTER TABLE "handout" ADD CONSTRAINT "handout_content_type_allowed" CHECK ("content_type" IN (
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'image/png',
  'image/jpeg'
));
ALTER TABLE "handout" ADD CONSTRAINT "handout_size_limit" CHECK ("size" BETWEEN 1 AND 20971520);
ALTER TABLE "handout" ADD CONSTRAINT "handout_sha256_hex" CHECK ("sha256" ~ '^[0-9a-f]{64}$');
ALTER TABLE "handout" ADD CONSTRAINT "handout_file_name_plain" CHECK (
  char_length("file_name") BETWEEN 1 AND 200 AND "file_name" !~ '[/\\[:cntrl:]]' AND "file_name" !~ '^\.'
);
ALTER TABLE "handout" ADD CONSTRAINT "handout_title_ru" CHECK (jsonb_typeof("title"->'ru') = 'string');
ALTER TABLE "handout_chunk" ADD CONSTRAINT "handout_chunk_position" CHECK ("position" >= 0);
ALTER TABLE "handout_chunk" ADD CONSTRAINT "handout_chunk_size" CHECK (octet_length("bytes") BETWEEN 1 AND 65536);

-- A handout's session is one of its own event's.
CREATE FUNCTION "handout_session_of_event"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."session_id" IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM "event_session" s JOIN "event_day" d ON d."id" = s."event_day_id"
     WHERE s."id" = NEW."session_id" AND d."event_id" = NEW."event_id"
  ) THEN
    RAISE EXCEPTION 'a handout''s session belongs to another event'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'handout_session_of_event';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "handout_session_of_event"
  BEFORE INSERT OR UPDATE OF "session_id", "event_id" ON "handout"
  FOR EACH ROW EXECUTE FUNCTION "handout_session_of_event"();
