import { randomUUID } from "node:crypto";
import type { ParsedMail } from "mailparser";
import ical from "node-ical";
import { createElement, Fragment } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { queueDueReminders, saveLetterWording } from "@/lib/emails/mutations";
import { queueLetter } from "@/lib/emails/queue";
import { previewLetterWording } from "@/lib/emails/render";
import { letterTemplates } from "@/lib/emails/templates";
import { createSender } from "@/lib/emails/transport";
import { sendDueLetters, startOutboxWorker } from "@/lib/emails/worker";
import { duplicateEvent } from "@/lib/events/mutations";
import type { Locale } from "@/lib/generated/prisma/enums";
import { ensureInstrument, submitResponse, switchInstrument } from "@/lib/outcomes/mutations";
import { cancelRegistration, createRegistration } from "@/lib/registrations/mutations";
import { manageToken } from "@/lib/registrations/tokens";
import { createTestEvent, endEvent, registrationInput } from "../support/factories";
import { decodeQr } from "../support/qr";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp-server";

let smtp: TestSmtpServer;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
});

afterAll(async () => {
  await smtp.close();
});

/** Sends everything due through the test SMTP server and returns what arrived for `email`. */
async function deliverTo(email: string): Promise<ParsedMail[]> {
  const sender = createSender({ smtpUrl: smtp.url });
  try {
    while ((await sendDueLetters({ send: sender.send, retryBaseSeconds: 0.1 })) > 0) {}
  } finally {
    sender.close();
  }
  return smtp.received.filter((mail) => addressOf(mail) === email);
}

function addressOf(mail: ParsedMail): string | undefined {
  const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
  return to?.value[0]?.address;
}

async function register(
  locale: Locale,
  overrides: Parameters<typeof registrationInput>[0] = {},
  slug?: string,
) {
  const eventSlug = slug ?? (await createTestEvent()).slug;
  const input = registrationInput(overrides);
  const result = await createRegistration({ slug: eventSlug, locale, input });
  if (!result.ok) throw new Error(`registration refused: ${result.reason}`);
  return { ...result, email: input.email, slug: eventSlug };
}

