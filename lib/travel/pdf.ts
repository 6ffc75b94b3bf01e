import "server-only";
import { createTranslator } from "next-intl";
import { type LocalizedText, localize } from "@/lib/events/schema";
import { formatDateRange, formatWeekdayDate } from "@/lib/i18n/dates";
import en from "@/lib/i18n/messages/en.json";
import ky from "@/lib/i18n/messages/ky.json";
import ru from "@/lib/i18n/messages/ru.json";
import type { Locale } from "@/lib/i18n/routing";
import { createPdf, finishPdf } from "@/lib/pdf/document";
import { drawPageFooters, drawTable, type PdfColumn } from "@/lib/pdf/table";
import { fullName } from "@/lib/registrations/names";
import type { Logistics, Register, RoomingList } from "@/lib/travel/data";
import { registerTotals, somsInWords, somsText } from "@/lib/travel/rules";

// The logistics' paper: the rooming list of a hotel on a night, and the
// per-diem and travel register the participants sign for the accountant.
// A4, DejaVu (Cyrillic, Kyrgyz letters), headings repeated on each page.

const messages = { ru, ky, en };
const MARGIN = 36;
const mm = (length: number) => (length * 72) / 25.4;

type Heading = { title: LocalizedText; timeZone: string };

const translator = (locale: Locale) =>
  createTranslator({ locale, messages: messages[locale], namespace: "admin.logistics.pdf" });

/** The lines at the top of each page: the document's name, the event, what it covers. */
function pageTop(doc: PDFKit.PDFDocument, lines: { text: string; bold?: boolean; size: number }[]) {
  return () => {
    let y = MARGIN;
    const width = doc.page.width - 2 * MARGIN;
    for (const line of lines) {
      doc
        .fillColor("black")
        .font(line.bold ? "sansBold" : "sans")
        .fontSize(line.size)
        .text(line.text, MARGIN, y, { width });
      y = doc.y + 2;
    }
    return y + 6;
  };
}

const nightText = (night: string, locale: Locale) =>
  formatWeekdayDate(new Date(`${night}T12:00:00Z`), { locale, timeZone: "UTC" });

export async function renderRoomingList({
  event,
  list,
  locale,
}: {
  event: Heading;
  list: RoomingList;
  locale: Locale;
}): Promise<Buffer> {
  const t = translator(locale);
  const words = createTranslator({ locale, messages: messages[locale] });
  const title = localize(event.title, locale);
  const night = t("night", { date: nightText(list.night, locale) });
  const doc = createPdf({ title: `${t("roomingTitle")} — ${list.hotel.name} — ${night}`, margin: MARGIN });
  type Key = "room" | "beds" | "name" | "organization" | "gender";
  const width = doc.page.width - 2 * MARGIN;
  const columns: PdfColumn<Key>[] = [
    { key: "room", width: 70 },
    { key: "beds", width: 50, align: "center" },
    { key: "name", width: 160 },
    { key: "organization", width: width - 70 - 50 - 160 - 70 },
    { key: "gender", width: 70 },
  ];
  const rows = list.rooms.flatMap((room) => {
    const people = room.people.map((person, index) => ({
      room: index === 0 ? room.name : "",
      beds: index === 0 ? `${room.people.length}/${room.beds}` : "",
      name: fullName(person),
      organization: person.organization,
      gender: words(`gender.${person.gender}`),
    }));
    return people.length > 0
      ? people
      : [{ room: room.name, beds: `0/${room.beds}`, name: t("free"), organization: "", gender: "" }];
  });
  drawTable(doc, {
    columns,
    headings: {
      room: t("room"),
      beds: t("beds"),
      name: t("name"),
      organization: t("organization"),
      gender: t("gender"),
    },
    rows,
    x: MARGIN,
    bottom: doc.page.height - MARGIN - 4,
    pageTop: pageTop(doc, [
      { text: t("roomingTitle"), bold: true, size: 12 },
      { text: title, bold: true, size: 10.5 },
      { text: `${list.hotel.name}${list.hotel.address ? `, ${list.hotel.address}` : ""}`, size: 9.5 },
      { text: night, size: 9.5 },
    ]),
  });
  drawPageFooters(doc, {
    text: `${title} · ${list.hotel.name} · ${night}`,
    page: (page, pages) => t("page", { page, pages }),
    margin: MARGIN,
  });
  return finishPdf(doc);
}

