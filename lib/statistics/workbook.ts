import ExcelJS from "exceljs";
import type { PdfLogo } from "@/lib/pdf/document";
import type { StatisticsTable, WorkbookSheet } from "@/lib/statistics/tables";

/** A logo's height in the sheet, in pixels, and the most it may be wide: the first column's width. */
const LOGO_HEIGHT = 40;
const LOGO_MAX_WIDTH = 110;

/**
 * The statistics' tables one under the other on one sheet, headings bold,
 * numbers as numbers, each with what it counts under its title; then each of
 * `sheets` on its own (the logframe indicators, an instrument's responses).
 * Titles, names and answers may be anyone's words (a question, an option, a
 * participant's free text): every text is a string cell, which no
 * spreadsheet evaluates (lib/exports/cells.ts), so none becomes a formula.
 * The organizers' and funders' logos, PNG as stored, stand in a row above
 * the title, one a column, as donors require on every report.
 */
export async function statisticsWorkbook({
  title,
  sheetName,
  tables,
  totalLabel,
  sheets = [],
  logos = [],
}: {
  title: string;
  sheetName: string;
  tables: StatisticsTable[];
  totalLabel: string;
  sheets?: WorkbookSheet[];
  logos?: readonly PdfLogo[];
}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  if (logos.length > 0) {
    // A row's height is in points, three quarters of a pixel: the logos' height and a margin.
    sheet.addRow([]).height = LOGO_HEIGHT * 0.75 + 8;
    logos.forEach((logo, index) => {
      const scale = Math.min(LOGO_HEIGHT / logo.height, LOGO_MAX_WIDTH / logo.width);
      // ExcelJS types its image buffer as an ArrayBuffer; at run time it takes Node's Buffer.
      const buffer = Buffer.from(logo.bytes) as unknown as ArrayBuffer;
      const image = workbook.addImage({ buffer, extension: "png" });
      sheet.addImage(image, {
        tl: { col: index, row: 0.1 },
        ext: { width: Math.round(logo.width * scale), height: Math.round(logo.height * scale) },
        editAs: "oneCell",
      });
    });
  }
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