describe("letters as they arrive", () => {
  it("are drawn once a batch, yet each holds its own participant's name, links and code, escaped", async () => {
    const event = await createTestEvent();
    const people = await Promise.all(
      [
        { firstName: `<b>"Ай'гүл" & Co</b>`, patronymic: "" },
        { firstName: "Бакыт", patronymic: "Асанович" },
        { firstName: "Нуржан", patronymic: "" },
      ].map((person) => register("ky", person, event.slug)),
    );
    // One round sends them all, from one batch.
    const letters: (ParsedMail | undefined)[] = [];
    for (const person of people) letters.push((await deliverTo(person.email))[0]);
    const codes = await db.registration.findMany({
      where: { eventId: event.id },
      select: { id: true, checkInCode: true },
    });
    for (const [index, person] of people.entries()) {
      const mail = letters[index];
      if (!mail || typeof mail.html !== "string") throw new Error("no letter arrived");
      const others = people.filter((other) => other !== person);
      const code = codes.find((registration) => registration.id === person.registrationId)?.checkInCode;
      expect(mail.text).toContain(`/r/${person.manageToken}`);
      expect(mail.html).toContain(`/r/${person.manageToken}`);
      for (const other of others) expect(mail.html).not.toContain(other.manageToken);
      expect(mail.text).toContain(code);
      const qr = mail.attachments.find((attachment) => attachment.cid === "check-in-qr");
      expect(decodeQr(qr?.content as Buffer)).toBe(code);
    }
    // As React escapes text: markup in a name reaches the reader as typed.
    const [hostile] = letters;
    expect(hostile?.html).toContain(
      renderToStaticMarkup(createElement(Fragment, null, `<b>"Ай'гүл" & Co</b>`)),
    );
    expect(hostile?.html).not.toContain("<b>");
    expect(hostile?.text).toContain(`<b>"Ай'гүл" & Co</b>`);
  });

  it("confirms a seat in Russian with both parts, the link, a calendar file and a QR code", async () => {
    const person = await register("ru", { firstName: "Айгүл", patronymic: "Бакытовна" });
    const [mail] = await deliverTo(person.email);
    if (!mail) throw new Error("no letter arrived");

    expect(mail.subject).toBe("Регистрация подтверждена: Тестовый семинар");
    expect(mail.text).toContain("Здравствуйте, Айгүл Бакытовна!");
    expect(mail.html).toContain('lang="ru"');
    expect(mail.html).toContain("Ваше место подтверждено");
    const manageUrl = `http://localhost:3000/r/${person.manageToken}`;
    expect(mail.text).toContain(manageUrl);
    expect(mail.html).toContain(manageUrl);
    expect(mail.messageId).toMatch(/@kattoo\.local>$/);
    // The event has no pre-test: the letter offers none.
    expect(mail.text).not.toContain("/pre-test");

    const registration = await db.registration.findUniqueOrThrow({ where: { id: person.registrationId } });
    expect(mail.text).toContain(registration.checkInCode);
    const qr = mail.attachments.find((attachment) => attachment.contentType === "image/png");
    expect(qr?.cid).toBe("check-in-qr");
    expect(decodeQr(qr?.content as Buffer)).toBe(registration.checkInCode);

    const calendar = mail.attachments.find((attachment) =>
      attachment.contentType.startsWith("text/calendar"),
    );
    const entries = Object.values(ical.sync.parseICS(calendar?.content.toString("utf8") ?? "")).filter(
      (entry) => entry?.type === "VEVENT",
    );
    const event = await db.event.findUniqueOrThrow({ where: { slug: person.slug }, include: { days: true } });
    expect(entries).toHaveLength(event.days.length);
    expect(entries[0]).toMatchObject({
      summary: "Тестовый семинар",
      location: "Чолпон-Ата, Иссык-Кульская область",
    });
    expect((entries[0] as { start: Date }).start.toISOString()).toBe(event.days[0]?.startsAt.toISOString());
    // The day with its hours, in the event's zone (issue 21, finding 12: letters gave dates alone).
    const [day] = event.days;
    if (!day) throw new Error("no day");
    const hours = new Intl.DateTimeFormat("ru", {
      hour: "2-digit",
      minute: "2-digit",
      timeZone: event.timeZone,
    });
    expect(mail.text).toContain(`${hours.format(day.startsAt)}–${hours.format(day.endsAt)}`);
  });

  it("sums the programme up in a seat letter: each day's first and last session, and a link to it all", async () => {
    const event = await createTestEvent({ days: 2 });
    const days = await db.eventDay.findMany({ where: { eventId: event.id }, orderBy: { startsAt: "asc" } });
    const hour = 3_600_000;
    const session = (dayIndex: number, from: number, to: number, title: string) => {
      const day = days[dayIndex];
      if (!day) throw new Error("no day");
      return db.eventSession.create({
        data: {
          eventDayId: day.id,
          startsAt: new Date(day.startsAt.getTime() + from * hour),
          endsAt: new Date(day.startsAt.getTime() + to * hour),
          title: { ru: title, ky: `${title} (кырг.)` },
        },
      });
    };
    const opening = await session(0, 0, 1, "Открытие");
    await session(0, 1, 3, "Середина");
    const last = await session(0, 7, 8, "Итоги дня");
    const closing = await session(1, 0, 1, "Закрытие");
    const person = await register("ky", {}, event.slug);
    const [mail] = await deliverTo(person.email);
    const time = new Intl.DateTimeFormat("ky", {
      hour: "2-digit",
      minute: "2-digit",
      timeZone: event.timeZone,
    });
    expect(mail?.text).toContain("Программа кыскача");
    expect(mail?.text).toContain(
      `${time.format(opening.startsAt)} Открытие (кырг.) … ${time.format(last.startsAt)} Итоги дня (кырг.)`,
    );
    expect(mail?.text).toContain(`${time.format(closing.startsAt)} Закрытие (кырг.)`);
    expect(mail?.text).not.toContain("Середина");
    expect(mail?.html).toContain(`http://localhost:3000/ky/events/${event.slug}#programme`);
  });

  it("links the pre-test in the confirmation while it is open, not once it is answered", async () => {
    const event = await createTestEvent();
    const { id: instrumentId } = await ensureInstrument({ eventId: event.id, kind: "PRE_TEST" });
    await switchInstrument({ instrumentId, eventId: event.id, to: "open", actor: systemActor });
    const person = await register("ky", {}, event.slug);
    const [mail] = await deliverTo(person.email);
    const link = `http://localhost:3000/ky/r/${person.manageToken}/pre-test`;
    expect(mail?.text).toContain("Семинарга чейин алдын ала тесттен өтүп коюңуз");
    expect(mail?.html).toContain(link);

    // Answered since: a promotion's letter (rendered when sent) offers it no more.
    expect(await submitResponse({ token: person.manageToken, kind: "PRE_TEST", answers: {} })).toEqual({
      ok: true,
    });
    const registration = await db.registration.findUniqueOrThrow({ where: { id: person.registrationId } });
    await queueLetter(db, { registration, template: "registration-promoted" });
    const mails = await deliverTo(person.email);
    expect(mails.at(-1)?.html).not.toContain(link);
  });

  it("speaks the participant's language: Kyrgyz and English", async () => {
    const ky = await register("ky");
    const en = await register("en");
    const [kyMail] = await deliverTo(ky.email);
    const [enMail] = await deliverTo(en.email);
    expect(kyMail?.subject).toBe("Каттоо тастыкталды: Сыноо семинары");
    expect(kyMail?.text).toContain("Саламатсызбы");
    expect(kyMail?.text).toContain(`http://localhost:3000/ky/r/${ky.manageToken}`);
    expect(enMail?.subject).toBe("Registration confirmed: Test seminar");
    expect(enMail?.text).toContain(`http://localhost:3000/en/r/${en.manageToken}`);
  });

  it("tells the waiting list its place, the promoted their seat, the cancelled their cancellation", async () => {
    const event = await createTestEvent({ capacity: 1, quotas: {} });
    const holder = await register("en", {}, event.slug);
    const waiting = await register("en", {}, event.slug);
    expect((await deliverTo(waiting.email))[0]?.text).toContain("you are 1st in line");

    await cancelRegistration({ token: holder.manageToken });
    const [, promoted] = await deliverTo(waiting.email);
    expect(promoted?.subject).toBe("A seat is free: registration confirmed — Test seminar");
    expect(promoted?.attachments.map((attachment) => attachment.contentType).sort()).toEqual([
      "image/png",
      "text/calendar",
    ]);
    const holderMails = await deliverTo(holder.email);
    expect(holderMails.map((mail) => mail.subject)).toEqual([
      "Registration confirmed: Test seminar",
      "Registration cancelled: Test seminar",
    ]);
    expect(holderMails[1]?.attachments).toEqual([]);
    // A cancelled registration has nothing left to change: its letter offers the page to view only.
    expect(holderMails[0]?.text).toContain("View, change or cancel your registration");
    expect(holderMails[1]?.text).toContain("View your registration");
    expect(holderMails[1]?.text).not.toContain("change or cancel");
  });

  it("sends the management link again to the owner of an address registered twice", async () => {
    const first = await register("ru");
    await createRegistration({
      slug: first.slug,
      locale: "ru",
      input: registrationInput({ email: first.email }),
    });
    const mails = await deliverTo(first.email);
    expect(mails.map((mail) => mail.subject).sort()).toEqual([
      "Регистрация подтверждена: Тестовый семинар",
      "Ссылка на вашу регистрацию: Тестовый семинар",
    ]);
    const resent = mails.find((mail) => mail.subject?.startsWith("Ссылка"));
    expect(resent?.text).toContain(`/r/${manageToken(first.registrationId)}`);
  });

  it("puts a name with line breaks and header text into no header of its own", async () => {
    const person = await register("en");
    // Past the schema, straight into the database: the letter must hold anyway.
    await db.registration.update({
      where: { id: person.registrationId },
      data: {
        firstName: "Eve\r\nBcc: spy@example.test\r\nX-Injected: yes",
        lastName: "Doe\nSubject: hacked",
      },
    });
    const [mail] = await deliverTo(person.email);
    expect(mail?.headers.has("x-injected")).toBe(false);
    expect(mail?.bcc).toBeUndefined();
    expect(mail?.subject).toBe("Registration confirmed: Test seminar");
    expect(smtp.received.some((received) => addressOf(received) === "spy@example.test")).toBe(false);
    // The name is still there, as text, where it belongs.
    expect(mail?.html).toContain("Eve");
  });

  it("escapes participant text in the letter's HTML", async () => {
    const person = await register("en", { firstName: "<img src=x onerror=alert(1)>" });
    const [mail] = await deliverTo(person.email);
    expect(mail?.html).not.toContain("<img src=x");
    expect(mail?.html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });
});

describe("the event's own wording", () => {
  const confirmation = {
    ru: "Возьмите паспорт.\n\nАвтобус отходит в 8:00 от филармонии <b>без опозданий</b>.",
    ky: "Паспортуңузду ала келиңиз.",
    en: "",
  };
  const waitlist = { ru: "Мы напишем, как только место освободится.", ky: "", en: "" };

  async function eventWithWording() {
    const event = await createTestEvent({ capacity: 1, quotas: {} });
    await saveLetterWording({ eventId: event.id, confirmation, waitlist, actor: systemActor });
    return event;
  }

  it("reaches each participant in their language, the Russian where theirs is not written, escaped", async () => {
    const event = await eventWithWording();
    const kyrgyz = await register("ky", {}, event.slug);
    const english = await register("en", {}, event.slug);
    const [kyMail] = await deliverTo(kyrgyz.email);
    const [enMail] = await deliverTo(english.email);

    expect(kyMail?.subject).toBe("Каттоо тастыкталды: Сыноо семинары");
    expect(kyMail?.text).toContain("Паспортуңузду ала келиңиз.");
    expect(kyMail?.text).not.toContain("Возьмите паспорт");
    // The second is on the waiting list: the Russian paragraph of that letter, no English one written.
    expect(enMail?.subject).toBe("Waiting list: Test seminar");
    expect(enMail?.text).toContain("Мы напишем, как только место освободится.");
    expect(enMail?.text).not.toContain("паспорт");
  });

  it("falls back to Russian in the confirmation, each paragraph its own, markup shown as typed", async () => {
    const event = await eventWithWording();
    const person = await register("en", {}, event.slug);
    const [mail] = await deliverTo(person.email);
    expect(mail?.subject).toBe("Registration confirmed: Test seminar");
    expect(mail?.text).toContain("Возьмите паспорт.");
    expect(mail?.html).not.toContain("<b>");
    expect(mail?.html).toContain("&lt;b&gt;без опозданий&lt;/b&gt;");
    expect(mail?.html).toMatch(/Возьмите паспорт\.<\/p>[\s\S]*<p[^>]*>Автобус отходит/);
  });

  it("is shown in both letters before it is saved, and copied with the event", async () => {
    const event = await eventWithWording();
    const previews = await previewLetterWording({
      eventId: event.id,
      confirmation: { ru: "Новый текст", ky: "Жаңы текст" },
      waitlist: { ru: "" },
      locale: "ky",
      name: "Айгүл",
    });
    expect(previews?.map((preview) => preview.subject)).toEqual([
      "Каттоо тастыкталды: Сыноо семинары",
      "Күтүү тизмеси: Сыноо семинары",
    ]);
    expect(previews?.[0]?.html).toContain("Жаңы текст");
    expect(previews?.[0]?.html).toContain("Айгүл");
    expect(previews?.[1]?.html).not.toContain("Мы напишем");

    const copyId = await duplicateEvent({ id: event.id, actor: systemActor });
    const copy = await db.event.findUniqueOrThrow({ where: { id: copyId } });
    expect(copy).toMatchObject({ confirmationWording: confirmation, waitlistWording: waitlist });
  });

  it("is refused by the database without its Russian or over its length", async () => {
    const event = await createTestEvent();
    await expect(
      db.event.update({ where: { id: event.id }, data: { confirmationWording: { ru: " ", ky: "Паспорт" } } }),
    ).rejects.toThrow(/event_confirmation_wording_valid/);
    await expect(
      db.event.update({ where: { id: event.id }, data: { waitlistWording: { ru: "ы".repeat(2001) } } }),
    ).rejects.toThrow(/event_waitlist_wording_valid/);
  });
});

describe("every letter", () => {
  it("arrives with its subject, both parts and the management link", async () => {
    const person = await register("ru");
    const registration = await db.registration.findUniqueOrThrow({ where: { id: person.registrationId } });
    // Present on the event's one day, which earns the certificate of attendance once the day is over.
    const [day] = await db.eventDay.findMany({ where: { eventId: registration.eventId } });
    await db.event.update({ where: { id: registration.eventId }, data: { certificateMinDays: 1 } });
    await db.attendance.create({ data: { registrationId: registration.id, eventDayId: day?.id ?? "" } });
    await endEvent(registration.eventId);
    const others = letterTemplates.filter((template) => template !== "registration-confirmed");
    const payloads: Partial<Record<(typeof others)[number], Record<string, string>>> = {
      "organizer-message": {
        subject: "Трансфер из Бишкека",
        message: "Автобус в 7:00.\n\nУ здания министерства.",
      },
      "instrument-opened": { kind: "POST_TEST" },
      "instrument-reminder": { kind: "FEEDBACK" },
    };
    await db.$transaction(async (tx) => {
      for (const template of others) {
        await queueLetter(tx, {
          template,
          registration,
          payload: payloads[template] ?? {},
        });
      }
    });
    const mails = await deliverTo(person.email);
    const subjects = Object.fromEntries(mails.map((mail) => [mail.subject, mail]));
    for (const subject of [
      "Регистрация подтверждена: Тестовый семинар",
      "Заявка получена: Тестовый семинар",
      "Лист ожидания: Тестовый семинар",
      "Место освободилось — регистрация подтверждена: Тестовый семинар",
      "Заявка не подтверждена: Тестовый семинар",
      "Регистрация отменена: Тестовый семинар",
      "Ссылка на вашу регистрацию: Тестовый семинар",
      expect.stringMatching(/^Напоминание: Тестовый семинар — \d+ \S+ \d{4} г\. в \d\d:\d\d$/),
      "Трансфер из Бишкека",
      "Сертификат участника: Тестовый семинар",
      "Материалы семинара опубликованы: Тестовый семинар",
      "Итоговый тест открыт: Тестовый семинар",
      "Напоминание: анкета отзыва ждёт вашего ответа — Тестовый семинар",
    ]) {
      expect(Object.keys(subjects)).toContainEqual(subject);
    }
    for (const mail of mails) {
      expect(mail.html).toContain(`/r/${person.manageToken}`);
      expect(mail.text).toContain(`/r/${person.manageToken}`);
      expect(mail.text).toContain("Здравствуйте");
    }
    expect(subjects["Трансфер из Бишкека"]?.text).toContain("Автобус в 7:00.");
  });
});

describe("the SMTP transport", () => {
  it("sends many letters over the few connections of its pool", async () => {
    const sender = createSender({ smtpUrl: smtp.url, connections: 2 });
    const before = smtp.connections();
    try {
      await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          sender.send({
            to: { name: "Айгүл", address: `pool-${index}@example.test` },
            subject: "Pool",
            html: "<p>Pool</p>",
            text: "Pool",
            attachments: [],
            outboxMessageId: randomUUID(),
          }),
        ),
      );
    } finally {
      sender.close();
    }
    await smtp.waitFor({ count: 20, where: (mail) => mail.subject === "Pool" });
    expect(smtp.connections() - before).toBeLessThanOrEqual(2);
  });
});

