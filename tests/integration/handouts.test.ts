import { createHash, randomBytes, randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { POST as upload } from "@/app/api/admin/events/[id]/handouts/route";
import { GET as eventSummary } from "@/app/api/events/[slug]/route";
import { GET as download } from "@/app/api/handouts/[id]/route";
import { auth } from "@/lib/auth";
import { createPrismaClient } from "@/lib/database/client";
import { db } from "@/lib/db";
import { appUrl, databaseUrl } from "@/lib/env";
import { duplicateEvent } from "@/lib/events/mutations";
import { announceHandouts } from "@/lib/handouts/mutations";
import { MAX_HANDOUT_BYTES } from "@/lib/handouts/schema";
import { PEER_HEADER } from "@/lib/http/client-address";
import { createRegistration } from "@/lib/registrations/mutations";
import { manageToken } from "@/lib/registrations/tokens";
import { createStaffAccount, startStaffSession } from "@/lib/staff/mutations";
import { createTestEvent, registrationInput } from "../support/factories";
import { liveBytes } from "../support/live-memory";
import { markPresent } from "../support/participants";
import { makeDocx, makeZip } from "../support/zip";

// Uploads go through the real route handler, as the programme tab's form
// sends them (the file as the body, its details in the query), and come back
// through the public download route; only Auth.js's reading of the session
// cookie and the request's headers are stood in for.

vi.mock("@/lib/auth", () => ({
  auth: vi.fn(),
  signIn: vi.fn(),
  signOut: vi.fn(),
  SecondFactorRequired: Error,
}));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ [PEER_HEADER]: "203.0.113.8" }) }));

async function signedIn() {
  const created = await createStaffAccount({
    email: `handouts-${randomUUID()}@kattoo.test`,
    name: "Test",
    role: "ORGANIZER",
    password: "a-long-enough-password",
    actor: { type: "SYSTEM" },
  });
  if (!created.ok) throw new Error(created.reason);
  const sessionId = await startStaffSession({ staffId: created.id, device: "Chrome, Linux" });
  vi.mocked(auth).mockResolvedValue({ staffId: created.id, sessionId, sessionVersion: 0 } as never);
}

const signedOut = () => vi.mocked(auth).mockResolvedValue(null as never);

type Details = { name?: string; visibility?: string; sessionId?: string; title?: string };

function post(eventId: string, bytes: Uint8Array | ReadableStream<Uint8Array>, details: Details = {}) {
  const query = new URLSearchParams({
    name: details.name ?? "Программа семинара.pdf",
    "title.ru": details.title ?? "Программа",
    "title.ky": "Программа",
    "title.en": "",
    visibility: details.visibility ?? "PUBLIC",
    sessionId: details.sessionId ?? "",
  });
  const request = new Request(`${appUrl()}/api/admin/events/${eventId}/handouts?${query}`, {
    method: "POST",
    headers: { origin: new URL(appUrl()).origin, "content-type": "application/octet-stream" },
    body: bytes instanceof ReadableStream ? bytes : new Uint8Array(bytes),
    duplex: "half",
  } as RequestInit);
  return upload(request, { params: Promise.resolve({ id: eventId }) });
}

function get(id: string, { token, headers }: { token?: string; headers?: HeadersInit } = {}) {
  const query = token ? `?token=${token}` : "";
  return download(new Request(`${appUrl()}/api/handouts/${id}${query}`, { headers }), {
    params: Promise.resolve({ id }),
  });
}

const pdf = () =>
  Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function stored(eventId: string) {
  const handouts = await db.handout.count({ where: { eventId } });
  const chunks = await db.handoutChunk.count({ where: { handout: { eventId } } });
  return { handouts, chunks };
}

async function confirmedToken(eventId: string, slug: string) {
  const created = await createRegistration({ slug, locale: "ru", input: registrationInput() });
  if (!created.ok) throw new Error(created.reason);
  const registration = await db.registration.findUniqueOrThrow({ where: { id: created.registrationId } });
  expect(registration).toMatchObject({ eventId, status: "CONFIRMED" });
  return manageToken(created.registrationId);
}

