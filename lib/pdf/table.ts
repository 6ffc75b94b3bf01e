import "server-only";

// A table that runs over as many A4 pages as it needs: column headings
// repeated on each page, a row never split across two, an optional row at
// the foot of each page (a page's totals) and rows at the very end (the
// totals of the whole), and "page X of Y" under every page. Used by the
// rooming list and the per-diem register.

export type PdfColumn<Key extends string> = {
  key: Key;
  width: number;
  align?: "left" | "center" | "right";
};
export type PdfRow<Key extends string> = Record<Key, string>;

const PADDING = 4;
const LINE_COLOR = "#555555";

export function drawTable<Key extends string>(
  doc: PDFKit.PDFDocument,
  {
    columns,
    headings,
    rows,
    pageTop,
    bottom,
    x,
    textSize = 8.5,
    minRowHeight = 0,
    pageFoot,
    end = [],
  }: {
    columns: readonly PdfColumn<Key>[];
    headings: PdfRow<Key>;
    rows: readonly PdfRow<Key>[];
    /** Draws what each page shows above the table; returns where the table starts. */
    pageTop: () => number;
    /** The lowest a row may reach. */
    bottom: number;
    x: number;
    textSize?: number;
    minRowHeight?: number;
    /** The row under a page's rows, given their indices (a page's totals); none when undefined. */
    pageFoot?: (indices: number[]) => PdfRow<Key>;
    /** Rows after the last one, in bold (the totals of the whole). */
    end?: readonly PdfRow<Key>[];
  },
): number {
  const heightOf = (row: PdfRow<Key>, font: string, minimum: number) => {
    doc.font(font).fontSize(textSize);
    const tallest = Math.max(
      ...columns.map((column) => doc.heightOfString(row[column.key], { width: column.width - 2 * PADDING })),
    );
    return Math.max(minimum, tallest + 2 * PADDING);
  };
  const draw = (row: PdfRow<Key>, y: number, height: number, font: string, fill?: string) => {
    let left = x;
    for (const column of columns) {
      if (fill) doc.rect(left, y, column.width, height).fillAndStroke(fill, LINE_COLOR);
      else doc.rect(left, y, column.width, height).stroke(LINE_COLOR);
      doc
        .fillColor("black")
        .font(font)
        .fontSize(textSize)
        .text(row[column.key], left + PADDING, y + PADDING, {
          width: column.width - 2 * PADDING,
          align: column.align ?? "left",
        });
      left += column.width;
    }
  };
  const startPage = () => {
    const y = pageTop();
    const height = heightOf(headings, "sansBold", 0);
    draw(headings, y, height, "sansBold", "#e7e5e4");
    return y + height;
  };

  doc.lineWidth(0.5);
  let tableTop = startPage();
  let y = tableTop;
  let onPage: number[] = [];
  const closePage = () => {
    if (!pageFoot) return;
    const foot = pageFoot(onPage);
    const height = heightOf(foot, "sansBold", 0);
    draw(foot, y, height, "sansBold", "#f5f5f4");
    y += height;
  };
  rows.forEach((row, index) => {
    const height = heightOf(row, "sans", minRowHeight);
    const footRoom = pageFoot ? heightOf(pageFoot([...onPage, index]), "sansBold", 0) : 0;
    // A page holds at least one row; a row that does not fit starts the next page.
    if (y + height + footRoom > bottom && y > tableTop) {
      closePage();
      doc.addPage();
      tableTop = startPage();
      y = tableTop;
      onPage = [];
    }
    draw(row, y, height, "sans");
    y += height;
    onPage.push(index);
  });
  if (onPage.length > 0) closePage();
  for (const row of end) {
    const height = heightOf(row, "sansBold", 0);
    if (y + height > bottom) {
      doc.addPage();
      y = startPage();
    }
    draw(row, y, height, "sansBold", "#e7e5e4");
    y += height;
  }
  return y;
}

/** "Page X of Y" and a line of text under each page, once every page is drawn (the document buffers its pages). */
export function drawPageFooters(
  doc: PDFKit.PDFDocument,
  { text, page, margin }: { text: string; page: (number: number, pages: number) => string; margin: number },
) {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index);
    const width = doc.page.width - 2 * margin;
    const y = doc.page.height - margin + 8;
    // Writing inside the bottom margin would make PDFKit start a new page.
    doc.page.margins.bottom = 0;
    doc
      .font("sans")
      .fontSize(8)
      .fillColor("#444444")
      .text(text, margin, y, { width: width * 0.75, height: 10, ellipsis: true })
      .text(page(index - start + 1, count), margin, y, { width, align: "right", lineBreak: false });
  }
}
