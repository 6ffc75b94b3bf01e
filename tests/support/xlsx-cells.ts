import ExcelJS from "exceljs";

/** Every cell's value of every sheet of an .xlsx, as text: what a reader opening the file could find. */
export async function xlsxCells(file: ArrayBuffer): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file);
  const cells: string[] = [];
  workbook.eachSheet((sheet) => {
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        cells.push(String(cell.value));
      });
    });
  });
  return cells;
}
