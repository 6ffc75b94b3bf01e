import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getPreview } from "@/app/api/events/[slug]/preview.png/route";
import { saveCertificateSettings } from "@/lib/certificates/mutations";
import { certificatePdf } from "@/lib/certificates/pdf";
import { db } from "@/lib/db";
import { createSender } from "@/lib/emails/transport";
import { sendDueLetters } from "@/lib/emails/worker";
import type { EventDay } from "@/lib/generated/prisma/client";
import { createRegistration } from "@/lib/registrations/mutations";
import { getSignatureSheetData } from "@/lib/signature-sheets/data";
import { renderSignatureSheet } from "@/lib/signature-sheets/pdf";
import { createTestEvent, endEvent, registrationInput } from "../support/factories";
import { addLogos } from "../support/logos";
import { insertParticipants, markPresent } from "../support/participants";
import { imagesPerPage } from "../support/pdf-text";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp-server";

// Donors require their logos on every letter and every paper: each is read
// back as its reader gets it (the letter through a real SMTP server, the
// PDFs by what they draw on each page).

const staff = { type: "STAFF" as const };

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startTestSmtpServer();
});
afterAll(async () => {
  await smtp.close();
});

/** An event with an organizer's logo 3:1 and a funder's 2:1, as uploaded. */
async function eventWithLogos(options: Parameters<typeof createTestEvent>[0] = {}) {
  const event = await createTestEvent(options);
  return { event, logos: await addLogos(event.id) };
}

describe("the logos of an event's organizers and funders", () => {
  it("head the confirmation letter as inline images, through SMTP and in the local mailbox", async () => {
    const { event, logos } = await eventWithLogos();
    const input = registrationInput();
    const registered = await createRegistration({ slug: event.slug, locale: "ru", input });
    if (!registered.ok) throw new Error(registered.reason);

    const sender = createSender({ smtpUrl: smtp.url });
    try {
      while ((await sendDueLetters({ send: sender.send, retryBaseSeconds: 0.1 })) > 0) {}
    } finally {
      sender.close();
    }
    const [mail] = await smtp.waitFor({
      count: 1,
      where: (mail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address === input.email,
    });
    if (!mail) throw new Error("no letter arrived");
    const inline = mail.attachments.filter((attachment) => attachment.cid?.startsWith("logo-"));
    expect(inline.map((attachment) => [attachment.cid, attachment.contentType])).toEqual([
      ["logo-1", "image/png"],
      ["logo-2", "image/png"],
    ]);
    // The stored bytes themselves, as uploaded and re-encoded.
    expect(inline.map((attachment) => Buffer.from(attachment.content).toString("base64"))).toEqual(
      logos.map((logo) => logo.bytes.toString("base64")),
    );
    // Shown 40 px high, their width in proportion: 120 and 80 (mailparser puts the
    // inline parts in place of their cid: references, as a mail client does).
    const tags = String(mail.html).match(/<img[^>]*(Тянь-Шань борбору|Фонд открытого общества)[^>]*>/g) ?? [];
    expect(tags).toHaveLength(2);
    expect(tags[0]).toContain('alt="Тянь-Шань борбору"');
    expect(tags[0]).toMatch(/width="120"[^>]*height="40"|height="40"[^>]*width="120"/);
    expect(tags[1]).toContain('alt="Фонд открытого общества"');
    expect(tags[1]).toMatch(/width="80"/);
    // The check-in QR code is still there beside them.
    expect(mail.attachments.some((attachment) => attachment.cid === "check-in-qr")).toBe(true);

    // The same letter kept in the local mailbox shows the logos in a browser: embedded, not cid:.
    const mailbox = createSender({ smtpUrl: "" });
    await db.outboxMessage.updateMany({
      where: { registrationId: registered.registrationId },
      data: { status: "QUEUED", nextAttemptAt: new Date() },
    });
    try {
      while ((await sendDueLetters({ send: mailbox.send, retryBaseSeconds: 0.1 })) > 0) {}
    } finally {
      mailbox.close();
    }
    const kept = await db.mailboxMessage.findFirstOrThrow({ where: { toAddress: input.email } });
    expect(kept.html).not.toContain("cid:logo-");
    expect(kept.html.match(/src="data:image\/png;base64,/g)?.length).toBe(3);
  });

  it("stand on the certificate and on every page of the signature sheet", async () => {
    const { event } = await eventWithLogos({ capacity: 100, quotas: {}, days: 1 });
    const [day] = (await db.eventDay.findMany({ where: { eventId: event.id } })) as [EventDay];
    const input = registrationInput({ lastName: "Асанова", firstName: "Айгүл" });
    const registered = await createRegistration({ slug: event.slug, locale: "ky", input });
    if (!registered.ok) throw new Error(registered.reason);
    // Certificates are given once the event is over (decision 019).
    await endEvent(event.id);
    await markPresent([registered.registrationId], [day.id]);
    await saveCertificateSettings({
      eventId: event.id,
      settings: { minDays: 1, hours: 8, requiresPostTest: false, requiresFeedback: false },
      actor: staff,
    });
    const certificate = await certificatePdf({
      registrationId: registered.registrationId,
      locale: "ky",
      actor: staff,
    });
    if (!certificate) throw new Error("no certificate");
    // Two logos and the QR code of the check.
    expect(await imagesPerPage(certificate.pdf)).toEqual([3]);

    await insertParticipants(
      event.id,
      Array.from({ length: 40 }, (_, index) => ({ lastName: `Токтогулов${index}`, firstName: "Бакыт" })),
    );
    const sheet = await getSignatureSheetData({ eventId: event.id, dayId: day.id });
    if (!sheet) throw new Error("no sheet");
    const pages = await imagesPerPage(await renderSignatureSheet({ sheet, blankRows: 5, locale: "ru" }));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.every((count) => count === 2)).toBe(true);
  });
});

/** Width and height from a PNG's header (its IHDR chunk), as a messenger reads them before anything else. */
function pngSize(bytes: Buffer) {
  expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe("the preview of a shared link", () => {
  it("is a 1200×630 PNG under 300 kB per language, with the event's logos", async () => {
    const { event } = await eventWithLogos();
    await db.event.update({
      where: { id: event.id },
      data: { title: { ru: "Семинар по трудовой миграции", ky: "Эмгек миграциясы боюнча семинар: өңүттөр" } },
    });
    const preview = async (lang: string) => {
      const response = await getPreview(
        new Request(`http://127.0.0.1/api/events/${event.slug}/preview.png?lang=${lang}`),
        { params: Promise.resolve({ slug: event.slug }) },
      );
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("image/png");
      return Buffer.from(await response.arrayBuffer());
    };
    const [ru, ky] = [await preview("ru"), await preview("ky")];
    for (const bytes of [ru, ky]) {
      expect(pngSize(bytes)).toEqual({ width: 1200, height: 630 });
      expect(bytes.byteLength).toBeLessThan(300 * 1024);
      expect((await sharp(bytes).metadata()).format).toBe("png");
    }
    // Another language is another title: another picture.
    expect(ru.equals(ky)).toBe(false);
    // The logos' colours are drawn in the top row.
    const { data, info } = await sharp(ru).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [
      ...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3),
    ];
    expect(pixel(64 + 100, 56 + 36)).toEqual([0x0f, 0x76, 0x6e]);

    const missing = await getPreview(new Request("http://127.0.0.1/api/events/no-such-event/preview.png"), {
      params: Promise.resolve({ slug: "no-such-event" }),
    });
    expect(missing.status).toBe(404);
  });
});
