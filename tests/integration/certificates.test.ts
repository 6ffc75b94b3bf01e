import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as downloadCertificate } from "@/app/[locale]/r/[token]/certificate/route";
import { normalizeCertificateCode } from "@/lib/certificates/codes";
import {
  findValidCertificate,
  getCertificateOfRegistration,
  getCertificateOverview,
} from "@/lib/certificates/data";
import {
  issueCertificate,
  queueCertificateLetters,
  saveCertificateSettings,
} from "@/lib/certificates/mutations";
import { certificateSettingsSchema } from "@/lib/certificates/schema";
import { db } from "@/lib/db";
import { createSender } from "@/lib/emails/transport";
import { sendDueLetters } from "@/lib/emails/worker";
import type { EventDay } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/generated/prisma/enums";
import {
  ensureInstrument,
  saveInstrumentSettings,
  submitResponse,
  switchInstrument,
} from "@/lib/outcomes/mutations";
import { instrumentSettingsSchema } from "@/lib/outcomes/schema";
import { createRegistration } from "@/lib/registrations/mutations";
import { createTestEvent, endEvent, registrationInput } from "../support/factories";
import { markPresent } from "../support/participants";
import { pdfPages } from "../support/pdf-text";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp-server";

const organizer = { type: "STAFF" as const };
const CODE = /[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}/;

let smtp: TestSmtpServer;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
});

afterAll(async () => {
  await smtp.close();
});

/**
 * A two-day event and four people: Асанова came both days, Бекова the first
 * only, Жумабаев not at all, and Осмонов came both days but then cancelled.
 * The event is over, unless `over` is false.
 */
async function seminar({ over = true }: { over?: boolean } = {}) {
  const event = await createTestEvent({ capacity: 100, quotas: {}, days: 2 });
  const [first, second] = (await db.eventDay.findMany({
    where: { eventId: event.id },
    orderBy: { startsAt: "asc" },
  })) as [EventDay, EventDay];
  await db.eventParty.create({
    data: { eventId: event.id, role: "ORGANIZER", name: { ru: "Центр политики «Тянь-Шань» АУЦА" } },
  });
  const register = async (lastName: string, firstName: string, locale: Locale = "ru") => {
    const input = registrationInput({ lastName, firstName, patronymic: "Бакытовна" });
    const result = await createRegistration({ slug: event.slug, locale, input });
    if (!result.ok || result.status !== "CONFIRMED") throw new Error("registration refused");
    return { id: result.registrationId, token: result.manageToken, email: input.email };
  };
  const both = await register("Асанова", "Айгүл");
  const once = await register("Бекова", "Өмүркан", "ky");
  const never = await register("Жумабаев", "Үмүт");
  const cancelled = await register("Осмонов", "Ңурлан");
  await markPresent([both.id, cancelled.id], [first.id, second.id]);
  await markPresent([once.id], [first.id]);
  await db.registration.update({ where: { id: cancelled.id }, data: { status: "CANCELLED" } });
  if (over) await endEvent(event.id);
  return { event, days: [first, second] as const, both, once, never, cancelled };
}

async function download(token: string, locale: string) {
  return downloadCertificate(new Request(`http://localhost/${locale}/r/${token}/certificate`), {
    params: Promise.resolve({ locale, token }),
  });
}

async function pdfText(response: Response): Promise<string> {
  return (await pdfPages(Buffer.from(await response.arrayBuffer()))).flat().join("\n");
}

