-- CreateEnum
CREATE TYPE "QuestionType" AS ENUM ('SHORT_TEXT', 'LONG_TEXT', 'SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'YES_NO', 'NUMBER', 'DATE', 'EMAIL', 'PHONE');

-- CreateTable
CREATE TABLE "question" (
    "id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "type" "QuestionType" NOT NULL,
    "required" BOOLEAN NOT NULL DEFAULT false,
    "label" JSONB NOT NULL,
    "help" JSONB,
    "min_number" DOUBLE PRECISION,
    "max_number" DOUBLE PRECISION,
    "min_date" DATE,
    "max_date" DATE,
    "condition_question_id" UUID,
    "condition_values" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "archived_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "question_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "question_option" (
    "id" UUID NOT NULL,
    "question_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "label" JSONB NOT NULL,
    "places" INTEGER,

    CONSTRAINT "question_option_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "registration_answer" (
    "registration_id" UUID NOT NULL,
    "question_id" UUID NOT NULL,
    "text_value" TEXT,
    "number_value" DOUBLE PRECISION,
    "date_value" DATE,
    "boolean_value" BOOLEAN,

    CONSTRAINT "registration_answer_pkey" PRIMARY KEY ("registration_id","question_id")
);

-- CreateTable
CREATE TABLE "registration_answer_option" (
    "registration_id" UUID NOT NULL,
    "question_id" UUID NOT NULL,
    "option_id" UUID NOT NULL,

    CONSTRAINT "registration_answer_option_pkey" PRIMARY KEY ("registration_id","option_id")
);

-- CreateIndex
CREATE INDEX "question_event_id_position_idx" ON "question"("event_id", "position");

-- CreateIndex
CREATE INDEX "question_option_question_id_position_idx" ON "question_option"("question_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "question_option_id_question_id_key" ON "question_option"("id", "question_id");

-- CreateIndex
CREATE INDEX "registration_answer_question_id_idx" ON "registration_answer"("question_id");

-- CreateIndex
CREATE INDEX "registration_answer_option_option_id_idx" ON "registration_answer_option"("option_id");

-- AddForeignKey
ALTER TABLE "question" ADD CONSTRAINT "question_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "question" ADD CONSTRAINT "question_condition_question_id_fkey" FOREIGN KEY ("condition_question_id") REFERENCES "question"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "question_option" ADD CONSTRAINT "question_option_question_id_fkey" FOREIGN KEY ("question_id") REFERENCES "question"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "registration_answer" ADD CONSTRAINT "registration_answer_registration_id_fkey" FOREIGN KEY ("registration_id") REFERENCES "registration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "registration_answer" ADD CONSTRAINT "registration_answer_question_id_fkey" FOREIGN KEY ("question_id") REFERENCES "question"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "registration_answer_option" ADD CONSTRAINT "registration_answer_option_registration_id_question_id_fkey" FOREIGN KEY ("registration_id", "question_id") REFERENCES "registration_answer"("registration_id", "question_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "registration_answer_option" ADD CONSTRAINT "registration_answer_option_option_id_question_id_fkey" FOREIGN KEY ("option_id", "question_id") REFERENCES "question_option"("id", "question_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Written by hand (ignored by the diff): what the database itself guarantees
-- of questions and answers (docs/decisions/016-registration-questions.md).
ALTER TABLE "question" ADD CONSTRAINT "question_label_ru" CHECK (jsonb_typeof("label"->'ru') = 'string' AND btrim("label"->>'ru') <> '');
ALTER TABLE "question" ADD CONSTRAINT "question_position_non_negative" CHECK ("position" >= 0);
ALTER TABLE "question" ADD CONSTRAINT "question_condition_complete" CHECK (("condition_question_id" IS NULL) = (coalesce(cardinality("condition_values"), 0) = 0));
ALTER TABLE "question" ADD CONSTRAINT "question_condition_not_itself" CHECK ("condition_question_id" <> "id");
ALTER TABLE "question" ADD CONSTRAINT "question_number_range" CHECK ("min_number" IS NULL OR "max_number" IS NULL OR "min_number" <= "max_number");
ALTER TABLE "question" ADD CONSTRAINT "question_date_range" CHECK ("min_date" IS NULL OR "max_date" IS NULL OR "min_date" <= "max_date");
ALTER TABLE "question_option" ADD CONSTRAINT "question_option_label_ru" CHECK (jsonb_typeof("label"->'ru') = 'string' AND btrim("label"->>'ru') <> '');
ALTER TABLE "question_option" ADD CONSTRAINT "question_option_places_positive" CHECK ("places" IS NULL OR "places" > 0);
ALTER TABLE "registration_answer" ADD CONSTRAINT "registration_answer_one_value" CHECK (num_nonnulls("text_value", "number_value", "date_value", "boolean_value") <= 1);
ALTER TABLE "registration_answer" ADD CONSTRAINT "registration_answer_text_not_empty" CHECK ("text_value" IS NULL OR "text_value" <> '');
