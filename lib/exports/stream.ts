import "server-only";
import { PassThrough } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import {
  type Cell,
  type ExportRow,
  neutralizeCsvFormulas,
  rowCells,
  type SheetColumn,
  sheetColumns,
} from "@/lib/exports/cells";
import { type ExportEvent, registrationBatches } from "@/lib/exports/data";
import type { ExportLabels } from "@/lib/exports/labels";
import type { ExportOptions } from "@/lib/exports/schema";
import type { RegistrationFilters } from "@/lib/registrations/filters";

// An export as a stream, from the database to the response a batch at a
// time: memory holds one batch whatever the number of rows, and the first
// bytes leave before the last row is read. Pull-based: a slow reader slows
// the reads from the database instead of filling memory.

export type ExportRequest = {
  event: ExportEvent;
  filters: RegistrationFilters;
  options: ExportOptions;
  labels: ExportLabels;
  batchSize?: number;
};

export function exportStream(request: ExportRequest): ReadableStream<Uint8Array> {
  const chunks = request.options.format === "csv" ? csvChunks(request) : xlsxChunks(request);
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
}

function chosenQuestions({ event, options }: ExportRequest) {
  return event.questions.filter((question) => options.questionIds.includes(question.id));
}

/** The registrations sheet's columns: the fixed ones chosen, then the event's questions chosen. */
function columnsOf(request: ExportRequest): SheetColumn[] {
  return sheetColumns({
    columns: request.options.columns,
    questions: chosenQuestions(request),
    labels: request.labels,
  });
}

function rows(request: ExportRequest, { withAnswers }: { withAnswers: boolean }) {
  return registrationBatches({
    event: request.event,
    filters: request.filters,
    questions: withAnswers ? chosenQuestions(request) : [],
    batchSize: request.batchSize,
  });
}

// ---- CSV: RFC 4180 (csv-stringify), UTF-8 with a byte-order mark so Excel
// reads Cyrillic. A field holding either separator is quoted in both modes,
// and formulas are neutralized wherever a cell may start, so the file is
// safe however the spreadsheet splits it (lib/exports/cells.ts).

function csvText(cell: Cell, dates: SheetColumn["dates"] = null): string {
  if (cell === null) return "";
  if (typeof cell === "number") return String(cell);
  // As the spreadsheet shows them: a wall clock "2026-12-24 09:00", a day "2026-12-24".
  if (cell instanceof Date) {
    return dates === "day"
      ? cell.toISOString().slice(0, 10)
      : cell.toISOString().slice(0, 16).replace("T", " ");
  }
  return neutralizeCsvFormulas(cell);
}

function csvLines(rows: string[][], separator: "," | ";"): string {
  return stringify(rows, { delimiter: separator, record_delimiter: "\r\n", quoted_match: /[,;]/ });
}

async function* csvChunks(request: ExportRequest): AsyncGenerator<Uint8Array> {
  const separator = request.options.separator === "comma" ? "," : ";";
  const columns = columnsOf(request);
  const cells = rowCells(columns);
  const line = (row: ExportRow) => cells(row).map((cell, index) => csvText(cell, columns[index]?.dates));
  const encoder = new TextEncoder();
  yield encoder.encode(
    `\uFEFF${csvLines([columns.map((column) => neutralizeCsvFormulas(column.header))], separator)}`,
  );
  for await (const batch of rows(request, { withAnswers: true })) {
    yield encoder.encode(csvLines(batch.map(line), separator));
  }
}

// ---- .xlsx: exceljs's streaming writer, one sheet after the other (a sheet
// is written into the zip only once the one before is complete).

const DATE_FORMATS = { minute: "yyyy-mm-dd hh:mm", day: "yyyy-mm-dd" } as const;

