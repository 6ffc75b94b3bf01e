import { encode } from "next-auth/jwt";
import pg from "pg";
import { db } from "@/lib/db";
import { FOUND_COUNT_LIMIT } from "@/lib/registrations/data";
import { pageStartQuery } from "@/lib/registrations/filters";
import { createStaffAccount, startStaffSession } from "@/lib/staff/mutations";
import { createTestEvent } from "../support/factories";
import type { KattooServer } from "./support/kattoo-server";
import { type BenchRow, measured, percentile } from "./support/stats";

// 3. Staff list and search on one event with 100,000 registrations (Cyrillic,
// Kyrgyz and Latin names, organizations, regions): the first page, a filtered
// page, a search for part of a Cyrillic name, a page far into the list (by
// its cursor). Figures: p50 and p95 of the whole request as a signed-in
// organizer, one request at a time. Baseline: the same SQL through pg.

const ROWS = 100_000;
const REQUESTS = 60;
const WARM_UP = 5;

const lastNames = [
  "Асанова",
  "Жумабаев",
  "Токтогулова",
  "Осмонов",
  "Бекова",
  "Мамытов",
  "Иманалиева",
  "Сыдыков",
  "Өмүрбекова",
  "Үсөнов",
  "Ниязбеков",
  "Абдыкадырова",
  "Ivanova",
  "Petrov",
  "Smith",
  "Kasymova",
];
const firstNames = [
  "Айгүл",
  "Бакыт",
  "Гүлзат",
  "Нурлан",
  "Чынара",
  "Эрмек",
  "Айдана",
  "Бекзат",
  "Мээрим",
  "Өмүр",
  "Ңурай",
  "Anna",
  "Daniyar",
  "Elena",
  "Sergei",
  "Aizada",
];
const organizations = [
  "Айыл өкмөтү",
  "Министерство труда",
  "Мэрия города Ош",
  "ОО «Аялзат»",
  "Институт политики",
  "Жогорку Кеңеш",
  "UNDP Kyrgyzstan",
  "Нарын облусунун мамлекеттик администрациясы",
];

