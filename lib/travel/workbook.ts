import "server-only";
import ExcelJS from "exceljs";
import type { Cell } from "@/lib/exports/cells";

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
