import "server-only";
import ExcelJS from "exceljs";
import { zonedParts } from "@/lib/events/rules";
import type { Cell } from "@/lib/exports/cells";
import { exportFileName } from "@/lib/exports/schema";

export type ListSheet = {
  name: string;
  title: string;
  head: string[];
  rows: Cell[][];
  /** A bold row under the rows (the totals), when the list has one. */
  total?: Cell[];
  /** A line of text under everything (the amount in words). */
  footer?: string;
  /** Each column's width in characters. */
  widths: number[];
};

/**
 * The logistics' lists as an .xlsx, one sheet each: a title, bold headings,
 * numbers as number cells (the accountant sums them), dates as date cells.
 * Every text is a string cell, which no spreadsheet evaluates as a formula
 * (lib/exports/cells.ts): a name typed as "=1+2" stays text.
 */
export async function listWorkbook(sheets: ListSheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const list of sheets) {
    const sheet = workbook.addWorksheet(list.name.slice(0, 31));
    sheet.addRow([list.title]).font = { bold: true, size: 13 };
    sheet.addRow(list.head).font = { bold: true };
    for (const row of list.rows) sheet.addRow(row);
    if (list.total) sheet.addRow(list.total).font = { bold: true };
    if (list.footer) sheet.addRow([list.footer]);
    list.widths.forEach((width, index) => {
      sheet.getColumn(index + 1).width = width;
    });
    list.rows.forEach((row, rowIndex) => {
      row.forEach((cell, index) => {
        if (cell instanceof Date) sheet.getCell(rowIndex + 3, index + 1).numFmt = "yyyy-mm-dd hh:mm";
      });
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A logistics workbook as a download: named after the event, the list and today's date in the event's zone. */
export function workbookDownload(
  file: Buffer,
  { slug, timeZone, suffix }: { slug: string; timeZone: string; suffix: string },
): Response {
  const name = exportFileName({ slug, suffix, date: zonedParts(new Date(), timeZone).date, format: "xlsx" });
  return new Response(new Uint8Array(file), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
