import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { countExportRows, getEventForExport, registrationBatches } from "@/lib/exports/data";
import { exportLabels } from "@/lib/exports/labels";
import { type ExportOptions, exportOptionsSchema } from "@/lib/exports/schema";
import { exportStream } from "@/lib/exports/stream";
import type { EventDay } from "@/lib/generated/prisma/client";
import { getEventRegions } from "@/lib/questions/data";
import { type RegistrationFilters, registrationOrder, registrationWhere } from "@/lib/registrations/filters";
import { createRegistration } from "@/lib/registrations/mutations";
import { insertRegistrations } from "../support/bulk-registrations";
import { createTestEvent, registrationInput } from "../support/factories";
import { liveBytes } from "../support/live-memory";

const HOSTILE = '=HYPERLINK("http://example.test","x")';

async function eventWithPeople() {
  const event = await createTestEvent({ capacity: 10, quotas: {}, days: 2 });
  const [, second] = (await db.eventDay.findMany({
    where: { eventId: event.id },
    orderBy: { startsAt: "asc" },
  })) as [EventDay, EventDay];
  const people = [
    {
      lastName: "Өмүрбекова",
      firstName: "Жаңыл",
      organization: "Түп айыл өкмөтү",
      category: "LOCAL_GOVERNMENT",
    },
    { lastName: HOSTILE, firstName: "Асан", organization: "Министерство; труда", category: "GOVERNMENT" },
    { lastName: "Сыдыков", firstName: "Үмөт", organization: 'ОФ "Ынтымак"', category: "CIVIL_SOCIETY" },
  ] as const;
  for (const person of people) {
    const result = await createRegistration({
      slug: event.slug,
      locale: "ru",
      input: registrationInput(person),
    });
    if (!result.ok) throw new Error(result.reason);
  }
  const omurbekova = await db.registration.findFirstOrThrow({
    where: { eventId: event.id, lastName: "Өмүрбекова" },
  });
  await db.attendance.create({ data: { registrationId: omurbekova.id, eventDayId: second.id } });
  return { event: await eventOf(event.id), registration: omurbekova };
}

async function eventOf(id: string) {
  const event = await getEventForExport({ id });
  if (!event) throw new Error("no event");
  return event;
}

