// Reads the real text of a PDF (with positions) through pdf.js, for tests that compare it with the data.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfWord {
  page: number;
  str: string;
  x: number;
  y: number;
  width: number;
}

export async function pdfPages(bytes: Uint8Array): Promise<{ text: string; items: PdfWord[] }[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    const items: PdfWord[] = [];
    for (const it of content.items) {
      if (!('str' in it)) continue;
      items.push({ page: p, str: it.str, x: it.transform[4] as number, y: it.transform[5] as number, width: it.width });
    }
    // A word hyphenated at a line end (U+2010, electron/core/pdf/hyphenate.ts) is read as one word, as a search
    // tool does; the items keep the lines as drawn.
    pages.push({ text: items.map((i) => i.str).join(' ').replace(/\s+/g, ' ').replace(/\u2010 /g, ''), items });
  }
  await doc.destroy();
  return pages;
}

export async function pdfText(bytes: Uint8Array): Promise<string> {
  return (await pdfPages(bytes)).map((p) => p.text).join('\n');
}
