import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { createTranslator } from "next-intl";
import { describe, expect, it, vi } from "vitest";
import { GET as statisticsFile } from "@/app/admin/(staff)/events/[id]/statistics/file/route";
import { GET as summaryFile } from "@/app/admin/(staff)/events/[id]/statistics/summary/route";
import { auth } from "@/lib/auth";
import { db } from "@/lib/db";
import ru from "@/lib/i18n/messages/ru.json";
import { getResponseSheets } from "@/lib/outcomes/data";
import { createStaffAccount, startStaffSession } from "@/lib/staff/mutations";
import { freeTextAnswers } from "@/lib/statistics/tables";
import { addLogos } from "../support/logos";
import { eventWithOutcomes, type OutcomesPerson } from "../support/outcomes-event";
import { imagesPerPage, pdfPages } from "../support/pdf-text";

// The donor report's files (decision 043): the statistics workbook's
// indicator table and a sheet per instrument, for an organizer and a viewer.

vi.mock("@/lib/auth", () => ({
  auth: vi.fn(),
  signIn: vi.fn(),
  signOut: vi.fn(),
  SecondFactorRequired: Error,
}));
vi.mock("next-intl/server", () => ({
  getLocale: async () => "ru",
  getTranslations: async (namespace: string) =>
    createTranslator({ locale: "ru", messages: ru, namespace: namespace as "admin" }),
}));

const COMMENT = "=1+2 Больше практики по Нарыну";

/**
 * Women: Алиева (0 → 2) and Бекова (1 → 2) improved, Султанова answered the
 * pre-test only; men: Доронбеков (1 → 1) did not. Эсенов answered both but
 * never came: not counted.
 */
const PEOPLE: OutcomesPerson[] = [
  {
    lastName: "Алиева",
    category: "GOVERNMENT",
    gender: "FEMALE",
    attended: true,
    pre: 0,
    post: 2,
    rating: 5,
    comment: COMMENT,
  },
  {
    lastName: "Доронбеков",
    category: "GOVERNMENT",
    gender: "MALE",
    attended: true,
    pre: 1,
    post: 1,
    rating: 3,
  },
  { lastName: "Бекова", category: "CIVIL_SOCIETY", gender: "FEMALE", attended: true, pre: 1, post: 2 },
  { lastName: "Султанова", category: "CIVIL_SOCIETY", gender: "FEMALE", attended: true, pre: 1 },
  { lastName: "Эсенов", category: "OTHER", gender: "MALE", attended: false, pre: 0, post: 1 },
];

async function signInAs(eventId: string, role: "ORGANIZER" | "VIEWER") {
  const account = await createStaffAccount({
    email: `${randomUUID()}@kattoo.test`,
    name: role,
    role: role === "ORGANIZER" ? "ORGANIZER" : "STAFF",
    password: "a-long-enough-password",
    actor: { type: "SYSTEM" },
  });
  if (!account.ok) throw new Error(account.reason);
  if (role === "VIEWER") await db.eventMembership.create({ data: { eventId, staffId: account.id, role } });
  const sessionId = await startStaffSession({ staffId: account.id, device: "Chrome, Linux" });
  vi.mocked(auth).mockResolvedValue({ staffId: account.id, sessionId, sessionVersion: 0 } as never);
}

/** Each sheet's rows as values (row 1 first), by sheet name. */
async function download(eventId: string) {
  const response = await statisticsFile(
    new Request(`http://127.0.0.1/admin/events/${eventId}/statistics/file`),
    {
      params: Promise.resolve({ id: eventId }),
    },
  );
  expect(response.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  const sheets = new Map<string, unknown[][]>();
  workbook.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    sheets.set(sheet.name, rows);
  });
  return { workbook, sheets };
}

const rowOf = (rows: unknown[][] | undefined, first: string) => rows?.find((row) => row[0] === first);

