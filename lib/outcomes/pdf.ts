import "server-only";
import QRCode from "qrcode";
import { localize } from "@/lib/events/schema";
import { formatDate, formatDateRange } from "@/lib/i18n/dates";
import type { SummaryEvent } from "@/lib/outcomes/data";
import { type EventOutcomes, logframeIndicators, type OutcomeParticipant } from "@/lib/outcomes/rules";
import { createPdf, drawLogosRow, finishPdf, type PdfLogo } from "@/lib/pdf/document";
import {
  indicatorHead,
  indicatorRows,
  indicatorText,
  outcomeChartTables,
  type StatisticsLabels,
} from "@/lib/statistics/tables";

// The donor report's one page (docs/decisions/043-outcome-reports.md): A4
// portrait, the event, its organizers and funders, the logframe indicators
// and four charts drawn as vector shapes (rectangles, lines, text), never
// images. Every figure comes from lib/outcomes/rules.ts. No margins: every
// line is placed, so none may start a second page.

const WIDTH = 595.28;
const HEIGHT = 841.89;
const MARGIN = 36;
const CONTENT = WIDTH - 2 * MARGIN;
const BRAND = "#0f766e";
const PALE = "#9ca3af";
const TEXT = "#1c1917";
const MUTED = "#57534e";
const RULE = "#d6d3d1";

export type OutcomeSummary = {
  event: SummaryEvent;
  outcomes: EventOutcomes;
  people: OutcomeParticipant[];
  anonymousRatings: number[] | null;
  threshold: number;
  now: Date;
  /** The organizers' and funders' logos, in a row at the top, as donors require. */
  logos: PdfLogo[];
};

type Series = { name: string; color: string };
type BarGroup = { name: string; values: (number | null)[] };

/**
 * Grouped bars in a box: its title, a legend when there are several series,
 * a value over each bar and each group's name under it. `max` is the top of
 * the scale (100 for a score); returns nothing, draws within the box only.
 */
function drawBars(
  doc: PDFKit.PDFDocument,
  {
    x,
    y,
    width,
    height,
    title,
    series,
    groups,
    max,
    format,
    noData,
  }: {
    x: number;
    y: number;
    width: number;
    height: number;
    title: string;
    series: Series[];
    groups: BarGroup[];
    max: number;
    format: (value: number) => string;
    noData: string;
  },
) {
  doc.lineWidth(0.5).rect(x, y, width, height).stroke(RULE);
  doc
    .font("sansBold")
    .fontSize(8)
    .fillColor(TEXT)
    .text(title, x + 6, y + 6, { width: width - 12 });
  let top = doc.y + 4;
  if (series.length > 1) {
    let left = x + 6;
    doc.font("sans").fontSize(7);
    for (const each of series) {
      doc.rect(left, top + 1, 7, 7).fill(each.color);
      doc.fillColor(TEXT).text(each.name, left + 10, top, { lineBreak: false });
      left += 10 + doc.widthOfString(each.name) + 12;
    }
    top += 12;
  }
  const labelHeight = 20;
  const plot = { left: x + 8, right: x + width - 8, top: top + 10, bottom: y + height - 6 - labelHeight };
  doc.lineWidth(0.75).moveTo(plot.left, plot.bottom).lineTo(plot.right, plot.bottom).stroke(MUTED);
  const drawn = groups.some((group) => group.values.some((value) => value !== null));
  if (!drawn || max <= 0) {
    doc
      .font("sans")
      .fontSize(8)
      .fillColor(MUTED)
      .text(noData, plot.left, (plot.top + plot.bottom) / 2 - 4, {
        width: plot.right - plot.left,
        align: "center",
      });
    return;
  }
  const groupWidth = (plot.right - plot.left) / groups.length;
  const barWidth = Math.min(22, (groupWidth * 0.8) / series.length);
  const span = plot.bottom - plot.top;
  groups.forEach((group, index) => {
    const start = plot.left + index * groupWidth + (groupWidth - barWidth * series.length) / 2;
    group.values.forEach((value, s) => {
      if (value === null) return;
      const barHeight = (Math.max(0, value) / max) * span;
      const left = start + s * barWidth;
      if (barHeight > 0)
        doc.rect(left + 1, plot.bottom - barHeight, barWidth - 2, barHeight).fill(series[s]?.color ?? BRAND);
      doc
        .font("sans")
        .fontSize(6.5)
        .fillColor(TEXT)
        .text(format(value), left - 6, plot.bottom - barHeight - 9, {
          width: barWidth + 12,
          align: "center",
          lineBreak: false,
        });
    });
    doc
      .font("sans")
      .fontSize(6.5)
      .fillColor(MUTED)
      .text(group.name, plot.left + index * groupWidth + 1, plot.bottom + 3, {
        width: groupWidth - 2,
        height: labelHeight,
        align: "center",
        ellipsis: true,
      });
  });
}

