import ExcelJS from "exceljs";
import type { StatisticsTable, WorkbookSheet } from "@/lib/statistics/tables";

/**
 * The statistics' tables one under the other on one sheet, headings bold,
 * numbers as numbers, each with what it counts under its title; then each of
 * `sheets` on its own (the logframe indicators, an instrument's responses).
 * Titles, names and answers may be anyone's words (a question, an option, a
 * participant's free text): every text is a string cell, which no
 * spreadsheet evaluates (lib/exports/cells.ts), so none becomes a formula.
 */
export async function statisticsWorkbook({
  title,
  sheetName,
  tables,
  totalLabel,
  sheets = [],
}: {
  title: string;
  sheetName: string;
  tables: StatisticsTable[];
  totalLabel: string;
  sheets?: WorkbookSheet[];
}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([title]).font = { bold: true, size: 14 };
  for (const table of tables) {
    sheet.addRow([]);
    sheet.addRow([table.title]).font = { bold: true, size: 12 };
    if (table.note) sheet.addRow([table.note]).font = { italic: true };
    sheet.addRow(table.head).font = { bold: true };
    let group: string | undefined;
    for (const row of table.rows) {
      if (row.group !== undefined && row.group !== group) {
        group = row.group;
        sheet.addRow([group]).font = { bold: true };
      }
      sheet.addRow([row.name, ...row.values]);
    }
    if (table.total) sheet.addRow([totalLabel, ...table.total]).font = { bold: true };
  }
  sheet.getColumn(1).width = 34;
  for (let column = 2; column <= 9; column++) sheet.getColumn(column).width = 16;
  for (const extra of sheets) {
    const added = workbook.addWorksheet(extra.name);
    added.addRow([extra.name]).font = { bold: true, size: 12 };
    if (extra.note) added.addRow([extra.note]).font = { italic: true };
    added.addRow(extra.head).font = { bold: true };
    for (const row of extra.rows) added.addRow(row);
    extra.head.forEach((heading, index) => {
      added.getColumn(index + 1).width = Math.min(Math.max(heading.length + 2, 10), 40);
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
