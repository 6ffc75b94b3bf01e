import ExcelJS from "exceljs";
import type { StatisticsTable } from "@/lib/statistics/tables";

/**
 * The statistics' tables one under the other on one sheet, headings bold,
 * numbers as numbers, each with what it counts under its title. Titles and
 * names may be an organizer's words (a question, an option): formula-safe.
 */
export async function statisticsWorkbook({
  title,
  sheetName,
  tables,
  totalLabel,
}: {
  title: string;
  sheetName: string;
  tables: StatisticsTable[];
  totalLabel: string;
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
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
