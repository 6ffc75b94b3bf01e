import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as statisticsFile } from "@/app/admin/(staff)/events/[id]/statistics/file/route";
import { auth } from "@/lib/auth";
import { getAttendanceGrid } from "@/lib/check-in/data";
import { db } from "@/lib/db";
import { countFound, countRegistrations, listRegistrations } from "@/lib/registrations/data";
import { parseRegistrationFilters } from "@/lib/registrations/filters";
import { createStaffAccount, startStaffSession } from "@/lib/staff/mutations";
import { checkEventAccess } from "@/lib/staff/require-staff";
import { createTestEvent } from "../support/factories";
import { insertParticipants, markPresent } from "../support/participants";
import { xlsxCells } from "../support/xlsx-cells";

// A viewer's data (issue 17, decision 038): the list and the attendance of
// its event are read without contact details, needs or free-text answers,
// its search does not look into them, a registration's own page is "not
// found" to it, and its one file holds counts only. The seeded values are
// looked for in what the data layer returns, not in what a page shows.

vi.mock("@/lib/auth", () => ({
  auth: vi.fn(),
  signIn: vi.fn(),
  signOut: vi.fn(),
  SecondFactorRequired: Error,
}));
vi.mock("next-intl/server", () => ({ getLocale: async () => "ru", getTranslations: async () => String }));

const PERSON = {
  email: `viewer-${randomUUID().slice(0, 8)}@example.test`,
  phone: "+996 700 123 987",
  dietary: "Без глютена, строго",
  accessibility: "Пандус у входа",
  answer: "Работаю с мигрантами в Нарыне",
  feedback: "Тренер говорил слишком быстро",
};

let eventId: string;
let registrationId: string;

beforeAll(async () => {
  const event = await createTestEvent({ firstDayStartsAt: new Date(Date.now() - 3_600_000) });
  eventId = event.id;
  const [registration] = await insertParticipants(eventId, [
    { lastName: "Жээнбекова", firstName: "Айгерим", organization: "ОО Ресурсный центр" },
  ]);
  if (!registration) throw new Error("no registration");
  registrationId = registration.id;
  await db.registration.update({
    where: { id: registrationId },
    data: {
      email: PERSON.email,
      emailNormalized: PERSON.email,
      phone: PERSON.phone,
      dietaryNeeds: PERSON.dietary,
      accessibilityNeeds: PERSON.accessibility,
    },
  });
  const question = await db.question.create({
    data: { eventId, position: 0, type: "LONG_TEXT", label: { ru: "О своей работе" } },
  });
  await db.registrationAnswer.create({
    data: { registrationId, questionId: question.id, textValue: PERSON.answer },
  });
  // A named feedback survey's free text: a viewer's statistics file leaves it out (decision 043).
  const survey = await db.instrument.create({ data: { eventId, kind: "FEEDBACK", opensAt: new Date() } });
  const comment = await db.question.create({
    data: { instrumentId: survey.id, position: 0, type: "LONG_TEXT", label: { ru: "Что улучшить?" } },
  });
  await db.instrumentResponse.create({
    data: {
      instrumentId: survey.id,
      anonymous: false,
      registrationId,
      submittedOn: new Date(),
      answers: { create: { questionId: comment.id, textValue: PERSON.feedback } },
    },
  });
  const day = await db.eventDay.findFirstOrThrow({ where: { eventId } });
  await markPresent([registrationId], [day.id]);

  const viewer = await createStaffAccount({
    email: `${randomUUID()}@kattoo.test`,
    name: "Донор",
    role: "STAFF",
    password: "a-long-enough-password",
    actor: { type: "SYSTEM" },
  });
  if (!viewer.ok) throw new Error(viewer.reason);
  await db.eventMembership.create({ data: { eventId, staffId: viewer.id, role: "VIEWER" } });
  const sessionId = await startStaffSession({ staffId: viewer.id, device: "Chrome, Linux" });
  vi.mocked(auth).mockResolvedValue({ staffId: viewer.id, sessionId, sessionVersion: 0 } as never);
});

function expectNothingPersonal(text: string) {
  for (const value of Object.values(PERSON)) expect(text).not.toContain(value);
  expect(text).not.toContain("700 123 987");
}

const filtersOf = (q?: string) => parseRegistrationFilters(q ? { q } : {}, { questions: [] });

describe("a viewer's data", () => {
  it("reads the list without contact details: the name is there, the email, phone and needs are not", async () => {
    const { rows } = await listRegistrations({ eventId, filters: filtersOf(), contacts: false });
    expect(rows.map((row) => row.lastName)).toEqual(["Жээнбекова"]);
    expect(rows[0]).not.toHaveProperty("email");
    expectNothingPersonal(JSON.stringify(rows));
    // The same list with contacts does read them: the check above could fail.
    const withContacts = await listRegistrations({ eventId, filters: filtersOf(), contacts: true });
    expect(JSON.stringify(withContacts.rows)).toContain(PERSON.email);
  });

  it("finds a person by name or organization, never by an email or a phone", async () => {
    const names = async (q: string, contacts: boolean) =>
      (await listRegistrations({ eventId, filters: filtersOf(q), contacts })).rows.map((row) => row.lastName);
    expect(await names("жээнбек", false)).toEqual(["Жээнбекова"]);
    expect(await names("ресурсный", false)).toEqual(["Жээнбекова"]);
    for (const q of [PERSON.email, PERSON.email.slice(0, 12), "700 123", "@example.test"]) {
      expect(await names(q, false), q).toEqual([]);
      const found = await countFound({
        eventId,
        filters: filtersOf(q),
        counts: await countRegistrations({ eventId }),
        contacts: false,
      });
      expect(found.count, q).toBe(0);
    }
    expect(await names(PERSON.email, true)).toEqual(["Жээнбекова"]);
  });

  it("reads the attendance grid with names and marks only", async () => {
    const rows = await getAttendanceGrid({ eventId });
    expect(rows.map((row) => [row.lastName, row.attendance.length])).toEqual([["Жээнбекова", 1]]);
    expectNothingPersonal(JSON.stringify(rows));
  });

  it("opens the list and the attendance, but not a registration (404) nor its changes", async () => {
    expect(await checkEventAccess({ event: eventId }, "event.registrations.read")).toMatchObject({
      ok: true,
    });
    expect(await checkEventAccess({ event: eventId }, "event.statistics")).toMatchObject({ ok: true });
    expect(await checkEventAccess({ event: eventId }, "event.registrations")).toMatchObject({ status: 403 });
    expect(await checkEventAccess({ event: eventId }, "event.contacts")).toMatchObject({ status: 403 });
    expect(await checkEventAccess({ registration: registrationId }, "event.registrations")).toMatchObject({
      status: 404,
    });
    expect(
      await checkEventAccess({ event: eventId, registration: registrationId }, "event.registrations"),
    ).toMatchObject({ status: 404 });
  });

  it("downloads the statistics file, which holds counts and no one's details nor free-text feedback", async () => {
    const response = await statisticsFile(
      new Request(`http://127.0.0.1/admin/events/${eventId}/statistics/file`),
      {
        params: Promise.resolve({ id: eventId }),
      },
    );
    expect(response.status).toBe(200);
    const cells = await xlsxCells((await response.arrayBuffer()) as unknown as ArrayBuffer);
    expect(cells.length).toBeGreaterThan(0);
    const text = cells.join("\n");
    expectNothingPersonal(text);
    expect(text).not.toContain("Жээнбекова");
  });
});
