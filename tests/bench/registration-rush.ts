import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import autocannon from "autocannon";
import { db } from "@/lib/db";
import { saveQuestions } from "@/lib/questions/mutations";
import { questionsEditSchema } from "@/lib/questions/schema";
import { participantCategories } from "@/lib/registrations/rules";
import { createTestEvent, DEMO_QUOTAS } from "../support/factories";
import { processTree } from "../support/process-tree";
import type { KattooServer } from "./support/kattoo-server";
import { noLetterDue } from "./support/outbox";
import { type BenchRow, measured, percentile, repeat } from "./support/stats";

// 1. Registration rush: POST /api/events/<slug>/registrations with distinct
// payloads from 50 clients for 10 s, on an event with ample seats and on one
// with 40 seats split by sector. Two baselines, pgbench with 50 clients: the
// five statements a registration sent before decision 026 (lock, counts,
// three inserts: the old ceiling), and one call of register_participant(),
// the statement a registration is now (the new ceiling).
// And the cost of an event's own questions: the same rush on an event with
// ten questions (two of them with limited options), every registration
// answering them, against an event without questions, run in turn.

const CLIENTS = 50;
const SECONDS = 10;
/** The ceiling is steady within a second or two: 5 s keeps the whole run short. */
const BASELINE_SECONDS = 5;
const RUNS = 3;

type Run = { perSecond: number; p50: number; p99: number; errors: number; peakMiB?: number };

/**
 * The highest resident memory of Kattoo's own process (npm and PostgreSQL
 * aside) while `during` runs, sampled every half second: what the heap cap
 * leaves of a 1 GB machine under the rush (issue 19).
 */
async function peakResident<T>(server: KattooServer, during: Promise<T>): Promise<[T, number]> {
  let peak = 0;
  const sample = async () => {
    const tree = await processTree(server.pid ?? 0);
    const own = tree.filter((member) => !/\bpostgres\b|^npm|^sh -c/.test(member.command));
    peak = Math.max(
      peak,
      own.reduce((sum, member) => sum + member.rssMiB, 0),
    );
  };
  const timer = setInterval(() => void sample(), 500);
  try {
    return [await during, peak];
  } finally {
    clearInterval(timer);
  }
}

async function rushKattoo(
  server: KattooServer,
  slug: string,
  answers?: Record<string, unknown>,
): Promise<Run> {
  await noLetterDue();
  let n = 0;
  const [result, peakMiB] = await peakResident(
    server,
    autocannon({
      url: `${server.url}/api/events/${slug}/registrations`,
      connections: CLIENTS,
      duration: SECONDS,
      method: "POST",
      headers: { "content-type": "application/json" },
      requests: [
        {
          setupRequest: (request) => {
            n += 1;
            return {
              ...request,
              body: JSON.stringify({
                lastName: "Асанов",
                firstName: `Бакыт ${n}`,
                organization: "Айыл өкмөтү",
                position: "Адис",
                category: participantCategories[n % 4],
                region: "NARYN",
                email: `rush-${process.pid}-${Date.now()}-${n}@example.kg`,
                phone: "+996 555 000 000",
                gender: n % 2 ? "FEMALE" : "MALE",
                consent: true,
                answers,
              }),
            };
          },
        },
      ],
    }),
  );
  return {
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    peakMiB,
  };
}

