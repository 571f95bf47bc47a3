// Copy, search and screen readers read a PDF's text through its ToUnicode map. For a ligature of right-to-left
// letters (Arabic lam-alef: "لا", "لأ", "لآ" …) pdfkit records the letters in typed order; text extractors
// (pdf.js, poppler) put the drawn right-to-left glyphs back into typed order by reversing them character by
// character, which also reverses the ligature's letters ("الآن" came out as "اآلن"). Recording such a
// ligature's letters in reverse makes the extracted text equal the input. Nothing else changes: only glyphs that
// stand for several right-to-left letters are touched, and only in the text map, never in what is drawn.
import PDFDocument from 'pdfkit';
import { fontPath } from '../pdf/render';
import { RTL_LETTER } from '../pdf/rtl';

interface KitFont {
  unicode: number[][];
  encode(text: string, features?: unknown): [string[], unknown[]];
}

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
    return result;
  };
}
