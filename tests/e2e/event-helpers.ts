import { randomUUID } from "node:crypto";
import { type APIRequestContext, expect } from "@playwright/test";
import { sql } from "./database";
import { manageLinkFromLetter } from "./registration-helpers";

// An event of a test's own, so that no other test's registrations mix in,
// and registrations to it through the JSON API, on the database of the
// server under test.

/** A published two-day event ten days ahead, its titles (ru, en) and address starting as given; its Russian title. */
export async function createTestEvent({
  title: names,
  slug: prefix,
}: {
  title: { ru: string; en: string };
  slug: string;
}) {
  const id = randomUUID();
  const title = `${names.ru} ${id.slice(0, 6)}`;
  const slug = `${prefix}-${id.slice(0, 8)}`;
  await sql(
    `INSERT INTO event (id, slug, status, title, summary, description, audience, venue_name, venue_address,
       capacity, updated_at)
     VALUES ($1, $2, 'PUBLISHED', $3, $4, $4, $4, '{"ru": "Чолпон-Ата"}', '{"ru": "Иссык-Кульская область"}', 100, now())`,
    [id, slug, JSON.stringify({ ru: title, en: `${names.en} ${id.slice(0, 6)}` }), '{"ru": "—"}'],
  );
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const days = await sql<{ id: string }>(
    `INSERT INTO event_day (id, event_id, date, starts_at, ends_at)
     SELECT gen_random_uuid(), $1, d::date, d::date + time '03:00' AT TIME ZONE 'UTC', d::date + time '11:00' AT TIME ZONE 'UTC'
     FROM unnest($2::text[]) AS d ORDER BY d RETURNING id`,
    [id, [day(10), day(11)]],
  );
  await sql(
    `INSERT INTO event_party (id, event_id, role, position, name)
     VALUES (gen_random_uuid(), $1, 'ORGANIZER', 0, '{"ru": "Центр политики «Тянь-Шань» АУЦА"}')`,
    [id],
  );
  return { id, slug, title, dayIds: days.map((row) => row.id) };
}

/** A registration through the JSON API, and the management link from the letter it brings. */
export async function registerThroughApi(
  request: APIRequestContext,
  slug: string,
  {
    emailPrefix,
    locale = "ru",
    ...person
  }: { lastName: string; firstName: string; emailPrefix: string; locale?: "ru" | "ky" | "en" },
) {
  const email = `${emailPrefix}-${randomUUID().slice(0, 8)}@example.kg`;
  const response = await request.post(`/api/events/${slug}/registrations`, {
    data: {
      ...person,
      locale,
      organization: "Нарын шаардык кеңеши",
      position: "Депутат",
      category: "LOCAL_GOVERNMENT",
      region: "NARYN",
      email,
      phone: "+996 700 111 222",
      gender: "FEMALE",
      consent: true,
    },
    headers: { "x-forwarded-for": `203.0.113.${Math.floor(Math.random() * 200)}` },
  });
  expect(response.status()).toBe(202);
  return { email, manageUrl: await manageLinkFromLetter(email) };
}