describe("certificates of attendance", () => {
  it("go only to confirmed participants present on the days the organizers ask for", async () => {
    const { event, both, once, never, cancelled } = await seminar();
    const holders = async () =>
      (await getCertificateOverview({ eventId: event.id }))?.holders.map((holder) => holder.lastName);

    // No threshold: the event gives no certificates.
    expect(await holders()).toEqual([]);
    expect(await issueCertificate({ registrationId: both.id, actor: organizer })).toBeNull();

    expect(
      await saveCertificateSettings({
        eventId: event.id,
        settings: { minDays: 3, hours: 16, requiresPostTest: false, requiresFeedback: false },
        actor: organizer,
      }),
    ).toEqual({ ok: false, reason: "more_days_than_event" });
    expect(
      await saveCertificateSettings({
        eventId: event.id,
        settings: { minDays: 2, hours: 16, requiresPostTest: false, requiresFeedback: false },
        actor: organizer,
      }),
    ).toEqual({ ok: true });
    expect(await holders()).toEqual(["Асанова"]);
    expect(await getCertificateOverview({ eventId: event.id })).toMatchObject({ confirmed: 3 });
    for (const person of [once, never, cancelled]) {
      expect(await issueCertificate({ registrationId: person.id, actor: organizer })).toBeNull();
    }

    await saveCertificateSettings({
      eventId: event.id,
      settings: { minDays: 1, hours: null, requiresPostTest: false, requiresFeedback: false },
      actor: organizer,
    });
    expect(await holders()).toEqual(["Асанова", "Бекова"]);
    const issued = await issueCertificate({ registrationId: once.id, actor: organizer });
    expect(normalizeCertificateCode(issued?.code ?? "")).toBe(issued?.code);
    // Issued once: the same code every time.
    expect(await issueCertificate({ registrationId: once.id, actor: organizer })).toEqual(issued);
    expect(await db.auditLog.count({ where: { action: "certificate.issued", entityId: once.id } })).toBe(1);
  });

  it("are given only once the event's last day is over, however many days were attended", async () => {
    const { event, days, both } = await seminar({ over: false });
    await saveCertificateSettings({
      eventId: event.id,
      settings: { minDays: 2, hours: 16, requiresPostTest: false, requiresFeedback: false },
      actor: organizer,
    });
    const overview = async (now?: Date) => {
      const found = await getCertificateOverview({ eventId: event.id, now });
      return { ended: found?.ended, holders: found?.holders.map((holder) => holder.lastName) };
    };

    // Both days marked (days to come, as the table may hold them), and still nothing to give.
    expect(await overview()).toEqual({ ended: false, holders: [] });
    expect(await issueCertificate({ registrationId: both.id, actor: organizer })).toBeNull();
    expect(await queueCertificateLetters({ eventId: event.id, actor: organizer })).toMatchObject({
      queued: 0,
    });
    expect((await download(both.token, "ru")).status).toBe(404);
    expect(await db.certificate.count({ where: { registrationId: both.id } })).toBe(0);
    expect(
      await db.outboxMessage.count({ where: { registrationId: both.id, template: "certificate" } }),
    ).toBe(0);

    // During the last day, not yet; at its end, yes.
    const lastEnds = days[1].endsAt;
    expect(await overview(new Date(lastEnds.getTime() - 60_000))).toEqual({ ended: false, holders: [] });
    expect(await overview(lastEnds)).toEqual({ ended: true, holders: ["Асанова"] });
    await endEvent(event.id);
    expect((await download(both.token, "ru")).status).toBe(200);
  });

  it("is a one-page PDF in the participant's language with the name, the event, the hours and a code that verifies it", async () => {
    const { event, days, both, once } = await seminar();
    await saveCertificateSettings({
      eventId: event.id,
      settings: { minDays: 2, hours: 16, requiresPostTest: false, requiresFeedback: false },
      actor: organizer,
    });

    const response = await download(both.token, "ru");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="certificate-${event.slug}.pdf"`,
    );
    const pdf = Buffer.from(await response.arrayBuffer());
    const pages = await pdfPages(pdf);
    expect(pages).toHaveLength(1);
    const text = pages.flat().join("\n");
    for (const expected of [
      "СЕРТИФИКАТ",
      "об участии",
      "Асанова Айгүл Бакытовна",
      "Тестовый семинар",
      "Объём обучения: 16 часов",
      "Организаторы: Центр политики «Тянь-Шань» АУЦА",
    ]) {
      expect(text).toContain(expected);
    }
    const code = text.match(new RegExp(`Код проверки: (${CODE.source})`))?.[1] ?? "";
    expect(text).toContain(`http://localhost:3000/verify/${code}`);

    // The participant's language of choice, the same code.
    const english = await pdfText(await download(both.token, "en"));
    expect(english).toContain("CERTIFICATE");
    expect(english).toContain("Test seminar");
    expect(english).toContain("16 hours of training");
    expect(english).toContain(`Verification code: ${code}`);
    expect(english).toContain(`http://localhost:3000/en/verify/${code}`);
    const kyrgyz = await pdfText(await download(both.token, "ky"));
    expect(kyrgyz).toContain("Сыноо семинары");
    expect(kyrgyz).toContain("Окуунун көлөмү: 16 саат");
    expect(kyrgyz).toContain(`Текшерүү коду: ${code}`);

    const verified = await findValidCertificate({ code: normalizeCertificateCode(code) ?? "" });
    expect(verified?.registration.id).toBe(both.id);

    // Not there yet, or not a link at all: nothing to download.
    expect((await download(once.token, "ru")).status).toBe(404);
    expect((await download("x".repeat(43), "ru")).status).toBe(404);
    expect(await findValidCertificate({ code: "ABCDEFGHJKMN" })).toBeNull();

    // Attendance corrected: the certificate no longer verifies, nor downloads.
    await db.attendance.deleteMany({ where: { registrationId: both.id, eventDayId: days[1]?.id } });
    expect(await findValidCertificate({ code: normalizeCertificateCode(code) ?? "" })).toBeNull();
    expect((await download(both.token, "ru")).status).toBe(404);
  });

  it("arrives by email, through the outbox, with the PDF attached; once per participant", async () => {
    const { event, both, once } = await seminar();
    await saveCertificateSettings({
      eventId: event.id,
      settings: { minDays: 1, hours: 12, requiresPostTest: false, requiresFeedback: false },
      actor: organizer,
    });

    expect(await queueCertificateLetters({ eventId: event.id, actor: organizer })).toMatchObject({
      queued: 2,
    });
    expect(await queueCertificateLetters({ eventId: event.id, actor: organizer })).toMatchObject({
      queued: 0,
    });

    const sender = createSender({ smtpUrl: smtp.url });
    try {
      while ((await sendDueLetters({ send: sender.send, retryBaseSeconds: 0.1 })) > 0) {}
    } finally {
      sender.close();
    }
    const letterTo = (email: string) =>
      smtp.received.filter(
        (mail: ParsedMail) =>
          (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address === email &&
          mail.attachments.some((attachment) => attachment.contentType === "application/pdf"),
      );

    const [russian] = letterTo(both.email);
    expect(russian?.subject).toBe("Сертификат участника: Тестовый семинар");
    const attachment = russian?.attachments.find((file) => file.contentType === "application/pdf");
    expect(attachment?.filename).toBe(`certificate-${event.slug}.pdf`);
    const text = (await pdfPages(attachment?.content as Buffer)).flat().join("\n");
    expect(text).toContain("Асанова Айгүл Бакытовна");
    expect(text).toContain("Объём обучения: 12 часов");
    const code = text.match(new RegExp(`Код проверки: (${CODE.source})`))?.[1];
    expect(code).toBeDefined();
    expect(russian?.text).toContain(`Код проверки: ${code}`);
    expect(russian?.text).toContain(`http://localhost:3000/verify/${code}`);

    // Бекова registered in Kyrgyz: her letter and certificate are in Kyrgyz.
    const [kyrgyz] = letterTo(once.email);
    expect(kyrgyz?.subject).toBe("Катышуучунун сертификаты: Сыноо семинары");
    const kyrgyzPdf = kyrgyz?.attachments.find((file) => file.contentType === "application/pdf");
    expect((await pdfPages(kyrgyzPdf?.content as Buffer)).flat().join("\n")).toContain(
      "Бекова Өмүркан Бакытовна",
    );
  });

  it("is not sent to a participant who no longer qualifies when the letter leaves", async () => {
    const { event, days, both } = await seminar();
    await saveCertificateSettings({
      eventId: event.id,
      settings: { minDays: 2, hours: null, requiresPostTest: false, requiresFeedback: false },
      actor: organizer,
    });
    expect(await queueCertificateLetters({ eventId: event.id, actor: organizer })).toMatchObject({
      queued: 1,
    });
    await db.attendance.deleteMany({ where: { registrationId: both.id, eventDayId: days[1]?.id } });

    const sender = createSender({ smtpUrl: smtp.url });
    try {
      await sendDueLetters({ send: sender.send, retryBaseSeconds: 60 });
    } finally {
      sender.close();
    }
    const letter = await db.outboxMessage.findFirstOrThrow({
      where: { registrationId: both.id, template: "certificate" },
    });
    expect(letter).toMatchObject({
      status: "QUEUED",
      lastError: "The participant no longer qualifies for a certificate.",
    });
  });
});

describe("certificates that wait for the post-test and the feedback survey", () => {
  /** An open post-test (asking the pre-test's questions: none here) and, if asked, an open anonymous survey. */
  async function openInstrument(eventId: string, kind: "POST_TEST" | "FEEDBACK") {
    const { id } = await ensureInstrument({ eventId, kind });
    if (kind === "FEEDBACK") {
      const input = instrumentSettingsSchema.parse({ anonymous: true });
      const window = { opensAt: null, closesAt: null };
      expect(
        await saveInstrumentSettings({ instrumentId: id, eventId, input, window, actor: organizer }),
      ).toEqual({
        ok: true,
      });
    }
    await switchInstrument({ instrumentId: id, eventId, to: "open", actor: organizer });
  }

  it("are given, downloaded and sent only to those who submitted both, the anonymous survey by its ballot", async () => {
    const { event, both, once } = await seminar();
    const settings = { minDays: 1, hours: null, requiresPostTest: true, requiresFeedback: true };
    // An instrument the event does not have could never be submitted.
    expect(await saveCertificateSettings({ eventId: event.id, settings, actor: organizer })).toEqual({
      ok: false,
      reason: "no_instrument",
      field: "requiresPostTest",
    });
    await openInstrument(event.id, "POST_TEST");
    expect(await saveCertificateSettings({ eventId: event.id, settings, actor: organizer })).toMatchObject({
      ok: false,
      field: "requiresFeedback",
    });
    await openInstrument(event.id, "FEEDBACK");
    expect(await saveCertificateSettings({ eventId: event.id, settings, actor: organizer })).toEqual({
      ok: true,
    });

    // Both attended, neither answered: no certificate, and the page says what is missing.
    const overview = async () => getCertificateOverview({ eventId: event.id });
    expect(await overview()).toMatchObject({
      holders: [],
      missing: { skipped: 2, withoutPostTest: 2, withoutFeedback: 2 },
    });
    expect(await getCertificateOfRegistration({ registrationId: both.id })).toMatchObject({
      qualifies: false,
      missing: ["POST_TEST", "FEEDBACK"],
    });
    const refused = await download(both.token, "ky");
    expect(refused.status).toBe(303);
    expect(refused.headers.get("location")).toBe(`/ky/r/${both.token}#certificate`);
    expect(await issueCertificate({ registrationId: both.id, actor: organizer })).toBeNull();
    expect(await queueCertificateLetters({ eventId: event.id, actor: organizer })).toEqual({
      queued: 0,
      skipped: 2,
      withoutPostTest: 2,
      withoutFeedback: 2,
    });

    // Асанова answers the post-test: the survey is still missing.
    expect(await submitResponse({ token: both.token, kind: "POST_TEST", answers: {} })).toEqual({ ok: true });
    expect(await getCertificateOfRegistration({ registrationId: both.id })).toMatchObject({
      qualifies: false,
      missing: ["FEEDBACK"],
    });
    // Then the anonymous survey: her ballot is what counts, the response names no one.
    expect(await submitResponse({ token: both.token, kind: "FEEDBACK", answers: {} })).toEqual({ ok: true });
    expect(await getCertificateOfRegistration({ registrationId: both.id })).toMatchObject({
      qualifies: true,
      missing: [],
    });
    expect(await overview()).toMatchObject({
      holders: [{ lastName: "Асанова" }],
      missing: { skipped: 1, withoutPostTest: 1, withoutFeedback: 1 },
    });
    const granted = await download(both.token, "ru");
    expect(granted.status).toBe(200);
    expect(await pdfText(granted)).toContain("Асанова Айгүл Бакытовна");
    expect(await queueCertificateLetters({ eventId: event.id, actor: organizer })).toEqual({
      queued: 1,
      skipped: 1,
      withoutPostTest: 1,
      withoutFeedback: 1,
    });
    // Бекова came too, but has answered nothing: her link still leads to her page.
    expect((await download(once.token, "ru")).status).toBe(303);
  });

  it("can be required only by an event that gives certificates", async () => {
    const { event } = await seminar();
    await openInstrument(event.id, "POST_TEST");
    expect(
      await saveCertificateSettings({
        eventId: event.id,
        settings: certificateSettingsSchema.parse({ minDays: "", hours: "", requiresPostTest: true }),
        actor: organizer,
      }),
    ).toEqual({ ok: true });
    expect(await db.event.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({
      certificateMinDays: null,
      certificateRequiresPostTest: false,
    });
    await expect(
      db.event.update({ where: { id: event.id }, data: { certificateRequiresPostTest: true } }),
    ).rejects.toThrow(/event_certificate_requirements_need_certificates/);
  });
});
