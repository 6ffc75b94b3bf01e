-- A search by someone who may not see contact details (a viewer: decision
-- 038) matches the name, organization and position only, folded as
-- search_text is (ё, ү, ө, ң as е, у, о, н). name_search_text holds just
-- those; the query asks search_text too, so the trigram index on search_text
-- still finds the candidates, and name_search_text only rechecks them.
ALTER TABLE "registration" ADD COLUMN "name_search_text" TEXT NOT NULL DEFAULT '';

CREATE OR REPLACE FUNCTION "registration_set_search_text"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."search_text" := translate(lower(concat_ws(' ', NEW."last_name", NEW."first_name", NEW."patronymic",
    NEW."email", NEW."organization", NEW."position", NEW."phone")), 'ёүөң', 'еуон');
  NEW."name_search_text" := translate(lower(concat_ws(' ', NEW."last_name", NEW."first_name", NEW."patronymic",
    NEW."organization", NEW."position")), 'ёүөң', 'еуон');
  RETURN NEW;
END $$;

UPDATE "registration" SET "name_search_text" = translate(lower(concat_ws(' ', "last_name", "first_name",
  "patronymic", "organization", "position")), 'ёүөң', 'еуон');
