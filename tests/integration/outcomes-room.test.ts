import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { GET as handoutFile } from "@/app/admin/(staff)/events/[id]/paper/outcomes-handout/route";
import { auth } from "@/lib/auth";
import { db } from "@/lib/db";
import { idle } from "@/lib/entry-points/state";
import { PEER_HEADER } from "@/lib/http/client-address";
import { findRoomRegistrationAction, submitRoomResponseAction } from "@/lib/outcomes/actions";
import { registrationOfRoomPass, roomPass } from "@/lib/registrations/tokens";
import { createStaffAccount, startStaffSession } from "@/lib/staff/mutations";
import { eventWithOutcomes } from "../support/outcomes-event";
import { pdfPageImage } from "../support/pdf-image";
import { pdfPages } from "../support/pdf-text";
import { decodeQr } from "../support/qr";

// The room's QR page (decision 043): a registration found by check-in code
// and last name, through the action layer as the browser calls it, and the
// pass it gives, which opens the post-test and the survey only.

let peer = "203.0.113.20";
vi.mock("next/headers", () => ({ headers: async () => new Headers({ [PEER_HEADER]: peer }) }));
vi.mock("@/lib/auth", () => ({
  auth: vi.fn(),
  signIn: vi.fn(),
  signOut: vi.fn(),
  SecondFactorRequired: Error,
}));

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

/** Where a redirecting action sends the browser: Next's redirect() throws with it in its digest. */
async function redirectOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT")) return digest.split(";")[2] ?? "";
    throw error;
  }
  throw new Error("no redirect");
}

async function roomEvent() {
  peer = `203.0.113.${Math.floor(Math.random() * 200)}`;
  const { event, ids, registrations } = await eventWithOutcomes({
    people: [
      { lastName: "Үсөнова", category: "GOVERNMENT", gender: "FEMALE", attended: true, pre: 1 },
      { lastName: "Бекова", category: "GOVERNMENT", gender: "FEMALE", attended: true },
    ],
  });
  await db.event.update({ where: { id: event.id }, data: { status: "PUBLISHED" } });
  const codes = await db.registration.findMany({
    where: { eventId: event.id },
    select: { id: true, lastName: true, checkInCode: true },
  });
  const code = (lastName: string) => codes.find((row) => row.lastName === lastName)?.checkInCode ?? "";
  return { event, ids, registrations, code };
}

describe("the room's QR page", () => {
  it("finds a registration by its code and whole last name, as typed on a phone, and says nothing else", async () => {
    const { event, registrations, code } = await roomEvent();
    const lookup = findRoomRegistrationAction.bind(null, { slug: event.slug, locale: "ky" });
    const notFound = { status: "refused", message: "roomNotFound" };
    // A wrong code, a wrong name, another's code, a part of the name: the same one answer.
    expect(await lookup(idle, form({ code: "2345678", lastName: "Үсөнова" }))).toEqual(notFound);
    expect(await lookup(idle, form({ code: code("Үсөнова"), lastName: "Бекова" }))).toEqual(notFound);
    expect(await lookup(idle, form({ code: code("Үсөнова"), lastName: "Үсөн" }))).toEqual(notFound);
    // Lower case, a dash, Kyrgyz letters typed as Russian ones: found.
    const typed = `${code("Үсөнова").slice(0, 3).toLowerCase()}-${code("Үсөнова").slice(3)}`;
    const location = await redirectOf(lookup(idle, form({ code: typed, lastName: " усонова " })));
    const [usonova] = registrations;
    expect(location).toBe(`/ky/events/${event.slug}/answer/${roomPass(usonova?.id ?? "")}`);
  });

  it("stops guessing: ten tries per code in ten minutes", async () => {
    const { event, code } = await roomEvent();
    const lookup = findRoomRegistrationAction.bind(null, { slug: event.slug, locale: "ru" });
    for (let attempt = 0; attempt < 10; attempt++) {
      expect(await lookup(idle, form({ code: code("Бекова"), lastName: `Бекова${attempt}` }))).toMatchObject({
        status: "refused",
      });
    }
    expect(await lookup(idle, form({ code: code("Бекова"), lastName: "Бекова" }))).toMatchObject({
      status: "failed",
      code: "rate_limited",
    });
  });

  it("gives a pass that answers the post-test for that registration, and nothing else", async () => {
    const { event, ids, registrations } = await roomEvent();
    const [usonova] = registrations;
    if (!usonova) throw new Error("no registration");
    const pass = roomPass(usonova.id);
    expect(registrationOfRoomPass(pass)).toBe(usonova.id);
    // A pass with another registration's id under it opens nothing.
    expect(registrationOfRoomPass(`${randomUUID()}.${pass.split(".")[1]}`)).toBeNull();
    const answers = { [`answers.${ids.q1}`]: ids.q1Right, [`answers.${ids.q2}`]: ids.q2Right };
    const bound = { slug: event.slug, pass, locale: "ru" as const };
    // The pre-test is not the room's: refused before anything is read.
    expect(await submitRoomResponseAction({ ...bound, kind: "PRE_TEST" }, idle, form(answers))).toEqual({
      status: "failed",
      code: "bad_request",
    });
    const location = await redirectOf(
      submitRoomResponseAction({ ...bound, kind: "POST_TEST" }, idle, form(answers)),
    );
    expect(location).toBe(`/events/${event.slug}/answer/${pass}/post-test`);
    const post = await db.instrument.findFirstOrThrow({ where: { eventId: event.id, kind: "POST_TEST" } });
    expect(
      await db.instrumentResponse.count({ where: { instrumentId: post.id, registrationId: usonova.id } }),
    ).toBe(1);
  });

  it("is printed on a one-page handout whose QR code leads there", async () => {
    const { event } = await roomEvent();
    const organizer = await createStaffAccount({
      email: `${randomUUID()}@kattoo.test`,
      name: "Организатор",
      role: "ORGANIZER",
      password: "a-long-enough-password",
      actor: { type: "SYSTEM" },
    });
    if (!organizer.ok) throw new Error(organizer.reason);
    const sessionId = await startStaffSession({ staffId: organizer.id, device: "Chrome, Linux" });
    vi.mocked(auth).mockResolvedValue({ staffId: organizer.id, sessionId, sessionVersion: 0 } as never);
    const response = await handoutFile(
      new Request(`http://127.0.0.1/admin/events/${event.id}/paper/outcomes-handout?lang=ky`),
      { params: Promise.resolve({ id: event.id }) },
    );
    expect(response.status).toBe(200);
    const pdf = Buffer.from(await response.arrayBuffer());
    if (process.env.OUTCOMES_PDF)
      await import("node:fs").then((fs) => fs.writeFileSync(process.env.OUTCOMES_PDF as string, pdf));
    const pages = await pdfPages(pdf);
    expect(pages).toHaveLength(1);
    const text = pages[0]?.join("\n");
    expect(text).toContain("Жыйынтыктоочу тест жана\nсеминар тууралуу пикир");
    expect(text).toContain(`http://localhost:3000/ky/events/${event.slug}/answer`);
    // The code printed on the page, read as a phone's camera reads it, leads to the same page.
    expect(decodeQr(await pdfPageImage(pdf))).toBe(`http://localhost:3000/ky/events/${event.slug}/answer`);
  });
});