export async function renderOutcomeSummary({
  summary,
  labels,
}: {
  summary: OutcomeSummary;
  labels: StatisticsLabels;
}): Promise<Buffer> {
  const { event, outcomes, people, anonymousRatings, threshold, now, logos } = summary;
  const { t, locale } = labels;
  const title = localize(event.title, locale);
  const doc = createPdf({ title: `${title} — ${t("outcomes.pdf.subtitle")}`, margin: 0 });

  // The logos, then the event.
  const logosHeight = drawLogosRow(doc, { logos, x: MARGIN, y: MARGIN - 12, width: CONTENT, height: 28 });
  const top = logosHeight ? MARGIN - 12 + logosHeight + 10 : MARGIN;
  doc.font("sansBold").fontSize(14).fillColor(TEXT).text(title, MARGIN, top, { width: CONTENT });
  doc.moveDown(0.2).font("sans").fontSize(10).fillColor(BRAND).text(t("outcomes.pdf.subtitle"));
  doc.moveDown(0.4).fontSize(8.5).fillColor(TEXT);
  const first = event.days[0];
  const last = event.days.at(-1);
  const where = { locale, timeZone: event.timeZone };
  const names = (role: "ORGANIZER" | "FUNDER") =>
    event.parties.filter((party) => party.role === role).map((party) => localize(party.name, locale));
  const lines = [
    first && last && t("outcomes.pdf.dates", { dates: formatDateRange(first.startsAt, last.endsAt, where) }),
    t("outcomes.pdf.venue", {
      venue: `${localize(event.venueName, locale)}, ${localize(event.venueAddress, locale)}`,
    }),
    names("ORGANIZER").length > 0 && t("outcomes.pdf.organizers", { names: names("ORGANIZER").join("; ") }),
    names("FUNDER").length > 0 && t("outcomes.pdf.funders", { names: names("FUNDER").join("; ") }),
  ];
  for (const line of lines) if (line) doc.text(line, MARGIN, doc.y, { width: CONTENT });

  // The logframe indicators.
  doc.moveDown(0.8).font("sansBold").fontSize(11).text(t("outcomes.indicatorsTitle"), MARGIN, doc.y);
  doc.moveDown(0.2).font("sans").fontSize(7.5).fillColor(MUTED).text(t("outcomes.indicatorsNote"), {
    width: CONTENT,
  });
  doc.moveDown(0.4);
  const head = indicatorHead(labels);
  const rows = indicatorRows(logframeIndicators(outcomes, anonymousRatings), labels, (id, figure) =>
    indicatorText(id, figure, locale),
  );
  const firstWidth = 215;
  const otherWidth = (CONTENT - firstWidth) / (head.length - 1);
  const cellX = (index: number) => MARGIN + (index === 0 ? 0 : firstWidth + (index - 1) * otherWidth);
  const cellWidth = (index: number) => (index === 0 ? firstWidth : otherWidth) - 8;
  const drawRow = (cells: string[], font: "sans" | "sansBold", shade: boolean) => {
    doc.font(font).fontSize(7.5);
    const rowHeight =
      Math.max(...cells.map((cell, index) => doc.heightOfString(cell, { width: cellWidth(index) }))) + 6;
    const top = doc.y;
    if (shade) doc.rect(MARGIN, top, CONTENT, rowHeight).fill("#f5f5f4");
    cells.forEach((cell, index) => {
      doc.fillColor(TEXT).text(cell, cellX(index) + 4, top + 3, {
        width: cellWidth(index),
        align: index === 0 ? "left" : "right",
      });
    });
    doc
      .lineWidth(0.5)
      .moveTo(MARGIN, top + rowHeight)
      .lineTo(MARGIN + CONTENT, top + rowHeight)
      .stroke(RULE);
    doc.y = top + rowHeight;
  };
  drawRow(head, "sansBold", true);
  for (const row of rows) drawRow([row.name, ...row.cells.map((cell) => cell ?? "—")], "sans", false);

  // The charts, two by two.
  const gap = 12;
  const chartWidth = (CONTENT - gap) / 2;
  const chartHeight = 190;
  const chartsTop = doc.y + 14;
  const percent = (value: number) => `${Math.round(value)}%`;
  const count = (value: number) => String(value);
  const charts = outcomeChartTables({ outcomes, people, anonymousRatings }, labels).map((table) => ({
    title: table.title,
    // Before in grey, after in the brand's colour; a single series needs no legend.
    series:
      table.head.length > 2
        ? [
            { name: table.head[1] ?? "", color: PALE },
            { name: table.head[2] ?? "", color: BRAND },
          ]
        : [{ name: "", color: BRAND }],
    groups: table.rows,
    max: table.percent
      ? 100
      : Math.max(0, ...table.rows.flatMap((row) => row.values.map((value) => value ?? 0))),
    format: table.percent ? percent : count,
  }));
  charts.forEach((chart, index) => {
    drawBars(doc, {
      ...chart,
      x: MARGIN + (index % 2) * (chartWidth + gap),
      y: chartsTop + Math.floor(index / 2) * (chartHeight + gap),
      width: chartWidth,
      height: chartHeight,
      noData: t("outcomes.pdf.noData"),
    });
  });

  doc
    .font("sans")
    .fontSize(7)
    .fillColor(MUTED)
    .text(
      t("outcomes.pdf.generated", { date: formatDate(now, where), threshold }),
      MARGIN,
      HEIGHT - MARGIN - 18,
      { width: CONTENT },
    );
  return finishPdf(doc);
}