describe("reminders", () => {
  it("are queued once for each confirmed participant of an event starting soon", async () => {
    const soon = await createTestEvent({ capacity: 2, quotas: {} });
    const first = await register("ru", {}, soon.slug);
    await register("ru", {}, soon.slug);
    const waiting = await register("ru", {}, soon.slug);
    const later = await createTestEvent();
    await register("ru", {}, later.slug);

    // The test events begin in about two weeks.
    const hoursBefore = 15 * 24;
    await queueDueReminders({ hoursBefore: 24 });
    const reminders = () =>
      db.outboxMessage.findMany({ where: { template: "reminder", eventId: { in: [soon.id, later.id] } } });
    expect(await reminders()).toHaveLength(0);

    await db.eventDay.updateMany({
      where: { eventId: later.id },
      data: {
        startsAt: new Date(Date.now() + 30 * 86_400_000),
        endsAt: new Date(Date.now() + 30 * 86_400_000 + 3_600_000),
      },
    });
    await queueDueReminders({ hoursBefore });
    await queueDueReminders({ hoursBefore });
    const queued = await reminders();
    expect(queued.map((letter) => letter.registrationId).sort()).toEqual(
      (await db.registration.findMany({ where: { eventId: soon.id, status: "CONFIRMED" } }))
        .map((r) => r.id)
        .sort(),
    );
    expect(queued.map((letter) => letter.registrationId)).not.toContain(waiting.registrationId);
    expect(queued.map((letter) => letter.registrationId)).toContain(first.registrationId);
  });
});

