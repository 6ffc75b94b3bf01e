import "server-only";
import { createTranslator } from "next-intl";
import { localize } from "@/lib/events/schema";
import { formatWeekdayDate } from "@/lib/i18n/dates";
import en from "@/lib/i18n/messages/en.json";
import ky from "@/lib/i18n/messages/ky.json";
import ru from "@/lib/i18n/messages/ru.json";
import type { Locale } from "@/lib/i18n/routing";
import { createPdf, drawLogosRow, finishPdf } from "@/lib/pdf/document";
import { compareByRussianName, fullName } from "@/lib/registrations/names";
import type { SignatureSheetData } from "@/lib/signature-sheets/data";
import { showsPresence } from "@/lib/signature-sheets/rules";

// One day's signature sheet, the paper that goes into the donor report: A4
// portrait, the event and the day at the top of every page, then a numbered
// table to sign, repeated column headings, "page X of Y" at the foot.

const messages = { ru, ky, en };

const PAGE_HEIGHT = 841.89;
const MARGIN = 36;
const WIDTH = 595.28 - 2 * MARGIN;
/** The lowest a row may reach; the page number lives below it, in the margin. */
const TABLE_BOTTOM = PAGE_HEIGHT - MARGIN - 4;
/** Room enough to sign by hand. */
const MIN_ROW_HEIGHT = 26;
const PADDING = 4;
const TEXT_SIZE = 8.5;
const LINE_COLOR = "#555555";

type ColumnKey = "number" | "name" | "organization" | "position" | "present" | "signature";
type Column = { key: ColumnKey; width: number; align: "left" | "center" };
type Row = Record<ColumnKey, string>;

function columns(withPresence: boolean): Column[] {
  const fixed: Column[] = [
    { key: "number", width: 26, align: "center" },
    { key: "name", width: 128, align: "left" },
    { key: "organization", width: 116, align: "left" },
    { key: "position", width: 94, align: "left" },
    ...(withPresence ? [{ key: "present", width: 50, align: "center" } as const] : []),
  ];
  const used = fixed.reduce((sum, column) => sum + column.width, 0);
  return [...fixed, { key: "signature", width: WIDTH - used, align: "left" }];
}

