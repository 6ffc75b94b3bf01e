-- A certificate may wait for the post-test and/or the feedback survey
-- (docs/decisions/043-outcome-reports.md). Only an event that gives
-- certificates can ask for them.
ALTER TABLE "event"
  ADD COLUMN "certificate_requires_post_test" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "certificate_requires_feedback" BOOLEAN NOT NULL DEFAULT false;

ALTER TABLE "event" ADD CONSTRAINT "event_certificate_requirements_need_certificates"
  CHECK ("certificate_min_days" IS NOT NULL
    OR NOT ("certificate_requires_post_test" OR "certificate_requires_feedback"));