describe("the statistics file's outcomes", () => {
  it("holds the logframe indicators by sex and a sheet per instrument with the names, for an organizer", async () => {
    const { event } = await eventWithOutcomes({ people: PEOPLE });
    await signInAs(event.id, "ORGANIZER");
    const { workbook, sheets } = await download(event.id);
    expect([...sheets.keys()]).toEqual([
      "Статистика",
      "Индикаторы",
      "Входной тест",
      "Итоговый тест",
      "Отзыв о семинаре",
    ]);

    // The charts' figures under the counts: scores by sector (the sector no one attended from is
    // no row), and how many gained each number of points and gave each rating.
    const statistics = sheets.get("Статистика") ?? [];
    const tableAfter = (title: string, rows: number) => {
      const at = statistics.findIndex((row) => row[0] === title);
      return statistics.slice(at + 1, at + 2 + rows);
    };
    expect(tableAfter("Средний балл до и после обучения по секторам, %", 2)).toEqual([
      ["Сектор", "До", "После"],
      ["Государственные органы", 25, 75],
      ["Гражданское общество", 50, 100],
    ]);
    expect(tableAfter("Распределение прироста, баллов (число участников)", 3)).toEqual([
      ["Прирост, баллов", "Участников"],
      ["0", 1],
      ["+1", 1],
      ["+2", 1],
    ]);
    expect(tableAfter("Оценки семинара, 1–5 (число ответов)", 5).slice(1)).toEqual([
      ["1", 0],
      ["2", 0],
      ["3", 1],
      ["4", 0],
      ["5", 1],
    ]);

    const indicators = sheets.get("Индикаторы");
    expect(indicators?.[2]).toEqual(["Индикатор", "Все", "Женщины", "Мужчины", "Не указан"]);
    // All, women, men, not stated: of those who attended and answered both tests.
    expect(rowOf(indicators, "Участники с возросшими знаниями, % (из ответивших на оба теста)")).toEqual([
      "Участники с возросшими знаниями, % (из ответивших на оба теста)",
      66.7,
      100,
      0,
    ]);
    expect(rowOf(indicators, "Посетили хотя бы один день, чел.")?.slice(1, 4)).toEqual([4, 3, 1]);
    expect(rowOf(indicators, "Средний балл до, % от максимума")?.slice(1, 4)).toEqual([37.5, 33.3, 50]);
    expect(rowOf(indicators, "Средний прирост, баллов")?.slice(1, 4)).toEqual([1, 1.5, 0]);
    expect(rowOf(indicators, "Удовлетворены (4–5 из 5), % (из оценивших)")?.slice(1, 4)).toEqual([
      50, 100, 0,
    ]);

    const post = sheets.get("Итоговый тест");
    expect(post?.[1]).toEqual([
      "№",
      "ФИО",
      "Сектор",
      "Пол",
      "Баллы",
      "Из",
      "%",
      "Что такое стратегия?",
      "Кто её утверждает?",
    ]);
    // One row per response, by name; the one who never came is on it too (the sheet lists responses).
    expect(post?.slice(2).map((row) => [row[1], row[2], row[3], row[4], row[5], row[6]])).toEqual([
      ["Алиева Айгүл Бакытовна", "Государственные органы", "Женский", 2, 2, 100],
      ["Бекова Айгүл Бакытовна", "Гражданское общество", "Женский", 2, 2, 100],
      ["Доронбеков Айгүл Бакытовна", "Государственные органы", "Мужской", 1, 2, 50],
      ["Эсенов Айгүл Бакытовна", "Другие", "Мужской", 1, 2, 50],
    ]);

    const feedback = sheets.get("Отзыв о семинаре");
    expect(feedback?.[1]).toEqual([
      "№",
      "ФИО",
      "Сектор",
      "Пол",
      "Насколько полезен семинар?",
      "Что улучшить?",
    ]);
    expect(feedback?.slice(2).map((row) => row.slice(1))).toEqual([
      ["Алиева Айгүл Бакытовна", "Государственные органы", "Женский", 5, COMMENT],
      ["Доронбеков Айгүл Бакытовна", "Государственные органы", "Мужской", 3],
    ]);
    // An answer that looks like a formula is a text cell: no spreadsheet evaluates it.
    const cell = workbook.getWorksheet("Отзыв о семинаре")?.getCell("F3");
    expect(cell?.value).toBe(COMMENT);
    expect(cell?.type).toBe(ExcelJS.ValueType.String);
  });

  it("carries the organizers' and funders' logos above the title of its first sheet", async () => {
    const { event } = await eventWithOutcomes({ people: PEOPLE });
    const logos = await addLogos(event.id);
    await signInAs(event.id, "VIEWER");
    const { workbook, sheets } = await download(event.id);
    const images = workbook.getWorksheet("Статистика")?.getImages() ?? [];
    expect(images.map((image) => workbook.getImage(Number(image.imageId)).buffer)).toEqual(
      logos.map((logo) => logo.bytes),
    );
    expect(images.map((image) => image.range.tl.nativeRow)).toEqual([0, 0]);
    expect(sheets.get("Статистика")?.[0]?.[0]).toMatch(/— Статистика$/);
  });

  it("gives a viewer no names and no free-text answers", async () => {
    const { event } = await eventWithOutcomes({ people: PEOPLE });
    await signInAs(event.id, "VIEWER");
    const { sheets } = await download(event.id);
    const text = JSON.stringify([...sheets.values()]);
    for (const person of PEOPLE) expect(text).not.toContain(person.lastName);
    expect(text).not.toContain("Больше практики");
    expect(text).not.toContain("Что улучшить?");

    const feedback = sheets.get("Отзыв о семинаре");
    expect(feedback?.[1]).toEqual([
      "Без имён и без свободных ответов: их видят только те, кому доступны контакты участников.",
    ]);
    expect(feedback?.[2]).toEqual(["№", "Сектор", "Пол", "Насколько полезен семинар?"]);
    expect(
      feedback
        ?.slice(3)
        .map((row) => row.slice(1))
        .sort(),
    ).toEqual([
      ["Государственные органы", "Женский", 5],
      ["Государственные органы", "Мужской", 3],
    ]);
    // The figures are the organizer's.
    expect(
      rowOf(sheets.get("Индикаторы"), "Участники с возросшими знаниями, % (из ответивших на оба теста)")?.[1],
    ).toBe(66.7);
  });

  it("lists an anonymous survey's answers with no name, sector or gender, and its satisfaction for all only", async () => {
    const { event } = await eventWithOutcomes({ people: PEOPLE, anonymousFeedback: true });
    await signInAs(event.id, "ORGANIZER");
    const { sheets } = await download(event.id);
    const feedback = sheets.get("Отзыв о семинаре");
    expect(feedback?.[2]).toEqual(["№", "Насколько полезен семинар?", "Что улучшить?"]);
    expect(
      feedback
        ?.slice(3)
        .map((row) => row.slice(1))
        .sort(),
    ).toEqual([[3], [5, COMMENT]]);
    expect(JSON.stringify(feedback)).not.toContain("Алиева");
    const anonymous =
      "Удовлетворены (4–5 из 5), % (из всех, кто ответил на анонимный опрос: его ответы ни с кем не связаны)";
    expect(rowOf(sheets.get("Индикаторы"), anonymous)).toEqual([anonymous, 50]);
  });
});