export async function renderSignatureSheet({
  sheet,
  blankRows,
  locale,
  now = new Date(),
}: {
  sheet: SignatureSheetData;
  blankRows: number;
  locale: Locale;
  now?: Date;
}): Promise<Buffer> {
  const t = createTranslator({ locale, messages: messages[locale], namespace: "admin.paper.sheet" });
  const { event, day } = sheet;
  const title = localize(event.title, locale);
  const date = formatWeekdayDate(day.startsAt, { locale, timeZone: event.timeZone });
  const withPresence = showsPresence({
    day,
    timeZone: event.timeZone,
    attendanceCount: sheet.attendanceCount,
    now,
  });
  const table = columns(withPresence);
  const participants = [...sheet.participants].sort(compareByRussianName);
  const rows: Row[] = [
    ...participants.map((participant, index) => ({
      number: String(index + 1),
      name: fullName(participant),
      organization: participant.organization,
      position: participant.position ?? "",
      present: participant.present ? "✓" : "",
      signature: "",
    })),
    ...Array.from({ length: blankRows }, (_, index) => ({
      number: String(participants.length + index + 1),
      name: "",
      organization: "",
      position: "",
      present: "",
      signature: "",
    })),
  ];
  const headings: Row = {
    number: t("number"),
    name: t("name"),
    organization: t("organization"),
    position: t("position"),
    present: t("present"),
    signature: t("signature"),
  };
  const organizers = event.parties.map((party) => localize(party.name, locale));
  const lines = [
    { font: "sansBold", size: 12, text: t("heading") },
    { font: "sansBold", size: 10.5, text: title },
    { font: "sans", size: 9.5, text: t("dayLine", { number: day.number, count: event.days.length, date }) },
    {
      font: "sans",
      size: 8.5,
      text: t("venue", {
        venue: `${localize(event.venueName, locale)}, ${localize(event.venueAddress, locale)}`,
      }),
    },
    ...(organizers.length > 0
      ? [{ font: "sans", size: 8.5, text: t("organizers", { names: organizers.join("; ") }) }]
      : []),
  ];

  const doc = createPdf({ title: `${t("heading")} — ${title} — ${date}`, margin: MARGIN });

  const rowHeight = (row: Row, font: string, minimum: number) => {
    doc.font(font).fontSize(TEXT_SIZE);
    const tallest = Math.max(
      ...table.map((column) => doc.heightOfString(row[column.key], { width: column.width - 2 * PADDING })),
    );
    return Math.max(minimum, tallest + 2 * PADDING);
  };

  const drawRow = (row: Row, y: number, height: number, font: string, fill?: string) => {
    let x = MARGIN;
    for (const column of table) {
      if (fill) doc.rect(x, y, column.width, height).fillAndStroke(fill, LINE_COLOR);
      else doc.rect(x, y, column.width, height).stroke(LINE_COLOR);
      doc
        .fillColor("black")
        .font(column.key === "present" ? "sansBold" : font)
        .fontSize(TEXT_SIZE)
        .text(row[column.key], x + PADDING, y + PADDING, {
          width: column.width - 2 * PADDING,
          align: column.align,
        });
      x += column.width;
    }
  };

  /** The top of a page: the logos, who, what, when, where, then the column headings. Returns where rows start. */
  const drawPageTop = () => {
    // The logos on every page: donors count the pages of a report that carry theirs.
    let y =
      MARGIN + drawLogosRow(doc, { logos: sheet.logos, x: MARGIN, y: MARGIN, width: WIDTH, height: 30 });
    if (sheet.logos.length > 0) y += 8;
    for (const line of lines) {
      doc.fillColor("black").font(line.font).fontSize(line.size).text(line.text, MARGIN, y, { width: WIDTH });
      y = doc.y + 2;
    }
    y += 6;
    const height = rowHeight(headings, "sansBold", 0);
    drawRow(headings, y, height, "sansBold", "#e7e5e4");
    return y + height;
  };

  doc.lineWidth(0.5);
  const tableTop = drawPageTop();
  let y = tableTop;
  for (const row of rows) {
    const height = rowHeight(row, "sans", MIN_ROW_HEIGHT);
    // A row is never split across pages; a page holds at least one row.
    if (y + height > TABLE_BOTTOM && y > tableTop) {
      doc.addPage();
      y = drawPageTop();
    }
    drawRow(row, y, height, "sans");
    y += height;
  }
  if (withPresence) {
    const present = participants.filter((participant) => participant.present).length;
    const summary = t("summary", { present, total: participants.length });
    doc.font("sans").fontSize(9);
    if (y + 8 + doc.heightOfString(summary, { width: WIDTH }) > TABLE_BOTTOM) {
      doc.addPage();
      y = drawPageTop();
    }
    doc.fillColor("black").text(summary, MARGIN, y + 8, { width: WIDTH });
  }

  const { start, count } = doc.bufferedPageRange();
  for (let page = start; page < start + count; page++) {
    doc.switchToPage(page);
    // Writing inside the bottom margin would make PDFKit start a new page.
    doc.page.margins.bottom = 0;
    doc
      .font("sans")
      .fontSize(8)
      .fillColor("#444444")
      .text(`${title} · ${date}`, MARGIN, PAGE_HEIGHT - MARGIN + 8, {
        width: WIDTH * 0.75,
        height: 10,
        ellipsis: true,
      })
      .text(t("page", { page: page - start + 1, pages: count }), MARGIN, PAGE_HEIGHT - MARGIN + 8, {
        width: WIDTH,
        align: "right",
        lineBreak: false,
      });
  }
  return finishPdf(doc);
}
