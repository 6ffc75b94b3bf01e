import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/events/[slug]/registrations/route";
import { MAX_JSON_BODY_BYTES } from "@/lib/api/json";
import { db } from "@/lib/db";
import { PEER_HEADER } from "@/lib/http/client-address";
import type { ErrorKey } from "@/lib/registrations/schema";
import { createTestEvent, registrationInput } from "../support/factories";

// Thousands of malformed and hostile payloads through the JSON registration
// API: each one is refused with a 4xx (400 with field errors when it is JSON
// of the right shape), none is a 500, and none leaves a row behind.

const ERROR_KEYS: readonly ErrorKey[] = [
  "required",
  "tooLong",
  "invalidText",
  "invalidEmail",
  "invalidPhone",
  "invalidChoice",
  "consentRequired",
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Payload = Record<string, Json>;

/** mulberry32: small, seeded, good enough to pick mutations reproducibly. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  return { next, int, pick };
}

let serial = 0;
/** A valid payload, as a client would send it: the factory's, through JSON. */
function validPayload(): Payload {
  serial += 1;
  return JSON.parse(JSON.stringify(registrationInput({ email: `hostile-${serial}@example.test` })));
}

// --- What each field refuses, and with which error key ---------------------

const singleLine = ["lastName", "firstName", "patronymic", "organization", "position"] as const;
const requiredText = ["lastName", "firstName", "organization", "position"] as const;
const notes = ["dietaryNeeds", "accessibilityNeeds"] as const;
const choices = ["category", "region", "gender"] as const;
const allFields = [
  ...singleLine,
  "email",
  "phone",
  ...choices,
  "needsAccommodation",
  ...notes,
  "consent",
  "website",
] as const;
type Field = (typeof allFields)[number];

/** One field set to (or removed for) a value the schema must refuse with `key`. */
type FieldMutation = { kind: string; field: Field; value: Json | undefined; key: ErrorKey };

/** The key a field of the wrong JSON type is refused with (as schema.ts has it). */
function wrongTypeKey(field: Field, value: Json): ErrorKey {
  if ((singleLine as readonly string[]).includes(field)) return "required";
  if (field === "email" || field === "phone") return "required";
  // null is an unanswered radio group.
  if ((choices as readonly string[]).includes(field)) return value === null ? "required" : "invalidChoice";
  if (field === "needsAccommodation") return "invalidChoice";
  if (field === "consent") return "consentRequired";
  return "invalidText"; // notes and the honeypot
}

const wrongTypes: Json[] = [
  0,
  1,
  -1,
  3.14,
  1e308,
  true,
  false,
  null,
  [],
  ["Асанова"],
  [null],
  {},
  { $ne: null },
  { toString: "x" },
  { __proto__: { admin: true }, admin: "yes" } as unknown as Json,
];

const controlCharacters = [
  "\u0000",
  "\u0007",
  "\u001b",
  "\u2028",
  "\u2029",
  "\u0085",
  "\u007f",
  "\t",
  "\n",
  "\r",
];
const html = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "<svg/onload=alert(1)>",
  "javascript:alert(1)",
  "{{constructor.constructor('alert(1)')()}}",
  "<iframe src=//evil.kg></iframe>",
];
const sql = [
  "'; DROP TABLE registration; --",
  "' OR '1'='1",
  "1; DELETE FROM event WHERE 1=1",
  "Robert'); DROP TABLE registration;--",
  "' UNION SELECT manage_token_hash FROM registration --",
  "\\'; SELECT pg_sleep(10); --",
];
const headerInjections = [
  "a@b.kg\r\nBcc: x@y.kg",
  "a@b.kg%0aBcc:x",
  "a@b.kg%0d%0aBcc:x@y.kg",
  "a@b.kg\nCc: x@y.kg",
  "a@b.kg\rBcc: x@y.kg",
  "a@b.kg\r\nSubject: hi\r\n\r\nbody",
  '"a\r\nBcc: x"@b.kg',
  "a@b.kg\u2028Bcc: x@y.kg",
  "a@b.kg\u0000x@y.kg",
  "a@b.kg,x@y.kg",
  "a@b.kg;x@y.kg",
  "a@b.kg x@y.kg",
  "Name <a@b.kg>",
  "a@b.kg>\r\nBcc:<x@y.kg",
  "=?utf-8?q?a=0D=0ABcc:x@y.kg?=@b.kg",
  "a@b.kg\\r\\nBcc:x@y.kg",
  "a%0a@b.kg",
  "<script>@b.kg",
  "x@y.kg'; DROP TABLE registration; --",
  "a@localhost",
  "@b.kg",
  "a@",
  "a@@b.kg",
  ".a@b.kg",
  "a..b@b.kg",
];
const badChoices: Record<(typeof choices)[number], string[]> = {
  category: ["government", "GOVERNMENT_", "ADMIN", "toString", "__proto__", "GOVERNMENT\u0000", "CHUI"],
  region: ["Bishkek", "bishkek_city", "MOSCOW", "constructor", "NARYN\n", "NARYN OR 1=1", "GOVERNMENT"],
  gender: ["F", "OTHER", "female", "hasOwnProperty", "MALE\u200b", "NONE"],
};
const badPhones = [
  "abc",
  "+996",
  "1234",
  "+996 555 123 456\nBcc: x",
  "+996 555 123 456; DROP TABLE registration",
  "<script>alert(1)</script>",
  "+996 555 123 456 ext. 12",
  `+${"1".repeat(40)}`,
  "++996555123456",
  "+996\u0000555123456",
  "tel:+996555123456",
];
const huge = (char: string, length: number) => char.repeat(Math.ceil(length / char.length)).slice(0, length);

