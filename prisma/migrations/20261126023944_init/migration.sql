-- Trigram search for the staff registrations list (see registration.search_text).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "Locale" AS ENUM ('ru', 'ky', 'en');

-- CreateEnum
CREATE TYPE "EventStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'CLOSED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "ParticipantCategory" AS ENUM ('GOVERNMENT', 'LOCAL_GOVERNMENT', 'CIVIL_SOCIETY', 'OTHER');

-- CreateEnum
CREATE TYPE "Region" AS ENUM ('BISHKEK_CITY', 'OSH_CITY', 'BATKEN', 'CHUI', 'ISSYK_KUL', 'JALAL_ABAD', 'NARYN', 'OSH', 'TALAS', 'KAZAKHSTAN', 'TAJIKISTAN', 'TURKMENISTAN', 'UZBEKISTAN', 'OTHER_COUNTRY');

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('FEMALE', 'MALE', 'UNDISCLOSED');

-- CreateEnum
CREATE TYPE "RegistrationStatus" AS ENUM ('PENDING', 'CONFIRMED', 'WAITLISTED', 'DECLINED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "PartyRole" AS ENUM ('ORGANIZER', 'PARTNER', 'FUNDER');

-- CreateEnum
CREATE TYPE "StaffRole" AS ENUM ('ADMIN', 'ORGANIZER', 'CHECK_IN');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('QUEUED', 'SENDING', 'SENT', 'FAILED');

-- CreateEnum
CREATE TYPE "ActorType" AS ENUM ('STAFF', 'PARTICIPANT', 'SYSTEM');

-- CreateTable
CREATE TABLE "event" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "status" "EventStatus" NOT NULL DEFAULT 'DRAFT',
    "title" JSONB NOT NULL,
    "summary" JSONB NOT NULL,
    "description" JSONB NOT NULL,
    "audience" JSONB NOT NULL,
    "venue_name" JSONB NOT NULL,
    "venue_address" JSONB NOT NULL,
    "time_zone" TEXT NOT NULL DEFAULT 'Asia/Bishkek',
    "registration_opens_at" TIMESTAMPTZ(3),
    "registration_closes_at" TIMESTAMPTZ(3),
    "capacity" INTEGER NOT NULL,
    "requires_approval" BOOLEAN NOT NULL DEFAULT false,
    "contact_email" TEXT,
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "event_day" (
    "id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "date" DATE NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "event_day_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "category_quota" (
    "event_id" UUID NOT NULL,
    "category" "ParticipantCategory" NOT NULL,
    "seats" INTEGER NOT NULL,

    CONSTRAINT "category_quota_pkey" PRIMARY KEY ("event_id","category")
);

-- CreateTable
CREATE TABLE "event_party" (
    "id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "role" "PartyRole" NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "name" JSONB NOT NULL,
    "url" TEXT,

    CONSTRAINT "event_party_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "registration" (
    "id" UUID NOT NULL,
    "number" SERIAL NOT NULL,
    "event_id" UUID NOT NULL,
    "status" "RegistrationStatus" NOT NULL,
    "category" "ParticipantCategory" NOT NULL,
    "last_name" TEXT NOT NULL,
    "first_name" TEXT NOT NULL,
    "patronymic" TEXT,
    "organization" TEXT NOT NULL,
    "position" TEXT NOT NULL,
    "region" "Region" NOT NULL,
    "email" TEXT NOT NULL,
    "email_normalized" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "gender" "Gender" NOT NULL,
    "needs_accommodation" BOOLEAN NOT NULL DEFAULT false,
    "dietary_needs" TEXT,
    "accessibility_needs" TEXT,
    "locale" "Locale" NOT NULL DEFAULT 'ru',
    "consent_at" TIMESTAMPTZ(3) NOT NULL,
    "consent_version" TEXT NOT NULL,
    "manage_token_hash" TEXT NOT NULL,
    "check_in_code" TEXT NOT NULL,
    "internal_note" TEXT,
    "search_text" TEXT NOT NULL DEFAULT '',
    "status_changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "registration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attendance" (
    "id" UUID NOT NULL,
    "registration_id" UUID NOT NULL,
    "event_day_id" UUID NOT NULL,
    "marked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "marked_by_id" UUID,
    "client_mark_id" UUID,

    CONSTRAINT "attendance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "staff_user" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "StaffRole" NOT NULL,
    "password_hash" TEXT NOT NULL,
    "session_version" INTEGER NOT NULL DEFAULT 0,
    "disabled_at" TIMESTAMPTZ(3),
    "last_sign_in_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "staff_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_message" (
    "id" UUID NOT NULL,
    "event_id" UUID,
    "registration_id" UUID,
    "template" TEXT NOT NULL,
    "locale" "Locale" NOT NULL,
    "to_address" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "dedupe_key" TEXT,
    "status" "OutboxStatus" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimed_at" TIMESTAMPTZ(3),
    "claimed_by" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "provider_message_id" TEXT,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outbox_message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_type" "ActorType" NOT NULL,
    "actor_id" UUID,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "event_id" UUID,
    "data" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "event_slug_key" ON "event"("slug");

-- CreateIndex
CREATE INDEX "event_status_idx" ON "event"("status");

-- CreateIndex
CREATE UNIQUE INDEX "event_day_event_id_date_key" ON "event_day"("event_id", "date");

-- CreateIndex
CREATE INDEX "event_party_event_id_role_position_idx" ON "event_party"("event_id", "role", "position");

-- CreateIndex
CREATE UNIQUE INDEX "registration_number_key" ON "registration"("number");

-- CreateIndex
CREATE UNIQUE INDEX "registration_manage_token_hash_key" ON "registration"("manage_token_hash");

-- CreateIndex
CREATE INDEX "registration_event_id_status_category_number_idx" ON "registration"("event_id", "status", "category", "number");

-- CreateIndex
CREATE INDEX "registration_search_text_idx" ON "registration" USING GIN ("search_text" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "registration_event_id_email_normalized_key" ON "registration"("event_id", "email_normalized");

-- CreateIndex
CREATE UNIQUE INDEX "registration_event_id_check_in_code_key" ON "registration"("event_id", "check_in_code");

-- CreateIndex
CREATE UNIQUE INDEX "attendance_client_mark_id_key" ON "attendance"("client_mark_id");

-- CreateIndex
CREATE INDEX "attendance_event_day_id_idx" ON "attendance"("event_day_id");

-- CreateIndex
CREATE UNIQUE INDEX "attendance_registration_id_event_day_id_key" ON "attendance"("registration_id", "event_day_id");

-- CreateIndex
CREATE UNIQUE INDEX "staff_user_email_key" ON "staff_user"("email");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_message_dedupe_key_key" ON "outbox_message"("dedupe_key");

-- CreateIndex
CREATE INDEX "outbox_message_status_next_attempt_at_idx" ON "outbox_message"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "outbox_message_registration_id_idx" ON "outbox_message"("registration_id");

-- CreateIndex
CREATE INDEX "outbox_message_event_id_created_at_idx" ON "outbox_message"("event_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_log_entity_type_entity_id_at_idx" ON "audit_log"("entity_type", "entity_id", "at");

-- CreateIndex
CREATE INDEX "audit_log_event_id_at_idx" ON "audit_log"("event_id", "at");

-- CreateIndex
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");

-- AddForeignKey
ALTER TABLE "event_day" ADD CONSTRAINT "event_day_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "category_quota" ADD CONSTRAINT "category_quota_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_party" ADD CONSTRAINT "event_party_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "registration" ADD CONSTRAINT "registration_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_registration_id_fkey" FOREIGN KEY ("registration_id") REFERENCES "registration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_event_day_id_fkey" FOREIGN KEY ("event_day_id") REFERENCES "event_day"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_marked_by_id_fkey" FOREIGN KEY ("marked_by_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outbox_message" ADD CONSTRAINT "outbox_message_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outbox_message" ADD CONSTRAINT "outbox_message_registration_id_fkey" FOREIGN KEY ("registration_id") REFERENCES "registration"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "staff_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Written by hand: invariants Prisma's schema language cannot express.

ALTER TABLE "event" ADD CONSTRAINT "event_capacity_non_negative" CHECK ("capacity" >= 0);
ALTER TABLE "event" ADD CONSTRAINT "event_registration_window_ordered"
  CHECK ("registration_opens_at" IS NULL OR "registration_closes_at" IS NULL
         OR "registration_opens_at" < "registration_closes_at");
ALTER TABLE "event" ADD CONSTRAINT "event_slug_format" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$');
ALTER TABLE "event_day" ADD CONSTRAINT "event_day_ends_after_start" CHECK ("ends_at" > "starts_at");
ALTER TABLE "category_quota" ADD CONSTRAINT "category_quota_seats_non_negative" CHECK ("seats" >= 0);
ALTER TABLE "registration" ADD CONSTRAINT "registration_email_normalized"
  CHECK ("email_normalized" = lower(btrim("email")));
ALTER TABLE "outbox_message" ADD CONSTRAINT "outbox_message_attempts_non_negative" CHECK ("attempts" >= 0);

-- The staff search column is derived by the database, so no writer can forget it.
CREATE FUNCTION "registration_set_search_text"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."search_text" := lower(concat_ws(' ', NEW."last_name", NEW."first_name", NEW."patronymic",
    NEW."email", NEW."organization", NEW."position", NEW."phone"));
  RETURN NEW;
END $$;

CREATE TRIGGER "registration_search_text"
  BEFORE INSERT OR UPDATE OF "last_name", "first_name", "patronymic", "email", "organization", "position", "phone"
  ON "registration" FOR EACH ROW EXECUTE FUNCTION "registration_set_search_text"();

-- The audit log is append-only for the application.
CREATE FUNCTION "audit_log_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$;

CREATE TRIGGER "audit_log_append_only"
  BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_refuse_change"();