/** One event filled with ROWS registrations by SQL, as the application would store them. */
async function fillEvent(databaseUrl: string, eventId: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO registration (id, event_id, status, category, last_name, first_name, organization, position,
         region, email, email_normalized, phone, gender, consent_at, consent_version, manage_token_hash,
         check_in_code, updated_at)
       SELECT gen_random_uuid(), $1,
         (ARRAY['CONFIRMED','CONFIRMED','WAITLISTED','PENDING','DECLINED','CANCELLED'])[1 + i % 6]::"RegistrationStatus",
         (ARRAY['GOVERNMENT','LOCAL_GOVERNMENT','CIVIL_SOCIETY','OTHER'])[1 + i % 4]::"ParticipantCategory",
         ($2::text[])[1 + i % array_length($2, 1)] || ' ' || i,
         ($3::text[])[1 + (i / 7) % array_length($3, 1)],
         ($4::text[])[1 + (i / 3) % array_length($4, 1)],
         'Специалист',
         (ARRAY['BISHKEK_CITY','OSH_CITY','BATKEN','CHUI','ISSYK_KUL','JALAL_ABAD','NARYN','OSH','TALAS'])[1 + i % 9],
         'person' || i || '@example.kg', 'person' || i || '@example.kg', '+996 555 000 000',
         (ARRAY['FEMALE','MALE','UNDISCLOSED'])[1 + i % 3]::"Gender",
         now(), 'bench', md5('token' || i), lpad(upper(to_hex(i)), 7, '0'), now()
       FROM generate_series(1, $5) AS i`,
      [eventId, lastNames, firstNames, organizations, ROWS],
    );
    // As autovacuum leaves a table in steady use: visibility map set, statistics fresh.
    await client.query("VACUUM ANALYZE registration");
  } finally {
    await client.end();
  }
}

/** Rows before the deep page: where page 1,500 of 50 began when the list paged by offset. */
const DEEP = 74_950;

/**
 * Each case's address, and the rows it selects as SQL; `counted`: the page
 * counts the matching rows itself (a filter other than status and sector,
 * and more rows than one page holds; the filtered case finds none).
 */
function casesFor(eventId: string, deepNumber: number) {
  const deep = pageStartQuery({ cursor: { number: deepNumber }, backwards: false });
  return [
    { name: "first page", query: "", where: "event_id = $1", values: [eventId], counted: false },
    {
      name: "filtered page",
      query: "?status=CONFIRMED&category=LOCAL_GOVERNMENT&region=NARYN",
      where: "event_id = $1 AND status = 'CONFIRMED' AND category = 'LOCAL_GOVERNMENT' AND region = 'NARYN'",
      values: [eventId],
      counted: false,
    },
    {
      name: "search “гүлз”",
      query: "?q=%D0%B3%D2%AF%D0%BB%D0%B7",
      where: "event_id = $1 AND search_text LIKE $2",
      values: [eventId, "%гүлз%"],
      counted: true,
    },
    {
      name: `deep page (after row ${DEEP.toLocaleString("en")})`,
      query: `?${deep}`,
      where: "event_id = $1 AND number >= $2 AND number > $2",
      values: [eventId, deepNumber],
      counted: false,
    },
  ];
}

type Case = ReturnType<typeof casesFor>[number];

/**
 * The page's queries as SQL, as lib/registrations/data asks them: the counts
 * per status and sector (kept by a trigger), 51 rows from the cursor, and when `counted` the
 * matching rows counted up to FOUND_COUNT_LIMIT.
 */
function baselineSql(eventId: string, { where, values, counted }: Case): [string, unknown[]][] {
  const columns =
    "id, number, status, category, region, last_name, first_name, patronymic, email, organization, position, created_at";
  const grouped: [string, unknown[]] = [
    "SELECT status, category, count FROM registration_count WHERE event_id = $1 AND count > 0",
    [eventId],
  ];
  const count: [string, unknown[]] = [
    `SELECT count(*) FROM (SELECT id FROM registration WHERE ${where} LIMIT ${FOUND_COUNT_LIMIT + 1}) AS found`,
    values,
  ];
  const rows: [string, unknown[]] = [
    `SELECT ${columns} FROM registration WHERE ${where} ORDER BY number LIMIT 51`,
    values,
  ];
  return counted ? [grouped, rows, count] : [grouped, rows];
}

async function timed(times: number, run: () => Promise<void>): Promise<number[]> {
  for (let i = 0; i < WARM_UP; i++) await run();
  const durations: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await run();
    durations.push(performance.now() - start);
  }
  return durations;
}

export async function staffSearch(server: KattooServer, log: (line: string) => void): Promise<BenchRow[]> {
  log(`Staff search: filling one event with ${ROWS.toLocaleString("en")} registrations…`);
  const event = await createTestEvent({ capacity: ROWS });
  await fillEvent(server.databaseUrl, event.id);
  const account = await createStaffAccount({
    email: `bench-${Date.now()}@kattoo.test`,
    name: "Bench",
    role: "ORGANIZER",
    password: `bench-password-${Date.now()}`,
    actor: { type: "SYSTEM" },
  });
  if (!account.ok) throw new Error("Could not create the benchmark's staff account");
  const cookieName = "authjs.session-token";
  // As signing in makes it: a staff session row the cookie names (decision 006).
  const sessionId = await startStaffSession({ staffId: account.id, device: "Benchmark" });
  const session = await encode({
    token: {
      sub: account.id,
      staffId: account.id,
      sessionId,
      sessionVersion: 0,
      authTime: Math.floor(Date.now() / 1000),
    },
    secret: server.secret,
    salt: cookieName,
    maxAge: 3600,
  });
  const pool = new pg.Pool({ connectionString: server.databaseUrl, max: 1 });
  const deepRow = await pool.query<{ number: number }>(
    "SELECT number FROM registration WHERE event_id = $1 ORDER BY number OFFSET $2 LIMIT 1",
    [event.id, DEEP - 1],
  );
  const deepNumber = deepRow.rows[0]?.number ?? 0;

  const rows: BenchRow[] = [];
  try {
    for (const benchCase of casesFor(event.id, deepNumber)) {
      const { name, query } = benchCase;
      log(`Staff search: ${name}…`);
      const url = `${server.url}/admin/events/${event.id}${query}`;
      const kattoo = await timed(REQUESTS, async () => {
        const response = await fetch(url, {
          headers: { cookie: `${cookieName}=${session}` },
          redirect: "manual",
        });
        if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
        await response.text();
      });
      const sql = await timed(REQUESTS, async () => {
        for (const [text, values] of baselineSql(event.id, benchCase)) await pool.query(text, values);
      });
      const p95 = percentile(kattoo, 95);
      const sqlP95 = percentile(sql, 95);
      rows.push(
        {
          benchmark: `staff list: ${name}`,
          figure: "p50 ms",
          kattoo: measured([percentile(kattoo, 50)]),
          baseline: measured([percentile(sql, 50)]),
          ratio: percentile(sql, 50) / percentile(kattoo, 50),
        },
        {
          benchmark: `staff list: ${name}`,
          figure: "p95 ms",
          kattoo: measured([p95]),
          baseline: measured([sqlP95]),
          ratio: sqlP95 / p95,
          target: "p95 < 50 ms, ≥ 0.33 of SQL",
          met: p95 < 50 && sqlP95 / p95 >= 1 / 3,
        },
      );
    }
  } finally {
    await pool.end();
    await db.$disconnect();
  }
  return rows;
}
