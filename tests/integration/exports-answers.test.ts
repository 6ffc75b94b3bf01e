import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { type ExportEvent, getEventForExport, getExportPreferences } from "@/lib/exports/data";
import { exportLabels } from "@/lib/exports/labels";
import { recordExport } from "@/lib/exports/mutations";
import { exportColumns, parseExportOptions } from "@/lib/exports/schema";
import { exportStream } from "@/lib/exports/stream";
import type { Locale } from "@/lib/i18n/routing";
import { getEventRegions } from "@/lib/questions/data";
import { saveQuestions } from "@/lib/questions/mutations";
import { questionsEditSchema } from "@/lib/questions/schema";
import { createRegistration } from "@/lib/registrations/mutations";
import { eventWithEveryQuestion } from "../support/answered-event";
import { newAccount } from "../support/auth-flow";
import { createTestEvent, registrationInput } from "../support/factories";

// The answers to an event's own questions in its exports: one column per
// question after the fixed ones, typed, in the reader's language.

async function answeredEvent() {
  const answered = await eventWithEveryQuestion();
  // A second person who answered nothing: their question cells are empty.
  const silent = await createRegistration({
    slug: answered.event.slug,
    locale: "ru",
    input: registrationInput({ lastName: "Безответова" }),
  });
  if (!silent.ok) throw new Error(silent.reason);
  const event = await getEventForExport({ id: answered.event.id });
  if (!event) throw new Error("no event");
  return { ...answered, event, questionIds: event.questions.map((question) => question.id) };
}

