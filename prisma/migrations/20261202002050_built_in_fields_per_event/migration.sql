-- Built-in fields per event (docs/decisions/021-built-in-fields.md): how the
-- form asks patronymic, position, phone and needs; the event's own wording of
-- the sector and gender questions; and the event's own list of regions, which
-- replaces the fixed "Region" type.

CREATE TYPE "FieldMode" AS ENUM ('REQUIRED', 'OPTIONAL', 'HIDDEN');

ALTER TABLE "event" ADD COLUMN "patronymic_field" "FieldMode" NOT NULL DEFAULT 'OPTIONAL',
ADD COLUMN "position_field" "FieldMode" NOT NULL DEFAULT 'REQUIRED',
ADD COLUMN "phone_field" "FieldMode" NOT NULL DEFAULT 'REQUIRED',
ADD COLUMN "needs_field" "FieldMode" NOT NULL DEFAULT 'OPTIONAL',
ADD COLUMN "sector_label" JSONB,
ADD COLUMN "gender_label" JSONB;

CREATE TABLE "event_region" (
    "event_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "label" JSONB NOT NULL,

    CONSTRAINT "event_region_pkey" PRIMARY KEY ("event_id","code")
);

ALTER TABLE "event_region" ADD CONSTRAINT "event_region_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The standard list, as the form offered it until now: every event has it,
-- and every new event starts with it.
CREATE FUNCTION "standard_regions"() RETURNS TABLE ("code" text, "position" integer, "label" jsonb)
LANGUAGE sql IMMUTABLE AS $$
  VALUES
    ('BISHKEK_CITY', 0, '{"ru": "г. Бишкек", "ky": "Бишкек шаары", "en": "Bishkek city"}'::jsonb),
    ('OSH_CITY', 1, '{"ru": "г. Ош", "ky": "Ош шаары", "en": "Osh city"}'::jsonb),
    ('BATKEN', 2, '{"ru": "Баткенская область", "ky": "Баткен облусу", "en": "Batken region"}'::jsonb),
    ('CHUI', 3, '{"ru": "Чуйская область", "ky": "Чүй облусу", "en": "Chui region"}'::jsonb),
    ('ISSYK_KUL', 4, '{"ru": "Иссык-Кульская область", "ky": "Ысык-Көл облусу", "en": "Issyk-Kul region"}'::jsonb),
    ('JALAL_ABAD', 5, '{"ru": "Джалал-Абадская область", "ky": "Жалал-Абад облусу", "en": "Jalal-Abad region"}'::jsonb),
    ('NARYN', 6, '{"ru": "Нарынская область", "ky": "Нарын облусу", "en": "Naryn region"}'::jsonb),
    ('OSH', 7, '{"ru": "Ошская область", "ky": "Ош облусу", "en": "Osh region"}'::jsonb),
    ('TALAS', 8, '{"ru": "Таласская область", "ky": "Талас облусу", "en": "Talas region"}'::jsonb),
    ('KAZAKHSTAN', 9, '{"ru": "Казахстан", "ky": "Казакстан", "en": "Kazakhstan"}'::jsonb),
    ('TAJIKISTAN', 10, '{"ru": "Таджикистан", "ky": "Тажикстан", "en": "Tajikistan"}'::jsonb),
    ('TURKMENISTAN', 11, '{"ru": "Туркменистан", "ky": "Түркмөнстан", "en": "Turkmenistan"}'::jsonb),
    ('UZBEKISTAN', 12, '{"ru": "Узбекистан", "ky": "Өзбекстан", "en": "Uzbekistan"}'::jsonb),
    ('OTHER_COUNTRY', 13, '{"ru": "Другая страна", "ky": "Башка өлкө", "en": "Another country"}'::jsonb)
$$;

CREATE FUNCTION "event_add_standard_regions"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "event_region" ("event_id", "code", "position", "label")
  SELECT NEW."id", standard."code", standard."position", standard."label" FROM "standard_regions"() AS standard;
  RETURN NEW;
END $$;

CREATE TRIGGER "event_add_standard_regions" AFTER INSERT ON "event"
FOR EACH ROW EXECUTE FUNCTION "event_add_standard_regions"();

-- The existing events get the list they offered until now.
INSERT INTO "event_region" ("event_id", "code", "position", "label")
SELECT "event"."id", standard."code", standard."position", standard."label"
FROM "event" CROSS JOIN "standard_regions"() AS standard;

ALTER TABLE "registration" ALTER COLUMN "position" DROP NOT NULL,
ALTER COLUMN "phone" DROP NOT NULL,
ALTER COLUMN "region" TYPE TEXT USING "region"::text;

DROP TYPE "Region";

ALTER TABLE "registration" ADD CONSTRAINT "registration_event_id_region_fkey" FOREIGN KEY ("event_id", "region") REFERENCES "event_region"("event_id", "code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- What Prisma's schema cannot say.
ALTER TABLE "event_region" ADD CONSTRAINT "event_region_code_shape" CHECK ("code" ~ '^[A-Z][A-Z0-9_]{0,39}$'),
ADD CONSTRAINT "event_region_label_ru" CHECK (jsonb_typeof("label" -> 'ru') = 'string' AND btrim("label" ->> 'ru') <> ''),
ADD CONSTRAINT "event_region_position" CHECK ("position" >= 0);
ALTER TABLE "event" ADD CONSTRAINT "event_needs_never_required" CHECK ("needs_field" <> 'REQUIRED');