export async function renderRegister({
  logistics,
  register,
  locale,
}: {
  logistics: Logistics;
  register: Register;
  locale: Locale;
}): Promise<Buffer> {
  const t = translator(locale);
  const title = localize(logistics.title, locale);
  const where = { locale, timeZone: logistics.timeZone };
  const first = logistics.days[0];
  const last = logistics.days.at(-1);
  const scope = register.day
    ? t("registerDay", { date: formatWeekdayDate(register.day.startsAt, where) })
    : t("registerEvent", { dates: first && last ? formatDateRange(first.startsAt, last.endsAt, where) : "" });
  const venue = localize(logistics.venueName, locale);
  const doc = createPdf({ title: `${t("registerTitle")} — ${title}`, layout: "landscape", margin: MARGIN });
  type Key =
    | "number"
    | "name"
    | "organization"
    | "days"
    | "perDiem"
    | "travel"
    | "total"
    | "passport"
    | "signature";
  const width = doc.page.width - 2 * MARGIN;
  const fixed = {
    number: 26,
    name: 150,
    days: 40,
    perDiem: 64,
    travel: 64,
    total: 70,
    passport: 90,
    signature: mm(32),
  };
  const passport = register.withPassports;
  const used =
    fixed.number +
    fixed.name +
    fixed.days +
    fixed.perDiem +
    fixed.travel +
    fixed.total +
    (passport ? fixed.passport : 0) +
    fixed.signature;
  const columns: PdfColumn<Key>[] = [
    { key: "number", width: fixed.number, align: "center" },
    { key: "name", width: fixed.name },
    { key: "organization", width: width - used },
    { key: "days", width: fixed.days, align: "center" },
    { key: "perDiem", width: fixed.perDiem, align: "right" },
    { key: "travel", width: fixed.travel, align: "right" },
    { key: "total", width: fixed.total, align: "right" },
    ...(passport ? [{ key: "passport" as const, width: fixed.passport }] : []),
    { key: "signature", width: fixed.signature },
  ];
  const rows = register.rows.map((row, index) => ({
    number: String(index + 1),
    name: row.name,
    organization: row.organization,
    days: String(row.days),
    perDiem: somsText(row.perDiem),
    travel: somsText(row.travel),
    total: somsText(row.total),
    passport: row.passport ?? "",
    signature: "",
  }));
  const totalsRow = (label: string, indices: number[]) => {
    const sums = registerTotals(indices.flatMap((index) => register.rows[index] ?? []));
    return {
      number: "",
      name: label,
      organization: "",
      days: String(sums.days),
      perDiem: somsText(sums.perDiem),
      travel: somsText(sums.travel),
      total: somsText(sums.total),
      passport: "",
      signature: "",
    };
  };
  const everyone = register.rows.map((_, index) => index);
  const y = drawTable(doc, {
    columns,
    headings: {
      number: t("number"),
      name: t("name"),
      organization: t("organization"),
      days: t("days"),
      perDiem: t("perDiem"),
      travel: t("travel"),
      total: t("total"),
      passport: t("passport"),
      signature: t("signature"),
    },
    rows,
    x: MARGIN,
    minRowHeight: mm(9),
    bottom: doc.page.height - MARGIN - 4,
    pageTop: pageTop(doc, [
      { text: t("registerTitle"), bold: true, size: 12 },
      { text: title, bold: true, size: 10.5 },
      { text: `${scope} · ${venue}`, size: 9.5 },
      { text: t("currency"), size: 8.5 },
    ]),
    pageFoot: (indices) => totalsRow(t("pageTotal"), indices),
    end: [totalsRow(t("grandTotal"), everyone)],
  });
  const total = registerTotals(register.rows).total;
  // The amount in words is the accountant's: in Russian, whatever the document's language.
  const inWords = `Итого: ${somsInWords(total)} (${somsText(total)} сом)`;
  const signatures = t("signatures");
  doc.font("sansBold").fontSize(10);
  const needed = doc.heightOfString(inWords, { width }) + 40;
  let at = y + 10;
  if (at + needed > doc.page.height - MARGIN) {
    doc.addPage();
    at = MARGIN;
  }
  doc.fillColor("black").text(inWords, MARGIN, at, { width });
  doc
    .font("sans")
    .fontSize(9.5)
    .text(signatures, MARGIN, doc.y + 16, { width });
  drawPageFooters(doc, {
    text: `${title} · ${scope}`,
    page: (page, pages) => t("page", { page, pages }),
    margin: MARGIN,
  });
  return finishPdf(doc);
}
