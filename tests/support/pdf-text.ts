import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";

/**
 * The text of each page of a PDF as lines, top to bottom, the pieces of a
 * line joined by spaces: what a reader copying from the page would get.
 */
export async function pdfPages(pdf: Buffer): Promise<string[][]> {
  const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  const pages: string[][] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    const lines = new Map<number, { x: number; text: string }[]>();
    for (const item of content.items) {
      if (!("str" in item) || item.str.trim() === "") continue;
      const y = Math.round(item.transform[5]);
      lines.set(y, [...(lines.get(y) ?? []), { x: item.transform[4], text: item.str.trim() }]);
    }
    pages.push(
      [...lines.entries()]
        .sort(([a], [b]) => b - a)
        .map(([, pieces]) =>
          pieces
            .sort((a, b) => a.x - b.x)
            .map((piece) => piece.text)
            .join(" "),
        ),
    );
  }
  await document.destroy();
  return pages;
}

/** How many images each page of a PDF paints. */
export async function imagesPerPage(pdf: Buffer): Promise<number[]> {
  const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  const counts: number[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const operators = await (await document.getPage(number)).getOperatorList();
    counts.push(operators.fnArray.filter((op) => op === OPS.paintImageXObject).length);
  }
  await document.destroy();
  return counts;
}