/** Every field mutation the generator draws from. */
function fieldMutations(): FieldMutation[] {
  const list: FieldMutation[] = [];
  const add = (kind: string, field: Field, value: Json | undefined, key: ErrorKey) =>
    list.push({ kind, field, value, key });

  // Missing required fields.
  for (const field of [...requiredText, "email", "phone", ...choices] as const) {
    add("missing", field, undefined, "required");
  }
  add("missing", "consent", undefined, "consentRequired");

  // Wrong types.
  for (const field of allFields) {
    for (const value of wrongTypes) {
      if (field === "needsAccommodation" && typeof value === "boolean") continue;
      if (field === "consent" && value === true) continue;
      add("wrongType", field, value, wrongTypeKey(field, value));
    }
  }

  // Empty and blank strings.
  for (const field of [...requiredText, "email", "phone"] as const) {
    for (const value of ["", "   ", "\t \n", "\u3000"]) add("blank", field, value, "required");
  }

  // Too long (still under the body limit on their own).
  for (const field of singleLine) {
    const max = field === "organization" || field === "position" ? 200 : 100;
    add("tooLong", field, huge("Ы", max + 1), "tooLong");
    add("tooLong", field, huge("a", 10_000), "tooLong");
    add("tooLong", field, huge("<script>", 5_000), "tooLong");
  }
  for (const field of notes) {
    add("tooLong", field, huge("ж", 1_001), "tooLong");
    add("tooLong", field, huge("x\n", 10_000), "tooLong");
  }
  add("tooLong", "email", `${huge("a", 250)}@b.kg`, "tooLong");
  add("tooLong", "email", `${huge("a", 10_000)}@b.kg`, "tooLong");
  add("tooLong", "phone", huge("1", 10_000), "invalidPhone");
  for (const field of choices) add("tooLong", field, huge("A", 10_000), "invalidChoice");
  add("tooLong", "website", huge("h", 10_000), "invalidText");

  // Control characters inside single-line text (at the ends some would be trimmed away).
  for (const field of singleLine) {
    for (const char of controlCharacters) add("control", field, `Ас${char}анова`, "invalidText");
    add("control", field, `\u0000${huge("a", 50)}\u0000`, "invalidText");
  }
  for (const field of notes) {
    for (const char of controlCharacters.filter(
      (c) => c.length === 1 && /\p{Cc}/u.test(c) && !/[\n\r]/.test(c),
    )) {
      add("control", field, `Без${char}глютена`, "invalidText");
    }
  }
  for (const char of controlCharacters) add("control", "email", `a${char}b@example.kg`, "invalidEmail");
  for (const char of controlCharacters) add("control", "phone", `+996 555${char}123 456`, "invalidPhone");

  // Header injection in the email.
  for (const email of headerInjections) add("headerInjection", "email", email, "invalidEmail");

  // HTML and SQL where the field's format forbids them.
  for (const fragment of [...html, ...sql]) {
    for (const field of choices) add("htmlSql", field, fragment, "invalidChoice");
    add("htmlSql", "email", fragment, "invalidEmail");
    add("htmlSql", "email", `${fragment}@example.kg`, "invalidEmail");
    add("htmlSql", "phone", fragment, "invalidPhone");
    add("htmlSql", "website", fragment, "invalidText");
  }

  // Choices, phones, consent, honeypot.
  for (const field of choices) {
    for (const value of badChoices[field]) add("badChoice", field, value, "invalidChoice");
    add("badChoice", field, "", "required");
  }
  for (const value of ["yes", "no", "true", "false", 0, 1, "1", "on"]) {
    add("badChoice", "needsAccommodation", value, "invalidChoice");
  }
  for (const phone of badPhones) add("badPhone", "phone", phone, "invalidPhone");
  for (const value of [false, "yes", "true", "on", 1, "1", [true], { value: true }]) {
    add("consent", "consent", value, "consentRequired");
  }
  for (const value of ["x", "http://spam.kg", " ", "\u0000", "<a href=//spam.kg>cheap</a>"]) {
    add("honeypot", "website", value, "invalidText");
  }
  return list;
}