async function exportOf(
  { event, questionIds }: { event: ExportEvent; questionIds: readonly string[] },
  query: string,
  locale: Locale = "ru",
): Promise<Buffer> {
  const options = parseExportOptions(new URLSearchParams(query), questionIds);
  const chunks: Uint8Array[] = [];
  for await (const chunk of exportStream({
    event,
    filters: {},
    options,
    labels: exportLabels(locale, await getEventRegions({ eventId: event.id })),
  })) {
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function sheetOf(file: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error("no sheet");
  const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  const rowOf = (lastName: string) => {
    const index = [2, 3].find((at) => sheet.getRow(at).getCell(2).value === lastName);
    if (!index) throw new Error(`no row for ${lastName}`);
    const row = sheet.getRow(index);
    return (label: string) => row.getCell(header.indexOf(label) + 1);
  };
  return { header, rowOf };
}

const RU_QUESTIONS = [
  "Ожидания",
  "Паспорт (в архиве)",
  "Ночей",
  "Дата приезда",
  "Нужен ли перевод?",
  "Рабочая группа",
  "Темы",
  "Рабочая почта",
  "Рабочий телефон",
];

describe("an export's question columns", () => {
  it(".xlsx: one typed column per question after the fixed ones, archived included, formulas made text", async () => {
    const answered = await answeredEvent();
    const { header, rowOf } = await sheetOf(await exportOf(answered, "format=xlsx"));
    expect(header.slice(0, exportColumns.length)).toContain("Фамилия");
    expect(header.slice(exportColumns.length)).toEqual(RU_QUESTIONS);

    const cell = rowOf("Асанова");
    // String cells, the text as typed: no spreadsheet evaluates them.
    expect(cell("Ожидания").value).toBe("=1+1");
    expect(cell("Ожидания").type).toBe(ExcelJS.ValueType.String);
    expect(cell("Ожидания").formula).toBeUndefined();
    expect(cell("Рабочий телефон").value).toBe(answered.given.workPhone);
    expect(cell("Паспорт (в архиве)").value).toBe(answered.given.passport);
    expect(cell("Ночей").value).toBe(3);
    expect(cell("Дата приезда").value).toEqual(new Date("2026-12-23T00:00:00Z"));
    expect(cell("Дата приезда").numFmt).toBe("yyyy-mm-dd");
    expect(cell("Нужен ли перевод?").value).toBe("да");
    expect(cell("Рабочая группа").value).toBe("Группа Б");
    // One cell, the options in the question's order, whatever order they were ticked in.
    expect(cell("Темы").value).toBe("Миграция; Право");
    expect(cell("Рабочая почта").value).toBe(answered.given.workEmail);

    const silent = rowOf("Безответова");
    for (const label of RU_QUESTIONS) expect(silent(label).value ?? null, label).toBeNull();
  });

  it(".xlsx in Kyrgyz: the headers, options and yes/no in the reader's language", async () => {
    const answered = await answeredEvent();
    const { header, rowOf } = await sheetOf(await exportOf(answered, "format=xlsx", "ky"));
    expect(header).toContain("Паспорт (архивде)");
    const cell = rowOf("Асанова");
    expect(cell("Котормо керекпи?").value).toBe("ооба");
    expect(cell("Жумушчу топ").value).toBe("Б тобу");
    expect(cell("Темалар").value).toBe("Миграция; Укук");
  });

  it("CSV: the question columns as text, dates as YYYY-MM-DD, formulas neutralized", async () => {
    const answered = await answeredEvent();
    const file = await exportOf(answered, "format=csv&separator=comma");
    const [header, ...rows] = parse(file, { bom: true, delimiter: "," }) as string[][];
    expect(header?.slice(exportColumns.length)).toEqual(RU_QUESTIONS);
    const row = rows.find((record) => record[1] === "Асанова") ?? [];
    const value = (label: string) => row[header?.indexOf(label) ?? -1];
    expect(value("Ожидания")).toBe("'=1+1");
    expect(value("Рабочий телефон")).toBe(`'${answered.given.workPhone}`);
    expect(value("Ночей")).toBe("3");
    expect(value("Дата приезда")).toBe("2026-12-23");
    expect(value("Нужен ли перевод?")).toBe("да");
    expect(value("Темы")).toBe("Миграция; Право");
    // Read as a whole, no line of the file starts a formula anywhere.
    expect(file.toString("utf8")).not.toMatch(/(^|[,;\n])"*=1\+1/);
  });

  it("chosen columns: a question by its id, another event's or a made-up one dropped", async () => {
    const answered = await answeredEvent();
    const other = await answeredEvent();
    const query = new URLSearchParams({ format: "csv", separator: "comma" });
    for (const key of ["lastName", answered.ids.nights, other.ids.nights, randomUUID(), "__proto__"]) {
      query.append("columns", key);
    }
    const file = await exportOf(answered, query.toString());
    const [header, ...rows] = parse(file, { bom: true, delimiter: "," }) as string[][];
    expect(header).toEqual(["Фамилия", "Ночей"]);
    expect(rows).toContainEqual(["Асанова", "3"]);
    // Only question columns: no fixed one is added.
    const questionsOnly = await exportOf(answered, `format=csv&columns=${answered.ids.group}`);
    expect(parse(questionsOnly, { bom: true, delimiter: ";" })[0]).toEqual(["Рабочая группа"]);
    // Nothing of this event chosen: every column.
    const none = await exportOf(answered, `format=csv&columns=${other.ids.group}`);
    expect(parse(none, { bom: true, delimiter: ";" })[0]).toHaveLength(exportColumns.length + 9);
  });

  it("the remembered choices keep the questions left out for that event, and choose all of another's", async () => {
    const answered = await answeredEvent();
    const staff = await newAccount("exports-answers");
    // Nothing remembered yet: every column, fixed and question.
    expect(await getExportPreferences({ staffId: staff.id, questionIds: answered.questionIds })).toEqual({
      format: "xlsx",
      separator: "semicolon",
      columns: [...exportColumns],
      questionIds: answered.questionIds,
    });
    const withoutPassport = parseExportOptions(
      new URLSearchParams([
        ["format", "csv"],
        ["columns", "lastName"],
        ...answered.questionIds.filter((id) => id !== answered.ids.passport).map((id) => ["columns", id]),
      ]),
      answered.questionIds,
    );
    await recordExport({
      eventId: answered.event.id,
      filters: {},
      options: withoutPassport,
      questionIds: answered.questionIds,
      rowCount: 2,
      actor: { type: "STAFF", staffId: staff.id },
    });
    const again = await getExportPreferences({ staffId: staff.id, questionIds: answered.questionIds });
    expect(again).toEqual({
      format: "csv",
      separator: "semicolon",
      columns: ["lastName"],
      questionIds: answered.questionIds.filter((id) => id !== answered.ids.passport),
    });
    const next = await answeredEvent();
    expect(await getExportPreferences({ staffId: staff.id, questionIds: next.questionIds })).toMatchObject({
      columns: ["lastName"],
      questionIds: next.questionIds,
    });
    // Questions only, remembered as such: no fixed column comes back.
    const questionsOnly = parseExportOptions(
      new URLSearchParams(`columns=${answered.ids.group}`),
      answered.questionIds,
    );
    await recordExport({
      eventId: answered.event.id,
      filters: {},
      options: questionsOnly,
      questionIds: answered.questionIds,
      rowCount: 2,
      actor: { type: "STAFF", staffId: staff.id },
    });
    expect(
      await getExportPreferences({ staffId: staff.id, questionIds: answered.questionIds }),
    ).toMatchObject({
      columns: [],
      questionIds: [answered.ids.group],
    });
    // Preferences remembered before questions existed: every question chosen.
    await db.staffUser.update({
      where: { id: staff.id },
      data: { exportPreferences: { format: "xlsx", separator: "comma", columns: ["email", "nonsense"] } },
    });
    expect(await getExportPreferences({ staffId: staff.id, questionIds: next.questionIds })).toEqual({
      format: "xlsx",
      separator: "comma",
      columns: ["email"],
      questionIds: next.questionIds,
    });
  });

  it("a question's or an option's label typed as a formula is text in both formats", async () => {
    const created = await createTestEvent({ quotas: {} });
    const [question, option] = [randomUUID(), randomUUID()];
    const input = questionsEditSchema.parse({
      questions: [
        {
          id: question,
          type: "SINGLE_CHOICE",
          label: { ru: "=SUM(1)" },
          help: {},
          options: [{ id: option, label: { ru: "@cmd" } }],
        },
      ],
    });
    expect(await saveQuestions({ eventId: created.id, input, actor: { type: "SYSTEM" } })).toEqual({
      ok: true,
    });
    const result = await createRegistration({
      slug: created.slug,
      locale: "ru",
      input: registrationInput({ answers: { [question]: option } }),
    });
    if (!result.ok) throw new Error(result.reason);
    const event = await getEventForExport({ id: created.id });
    if (!event) throw new Error("no event");
    const target = { event, questionIds: [question] };
    const { header, rowOf } = await sheetOf(await exportOf(target, "format=xlsx"));
    expect(header.at(-1)).toBe("=SUM(1)");
    expect(rowOf("Асанова")("=SUM(1)").value).toBe("@cmd");
    expect(rowOf("Асанова")("=SUM(1)").type).toBe(ExcelJS.ValueType.String);
    const [csvHeader, row] = parse(await exportOf(target, "format=csv"), {
      bom: true,
      delimiter: ";",
    }) as string[][];
    expect([csvHeader?.at(-1), row?.at(-1)]).toEqual(["'=SUM(1)", "'@cmd"]);
  });

  it("an event without questions exports as before", async () => {
    const created = await createTestEvent({ quotas: {} });
    const result = await createRegistration({ slug: created.slug, locale: "ru", input: registrationInput() });
    if (!result.ok) throw new Error(result.reason);
    const event = await getEventForExport({ id: created.id });
    if (!event) throw new Error("no event");
    const file = await exportOf({ event, questionIds: [] }, "format=csv");
    expect(parse(file, { bom: true, delimiter: ";" })[0]).toHaveLength(exportColumns.length);
  });
});
