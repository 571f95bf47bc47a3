// What a PDF draws, chunk by chunk, with positions: every text-showing operation of pdf.js's operator list with
// the position of its text matrix and the Unicode of its glyphs in drawing order (left to right). Unlike the
// extracted text (pdfText.ts), nothing is merged or reordered here, so tests can check the visual order of words.
import { OPS, getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface Chunk {
  page: number;
  x: number;
  y: number;
  /** Glyphs in the order they are drawn (visual, left to right). */
  glyphs: string;
  fontSize: number;
  /** Fill colour when the chunk was drawn, as pdf.js reports it ("#1f5fbf"). */
  color: string;
}

export async function pdfChunks(bytes: Uint8Array): Promise<Chunk[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const out: Chunk[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const ops = await page.getOperatorList();
    let x = 0;
    let y = 0;
    let size = 0;
    let color = '#000000';
    for (let i = 0; i < ops.fnArray.length; i++) {
      const fn = ops.fnArray[i];
      const args = ops.argsArray[i] as unknown[];
      if (fn === OPS.setTextMatrix) {
        const m = args[0] as Record<number, number> | number[];
        x = Number((m as Record<number, number>)[4] ?? (args as number[])[4]);
        y = Number((m as Record<number, number>)[5] ?? (args as number[])[5]);
      } else if (fn === OPS.setFillRGBColor) {
        color = String(args[0]).toLowerCase();
      } else if (fn === OPS.setFont) {
        size = Number(args[1]);
      } else if (fn === OPS.showText) {
        const glyphs = (args[0] as (number | { unicode: string } | null)[])
          .map((g) => (g && typeof g === 'object' ? g.unicode : ''))
          .join('');
        if (glyphs.trim() !== '') out.push({ page: p, x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10, glyphs, fontSize: size, color });
      }
    }
  }
  await doc.destroy();
  return out;
}

/** Chunks grouped into lines (top of the page first), each line left to right. */
export function lines(chunks: Chunk[]): Chunk[][] {
  const byY = new Map<string, Chunk[]>();
  for (const c of chunks) {
    const k = `${c.page}:${Math.round(c.y)}`;
    byY.set(k, [...(byY.get(k) ?? []), c]);
  }
  return [...byY.values()].sort((a, b) => a[0]!.page - b[0]!.page || b[0]!.y - a[0]!.y).map((l) => l.sort((a, b) => a.x - b.x));
}

/** A right-to-left word as typed: its glyphs are drawn in visual order, i.e. reversed. */
export const typed = (c: Chunk) => [...c.glyphs].reverse().join('');
