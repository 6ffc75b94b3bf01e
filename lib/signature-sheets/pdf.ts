import "server-only";
import { createTranslator } from "next-intl";
import { localize } from "@/lib/events/schema";
import { formatWeekdayDate } from "@/lib/i18n/dates";
import en from "@/lib/i18n/messages/en.json";
import ky from "@/lib/i18n/messages/ky.json";
import ru from "@/lib/i18n/messages/ru.json";
import type { Locale } from "@/lib/i18n/routing";
import { createPdf, drawLogosRow, finishPdf } from "@/lib/pdf/document";
import { regionName } from "@/lib/questions/rules";
import { compareByRussianName, fullName } from "@/lib/registrations/names";
import type { SignatureSheetData } from "@/lib/signature-sheets/data";
import { showsPresence } from "@/lib/signature-sheets/rules";
import type { ExtraSheetColumn } from "@/lib/signature-sheets/schema";

// One day's signature sheet, the paper that goes into the donor report: A4,
// the event and the day at the top of every page, then a numbered table to
// sign, repeated column headings, "page X of Y" at the foot. Portrait with one
// extra column at most; with more, landscape: in portrait two extras already
// broke a phone number over three lines and left a name two-thirds its room.

const messages = { ru, ky, en };

/** PDF points in a length of millimetres. */
const mm = (length: number) => (length * 72) / 25.4;

const A4 = { short: 595.28, long: 841.89 };
const MARGIN = 36;
/** Room enough to sign by hand: a signature is about 8 mm high. */
const MIN_ROW_HEIGHT = mm(10);
const PADDING = 4;
const TEXT_SIZE = 8.5;
const LINE_COLOR = "#555555";
/** More extra columns than this turn the page to landscape. */
const PORTRAIT_EXTRA_COLUMNS = 1;

type ColumnKey = "number" | "name" | "organization" | "position" | ExtraSheetColumn | "present" | "signature";
type Column = { key: ColumnKey; width: number; align: "left" | "center" };
type Row = Record<ColumnKey, string>;

/** Each text column's width when the page has room; together they give way when it has not. */
const TEXT_WIDTHS: Record<Exclude<ColumnKey, "number" | "phone" | "present" | "signature">, number> = {
  name: 128,
  organization: 116,
  position: 94,
  email: 112,
  gender: 52,
  category: 100,
  region: 84,
};
/** A phone number as long as Kyrgyzstan's are, kept on one line: it is read aloud from the sheet. */
const LONGEST_PHONE = "+996 555 000 000";
/** The signature's box never gets narrower than a signature. */
const MIN_SIGNATURE_WIDTH = mm(32);

/**
 * The table's columns across `width`. A column is never narrower than the
 * longest word of its heading ("Катышты" broke in two at a fixed width) nor,
 * up to the width it wants, than the longest word in it ("Женский"); the text
 * columns shrink in proportion when the extras do not fit, and the signature
 * takes what is left.
 */
function columns({
  doc,
  headings,
  rows,
  extra,
  withPresence,
  width,
}: {
  doc: PDFKit.PDFDocument;
  headings: Row;
  rows: Row[];
  extra: readonly ExtraSheetColumn[];
  withPresence: boolean;
  width: number;
}): Column[] {
  // PDFKit measures a word with the space after it, and breaks it when that does not fit.
  const boxAround = (text: string, font: string) =>
    doc.font(font).fontSize(TEXT_SIZE).widthOfString(`${text} `) + 2 * PADDING;
  const fitsHeading = (key: ColumnKey, wanted: number) =>
    Math.max(wanted, ...headings[key].split(/\s+/).map((word) => boxAround(word, "sansBold")));
  const text = (["name", "organization", "position", ...extra.filter((key) => key !== "phone")] as const).map(
    (key) => ({ key, wanted: TEXT_WIDTHS[key] }),
  );
  const number: Column = { key: "number", width: fitsHeading("number", 26), align: "center" };
  const present: Column[] = withPresence
    ? [{ key: "present", width: fitsHeading("present", 50), align: "center" }]
    : [];
  const phoneWidth = fitsHeading("phone", boxAround(LONGEST_PHONE, "sans"));
  const phone: Column[] = extra.includes("phone") ? [{ key: "phone", width: phoneWidth, align: "left" }] : [];
  const fixed = [number, ...phone, ...present].reduce((sum, column) => sum + column.width, 0);
  const longestWord = (key: ColumnKey) =>
    Math.max(
      0,
      ...[...new Set(rows.flatMap((row) => row[key].split(/\s+/)))].map((word) => boxAround(word, "sans")),
    );
  const least = text.map((column) =>
    fitsHeading(column.key, Math.min(column.wanted, longestWord(column.key))),
  );
  const room = width - fixed - MIN_SIGNATURE_WIDTH;
  // Shrink the text columns together, none below its heading's longest word:
  // those held at that floor leave the others the rest.
  let widths = text.map((column) => column.wanted);
  for (let pass = 0; pass < text.length; pass++) {
    const held = widths.map((each, index) => each <= (least[index] ?? 0));
    const heldWidth = least.reduce((sum, each, index) => sum + (held[index] ? each : 0), 0);
    const free = text.reduce((sum, column, index) => sum + (held[index] ? 0 : column.wanted), 0);
    const scale = Math.min(1, (room - heldWidth) / free);
    widths = text.map((column, index) => Math.max(least[index] ?? 0, column.wanted * scale));
  }
  const textColumns: Column[] = text.map((column, index) => ({
    key: column.key,
    width: widths[index] ?? column.wanted,
    align: "left",
  }));
  const used = fixed + textColumns.reduce((sum, column) => sum + column.width, 0);
  // The phone stands where the organizer's order puts it: first of the extras.
  const [name, organization, position, ...extraText] = textColumns;
  return [
    number,
    ...[name, organization, position].filter((column) => column !== undefined),
    ...phone,
    ...extraText,
    ...present,
    { key: "signature", width: width - used, align: "left" },
  ];
}

