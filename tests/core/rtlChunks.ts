// What a PDF draws, chunk by chunk, with positions: every text-showing operation of pdf.js's operator list with
// the position of its text matrix and the Unicode of its glyphs in drawing order (left to right). Unlike the
// extracted text (pdfText.ts), nothing is merged or reordered here, so tests can check the visual order of words.
// With `outlines`, each chunk also has the outline of every glyph (the embedded font as pdf.js loads it, read with
// fontkit): what a glyph looks like, whatever its ToUnicode says.
import { createRequire } from 'node:module';
import { OPS, getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

interface OutlineFont {
  glyphForCodePoint(cp: number): { path: { toSVG(): string } };
}
const fontkit = createRequire(import.meta.url)('fontkit') as { create(b: Buffer): OutlineFont; openSync(file: string): OutlineFont };

/** The outline of a character in a font file, as SVG path data (to compare with Chunk.outlines). */
export const outlineOf = (fontFile: string, ch: string) => fontkit.openSync(fontFile).glyphForCodePoint(ch.codePointAt(0)!).path.toSVG();

export interface Chunk {
  page: number;
  x: number;
  y: number;
  /** Glyphs in the order they are drawn (visual, left to right). */
  glyphs: string;
  fontSize: number;
  /** Fill colour when the chunk was drawn, as pdf.js reports it ("#1f5fbf"). */
  color: string;
  /** With `outlines`: each glyph's outline (SVG path data, font units), drawing order. */
  outlines?: string[];
}

export async function pdfChunks(bytes: Uint8Array, opts: { outlines?: boolean } = {}): Promise<Chunk[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, fontExtraProperties: !!opts.outlines }).promise;
  const out: Chunk[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const ops = await page.getOperatorList();
    let x = 0;
    let y = 0;
    let size = 0;
    let color = '#000000';
    let font: OutlineFont | null = null;
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
        if (opts.outlines) font = fontkit.create(Buffer.from((page.commonObjs.get(String(args[0])) as { data: Uint8Array }).data));
      } else if (fn === OPS.showText) {
        const drawn = (args[0] as (number | { unicode: string; fontChar: string } | null)[]).filter((g): g is { unicode: string; fontChar: string } => !!g && typeof g === 'object');
        const glyphs = drawn.map((g) => g.unicode).join('');
        const outlines = font ? { outlines: drawn.map((g) => font!.glyphForCodePoint(g.fontChar.codePointAt(0)!).path.toSVG()) } : {};
        if (glyphs.trim() !== '') out.push({ page: p, x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10, glyphs, fontSize: size, color, ...outlines });
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