describe("the statistics page's free-text answers", () => {
  const listed = async (eventId: string) =>
    freeTextAnswers(await getResponseSheets({ eventId, personal: true })).map((each) => ({
      kind: each.kind,
      anonymous: each.anonymous,
      question: each.question.label.ru,
      answers: each.answers.map(({ name, text }) => ({ name, text })),
    }));

  it("names each answer's author in a named survey", async () => {
    const { event } = await eventWithOutcomes({ people: PEOPLE });
    expect(await listed(event.id)).toEqual([
      {
        kind: "FEEDBACK",
        anonymous: false,
        question: "Что улучшить?",
        answers: [{ name: "Алиева Айгүл Бакытовна", text: COMMENT }],
      },
    ]);
  });

  it("names no one in an anonymous survey", async () => {
    const { event } = await eventWithOutcomes({ people: PEOPLE, anonymousFeedback: true });
    expect(await listed(event.id)).toEqual([
      {
        kind: "FEEDBACK",
        anonymous: true,
        question: "Что улучшить?",
        answers: [{ name: null, text: COMMENT }],
      },
    ]);
  });
});

describe("the outcomes' PDF summary", () => {
  it("is one A4 page with the event, its organizers and funders, the same indicators and the charts' titles", async () => {
    const { event } = await eventWithOutcomes({ people: PEOPLE });
    await db.eventParty.createMany({
      data: [
        { eventId: event.id, role: "ORGANIZER", name: { ru: "Центр политики «Тянь-Шань» АУЦА" } },
        { eventId: event.id, role: "FUNDER", name: { ru: "Фонд Сорос–Кыргызстан" } },
        { eventId: event.id, role: "PARTNER", name: { ru: "Партнёр, которого нет в отчёте" } },
      ],
    });
    await addLogos(event.id);
    await signInAs(event.id, "VIEWER");
    const response = await summaryFile(
      new Request(`http://127.0.0.1/admin/events/${event.id}/statistics/summary`),
      {
        params: Promise.resolve({ id: event.id }),
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const pdf = Buffer.from(await response.arrayBuffer());
    if (process.env.OUTCOMES_PDF)
      await import("node:fs").then((fs) => fs.writeFileSync(process.env.OUTCOMES_PDF as string, pdf));
    const pages = await pdfPages(pdf);
    expect(pages).toHaveLength(1);
    // The organizer's and the funder's logos head the page; the charts are shapes, not images.
    expect(await imagesPerPage(pdf)).toEqual([2]);
    const lines = pages[0] ?? [];
    const text = lines.join("\n");
    expect(text).toContain("Итоги обучения: краткий отчёт для донора");
    expect(text).toContain("Организаторы: Центр политики «Тянь-Шань» АУЦА");
    expect(text).toContain("При поддержке: Фонд Сорос–Кыргызстан");
    expect(text).not.toContain("Партнёр, которого нет");
    // The indicators as the workbook has them: 66.7% improved of all, 100% of women, 0% of men.
    expect(lines).toContain("Участники с возросшими знаниями, % (из 67% (2 / 3) 100% (2 / 2) 0% (0 / 1) —");
    expect(text).toContain("Средний балл до и после обучения по секторам, %");
    expect(text).toContain("Распределение прироста, баллов");
    expect(text).toContain("Оценки семинара, 1–5 (число ответов)");
    // No one's name: the summary is figures.
    for (const person of PEOPLE) expect(text).not.toContain(person.lastName);
  });
});