async function* xlsxChunks(request: ExportRequest): AsyncGenerator<Uint8Array> {
  const output = new PassThrough();
  const writing = writeWorkbook(request, output).catch((error: unknown) => {
    output.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  try {
    yield* output;
    await writing;
  } finally {
    // A reader gone early: stop the writer, which waits for it.
    output.destroy();
  }
}

async function writeWorkbook(request: ExportRequest, output: PassThrough) {
  const { labels, event } = request;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  const frozenHeader = { views: [{ state: "frozen" as const, ySplit: 1 }] };

  const registrations = workbook.addWorksheet(labels.registrationsSheet, frozenHeader);
  const columns = columnsOf(request);
  registrations.columns = columns.map((column) => ({
    width: column.width,
    style: column.dates ? { numFmt: DATE_FORMATS[column.dates] } : {},
  }));
  await writeSheet(registrations, output, {
    header: columns.map((column) => column.header),
    batches: rows(request, { withAnswers: true }),
    values: rowCells(columns),
  });

  // Participants × days: 1 where present, and the number of days.
  const attendance = workbook.addWorksheet(labels.attendanceSheet, frozenHeader);
  const nameColumns = sheetColumns({
    columns: ["number", "lastName", "firstName", "organization", "category"],
    labels,
  });
  attendance.columns = [
    ...nameColumns.map((column) => ({ width: column.width })),
    ...event.days.map(() => ({ width: 12 })),
    { width: 10 },
  ];
  const names = rowCells(nameColumns);
  await writeSheet(attendance, output, {
    header: [
      ...nameColumns.map((column) => column.header),
      ...event.days.map((day) => day.date.toISOString().slice(0, 10)),
      labels.total,
    ],
    batches: rows(request, { withAnswers: false }),
    values: (row) => [
      ...names(row),
      ...event.days.map((day) => (row.attendedDayIds.includes(day.id) ? 1 : null)),
      row.attendedDayIds.length,
    ],
  });
  await workbook.commit();
}

/** What the zip may hold uncompressed: enough to compress while the next batch is read. */
const ZIP_BACKLOG_BYTES = 1024 * 1024;

type SheetWriter = ReturnType<ExcelJS.stream.xlsx.WorkbookWriter["addWorksheet"]>;

/**
 * Waits until the zip has compressed what the sheet wrote and the reader has
 * taken what the zip made. exceljs hands a sheet's XML to the zip without
 * heeding backpressure (its StreamBuf ignores write()'s answer), so without
 * this wait the rows pile up in memory faster than they are compressed. The
 * zip's input is exceljs's own stream; its writable state is the only gauge.
 */
async function caughtUp(sheet: SheetWriter, output: PassThrough) {
  const sheetStream = (sheet as unknown as { stream: { pipes: { _writableState?: { length: number } }[] } })
    .stream;
  for (;;) {
    if (output.destroyed) throw new Error("The export's reader went away.");
    const zipInput = sheetStream.pipes[0]?._writableState;
    if (zipInput && zipInput.length < ZIP_BACKLOG_BYTES && !output.writableNeedDrain) return;
    await sleep(2);
  }
}

/** Header and rows, committed one batch at a time; the header is frozen and filtered. */
async function writeSheet(
  sheet: SheetWriter,
  output: PassThrough,
  {
    header,
    batches,
    values,
  }: { header: string[]; batches: AsyncIterable<ExportRow[]>; values: (row: ExportRow) => Cell[] },
): Promise<number> {
  // A question's label is typed by staff: guarded as any other cell.
  const headerRow = sheet.addRow(header);
  headerRow.font = { bold: true };
  headerRow.commit();
  // exceljs gives each cell a copy of its column's style and serializes every
  // copy to look it up in the workbook's styles, which took longer than
  // writing the cell; cells given the column's own style object share one
  // lookup (exceljs remembers it by object).
  const styles = header.map((_, index) => sheet.getColumn(index + 1).style);
  let count = 0;
  for await (const batch of batches) {
    for (const row of batch) {
      const added = sheet.addRow(values(row));
      added.eachCell({ includeEmpty: true }, (cell, column) => {
        cell.style = styles[column - 1] ?? {};
      });
      added.commit();
    }
    count += batch.length;
    await caughtUp(sheet, output);
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: count + 1, column: header.length } };
  await sheet.commit();
  return count;
}
