-- CreateEnum
CREATE TYPE "InstrumentKind" AS ENUM ('PRE_TEST', 'POST_TEST', 'FEEDBACK');

-- AlterEnum
ALTER TYPE "QuestionType" ADD VALUE 'SCALE';

-- AlterTable
ALTER TABLE "question" ADD COLUMN     "instrument_id" UUID,
ADD COLUMN     "points" INTEGER,
ADD COLUMN     "scale_high" JSONB,
ADD COLUMN     "scale_low" JSONB,
ALTER COLUMN "event_id" DROP NOT NULL;

-- AlterTable
ALTER TABLE "question_option" ADD COLUMN     "correct" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "instrument" (
    "id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "kind" "InstrumentKind" NOT NULL,
    "opens_at" TIMESTAMPTZ(3),
    "closes_at" TIMESTAMPTZ(3),
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "shares_pre_test_questions" BOOLEAN NOT NULL DEFAULT true,
    "improvement_threshold" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "satisfaction_question_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "instrument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "instrument_response" (
    "id" UUID NOT NULL,
    "instrument_id" UUID NOT NULL,
    "anonymous" BOOLEAN NOT NULL,
    "registration_id" UUID,
    "submitted_on" DATE NOT NULL,

    CONSTRAINT "instrument_response_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "instrument_ballot" (
    "instrument_id" UUID NOT NULL,
    "registration_id" UUID NOT NULL,

    CONSTRAINT "instrument_ballot_pkey" PRIMARY KEY ("instrument_id","registration_id")
);

-- CreateTable
CREATE TABLE "instrument_answer" (
    "response_id" UUID NOT NULL,
    "question_id" UUID NOT NULL,
    "text_value" TEXT,
    "number_value" DOUBLE PRECISION,
    "date_value" DATE,
    "boolean_value" BOOLEAN,

    CONSTRAINT "instrument_answer_pkey" PRIMARY KEY ("response_id","question_id")
);

-- CreateTable
CREATE TABLE "instrument_answer_option" (
    "response_id" UUID NOT NULL,
    "question_id" UUID NOT NULL,
    "option_id" UUID NOT NULL,

    CONSTRAINT "instrument_answer_option_pkey" PRIMARY KEY ("response_id","option_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "instrument_event_id_kind_key" ON "instrument"("event_id", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "instrument_id_anonymous_key" ON "instrument"("id", "anonymous");

-- CreateIndex
CREATE UNIQUE INDEX "instrument_response_instrument_id_registration_id_key" ON "instrument_response"("instrument_id", "registration_id");

-- CreateIndex
CREATE INDEX "instrument_ballot_registration_id_idx" ON "instrument_ballot"("registration_id");

-- CreateIndex
CREATE INDEX "instrument_answer_question_id_idx" ON "instrument_answer"("question_id");

-- CreateIndex
CREATE INDEX "instrument_answer_option_option_id_idx" ON "instrument_answer_option"("option_id");

-- CreateIndex
CREATE INDEX "question_instrument_id_position_idx" ON "question"("instrument_id", "position");

-- AddForeignKey
ALTER TABLE "question" ADD CONSTRAINT "question_instrument_id_fkey" FOREIGN KEY ("instrument_id") REFERENCES "instrument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "instrument" ADD CONSTRAINT "instrument_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "instrument" ADD CONSTRAINT "instrument_satisfaction_question_id_fkey" FOREIGN KEY ("satisfaction_question_id") REFERENCES "question"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "instrument_response" ADD CONSTRAINT "instrument_response_instrument_id_anonymous_fkey" FOREIGN KEY ("instrument_id", "anonymous") REFERENCES "instrument"("id", "anonymous") ON DELETE CASCADE ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "instrument_response" ADD CONSTRAINT "instrument_response_registration_id_fkey" FOREIGN KEY ("registration_id") REFERENCES "registration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "instrument_ballot" ADD CONSTRAINT "instrument_ballot_instrument_id_fkey" FOREIGN KEY ("instrument_id") REFERENCES "instrument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "instrument_ballot" ADD CONSTRAINT "instrument_ballot_registration_id_fkey" FOREIGN KEY ("registration_id") REFERENCES "registration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "instrument_answer" ADD CONSTRAINT "instrument_answer_response_id_fkey" FOREIGN KEY ("response_id") REFERENCES "instrument_response"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "instrument_answer" ADD CONSTRAINT "instrument_answer_question_id_fkey" FOREIGN KEY ("question_id") REFERENCES "question"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "instrument_answer_option" ADD CONSTRAINT "instrument_answer_option_response_id_question_id_fkey" FOREIGN KEY ("response_id", "question_id") REFERENCES "instrument_answer"("response_id", "question_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "instrument_answer_option" ADD CONSTRAINT "instrument_answer_option_option_id_question_id_fkey" FOREIGN KEY ("option_id", "question_id") REFERENCES "question_option"("id", "question_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The invariants (docs/decisions/032-outcome-instruments.md). A question
-- belongs to an event's registration form or to one instrument, never both;
-- only an instrument's question is scored.
ALTER TABLE "question" ADD CONSTRAINT "question_one_owner" CHECK (num_nonnulls("event_id", "instrument_id") = 1);
ALTER TABLE "question" ADD CONSTRAINT "question_points_positive" CHECK ("points" IS NULL OR ("points" > 0 AND "instrument_id" IS NOT NULL));
ALTER TABLE "question" ADD CONSTRAINT "question_scale_labels_ru" CHECK (("scale_low" IS NULL OR btrim("scale_low"->>'ru') <> '') AND ("scale_high" IS NULL OR btrim("scale_high"->>'ru') <> ''));
ALTER TABLE "instrument" ADD CONSTRAINT "instrument_closes_after_opens" CHECK ("closes_at" IS NULL OR ("opens_at" IS NOT NULL AND "closes_at" > "opens_at"));
ALTER TABLE "instrument" ADD CONSTRAINT "instrument_anonymous_feedback" CHECK (NOT "anonymous" OR "kind" = 'FEEDBACK');
ALTER TABLE "instrument" ADD CONSTRAINT "instrument_threshold_positive" CHECK ("improvement_threshold" > 0);
-- An anonymous instrument's responses name no registration; a named one's always do.
ALTER TABLE "instrument_response" ADD CONSTRAINT "instrument_response_anonymous_no_registration" CHECK ("anonymous" = ("registration_id" IS NULL));
ALTER TABLE "instrument_answer" ADD CONSTRAINT "instrument_answer_one_value" CHECK (num_nonnulls("text_value", "number_value", "date_value", "boolean_value") <= 1);
ALTER TABLE "instrument_answer" ADD CONSTRAINT "instrument_answer_text_not_empty" CHECK ("text_value" IS NULL OR "text_value" <> '');