// --- Requests ---------------------------------------------------------------

type Expected =
  | { status: 400; error: "invalid"; fields: Partial<Record<string, ErrorKey>> }
  | { status: 400; error: "invalid_json" }
  | { status: 413; error: "body_too_large" }
  | { status: 415; error: "unsupported_media_type" };

type Case = {
  kind: string;
  description: string;
  body: string | Uint8Array;
  contentType: string | null;
  expected: Expected;
};

const short = (value: unknown) => {
  const text = value === undefined ? "(absent)" : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…(${text.length})` : text;
};

/** A JSON body: 413 when it is over the limit, else 400 with these field errors. */
function jsonCase(
  kind: string,
  description: string,
  value: unknown,
  fields: Partial<Record<string, ErrorKey>>,
): Case {
  const body = JSON.stringify(value);
  const tooLarge = Buffer.byteLength(body) > MAX_JSON_BODY_BYTES;
  return {
    kind,
    description,
    body,
    contentType: "application/json",
    expected: tooLarge ? { status: 413, error: "body_too_large" } : { status: 400, error: "invalid", fields },
  };
}

function apply(payload: Payload, mutation: FieldMutation) {
  if (mutation.value === undefined) delete payload[mutation.field];
  else payload[mutation.field] = mutation.value;
}

const describeMutation = (mutation: FieldMutation) => `${mutation.field}=${short(mutation.value)}`;

function generateCases(): Case[] {
  const random = prng(0x6b617474); // "katt"
  const mutations = fieldMutations();
  const cases: Case[] = [];

  // Each field mutation alone.
  for (const mutation of mutations) {
    const payload = validPayload();
    apply(payload, mutation);
    cases.push(
      jsonCase(mutation.kind, describeMutation(mutation), payload, { [mutation.field]: mutation.key }),
    );
  }

  // HTML and SQL in free-text fields are valid text (stored verbatim, escaped
  // on output), so here they ride along with an invalid field: the payload
  // is refused for that field and for nothing else.
  const hostileText = [...html, ...sql];
  for (let i = 0; i < 600; i++) {
    const payload = validPayload();
    const mutation = random.pick(
      mutations.filter((m) => !(singleLine as readonly string[]).includes(m.field)),
    );
    const carrier = random.pick([...singleLine, ...notes]);
    payload[carrier] = random.pick(hostileText);
    apply(payload, mutation);
    cases.push(
      jsonCase(
        "htmlSqlCarried",
        `${carrier}=${short(payload[carrier])} + ${describeMutation(mutation)}`,
        payload,
        { [mutation.field]: mutation.key },
      ),
    );
  }

  // Several mutations at once, on different fields.
  for (let i = 0; i < 1_800; i++) {
    const payload = validPayload();
    const chosen = new Map<Field, FieldMutation>();
    const count = 1 + random.int(4);
    while (chosen.size < count) {
      const mutation = random.pick(mutations);
      if (!chosen.has(mutation.field)) chosen.set(mutation.field, mutation);
    }
    for (const mutation of chosen.values()) apply(payload, mutation);
    if (random.next() < 0.3)
      payload[random.pick(["role", "status", "eventId", "id", "number"])] = "CONFIRMED";
    cases.push(
      jsonCase(
        "combined",
        [...chosen.values()].map(describeMutation).join(" + "),
        payload,
        Object.fromEntries([...chosen.values()].map((m) => [m.field, m.key])),
      ),
    );
  }

  // Bodies over the limit, however valid their content.
  for (const [field, char] of [
    ["dietaryNeeds", "a"],
    ["lastName", "Ы"],
    ["website", "h"],
    ["padding", "x"],
    ["email", "ж"],
  ] as const) {
    const payload = validPayload();
    payload[field] = char ? huge(char, 17_000) : "";
    cases.push(jsonCase("oversize", `${field} of 17k "${char}"`, payload, {}));
  }
  {
    const payload = validPayload();
    payload.organization = huge("Ы", 10_000); // 20 KB of UTF-8
    cases.push(jsonCase("oversize", "organization of 10k Cyrillic", payload, {}));
  }
  cases.push(
    jsonCase(
      "oversize",
      "array of 20k numbers",
      Array.from({ length: 20_000 }, (_, i) => i),
      {},
    ),
  );

  // Prototype tricks: a consent smuggled in through __proto__ or constructor
  // must not count.
  for (const body of [
    '"__proto__":{"consent":true}',
    '"constructor":{"prototype":{"consent":true}}',
    '"__proto__":{"email":"a@b.kg"},"email":null',
  ]) {
    const payload = validPayload();
    const consentless = { ...payload, consent: undefined };
    const text = `${JSON.stringify(consentless).slice(0, -1)},${body}}`;
    const fields: Partial<Record<string, ErrorKey>> = { consent: "consentRequired" };
    if (body.includes('"email":null')) fields.email = "required";
    cases.push({
      kind: "prototype",
      description: body,
      body: text,
      contentType: "application/json",
      expected: { status: 400, error: "invalid", fields },
    });
  }

  // Locales: checked first, alone.
  for (const locale of [
    "de",
    "RU",
    "",
    " ru",
    "ru\u0000",
    "en-US",
    "__proto__",
    "toString",
    null,
    1,
    [],
    {},
    true,
  ]) {
    cases.push(
      jsonCase(
        "locale",
        `locale=${short(locale)}`,
        { ...validPayload(), locale },
        { locale: "invalidChoice" },
      ),
    );
  }

  // Top-level JSON that is not an object.
  for (const value of [[], [validPayload()], "registration", "", 42, 0, -1, null, true, false]) {
    cases.push(jsonCase("notAnObject", short(value), value, { form: "required" }));
  }

  // Text that is not JSON.
  const validText = JSON.stringify(validPayload());
  const notJson = [
    "",
    " ",
    "{",
    "}",
    "{'lastName':'x'}",
    '{"lastName":"x",}',
    "NaN",
    "undefined",
    "{lastName: 1}",
    `${validText}x`,
    `${validText}${validText}`,
    `/* comment */${validText}`,
    '{"lastName":"\\x41"}',
    '{"lastName":"\u0001"}',
    "<registration><lastName>x</lastName></registration>",
    "lastName=x&firstName=y",
  ];
  for (let i = 0; i < 200; i++) notJson.push(validText.slice(0, 1 + random.int(validText.length - 1)));
  for (const text of notJson) {
    cases.push({
      kind: "invalidJson",
      description: short(text),
      body: text,
      contentType: "application/json",
      expected: { status: 400, error: "invalid_json" },
    });
  }
  // Bytes that are not UTF-8.
  for (const bytes of [
    [0xff, 0xfe, 0x7b, 0x7d],
    [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d],
    [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d],
    [0xc0, 0xaf],
  ]) {
    cases.push({
      kind: "invalidJson",
      description: `bytes ${bytes.map((b) => b.toString(16)).join(" ")}`,
      body: new Uint8Array(bytes),
      contentType: "application/json",
      expected: { status: 400, error: "invalid_json" },
    });
  }

  // Wrong content types, with a valid body.
  for (const contentType of [
    null,
    "text/plain",
    "text/plain;charset=utf-8",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "text/json",
    "application/jsonp",
    "application/json-patch+json",
    "application/ld+json",
    "application/xml",
    "text/html",
    "application/javascript",
    "json",
    "*/*",
    "application/*",
    "application/json2",
  ]) {
    cases.push({
      kind: "contentType",
      description: `content-type ${short(contentType)}`,
      body: JSON.stringify(validPayload()),
      contentType,
      expected: { status: 415, error: "unsupported_media_type" },
    });
  }
  return cases;
}

let address = 0;
/** A distinct client address per request, so no payload is rate limited. */
function nextAddress(prefix = 10) {
  address += 1;
  return `${prefix}.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;
}