// Its letter is written as sent: it is about no registration of the app's,
// and the worker would otherwise retry each for the rest of the benchmark.
const FIVE_STATEMENTS = `
BEGIN;
SELECT id FROM event WHERE id = :event FOR UPDATE;
SELECT category, seats FROM category_quota WHERE event_id = :event;
SELECT category, count(*) FROM registration WHERE event_id = :event AND status = 'CONFIRMED' GROUP BY category;
INSERT INTO registration (id, event_id, status, category, last_name, first_name, organization, position, region,
  email, email_normalized, phone, gender, locale, consent_at, consent_version, manage_token_hash, check_in_code, updated_at)
  SELECT u, :event, 'CONFIRMED', 'CIVIL_SOCIETY', 'Асанов', 'Бакыт', 'Айыл өкмөтү', 'Адис', 'NARYN',
    'pgb-' || u || '@example.kg', 'pgb-' || u || '@example.kg', '+996 555 000 000', 'MALE', 'ru', now(), 'bench',
    md5(u::text), substr(md5(random()::text), 1, 10), now()
  FROM gen_random_uuid() AS u;
INSERT INTO outbox_message (id, event_id, template, locale, to_address, status)
  VALUES (gen_random_uuid(), :event, 'registration-confirmed', 'ru', 'pgb@example.kg', 'SENT');
INSERT INTO audit_log (actor_type, action, entity_type, entity_id, event_id)
  VALUES ('PARTICIPANT', 'registration.created', 'registration', 'bench', :event);
COMMIT;
`;

/** What one registration through the API sends the database now, less the rate limits' statement. */
const ONE_STATEMENT = `
SELECT outcome FROM (SELECT gen_random_uuid() AS u) AS g, register_participant(:slug, jsonb_build_object(
  'id', u, 'category', 'CIVIL_SOCIETY', 'last_name', 'Асанов', 'first_name', 'Бакыт',
  'organization', 'Айыл өкмөтү', 'position', 'Адис', 'region', 'NARYN',
  'email', 'pgb-' || u || '@example.kg', 'email_normalized', 'pgb-' || u || '@example.kg',
  'phone', '+996 555 000 000', 'gender', 'MALE', 'locale', 'ru', 'consent_at', now(),
  'consent_version', 'bench', 'manage_token_hash', md5(u::text), 'check_in_code', substr(md5(u::text), 1, 10)),
  '[]'::json, '{}'::uuid[], false,
  '{"CONFIRMED": "registration-confirmed", "WAITLISTED": "registration-waitlisted", "PENDING": "registration-pending"}',
  'PARTICIPANT', NULL);
`;