export async function renderSignatureSheet({
  sheet,
  blankRows,
  locale,
  extraColumns = [],
  now = new Date(),
}: {
  sheet: SignatureSheetData;
  blankRows: number;
  locale: Locale;
  /** Printed between the position and the presence, in this order. */
  extraColumns?: readonly ExtraSheetColumn[];
  now?: Date;
}): Promise<Buffer> {
  const t = createTranslator({ locale, messages: messages[locale], namespace: "admin.paper.sheet" });
  const words = createTranslator({ locale, messages: messages[locale] });
  const { event, day } = sheet;
  const title = localize(event.title, locale);
  const date = formatWeekdayDate(day.startsAt, { locale, timeZone: event.timeZone });
  const withPresence = showsPresence({
    day,
    timeZone: event.timeZone,
    attendanceCount: sheet.attendanceCount,
    now,
  });
  const participants = [...sheet.participants].sort(compareByRussianName);
  const rows: Row[] = [
    ...participants.map((participant, index) => ({
      number: String(index + 1),
      name: fullName(participant),
      organization: participant.organization,
      position: participant.position ?? "",
      phone: participant.phone ?? "",
      email: participant.email,
      gender: words(`gender.${participant.gender}`),
      category: words(`category.${participant.category}`),
      region: regionName(event.regions, participant.region, locale),
      present: participant.present ? "✓" : "",
      signature: "",
    })),
    ...Array.from({ length: blankRows }, (_, index) => ({
      number: String(participants.length + index + 1),
      name: "",
      organization: "",
      position: "",
      phone: "",
      email: "",
      gender: "",
      category: "",
      region: "",
      present: "",
      signature: "",
    })),
  ];
  const headings: Row = {
    number: t("number"),
    name: t("name"),
    organization: t("organization"),
    position: t("position"),
    phone: t("phone"),
    email: t("email"),
    gender: t("gender"),
    category: t("category"),
    region: t("region"),
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

  const layout = extraColumns.length > PORTRAIT_EXTRA_COLUMNS ? "landscape" : "portrait";
  const pageHeight = layout === "portrait" ? A4.long : A4.short;
  const contentWidth = (layout === "portrait" ? A4.short : A4.long) - 2 * MARGIN;
  /** The lowest a row may reach; the page number lives below it, in the margin. */
  const tableBottom = pageHeight - MARGIN - 4;
  const doc = createPdf({ title: `${t("heading")} — ${title} — ${date}`, layout, margin: MARGIN });
  const table = columns({ doc, headings, rows, extra: extraColumns, withPresence, width: contentWidth });

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
      MARGIN +
      drawLogosRow(doc, { logos: sheet.logos, x: MARGIN, y: MARGIN, width: contentWidth, height: 30 });
    if (sheet.logos.length > 0) y += 8;
    for (const line of lines) {
      doc
        .fillColor("black")
        .font(line.font)
        .fontSize(line.size)
        .text(line.text, MARGIN, y, { width: contentWidth });
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
    if (y + height > tableBottom && y > tableTop) {
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
    if (y + 8 + doc.heightOfString(summary, { width: contentWidth }) > tableBottom) {
      doc.addPage();
      y = drawPageTop();
    }
    doc.fillColor("black").text(summary, MARGIN, y + 8, { width: contentWidth });
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
      .text(`${title} · ${date}`, MARGIN, pageHeight - MARGIN + 8, {
        width: contentWidth * 0.75,
        height: 10,
        ellipsis: true,
      })
      .text(t("page", { page: page - start + 1, pages: count }), MARGIN, pageHeight - MARGIN + 8, {
        width: contentWidth,
        align: "right",
        lineBreak: false,
      });
  }
  return finishPdf(doc);
}