async function post(
  slug: string,
  body: string | Uint8Array,
  contentType: string | null = "application/json",
) {
  const headers = new Headers({ [PEER_HEADER]: nextAddress() });
  if (contentType !== null) headers.set("content-type", contentType);
  const request = new Request(`http://127.0.0.1/api/events/${slug}/registrations`, {
    method: "POST",
    headers,
    body: body as BodyInit,
  });
  const response = await POST(request, { params: Promise.resolve({ slug }) });
  const text = await response.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
}

/** What is wrong with a response, or undefined when it is what was expected. */
function problem(expected: Expected, response: Awaited<ReturnType<typeof post>>): string | undefined {
  const { status, json, text } = response;
  if (status >= 500) return `server error ${status}: ${text.slice(0, 200)}`;
  if (status !== expected.status || json?.error !== expected.error) {
    return `expected ${expected.status} ${expected.error}, got ${status} ${text.slice(0, 200)}`;
  }
  if (expected.error !== "invalid") return undefined;
  const errors = json.fieldErrors;
  if (typeof errors !== "object" || errors === null || Object.keys(errors).length === 0) {
    return `no field errors: ${text.slice(0, 200)}`;
  }
  const actual = errors as Record<string, unknown>;
  const outside = Object.entries(actual).filter(([, key]) => !ERROR_KEYS.includes(key as ErrorKey));
  if (outside.length > 0) return `field errors outside the error keys: ${JSON.stringify(outside)}`;
  // Exactly the fields that were broken, each with its key: valid fields
  // (HTML or SQL in a name among them) are not reported.
  const fields = new Set([...Object.keys(actual), ...Object.keys(expected.fields)]);
  const wrong = [...fields].filter((field) => actual[field] !== expected.fields[field]);
  if (wrong.length > 0) {
    return `expected field errors ${JSON.stringify(expected.fields)}, got ${JSON.stringify(actual)}`;
  }
  return undefined;
}