async function rushPgbench(
  databaseUrl: string,
  event: { id: string; slug: string },
  sql: string,
): Promise<Run> {
  await noLetterDue();
  const directory = await mkdtemp(path.join(tmpdir(), "kattoo-pgbench-"));
  try {
    const script = path.join(directory, "registration.sql");
    await writeFile(script, sql);
    const { stdout } = await promisify(execFile)(
      "pgbench",
      [
        "-n",
        "-c",
        String(CLIENTS),
        "-j",
        "2",
        "-T",
        String(BASELINE_SECONDS),
        "-f",
        script,
        "-D",
        `event='${event.id}'`,
        "-D",
        `slug='${event.slug}'`,
        "-l",
        "--log-prefix",
        path.join(directory, "log"),
        databaseUrl,
      ],
      { maxBuffer: 16 * 1024 * 1024 },
    );
    const tps = Number(stdout.match(/tps = ([\d.]+)/)?.[1] ?? 0);
    const latencies: number[] = [];
    for (const file of (await readdir(directory)).filter((name) => name.startsWith("log"))) {
      for (const line of (await readFile(path.join(directory, file), "utf8")).split("\n")) {
        const micros = Number(line.split(" ")[2]);
        if (Number.isFinite(micros) && micros > 0) latencies.push(micros / 1000);
      }
    }
    const failed = Number(stdout.match(/number of failed transactions: (\d+)/)?.[1] ?? 0);
    return { perSecond: tps, p50: percentile(latencies, 50), p99: percentile(latencies, 99), errors: failed };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

async function overbooked(eventId: string): Promise<string[]> {
  const rows = await db.registration.groupBy({
    by: ["category"],
    where: { eventId, status: "CONFIRMED" },
    _count: { _all: true },
  });
  return rows
    .filter((row) => row._count._all > DEMO_QUOTAS[row.category])
    .map((row) => `${row.category}: ${row._count._all} > ${DEMO_QUOTAS[row.category]}`);
}

/** Ten questions of every kind, as an organizer would ask them; and the answers every registration gives. */
async function eventWithTenQuestions() {
  const event = await createTestEvent({ capacity: 1_000_000, quotas: {} });
  const ids = Object.fromEntries(
    ["group", "a", "b", "arrival", "nights", "interpretation", "language", "topics", "law", "practice"].map(
      (name) => [name, randomUUID()],
    ),
  ) as Record<string, string>;
  const text = (label: string) => ({ label: { ru: label }, help: {} });
  const asked = [
    { id: randomUUID(), type: "LONG_TEXT", ...text("Ваши ожидания") },
    { id: randomUUID(), type: "EMAIL", ...text("Почта руководителя") },
    { id: randomUUID(), type: "PHONE", ...text("Телефон руководителя") },
    { id: randomUUID(), type: "SHORT_TEXT", ...text("Номер паспорта") },
  ];
  const input = questionsEditSchema.parse({
    questions: [
      {
        id: ids.group,
        type: "SINGLE_CHOICE",
        required: true,
        ...text("Рабочая группа"),
        options: [
          { id: ids.a, label: { ru: "Группа А" }, places: "100000" },
          { id: ids.b, label: { ru: "Группа Б" }, places: "100000" },
        ],
      },
      { id: ids.arrival, type: "DATE", ...text("Дата приезда") },
      { id: ids.nights, type: "NUMBER", ...text("Ночей"), minNumber: "0", maxNumber: "10" },
      { id: ids.interpretation, type: "YES_NO", ...text("Нужен ли перевод?") },
      {
        id: ids.language,
        type: "SHORT_TEXT",
        ...text("На какой язык?"),
        conditionQuestionId: ids.interpretation,
        conditionValues: ["yes"],
      },
      {
        id: ids.topics,
        type: "MULTIPLE_CHOICE",
        ...text("Темы"),
        options: [
          { id: ids.law, label: { ru: "Закон" } },
          { id: ids.practice, label: { ru: "Практика" } },
        ],
      },
      ...asked,
    ],
  });
  const result = await saveQuestions({ eventId: event.id, input, actor: { type: "SYSTEM" } });
  if (!result.ok) throw new Error(`questions not saved: ${JSON.stringify(result)}`);
  const given = ["Узнать о новой стратегии.", "boss@example.kg", "+996 312 000 000", "ID1234567"];
  const answers: Record<string, unknown> = {
    [ids.group as string]: ids.a,
    [ids.arrival as string]: "2026-12-23",
    [ids.nights as string]: 2,
    [ids.interpretation as string]: true,
    [ids.language as string]: "Кыргызский",
    [ids.topics as string]: [ids.law, ids.practice],
    ...Object.fromEntries(asked.map((question, index) => [question.id, given[index]])),
  };
  return { event, answers };
}

async function questionsCost(server: KattooServer, log: (line: string) => void): Promise<BenchRow[]> {
  const without: Run[] = [];
  const withQuestions: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    log(`registration rush, ten questions: run ${i + 1}/${RUNS} without, then with`);
    without.push(await rushKattoo(server, (await createTestEvent({ capacity: 1_000_000, quotas: {} })).slug));
    const { event, answers } = await eventWithTenQuestions();
    const run = await rushKattoo(server, event.slug, answers);
    // One statement, one snapshot: requests still in flight when the rush ends commit meanwhile.
    const [counts] = await db.$queryRaw<{ answered: number; registered: number }[]>`
      SELECT (SELECT count(*) FROM registration_answer a JOIN registration r ON r.id = a.registration_id
              WHERE r.event_id = ${event.id}::uuid)::int AS answered,
             (SELECT count(*) FROM registration WHERE event_id = ${event.id}::uuid)::int AS registered`;
    if (!counts || counts.answered !== counts.registered * 10) run.errors += 1;
    withQuestions.push(run);
  }
  const plain = measured(without.map((run) => run.perSecond));
  const asked = measured(withQuestions.map((run) => run.perSecond));
  return [
    {
      benchmark: "registration rush, ten questions",
      figure: "registrations/s at 50 clients, against none",
      kattoo: asked,
      baseline: plain,
      ratio: asked.median / plain.median,
      target: "≥ 0.9 of none",
      met: asked.median / plain.median >= 0.9,
    },
    {
      benchmark: "registration rush, ten questions",
      figure: "errors (non-2xx, answers not stored)",
      kattoo: measured(withQuestions.map((run) => run.errors)),
      target: "0",
      met: withQuestions.every((run) => run.errors === 0),
    },
  ];
}

export async function registrationRush(
  server: KattooServer,
  log: (line: string) => void,
): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const [label, seats] of [
    ["ample seats", { capacity: 1_000_000, quotas: {} }],
    ["40 seats by sector", { capacity: 40, quotas: DEMO_QUOTAS }],
  ] as const) {
    const kattoo = await repeat(RUNS, async (i) => {
      log(`registration rush, ${label}: Kattoo run ${i + 1}/${RUNS}`);
      const event = await createTestEvent(seats);
      const run = await rushKattoo(server, event.slug);
      if (seats.capacity === 40) {
        const over = await overbooked(event.id);
        log(over.length ? `  OVERBOOKED: ${over.join(", ")}` : "  no sector overbooked");
        if (over.length) run.errors += over.length;
      }
      return run;
    });
    const pgbench = (name: string, sql: string) =>
      repeat(RUNS, async (i) => {
        log(`registration rush, ${label}: pgbench ${name} run ${i + 1}/${RUNS}`);
        return rushPgbench(server.databaseUrl, await createTestEvent(seats), sql);
      });
    const oldCeiling = await pgbench("five statements", FIVE_STATEMENTS);
    const baseline = await pgbench("one statement", ONE_STATEMENT);
    const perSecond = measured(kattoo.map((run) => run.perSecond));
    const ceiling = measured(baseline.map((run) => run.perSecond));
    const five = measured(oldCeiling.map((run) => run.perSecond));
    const p99 = measured(kattoo.map((run) => run.p99));
    rows.push(
      {
        benchmark: `registration rush, ${label}`,
        figure: "registrations/s at 50 clients, against pgbench calling register_participant()",
        kattoo: perSecond,
        baseline: ceiling,
        ratio: perSecond.median / ceiling.median,
        target: "≥ 0.7 of the one statement",
        met: perSecond.median / ceiling.median >= 0.7,
      },
      {
        benchmark: `registration rush, ${label}`,
        figure: "registrations/s, against pgbench sending the five statements of before",
        kattoo: perSecond,
        baseline: five,
        ratio: perSecond.median / five.median,
        target: "above the five statements",
        met: perSecond.median > five.median,
      },
      {
        benchmark: `registration rush, ${label}`,
        figure: "p50 latency, ms",
        kattoo: measured(kattoo.map((run) => run.p50)),
        baseline: measured(baseline.map((run) => run.p50)),
      },
      {
        benchmark: `registration rush, ${label}`,
        figure: "p99 latency, ms",
        kattoo: p99,
        baseline: measured(baseline.map((run) => run.p99)),
        target: "< 250 ms",
        met: p99.median < 250,
      },
      {
        benchmark: `registration rush, ${label}`,
        figure: "peak resident memory of Kattoo's process during the rush, MiB (heap capped at 256)",
        kattoo: measured(kattoo.map((run) => run.peakMiB ?? 0)),
      },
      {
        benchmark: `registration rush, ${label}`,
        figure: "errors (non-2xx, overbooked sectors)",
        kattoo: measured(kattoo.map((run) => run.errors)),
        target: "0",
        met: kattoo.every((run) => run.errors === 0),
      },
    );
  }
  rows.push(...(await questionsCost(server, log)));
  return rows;
}
