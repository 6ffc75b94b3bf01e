import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { getEventForExport } from "@/lib/exports/data";
import { exportLabels } from "@/lib/exports/labels";
import { exportOptionsSchema } from "@/lib/exports/schema";
import { exportStream } from "@/lib/exports/stream";
import { getEventRegions } from "@/lib/questions/data";
import { createRegistration } from "@/lib/registrations/mutations";
import { createTestEvent, registrationInput } from "../support/factories";

// A CSV file is opened by whoever receives it, with their own settings:
// Excel with Russian settings splits on ";", with English ones on ",",
// whichever separator the file was written with. Each way of splitting it
// must give no cell a spreadsheet would run as a formula.

const FORMULA = /^[=+\-@\t\r]/;

// Values a participant can type into the registration form.
const HOSTILE = {
  lastName: "Org;=1+2;",
  firstName: "Асан",
  patronymic: 'x,"@SUM(1)',
  organization: "a;=1+2",
  position: "a,=1+2",
  dietaryNeeds: "нет\n=1+2",
  accessibilityNeeds: "-1;+1",
};

/**
 * The cells of a CSV text as Excel splits it with this separator: a quote
 * opens a quoted field only at a cell's start; elsewhere it is a character.
 */
function excelCells(text: string, separator: string): string[] {
  const cells: string[] = [];
  let at = 0;
  while (at < text.length) {
    let cell = "";
    if (text[at] === '"') {
      at += 1;
      while (at < text.length) {
        if (text[at] === '"' && text[at + 1] === '"') {
          cell += '"';
          at += 2;
        } else if (text[at] === '"') {
          at += 1;
          break;
        } else {
          cell += text[at];
          at += 1;
        }
      }
    }
    while (at < text.length && ![separator, "\r", "\n"].includes(text[at] as string)) {
      cell += text[at];
      at += 1;
    }
    cells.push(cell);
    at += text.startsWith("\r\n", at) ? 2 : 1;
  }
  return cells;
}

async function csvExport(separator: "comma" | "semicolon") {
  const created = await createTestEvent({ capacity: 10, quotas: {} });
  const result = await createRegistration({
    slug: created.slug,
    locale: "ru",
    input: registrationInput(HOSTILE),
  });
  if (!result.ok) throw new Error(result.reason);
  const event = await getEventForExport({ id: created.id });
  if (!event) throw new Error("no event");
  const stream = exportStream({
    event,
    filters: {},
    options: exportOptionsSchema().parse({ format: "csv", separator }),
    labels: exportLabels("ru", await getEventRegions({ eventId: event.id })),
  });
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/^\uFEFF/, "");
}

describe.each(["comma", "semicolon"] as const)("a CSV export with %s", (separator) => {
  it.each([",", ";"])("split by Excel on %j has no cell starting a formula", async (excelSeparator) => {
    const text = await csvExport(separator);
    const cells = excelCells(text, excelSeparator);
    expect(cells.length).toBeGreaterThan(2);
    expect(cells.filter((cell) => FORMULA.test(cell))).toEqual([]);
  });

  it("read with its own separator keeps every value, made text where a cell could start a formula", async () => {
    const text = await csvExport(separator);
    const [header, row] = parse(text, { delimiter: separator === "comma" ? "," : ";" }) as string[][];
    const value = (label: string) => row?.[header?.indexOf(label) ?? -1];
    expect(value("Фамилия")).toBe("Org;'=1+2;");
    expect(value("Отчество")).toBe(`x,"'@SUM(1)`);
    expect(value("Организация")).toBe("a;'=1+2");
    expect(value("Должность")).toBe("a,'=1+2");
    expect(text).toContain('"a;\'=1+2"');
    expect(text).toContain('"a,\'=1+2"');
  });
});
