-- Staff search matches Kyrgyz letters typed as Russian ones (ү, ө, ң as у, о, н;
-- ё as е): search_text is stored folded, as lib/registrations/search.ts folds
-- the query. The trigram index on search_text serves it unchanged.
CREATE OR REPLACE FUNCTION "registration_set_search_text"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."search_text" := translate(lower(concat_ws(' ', NEW."last_name", NEW."first_name", NEW."patronymic",
    NEW."email", NEW."organization", NEW."position", NEW."phone")), 'ёүөң', 'еуон');
  RETURN NEW;
END $$;

UPDATE "registration" SET "search_text" = translate("search_text", 'ёүөң', 'еуон')
WHERE "search_text" ~ '[ёүөң]';