async function read(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function options(values: Partial<Record<keyof ExportOptions, unknown>>): ExportOptions {
  return exportOptionsSchema().parse(values);
}

async function exportOf(
  event: Awaited<ReturnType<typeof eventOf>>,
  values: Partial<Record<keyof ExportOptions, unknown>>,
  filters: RegistrationFilters = {},
) {
  return read(
    exportStream({
      event,
      filters,
      options: options(values),
      labels: exportLabels("ru", await getEventRegions({ eventId: event.id })),
    }),
  );
}

describe("exports of an event's registrations", () => {
  it("CSV: a BOM, semicolons, RFC 4180 quoting, Kyrgyz letters intact, formulas neutralized", async () => {
    const { event } = await eventWithPeople();
    const file = await exportOf(event, { format: "csv", separator: "semicolon" });
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records: string[][] = parse(file, { bom: true, delimiter: ";" });
    expect(records[0]?.slice(0, 4)).toEqual(["№", "Фамилия", "Имя", "Отчество"]);
    expect(records).toHaveLength(4);
    const byName = new Map(records.slice(1).map((record) => [record[2], record]));
    const kyrgyz = byName.get("Жаңыл");
    expect(kyrgyz?.[1]).toBe("Өмүрбекова");
    expect(kyrgyz?.[4]).toBe("Түп айыл өкмөтү");
    expect(kyrgyz?.at(-1)).toBe("1");
    expect(kyrgyz?.at(-2)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(byName.get("Асан")?.[1]).toBe(`'${HOSTILE}`);
    expect(byName.get("Асан")?.[4]).toBe("Министерство; труда");
    expect(byName.get("Үмөт")?.[4]).toBe('ОФ "Ынтымак"');
    // The phone begins with "+": text, not a formula, in a spreadsheet.
    expect(kyrgyz?.[10]).toBe("'+996 555 123 456");
  });

  it("CSV with commas and chosen columns keeps exactly those, in the export's order", async () => {
    const { event } = await eventWithPeople();
    const file = await exportOf(event, {
      format: "csv",
      separator: "comma",
      columns: ["organization", "lastName", "nonsense"],
    });
    const records: string[][] = parse(file, { bom: true, delimiter: "," });
    expect(records[0]).toEqual(["Фамилия", "Организация"]);
    expect(records.map((record) => record[1])).toContain("Министерство; труда");
  });

  it("respects the list's filters", async () => {
    const { event } = await eventWithPeople();
    const file = await exportOf(event, { format: "csv" }, { category: "CIVIL_SOCIETY" });
    const records: string[][] = parse(file, { bom: true, delimiter: ";" });
    expect(records.slice(1).map((record) => record[1])).toEqual(["Сыдыков"]);
    const searched = await exportOf(event, { format: "csv" }, { q: "өмүр" });
    expect(
      parse(searched, { bom: true, delimiter: ";" })
        .slice(1)
        .map((r: string[]) => r[1]),
    ).toEqual(["Өмүрбекова"]);
  });

  it(".xlsx: typed cells, a frozen and filtered header, widths, and attendance by day", async () => {
    const { event, registration } = await eventWithPeople();
    const file = await exportOf(event, { format: "xlsx" });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    const [sheet, attendance] = workbook.worksheets;
    if (!sheet || !attendance) throw new Error("two sheets expected");
    expect(sheet.name).toBe("Регистрации");
    expect(sheet.rowCount).toBe(4);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBe("A1:Q4");
    expect(sheet.getColumn(5).width).toBeGreaterThanOrEqual(30);
    const rows = [2, 3, 4].map((index) => sheet.getRow(index));
    const kyrgyz = rows.find((row) => row.getCell(3).value === "Жаңыл");
    expect(kyrgyz?.getCell(1).value).toBe(registration.number);
    expect(kyrgyz?.getCell(2).value).toBe("Өмүрбекова");
    const registeredAt = kyrgyz?.getCell(16).value;
    expect(registeredAt).toBeInstanceOf(Date);
    // The wall clock of the event's zone (Asia/Bishkek, UTC+6).
    expect((registeredAt as Date).getTime() - registration.createdAt.getTime()).toBeLessThan(
      6 * 3_600_000 + 60_000,
    );
    expect((registeredAt as Date).getTime() - registration.createdAt.getTime()).toBeGreaterThan(
      6 * 3_600_000 - 60_000,
    );
    expect(kyrgyz?.getCell(16).numFmt).toBe("yyyy-mm-dd hh:mm");
    expect(kyrgyz?.getCell(17).value).toBe(1);
    const hostile = rows.find((row) => row.getCell(3).value === "Асан");
    // A string cell, which no spreadsheet evaluates: the text as it was typed, no quote in front.
    expect(hostile?.getCell(2).value).toBe(HOSTILE);
    expect(hostile?.getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(hostile?.getCell(2).formula).toBeUndefined();
    // A phone reads as it was given (issue 21, finding 6: Excel showed "'+996 …").
    expect(kyrgyz?.getCell(11).value).toBe("+996 555 123 456");
    expect(kyrgyz?.getCell(11).type).toBe(ExcelJS.ValueType.String);

    expect(attendance.name).toBe("Присутствие");
    const header = attendance.getRow(1).values as unknown[];
    expect(header.slice(1)).toEqual([
      "№",
      "Фамилия",
      "Имя",
      "Организация",
      "Сектор",
      ...event.days.map((day) => day.date.toISOString().slice(0, 10)),
      "Всего",
    ]);
    const present = [2, 3, 4]
      .map((index) => attendance.getRow(index))
      .find((row) => row.getCell(3).value === "Жаңыл");
    expect(((present?.values ?? []) as unknown[]).slice(6)).toEqual([undefined, 1, 1]);
  });

  it("memory stays flat: 20,000 rows take not much more than 2,000", async () => {
    const event = await createTestEvent({ quotas: {} });
    const small = await createTestEvent({ quotas: {} });
    await insertRegistrations((sql, params) => db.$executeRawUnsafe(sql, ...params), {
      eventId: event.id,
      count: 20_000,
      tag: randomUUID(),
    });
    await insertRegistrations((sql, params) => db.$executeRawUnsafe(sql, ...params), {
      eventId: small.id,
      count: 2_000,
      tag: randomUUID(),
    });
    const growth = async (id: string, format: "xlsx" | "csv") => {
      const baseline = liveBytes();
      let peak = baseline;
      let bytes = 0;
      let sampledAt = 0;
      for await (const chunk of exportStream({
        event: await eventOf(id),
        filters: {},
        options: options({ format }),
        labels: exportLabels("ru", await getEventRegions({ eventId: event.id })),
        // Smaller than both exports, which then differ in the number of batches only.
        batchSize: 1000,
      })) {
        bytes += chunk.byteLength;
        if (Date.now() - sampledAt > 25) {
          peak = Math.max(peak, liveBytes());
          sampledAt = Date.now();
        }
      }
      return { growth: peak - baseline, bytes };
    };
    for (const format of ["csv", "xlsx"] as const) {
      await growth(small.id, format); // warm up: code loaded, pools open
      const twoThousand = await growth(small.id, format);
      const twentyThousand = await growth(event.id, format);
      expect(twentyThousand.bytes).toBeGreaterThan(9 * twoThousand.bytes);
      // Ten times the rows; a buffered export would need about ten times the memory.
      expect(twentyThousand.growth, format).toBeLessThan(2 * Math.max(twoThousand.growth, 4 * 1024 * 1024));
    }
  });

  it("holds the list's rows in the list's order, for every filter and sort, across batches", async () => {
    const event = await createTestEvent({ capacity: 1000, quotas: {}, days: 2 });
    await insertRegistrations((sql, params) => db.$executeRawUnsafe(sql, ...params), {
      eventId: event.id,
      count: 300,
      tag: randomUUID(),
    });
    // Namesakes, so that sorting by name has ties for the arrival number to break.
    for (let i = 0; i < 4; i++) {
      const result = await createRegistration({ slug: event.slug, locale: "ru", input: registrationInput() });
      if (!result.ok) throw new Error(result.reason);
    }
    const [day] = await db.eventDay.findMany({ where: { eventId: event.id }, orderBy: { startsAt: "asc" } });
    const sorts = [undefined, "number", "name", "organization", "region", "status"] as const;
    const cases: RegistrationFilters[] = [
      ...sorts.flatMap((sort) => [{ sort }, { sort, desc: "1" as const }]),
      { status: "CONFIRMED", sort: "name" },
      { category: "CIVIL_SOCIETY", region: "OSH", desc: "1" },
      { gender: "FEMALE", day: day?.id, sort: "organization" },
      { q: "асан" },
      // Prisma's `contains` leaves % and _ as wildcards; so must the export.
      { q: "өмүрбекова-1_", sort: "status", desc: "1" },
      { q: "%" },
    ];
    for (const filters of cases) {
      const listed = await db.registration.findMany({
        where: registrationWhere(event.id, filters),
        orderBy: registrationOrder(filters),
        select: { number: true },
      });
      const exported: number[] = [];
      for await (const batch of registrationBatches({ event, filters, batchSize: 7 })) {
        exported.push(...batch.map((row) => row.number));
      }
      expect(exported, JSON.stringify(filters)).toEqual(listed.map((row) => row.number));
      expect(await countExportRows({ eventId: event.id, filters })).toBe(listed.length);
    }
  });
});