async function inBatches<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<void>,
) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index] as T, index);
      }
    }),
  );
}

describe("registration API under hostile input", () => {
  it("refuses thousands of malformed and hostile payloads with a 4xx and keeps nothing", {
    timeout: 120_000,
  }, async () => {
    const event = await createTestEvent();
    const cases = generateCases();
    expect(cases.length).toBeGreaterThanOrEqual(3000);

    const failures: string[] = [];
    await inBatches(cases, 25, async (entry, index) => {
      try {
        const response = await post(event.slug, entry.body, entry.contentType);
        const wrong = problem(entry.expected, response);
        if (wrong) failures.push(`#${index} ${entry.kind} ${entry.description}: ${wrong}`);
      } catch (error) {
        // A handler that throws is a 500 under Next.js.
        failures.push(`#${index} ${entry.kind} ${entry.description}: threw ${String(error)}`);
      }
    });

    expect(failures).toEqual([]);
    expect(await db.registration.count({ where: { eventId: event.id } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { eventId: event.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { eventId: event.id } })).toBe(0);
    // Refused before the rate limit: not one attempt was counted.
    expect(await db.rateLimit.count({ where: { key: { startsWith: "register:10." } } })).toBe(0);
  });

  it("stores HTML and SQL in names verbatim, as data", async () => {
    const event = await createTestEvent();
    const base = validPayload();
    const payload = {
      ...base,
      lastName: "<script>alert(1)</script>",
      firstName: "'; DROP TABLE registration; --",
      patronymic: "Robert'); DROP TABLE event;--",
      organization: '"><img src=x onerror=alert(1)>',
      position: "' OR '1'='1",
      dietaryNeeds: "<b>без глютена</b>\n'; DELETE FROM outbox_message; --",
      accessibilityNeeds: "\\'; SELECT pg_sleep(10); --",
      locale: "en",
    };
    const response = await post(event.slug, JSON.stringify(payload));
    expect(response.status, response.text).toBe(202);
    expect(response.json).toEqual({ status: "received" });

    const rows = await db.registration.findMany({ where: { eventId: event.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      locale: "en",
      lastName: payload.lastName,
      firstName: payload.firstName,
      patronymic: payload.patronymic,
      organization: payload.organization,
      position: payload.position,
      dietaryNeeds: payload.dietaryNeeds,
      accessibilityNeeds: payload.accessibilityNeeds,
      email: base.email,
    });
    // Every table the fragments name is still there, holding what it held.
    const tables = await db.$queryRaw<{ name: string | null }[]>`
      SELECT to_regclass(name)::text AS name
      FROM unnest(ARRAY['registration', 'event', 'outbox_message']) AS name`;
    expect(tables.map((table) => table.name)).toEqual(["registration", "event", "outbox_message"]);
    expect(await db.event.count({ where: { id: event.id } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { eventId: event.id } })).toBe(1);
  });

  it("answers for an address already registered exactly as for a new one", async () => {
    const event = await createTestEvent();
    const payload = JSON.stringify(validPayload());
    const first = await post(event.slug, payload);
    const again = await post(event.slug, payload);
    expect([first.status, again.status]).toEqual([202, 202]);
    expect(again.text).toBe(first.text);
    expect(await db.registration.count({ where: { eventId: event.id } })).toBe(1);
    // Only the address's mailbox learns it was registered: it is sent its link again.
    const letters = await db.outboxMessage.findMany({
      where: { eventId: event.id },
      select: { template: true },
    });
    expect(letters.map((letter) => letter.template).sort()).toEqual([
      "manage-link",
      "registration-confirmed",
    ]);
  });

  it("refuses a honeypot of any type with an error key", async () => {
    const event = await createTestEvent();
    for (const website of [1, null, [], {}, true]) {
      const response = await post(event.slug, JSON.stringify({ ...validPayload(), website }));
      expect(response.status).toBe(400);
      expect(response.json?.fieldErrors).toEqual({ website: "invalidText" });
    }
    expect(await db.registration.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("accepts a valid payload from a client address of any length", async () => {
    // The rate limit keys on the client's address, which a client without a
    // proxy in front controls: an 8 KB one must not break the index.
    const event = await createTestEvent();
    const request = new Request(`http://127.0.0.1/api/events/${event.slug}/registrations`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        [PEER_HEADER]: randomBytes(6_000).toString("base64url"),
      },
      body: JSON.stringify(validPayload()),
    });
    const response = await POST(request, { params: Promise.resolve({ slug: event.slug }) });
    expect(response.status).toBe(202);
    expect(await db.registration.count({ where: { eventId: event.id } })).toBe(1);
  });
});
