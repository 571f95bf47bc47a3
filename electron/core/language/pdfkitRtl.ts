// Copy, search and screen readers read a PDF's text through its ToUnicode map and the order of the drawn glyphs.
// Two fixes to what pdfkit records for right-to-left runs (only for text with right-to-left letters; what is
// drawn looks the same):
// - A ligature of right-to-left letters (Arabic lam-alef: "لا", "لأ", "لآ" …): pdfkit records its letters in typed
//   order; text extractors (pdf.js, poppler) put the drawn right-to-left glyphs back into typed order by reversing
//   them character by character, which also reverses the ligature's letters ("الآن" came out as "اآلن"). Its
//   letters are recorded in reverse.
// - The zero-width non-joiner (Dari/Farsi "پیچ‌کش", "می‌خواهم"): fontkit draws it as a zero-width space glyph,
//   which extracts as nothing or a space. The font's own zero-width U+200C glyph is drawn instead.
import PDFDocument from 'pdfkit';
import { fontPath } from '../pdf/render';
import { RTL_LETTER } from '../pdf/rtl';

interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

interface KitFont {
  unicode: number[][];
  widths: number[];
  scale: number;
  subset: { includeGlyph(id: number): number };
  font: { glyphForCodePoint(cp: number): { id: number; advanceWidth: number } };
  encode(text: string, features?: unknown): [string[], Position[]];
}

const ZWNJ = 0x200c;

let patched = false;

export function fixRtlLigatureText() {
  if (patched) return;
  patched = true;
  const doc = new PDFDocument({ autoFirstPage: false });
  doc.font(fontPath('Arabic'));
  const proto = Object.getPrototypeOf((doc as unknown as { _font: KitFont })._font) as KitFont;
  const encode = proto.encode;
  const fixed = new WeakMap<KitFont, Set<number>>();
  proto.encode = function (this: KitFont, text: string, features?: unknown) {
    const result = encode.call(this, text, features);
    if (!RTL_LETTER.test(text)) return result;
    let done = fixed.get(this);
    if (!done) fixed.set(this, (done = new Set()));
    for (const hex of result[0]) {
      const gid = parseInt(hex, 16);
      const cps = this.unicode[gid];
      if (!cps || cps.length < 2 || done.has(gid)) continue;
      done.add(gid);
      if (cps.every((cp) => RTL_LETTER.test(String.fromCodePoint(cp)))) this.unicode[gid] = [...cps].reverse();
    }
    return withZwnj(this, text, result);
  };
}

const textOf = (font: KitFont, hex: string) => String.fromCodePoint(...(font.unicode[parseInt(hex, 16)] ?? []));

/** Zero-width non-joiners drawn with the font's own U+200C glyph (fontkit substitutes a zero-width space). */
function withZwnj(font: KitFont, text: string, [hex, pos]: [string[], Position[]]): [string[], Position[]] {
  if (!text.includes('\u200C') || text.includes(' ')) return [hex, pos];
  const glyph = font.font.glyphForCodePoint(ZWNJ);
  if (!glyph || glyph.id === 0 || glyph.advanceWidth !== 0) return [hex, pos];
  const gid = font.subset.includeGlyph(glyph.id);
  font.widths[gid] ??= 0;
  font.unicode[gid] ??= [ZWNJ];
  const zw = `0000${gid.toString(16)}`.slice(-4);
  const at = hex.map((h, i) => pos[i]!.xAdvance === 0 && textOf(font, h) === ' ');
  // The space glyph's own width (which pdfkit made up for in its positions) becomes the non-joiner's: none.
  return [hex.map((h, i) => (at[i] ? zw : h)), pos.map((p, i) => (at[i] ? { ...p, advanceWidth: 0 } : p))];
}