/**
 * The room's handout: one A4 page to print and put on the tables, with a QR
 * code (drawn as vector squares, sharp at any size) to the page where a
 * participant finds their registration by code and name, and the steps.
 */
export async function renderRoomHandout({
  title,
  url,
  t,
}: {
  title: string;
  url: string;
  /** The words of admin.paper.handout in the handout's language. */
  t: (key: "heading" | "step1" | "step2" | "step3" | "or") => string;
}): Promise<Buffer> {
  const doc = createPdf({ title: `${title} — ${t("heading")}`, margin: 0 });
  doc
    .font("sansBold")
    .fontSize(26)
    .fillColor(BRAND)
    .text(t("heading"), MARGIN + 20, 80, {
      width: CONTENT - 40,
      align: "center",
    });
  doc
    .moveDown(0.4)
    .font("sans")
    .fontSize(14)
    .fillColor(TEXT)
    .text(title, { width: CONTENT - 40, align: "center" });
  const { size, data } = QRCode.create(url, { errorCorrectionLevel: "M" }).modules;
  const side = 300;
  const unit = side / (size + 4);
  const left = (WIDTH - side) / 2;
  const top = doc.y + 30;
  let path = "";
  for (let row = 0; row < size; row += 1) {
    for (let column = 0; column < size; column += 1) {
      if (data[row * size + column]) path += `M${column + 2} ${row + 2}h1v1h-1z`;
    }
  }
  doc.save().translate(left, top).scale(unit).path(path).fill("#000000").restore();
  doc.y = top + side + 30;
  doc.font("sans").fontSize(14).fillColor(TEXT);
  for (const step of ["step1", "step2", "step3"] as const)
    doc.text(t(step), MARGIN + 40, doc.y, { width: CONTENT - 80 }).moveDown(0.4);
  doc
    .moveDown(0.6)
    .fontSize(11)
    .fillColor(MUTED)
    .text(t("or"), MARGIN + 40, doc.y, { width: CONTENT - 80 });
  doc
    .font("sansBold")
    .fontSize(12)
    .fillColor(TEXT)
    .text(url, { width: CONTENT - 80 });
  return finishPdf(doc);
}
