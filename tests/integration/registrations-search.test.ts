import { beforeAll, describe, expect, it } from "vitest";
import { getRoster } from "@/lib/check-in/data";
import { nameMatches } from "@/lib/check-in/rules";
import { db } from "@/lib/db";
import { listRegistrations } from "@/lib/registrations/data";
import { parseRegistrationFilters } from "@/lib/registrations/filters";
import { createRegistration } from "@/lib/registrations/mutations";
import { fullName } from "@/lib/registrations/names";
import { foldForSearch } from "@/lib/registrations/search";
import { createTestEvent, registrationInput } from "../support/factories";

// Door volunteers' phones often lack a Kyrgyz keyboard: a name with ү, ө, ң
// must be found when typed with у, о, н, and still through the trigram index.

let eventId: string;

beforeAll(async () => {
  const event = await createTestEvent({ capacity: 50, quotas: {} });
  eventId = event.id;
  const people = [
    { lastName: "Осмонова", firstName: "Гүлнара", email: "gulnara@example.kg" },
    { lastName: "Өмүрбекова", firstName: "Назгүл", email: "nazgul@example.kg" },
    { lastName: "Тилекова", firstName: "Жаңыл", email: "jangyl@example.kg" },
    { lastName: "Семёнова", firstName: "Анна", email: "anna@example.kg" },
  ];
  for (const person of people) {
    const created = await createRegistration({
      slug: event.slug,
      locale: "ru",
      input: registrationInput(person),
    });
    expect(created.ok).toBe(true);
  }
});

async function found(q: string, { contacts = true } = {}): Promise<string[]> {
  const { rows } = await listRegistrations({
    eventId,
    contacts,
    filters: parseRegistrationFilters({ q }, { questions: [] }),
  });
  return rows.map((row) => row.firstName).sort();
}

describe("the staff list's search", () => {
  it.each([
    ["гулнара", ["Гүлнара"]],
    ["ГҮЛНАРА", ["Гүлнара"]],
    ["назгул", ["Назгүл"]],
    ["омурбекова", ["Назгүл"]],
    ["жаныл", ["Жаңыл"]],
    ["семенова", ["Анна"]],
    ["семёнова", ["Анна"]],
    ["гулнарб", []],
  ])("finds %s, with contact details or without (a viewer's)", async (q, names) => {
    expect(await found(q)).toEqual(names);
    expect(await found(q, { contacts: false })).toEqual(names);
  });

  it("finds an email only for those who may see it", async () => {
    expect(await found("gulnara@")).toEqual(["Гүлнара"]);
    expect(await found("gulnara@", { contacts: false })).toEqual([]);
  });

  it("folds the stored text exactly as the query is folded, letter by letter", async () => {
    // Two homes of one rule (the trigger's translate() and foldForSearch, which
    // the door's phone also runs offline): this holds them to each other.
    const letters = "АаБбВвГгДдЕеЁёЖжЗзИиЙйКкЛлМмНнҢңОоӨөПпРрСсТтУуҮүФфХхЦцЧчШшЩщЪъЫыЬьЭэЮюЯя Aa  Zz";
    const other = await createTestEvent({ capacity: 5, quotas: {} });
    const [row] = await db.$queryRaw<{ search_text: string }[]>`
      INSERT INTO registration (id, event_id, status, category, last_name, first_name, organization,
        region, email, email_normalized, gender, locale, consent_at, consent_version, manage_token_hash, check_in_code, updated_at)
      VALUES (gen_random_uuid(), ${other.id}::uuid, 'CONFIRMED', 'OTHER', ${letters}, 'Ө', 'Ү',
        'NARYN', 'x@fold.test', 'x@fold.test', 'FEMALE', 'ru', now(), 'test', md5(random()::text), 'FOLD', now())
      RETURNING search_text`;
    expect(row?.search_text.replace(/\s+/g, " ")).toBe(foldForSearch(`${letters} о x@fold.test у`));
  });

  it("is served by the trigram index", async () => {
    const plan = await db.$transaction(async (tx) => {
      // A few rows: without this the planner rightly prefers reading the table.
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      return tx.$queryRaw<{ "QUERY PLAN": string }[]>`
        EXPLAIN SELECT id FROM registration WHERE search_text LIKE ${"%гулнара%"}`;
    });
    expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toContain("registration_search_text_idx");
  });

  it("is served by the trigram index on a table the planner would rather read whole otherwise", async () => {
    const crowd = await createTestEvent({ capacity: 10_000, quotas: {} });
    // Enough rows for a whole read to cost more than the index, and fewer
    // than ANALYZE samples, so that its statistics and the plan are exact.
    await db.$executeRaw`
      INSERT INTO registration (id, event_id, status, category, last_name, first_name, organization,
        region, email, email_normalized, gender, locale, consent_at, consent_version, manage_token_hash, check_in_code, updated_at)
      SELECT gen_random_uuid(), ${crowd.id}::uuid, 'CONFIRMED', 'OTHER', 'Фамилия' || n, 'Имя' || n, 'Организация',
        'NARYN', n || '@crowd.test', n || '@crowd.test', 'FEMALE', 'ru', now(), 'test', md5(n::text), 'C' || n, now()
      FROM generate_series(1, 5000) AS n`;
    await db.$executeRaw`ANALYZE registration`;
    const q = `%${foldForSearch("Гүлнара")}%`;
    const plan = await db.$queryRaw<{ "QUERY PLAN": string }[]>`
      EXPLAIN SELECT id FROM registration WHERE search_text LIKE ${q}`;
    expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toContain("registration_search_text_idx");
    // A viewer's search (without contact details) asks the same index, then rechecks the names.
    const viewers = await db.$queryRaw<{ "QUERY PLAN": string }[]>`
      EXPLAIN SELECT id FROM registration WHERE search_text LIKE ${q} AND name_search_text LIKE ${q}`;
    expect(viewers.map((row) => row["QUERY PLAN"]).join("\n")).toContain("registration_search_text_idx");
  });
});

describe("the door's search", () => {
  it("finds Kyrgyz names in the phone's list typed with Russian letters", async () => {
    const roster = await getRoster({ eventId });
    const found = (query: string) =>
      roster.participants
        .filter((person) => nameMatches(fullName(person), query))
        .map((person) => person.firstName);
    expect(found("гулнара")).toEqual(["Гүлнара"]);
    expect(found("назгул")).toEqual(["Назгүл"]);
    expect(found("омурбекова назгул")).toEqual(["Назгүл"]);
    expect(found("жаныл")).toEqual(["Жаңыл"]);
  });
});