describe("the outbox when the mail server fails", () => {
  it("delivers every letter exactly once after the server refused and then vanished, with two workers", async () => {
    const event = await createTestEvent({ capacity: 500, quotas: {} });
    const down = await startTestSmtpServer();
    down.refuse(true);
    const senders = [createSender({ smtpUrl: down.url }), createSender({ smtpUrl: down.url })];
    const workers = senders.map((sender, index) =>
      startOutboxWorker({
        send: sender.send,
        retryBaseSeconds: 0.05,
        workerId: `test-worker-${index}`,
        idleMs: 20,
      }),
    );

    const emails = Array.from({ length: 200 }, () => `${randomUUID()}@example.test`);
    await Promise.all(
      emails.map((email) =>
        createRegistration({ slug: event.slug, locale: "ru", input: registrationInput({ email }) }),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    await down.close();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const failedSoFar = await db.outboxMessage.count({
      where: { eventId: event.id, lastError: { not: null } },
    });
    expect(failedSoFar).toBeGreaterThan(0);
    expect(await db.outboxMessage.count({ where: { eventId: event.id, status: "SENT" } })).toBe(0);

    // Back on the same port: the waiting letters go out.
    const port = Number(new URL(down.url).port);
    const restored = await startTestSmtpServer({ port });
    try {
      // Letters of other tests may be due too: count this test's.
      const ours = new Set(emails);
      const isOurs = (mail: ParsedMail) => ours.has(addressOf(mail) ?? "");
      await restored.waitFor({ count: 200, where: isOurs, timeoutMs: 60_000 });
      // Give a duplicate, if any, the time to arrive.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const recipients = restored.received.filter(isOurs).map(addressOf);
      expect(recipients).toHaveLength(200);
      expect(new Set(recipients)).toEqual(ours);
      expect(await db.outboxMessage.count({ where: { eventId: event.id, status: "SENT" } })).toBe(200);
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
      for (const sender of senders) sender.close();
      await restored.close();
    }
  }, 120_000);

  it("takes over, after the claim timeout, a letter claimed by a worker that died", async () => {
    const person = await register("ru");
    const letter = await db.outboxMessage.findFirstOrThrow({
      where: { registrationId: person.registrationId },
    });
    // A worker claimed it and died before sending: SENDING, claimed long ago.
    await db.outboxMessage.update({
      where: { id: letter.id },
      data: {
        status: "SENDING",
        claimedBy: "dead-worker",
        claimedAt: new Date(Date.now() - 10 * 60_000),
        attempts: 1,
      },
    });
    const sender = createSender({ smtpUrl: smtp.url });
    try {
      // Within the timeout it is left alone…
      await sendDueLetters({ send: sender.send, retryBaseSeconds: 1, claimTimeoutSeconds: 3600 });
      expect((await db.outboxMessage.findUniqueOrThrow({ where: { id: letter.id } })).status).toBe("SENDING");
      // …past it, another worker sends it.
      await sendDueLetters({ send: sender.send, retryBaseSeconds: 1, claimTimeoutSeconds: 120 });
    } finally {
      sender.close();
    }
    const sent = await db.outboxMessage.findUniqueOrThrow({ where: { id: letter.id } });
    expect(sent).toMatchObject({ status: "SENT", attempts: 2 });
    expect(smtp.received.filter((mail) => addressOf(mail) === person.email)).toHaveLength(1);
  });

  it("gives up after the last attempt and keeps the error", async () => {
    const person = await register("ru");
    await db.registration.delete({ where: { id: person.registrationId } }).catch(() => undefined);
    const letter = await db.outboxMessage.findFirstOrThrow({ where: { toAddress: person.email } });
    await db.outboxMessage.update({ where: { id: letter.id }, data: { attempts: 7 } });
    const sender = createSender({ smtpUrl: smtp.url });
    try {
      await sendDueLetters({ send: sender.send, retryBaseSeconds: 0.01 });
    } finally {
      sender.close();
    }
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: letter.id } })).toMatchObject({
      status: "FAILED",
      attempts: 8,
      lastError: "The registration of this letter no longer exists.",
    });
  });
});
