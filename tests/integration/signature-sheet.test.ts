import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { EventDay } from "@/lib/generated/prisma/client";
import { getSignatureSheetData } from "@/lib/signature-sheets/data";
import { renderSignatureSheet } from "@/lib/signature-sheets/pdf";
import { signatureSheetQuerySchema } from "@/lib/signature-sheets/schema";
import { createTestEvent } from "../support/factories";
import { insertParticipants, markPresent } from "../support/participants";
import { pdfPages } from "../support/pdf-text";

/** A two-day event with its organizers; returns the event and its days in order. */
async function twoDayEvent() {
  const event = await createTestEvent({ capacity: 1000, quotas: {}, days: 2 });
  const [first, second] = (await db.eventDay.findMany({
    where: { eventId: event.id },
    orderBy: { startsAt: "asc" },
  })) as [EventDay, EventDay];
  await db.eventParty.create({
    data: { eventId: event.id, role: "ORGANIZER", name: { ru: "Центр политики «Тянь-Шань» АУЦА" } },
  });
  await db.eventParty.create({
    data: { eventId: event.id, role: "FUNDER", name: { ru: "Фонд, который не организатор" } },
  });
  return { event, days: [first, second] as const };
}

async function sheet({
  eventId,
  dayId,
  blankRows = 0,
  now,
}: {
  eventId: string;
  dayId: string;
  blankRows?: number;
  now?: Date;
}) {
  const data = await getSignatureSheetData({ eventId, dayId });
  if (!data) throw new Error("no such day");
  return pdfPages(await renderSignatureSheet({ sheet: data, blankRows, locale: "ru", now }));
}

/** The words of the column headings on a page, whichever line each wrapped onto. */
const headingWords = (page: string[] | undefined) => {
  const lines = page ?? [];
  const first = lines.findIndex((line) => line.startsWith("№"));
  const end = lines.findIndex((line, index) => index > first && /^\d+( |$)/.test(line));
  return lines
    .slice(first, end === -1 ? undefined : end)
    .join(" ")
    .split(" ")
    .sort();
};
const words = (text: string) => text.split(" ").sort();

/** The table's rows: lines that begin with the row's number (a wrapped cell continues on lines that do not). */
const rowLines = (pages: string[][]) => pages.flat().filter((line) => /^\d+( |$)/.test(line));

// Written out by hand, in the order a Russian list puts them: ё with е; the
// Kyrgyz ң, ө, ү as letters of their own after н, о, у; Latin after Cyrillic.
const EXPECTED_ORDER = [
  "Абдыкадыров",
  "Егоров",
  "Ёлкин",
  "Жумабаева",
  "Нуралиев",
  "Ңаматов",
  "Осмонова",
  "Өмүрова",
  "Усенов",
  "Үсөнов",
  "Smith",
];