async function uploaded(
  eventId: string,
  body: Uint8Array | ReadableStream<Uint8Array>,
  details: Details = {},
) {
  const response = await post(eventId, body, details);
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

describe("handouts", () => {
  beforeEach(() => vi.mocked(auth).mockReset());

  it("serves a PDF with its type, its Cyrillic name (RFC 5987), its hash as ETag, and 304 when unchanged", async () => {
    await signedIn();
    const event = await createTestEvent();
    const bytes = pdf();
    const id = await uploaded(event.id, bytes);
    signedOut();
    const response = await get(id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="_________ ________.pdf"; filename*=UTF-8''${encodeURIComponent("Программа семинара.pdf")}`,
    );
    expect(response.headers.get("etag")).toBe(`"${sha256(bytes)}"`);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
    const again = await get(id, { headers: { "if-none-match": `"${sha256(bytes)}"` } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const audit = await db.auditLog.findFirst({
      where: { eventId: event.id, action: "event.handout_added" },
    });
    expect(audit?.data).toMatchObject({
      handoutId: id,
      visibility: "PUBLIC",
      contentType: "application/pdf",
    });
  });

  it("takes a Word document by the names in its zip directory", async () => {
    await signedIn();
    const event = await createTestEvent();
    const id = await uploaded(event.id, makeDocx(), { name: "Раздаточный материал.docx" });
    const response = await get(id);
    expect(response.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
  });

  it.each([
    [
      "a program renamed .pdf",
      Buffer.concat([Buffer.from("MZ\x90\x00\x03"), randomBytes(2000)]),
      "slides.pdf",
    ],
    ["a PDF named .docx", pdf(), "slides.docx"],
    [
      "a zip with no Office folders named .docx",
      makeZip([{ name: "a.txt", bytes: Buffer.from("hi") }]),
      "a.docx",
    ],
    ["an SVG named .png", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), "logo.png"],
  ])("refuses %s by its content, storing nothing", async (_, bytes, name) => {
    await signedIn();
    const event = await createTestEvent();
    const response = await post(event.id, bytes, { name });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ fieldErrors: { file: "handoutWrongType" } });
    expect(await stored(event.id)).toEqual({ handouts: 0, chunks: 0 });
  });

  it("refuses a zip bomb named .docx from its directory, without inflating it", async () => {
    await signedIn();
    const event = await createTestEvent();
    // 64 MiB of zeros deflate to 64 KiB; and an entry whose header claims
    // 4 GiB of bytes that are not even deflated data: inflating would fail,
    // not refuse, so the refusal can only come from the directory.
    const bomb = makeZip([
      { name: "[Content_Types].xml", bytes: Buffer.from("<Types/>") },
      { name: "word/document.xml", bytes: Buffer.alloc(64 * 1024 * 1024) },
    ]);
    const liar = makeZip([
      { name: "[Content_Types].xml", bytes: Buffer.from("<Types/>") },
      { name: "word/document.xml", bytes: randomBytes(1024), claimedSize: 0xfffffffe },
    ]);
    for (const bytes of [bomb, liar]) {
      const response = await post(event.id, bytes, { name: "Отчёт.docx" });
      expect(response.status).toBe(415);
      expect(await response.json()).toMatchObject({ fieldErrors: { file: "handoutArchiveRefused" } });
    }
    expect(await stored(event.id)).toEqual({ handouts: 0, chunks: 0 });
  });

  it("refuses a file over 20 MiB, by its declared length and by what arrives", async () => {
    await signedIn();
    const event = await createTestEvent();
    const tooLarge = Buffer.concat([pdf(), Buffer.alloc(MAX_HANDOUT_BYTES)]);
    const response = await post(event.id, tooLarge);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ fieldErrors: { file: "handoutTooLarge" } });
    // No declared length: a stream, cut off once it passes the limit.
    const streamed = await post(event.id, new Blob([tooLarge]).stream());
    expect(streamed.status).toBe(413);
    expect(await stored(event.id)).toEqual({ handouts: 0, chunks: 0 });
  });

  it.each([
    ["a path", "../../etc/passwd.pdf"],
    ["a Windows path", "C:\\Users\\a.pdf"],
    ["a control character", "slides\u0007.pdf"],
    ["a right-to-left override", "gpj\u202Eexe.pdf"],
    ["a leading dot", ".hidden.pdf"],
  ])("refuses a name with %s, reading nothing", async (_, name) => {
    await signedIn();
    const event = await createTestEvent();
    const response = await post(event.id, pdf(), { name });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ fieldErrors: { name: "handoutBadName" } });
    expect(await stored(event.id)).toEqual({ handouts: 0, chunks: 0 });
  });

  it("lists the public ones in the event's API, under their session or the event, and copies all with the event", async () => {
    await signedIn();
    const event = await createTestEvent();
    const day = await db.eventDay.findFirstOrThrow({ where: { eventId: event.id } });
    const session = await db.eventSession.create({
      data: { eventDayId: day.id, startsAt: day.startsAt, endsAt: day.endsAt, title: { ru: "Открытие" } },
    });
    const slides = await uploaded(event.id, pdf(), { sessionId: session.id, title: "Слайды" });
    await uploaded(event.id, pdf(), { title: "Программа" });
    await uploaded(event.id, pdf(), { visibility: "PARTICIPANTS", title: "Для участников" });
    const response = await eventSummary(new Request(`${appUrl()}/api/events/${event.slug}`), {
      params: Promise.resolve({ slug: event.slug }),
    });
    const summary = (await response.json()) as {
      handouts: { title: { ru: string }; url: string }[];
      programme: {
        sessions: { handouts: { title: { ru: string; ky: string }; fileName: string; url: string }[] }[];
      }[];
    };
    expect(summary.programme[0]?.sessions[0]?.handouts).toEqual([
      {
        title: { ru: "Слайды", ky: "Программа", en: "Слайды" },
        fileName: "Программа семинара.pdf",
        type: "application/pdf",
        size: pdf().length,
        url: `/api/handouts/${slides}`,
      },
    ]);
    expect(summary.handouts.map((handout) => handout.title.ru)).toEqual(["Программа"]);

    const copy = (await duplicateEvent({ id: event.id, actor: { type: "SYSTEM" } })) as string;
    const copied = await db.handout.findMany({
      where: { eventId: copy },
      include: { session: { select: { day: { select: { eventId: true } } } } },
      orderBy: { createdAt: "asc" },
    });
    expect(copied.map((handout) => [(handout.title as { ru: string }).ru, handout.visibility])).toEqual([
      ["Слайды", "PUBLIC"],
      ["Программа", "PUBLIC"],
      ["Для участников", "PARTICIPANTS"],
    ]);
    expect(copied[0]?.session?.day.eventId).toBe(copy);
    expect(copied[1]?.sessionId).toBeNull();
    const served = await get(copied[0]?.id as string);
    expect(Buffer.from(await served.arrayBuffer())).toEqual(pdf());
    expect(await stored(copy)).toEqual(await stored(event.id));
  });

  it("refuses a session of another event as a field error", async () => {
    await signedIn();
    const [event, other] = [await createTestEvent(), await createTestEvent()];
    const day = await db.eventDay.findFirstOrThrow({ where: { eventId: other.id } });
    const session = await db.eventSession.create({
      data: { eventDayId: day.id, startsAt: day.startsAt, endsAt: day.endsAt, title: { ru: "Открытие" } },
    });
    const response = await post(event.id, pdf(), { sessionId: session.id });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ fieldErrors: { sessionId: "invalidChoice" } });
    expect(await stored(event.id)).toEqual({ handouts: 0, chunks: 0 });
  });

  it("gives a participants' handout to a confirmed participant's token only: 404 without it", async () => {
    await signedIn();
    const event = await createTestEvent();
    const other = await createTestEvent();
    const id = await uploaded(event.id, pdf(), { visibility: "PARTICIPANTS" });
    const token = await confirmedToken(event.id, event.slug);
    const strangersToken = await confirmedToken(other.id, other.slug);
    signedOut();
    expect((await get(id)).status).toBe(404);
    expect((await get(id, { token: strangersToken })).status).toBe(404);
    expect((await get(id, { token: "not-a-token" })).status).toBe(404);
    const response = await get(id, { token });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-cache");
    expect(Buffer.from(await response.arrayBuffer())).toEqual(pdf());
  });

  it("gives a staff handout to staff only, and answers 404 to an unknown or malformed id", async () => {
    await signedIn();
    const event = await createTestEvent();
    const id = await uploaded(event.id, pdf(), { visibility: "STAFF" });
    const token = await confirmedToken(event.id, event.slug);
    expect((await get(id)).status).toBe(200);
    signedOut();
    expect((await get(id)).status).toBe(404);
    expect((await get(id, { token })).status).toBe(404);
    expect((await get(randomUUID())).status).toBe(404);
    expect((await get("1 OR 1=1")).status).toBe(404);
  });

  it("streams 20 MiB in and out in pieces, never holding as much as the file", async () => {
    await signedIn();
    const event = await createTestEvent();
    const piece = randomBytes(64 * 1024);
    const hash = createHash("sha256");
    let sent = 0;
    // Made as it is read, so the test does not hold the file either.
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= MAX_HANDOUT_BYTES) return controller.close();
        const next = sent === 0 ? Buffer.concat([pdf(), piece.subarray(pdf().byteLength)]) : piece;
        hash.update(next);
        sent += next.byteLength;
        controller.enqueue(next);
      },
    });
    // Warmed up first: what the first upload and download load is not the file.
    const warm = await uploaded(event.id, pdf());
    await (await get(warm)).arrayBuffer();
    const before = liveBytes();
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, liveBytes());
    }, 50);
    try {
      const id = await uploaded(event.id, body);
      const response = await get(id);
      const received = createHash("sha256");
      let size = 0;
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        received.update(chunk);
        size += chunk.byteLength;
      }
      expect(size).toBe(MAX_HANDOUT_BYTES);
      expect(received.digest("hex")).toBe(hash.digest("hex"));
      expect(await db.handoutChunk.count({ where: { handoutId: id } })).toBe(320);
    } finally {
      clearInterval(sampler);
    }
    const grownMiB = (peak - before) / 1024 / 1024;
    console.info(`20 MiB upload and download: live memory grew by ${grownMiB.toFixed(1)} MiB at most`);
    // Prisma keeps recent queries' arguments for a while (a bounded number):
    // 64 KiB pieces keep that to a few megabytes, far less than one copy of the file.
    expect(grownMiB).toBeLessThan(15);
  });

  it("tells those who attended that the materials are online, each once", async () => {
    const event = await createTestEvent();
    const registered = await Promise.all(
      ["present", "absent"].map(async (name) => {
        const created = await createRegistration({
          slug: event.slug,
          locale: "ky",
          input: registrationInput({ email: `${name}-${randomUUID()}@kattoo.test` }),
        });
        if (!created.ok) throw new Error(created.reason);
        return created.registrationId;
      }),
    );
    const [day] = await db.eventDay.findMany({ where: { eventId: event.id } });
    await markPresent([registered[0] as string], [day?.id as string]);
    const actor = { type: "SYSTEM" as const };
    expect(await announceHandouts({ eventId: event.id, actor })).toBe(1);
    expect(await announceHandouts({ eventId: event.id, actor })).toBe(0);
    const letters = await db.outboxMessage.findMany({
      where: { eventId: event.id, template: "handouts-online" },
    });
    expect(letters).toEqual([expect.objectContaining({ registrationId: registered[0], locale: "ky" })]);
  });

  it("serves a file one instance stored from another: its own pool, nothing kept in the process", async () => {
    await signedIn();
    const event = await createTestEvent();
    const bytes = Buffer.concat([pdf(), randomBytes(200 * 1024)]);
    const id = await uploaded(event.id, bytes, { visibility: "PUBLIC" });
    // lib/db.ts keeps its client on globalThis: another client there is another instance's pool.
    const holder = globalThis as unknown as { prisma?: ReturnType<typeof createPrismaClient> };
    const first = holder.prisma;
    const second = createPrismaClient(databaseUrl());
    holder.prisma = second;
    try {
      const response = await get(id);
      expect(response.status).toBe(200);
      expect(sha256(Buffer.from(await response.arrayBuffer()))).toBe(sha256(bytes));
    } finally {
      holder.prisma = first;
      await second.$disconnect();
    }
  });
});