describe("the signature sheet", () => {
  it("lists the confirmed participants in Russian order over three pages, each with the header and its number", async () => {
    const { event, days } = await twoDayEvent();
    const named = [...EXPECTED_ORDER].reverse().map((lastName) => ({
      lastName,
      firstName: "Гүлнара",
      patronymic: "Бакытовна",
      organization: "Нарын шаардык кеңеши",
    }));
    // Fifty more, to fill three pages with the five blank rows.
    const filler = Array.from({ length: 49 }, (_, index) => ({
      lastName: `Токтогулов${String(index).padStart(2, "0")}`,
      firstName: "Бакыт",
    }));
    await insertParticipants(event.id, [
      ...named,
      ...filler,
      { lastName: "Ожидающая", firstName: "Лист", status: "WAITLISTED" },
      { lastName: "Отменившая", firstName: "Отмена", status: "CANCELLED" },
      { lastName: "Рассматриваемая", firstName: "Заявка", status: "PENDING" },
      { lastName: "Отклонённая", firstName: "Отказ", status: "DECLINED" },
    ]);

    const pages = await sheet({ eventId: event.id, dayId: days[0]?.id ?? "", blankRows: 5 });
    const text = pages.flat().join("\n");

    expect(pages).toHaveLength(3);
    pages.forEach((page, index) => {
      expect(page.slice(0, 6)).toEqual([
        "Лист регистрации участников",
        "Тестовый семинар",
        expect.stringMatching(/^День 1 из 2 · \S+, \d+ \S+ \d{4} г\.$/),
        "Место проведения: Чолпон-Ата, Иссык-Кульская область",
        "Организаторы: Центр политики «Тянь-Шань» АУЦА",
        "№ Фамилия, имя, отчество Организация Должность Подпись",
      ]);
      expect(page.at(-1)).toMatch(new RegExp(`Стр\\. ${index + 1} из 3$`));
    });

    const rows = rowLines(pages);
    expect(rows).toHaveLength(60 + 5);
    expect(rows.map((row) => Number(row.split(" ")[0]))).toEqual(Array.from({ length: 65 }, (_, i) => i + 1));
    expect(rows.slice(-5)).toEqual(["61", "62", "63", "64", "65"]);

    const order = rows.map((row) => row.split(" ")[1]).filter((name) => EXPECTED_ORDER.includes(name ?? ""));
    expect(order).toEqual(EXPECTED_ORDER);
    expect(rows[0]).toBe("1 Абдыкадыров Гүлнара Нарын шаардык Адис");
    for (const letter of ["ң", "ө", "ү", "Ң", "Ө", "Ү", "Ё"]) expect(text).toContain(letter);

    for (const absent of ["Ожидающая", "Отменившая", "Рассматриваемая", "Отклонённая", "Фонд"]) {
      expect(text).not.toContain(absent);
    }
    // Before the day, with nobody marked yet, there is nothing to say about presence.
    expect(text).not.toContain("Явка");
    expect(text).not.toContain("✓");
  });

  it("marks who was present once attendance is recorded, and counts them", async () => {
    const { event, days } = await twoDayEvent();
    const [came, alsoCame, stayedAway] = await insertParticipants(event.id, [
      { lastName: "Бекова", firstName: "Айпери" },
      { lastName: "Алиев", firstName: "Нурлан" },
      { lastName: "Валиева", firstName: "Чолпон" },
    ]);
    await markPresent([came?.id ?? "", alsoCame?.id ?? ""], [days[1]?.id ?? ""]);
    // During the second day, an hour after it started.
    const now = new Date(days[1].startsAt.getTime() + 3_600_000);

    const firstDay = await sheet({ eventId: event.id, dayId: days[0]?.id ?? "", now: days[0].startsAt });
    expect(firstDay.flat().join("\n")).not.toContain("Явка");

    const secondDay = await sheet({ eventId: event.id, dayId: days[1]?.id ?? "", blankRows: 2, now });
    expect(secondDay[0]?.[2]).toMatch(/^День 2 из 2 · /);
    expect(secondDay[0]?.[5]).toBe("№ Фамилия, имя, отчество Организация Должность Явка Подпись");
    expect(rowLines(secondDay)).toEqual([
      "1 Алиев Нурлан Айыл өкмөтү Адис ✓",
      "2 Бекова Айпери Айыл өкмөтү Адис ✓",
      "3 Валиева Чолпон Айыл өкмөтү Адис",
      "4",
      "5",
    ]);
    expect(secondDay.flat()).toContain("Присутствовали: 2 из 3 подтверждённых участников.");
    expect(stayedAway).toBeDefined();
  });

  it("shows no presence before its day begins, even with marks in the table", async () => {
    const { event, days } = await twoDayEvent();
    const [marked] = await insertParticipants(event.id, [{ lastName: "Бекова", firstName: "Айпери" }]);
    await markPresent([marked?.id ?? ""], [days[1].id]);

    // The day after tomorrow and more: today is before the second day.
    const pages = await sheet({ eventId: event.id, dayId: days[1].id });
    const text = pages.flat().join("\n");
    expect(text).not.toContain("Явка");
    expect(text).not.toContain("✓");
    expect(text).not.toContain("Присутствовали");
    expect(rowLines(pages)).toEqual(["1 Бекова Айпери Айыл өкмөтү Адис"]);
  });

  it("shows the presence column once the day is over, even with nobody marked", async () => {
    const { event, days } = await twoDayEvent();
    await insertParticipants(event.id, [{ lastName: "Садыкова", firstName: "Гүлзат" }]);
    const afterwards = new Date((days[0]?.endsAt.getTime() ?? 0) + 60_000);
    const pages = await sheet({ eventId: event.id, dayId: days[0]?.id ?? "", now: afterwards });
    expect(rowLines(pages)).toEqual(["1 Садыкова Гүлзат Айыл өкмөтү Адис"]);
    expect(pages.flat()).toContain("Присутствовали: 0 из 1 подтверждённых участников.");
  });

  it("keeps each Kyrgyz heading whole: «Катышты», not «Катышт» over «ы»", async () => {
    const { event, days } = await twoDayEvent();
    await insertParticipants(event.id, [{ lastName: "Садыкова", firstName: "Гүлзат" }]);
    const data = await getSignatureSheetData({ eventId: event.id, dayId: days[0].id });
    if (!data) throw new Error("no such day");
    const afterwards = new Date(days[0].endsAt.getTime() + 60_000);
    const pages = await pdfPages(
      await renderSignatureSheet({ sheet: data, blankRows: 0, locale: "ky", now: afterwards }),
    );
    // The name's heading wraps at its spaces onto a second line; the others fit on the first.
    const headings = pages[0]?.find((line) => line.startsWith("№"));
    expect(headings).toBe("№ Фамилиясы, аты, Уюму Кызматы Катышты Колу");
  });

  it("leaves every row at least 9 mm to sign in", async () => {
    const { event, days } = await twoDayEvent();
    await insertParticipants(event.id, [
      { lastName: "Бекова", firstName: "Айпери" },
      { lastName: "Валиева", firstName: "Чолпон" },
    ]);
    const data = await getSignatureSheetData({ eventId: event.id, dayId: days[0].id });
    if (!data) throw new Error("no such day");
    const pdf = await renderSignatureSheet({ sheet: data, blankRows: 3, locale: "ru" });
    // Where each row's number stands on the page: one row's height apart.
    const page = await (await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise).getPage(1);
    const tops = (await page.getTextContent()).items
      .filter((item) => "str" in item && /^[1-5]$/.test(item.str))
      .map((item) => ("transform" in item ? item.transform[5] : 0));
    expect(tops).toHaveLength(5);
    const millimetres = tops.slice(1).map((top, index) => (((tops[index] ?? 0) - top) * 25.4) / 72);
    for (const height of millimetres) expect(height).toBeGreaterThanOrEqual(9);
  });

  it("prints the extra columns the organizer chose, on a landscape page past one", async () => {
    const { event, days } = await twoDayEvent();
    const [person] = await insertParticipants(event.id, [{ lastName: "Бекова", firstName: "Айпери" }]);
    const data = await getSignatureSheetData({ eventId: event.id, dayId: days[0].id });
    if (!data) throw new Error("no such day");
    const render = async (columns: string) => {
      const query = signatureSheetQuerySchema.parse({ day: days[0].id, columns });
      const pdf = await renderSignatureSheet({
        sheet: data,
        blankRows: 0,
        locale: "ru",
        extraColumns: query.columns,
      });
      const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
      const [, , width, height] = (await document.getPage(1)).view;
      return { pages: await pdfPages(pdf), landscape: (width ?? 0) > (height ?? 0) };
    };

    const one = await render("phone");
    expect(one.landscape).toBe(false);
    // The name's heading wraps at a space; the phone stays on one line.
    expect(one.pages[0]).toContain("№ Фамилия, имя, Организация Должность Телефон Подпись");
    expect(rowLines(one.pages)).toEqual(["1 Бекова Айпери Айыл өкмөтү Адис +996 555 000 111"]);

    // In the sheet's own order whatever the address's.
    const two = await render("email,phone");
    expect(two.landscape).toBe(true);
    expect(two.pages[0]).toContain(
      "№ Фамилия, имя, отчество Организация Должность Телефон Электронная почта Подпись",
    );

    const five = await render("region,gender,category,email,phone");
    expect(five.landscape).toBe(true);
    expect(headingWords(five.pages[0])).toEqual(
      words(
        "№ Фамилия, имя, отчество Организация Должность Телефон Электронная почта Пол Сектор Регион Подпись",
      ),
    );
    // Each word whole; the long address wraps inside its cell.
    const text = words(five.pages.flat().join(" "));
    for (const word of words("+996 555 000 111 Женский Местное самоуправление Нарынская область")) {
      expect(text).toContain(word);
    }
    expect(rowLines(five.pages)[0]).toMatch(/^1 Бекова Айпери Айыл өкмөтү Адис \+996 555 000 111 /);
    expect(rowLines(five.pages)[0]).toContain(person?.email.slice(0, 8));
  });

  it("refuses a day of another event", async () => {
    const { event } = await twoDayEvent();
    const other = await twoDayEvent();
    expect(await getSignatureSheetData({ eventId: event.id, dayId: other.days[0]?.id ?? "" })).toBeNull();
  });

  it("builds the sheet of 500 participants in a few seconds", async () => {
    const { event, days } = await twoDayEvent();
    await insertParticipants(
      event.id,
      Array.from({ length: 500 }, (_, index) => ({
        lastName: `Үсөнбаев${String(index).padStart(3, "0")}`,
        firstName: "Ноорузбек",
        patronymic: "Өмүрбекович",
        organization: "Министерство труда, миграции и молодёжи Кыргызской Республики",
        position: "Главный специалист отдела внешней трудовой миграции",
      })),
    );
    const started = performance.now();
    const data = await getSignatureSheetData({ eventId: event.id, dayId: days[0]?.id ?? "" });
    if (!data) throw new Error("no such day");
    const pdf = await renderSignatureSheet({ sheet: data, blankRows: 10, locale: "ru" });
    const milliseconds = performance.now() - started;
    const pages = await pdfPages(pdf);
    expect(rowLines(pages)).toHaveLength(510);
    expect(pages.at(-1)?.at(-1)).toMatch(new RegExp(`Стр\\. ${pages.length} из ${pages.length}$`));
    // Measured at about 1.9 s (read and render) on two shared cores; the bound leaves room for a busy machine.
    expect(milliseconds).toBeLessThan(15_000);
  });
});
