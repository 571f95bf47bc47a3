// The shipped fonts as fontkit sees them: which font prints which character, how wide a text is, and which
// characters no shipped font can print (reported by name instead of printing empty boxes).
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import { fontPath, type FontFamily } from '../pdf/render';

const cache = new Map<string, Font>();

export function font(family: FontFamily, bold = false): Font {
  const key = `${family}:${bold ? 'b' : 'n'}`;
  let f = cache.get(key);
  if (!f) {
    f = fontkit.openSync(fontPath(family, bold ? 'bold' : 'normal'));
    cache.set(key, f);
  }
  return f;
}

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u0870-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const ETHIOPIC = /[\u1200-\u139F\u2D80-\u2DDF\uAB00-\uAB2F]/;
/** Right-to-left letters of any script (Hebrew, Arabic, Syriac, Thaana, N'Ko …). */
export const RTL_CHAR = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/** The font family a character needs by its script (neutral characters: null). */
export function scriptFamily(ch: string): FontFamily | null {
  if (ARABIC.test(ch)) return 'Arabic';
  if (ETHIOPIC.test(ch)) return 'Ethiopic';
  if (/[\p{L}\p{M}]/u.test(ch)) return 'Sans';
  return null;
}

/**
 * Bidi controls and other invisible format characters: used by the bidi algorithm, never drawn. The zero-width
 * non-joiner (Dari/Farsi "می‌خواهم") is dropped too, but it ends the run, so the letters on both sides stay unjoined.
 */
export const INVISIBLE = /[\u200B\u200C\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C\uFEFF\u00AD]/;

const FAMILIES: FontFamily[] = ['Sans', 'Arabic', 'Ethiopic'];

/** A family that has a glyph for the code point: the preferred one if it does, else the first that does. */
export function familyFor(cp: number, preferred: FontFamily): FontFamily | null {
  if (font(preferred).hasGlyphForCodePoint(cp)) return preferred;
  for (const f of FAMILIES) if (f !== preferred && font(f).hasGlyphForCodePoint(cp)) return f;
  return null;
}

export interface Unprintable {
  char: string;
  codePoint: string;
}

/** Characters of `text` that none of the shipped fonts can print (each once, in order of appearance). */
export function unprintableChars(text: string): Unprintable[] {
  const seen = new Set<string>();
  const out: Unprintable[] = [];
  for (const ch of text) {
    if (seen.has(ch) || ch === '\n' || ch === '\t' || INVISIBLE.test(ch)) continue;
    seen.add(ch);
    const cp = ch.codePointAt(0)!;
    const preferred = scriptFamily(ch) ?? 'Sans';
    if (/\p{Cc}/u.test(ch) || familyFor(cp, preferred) === null) {
      out.push({ char: ch, codePoint: `U+${cp.toString(16).toUpperCase().padStart(4, '0')}` });
    }
  }
  return out;
}

const widthCache = new Map<string, number>();

/** Width in points of `text` set in one font (shaped, as pdfkit measures it). */
export function textWidth(text: string, family: FontFamily, bold: boolean, fontSize: number): number {
  const key = `${family}${bold ? 'b' : 'n'}\u0000${text}`;
  let units = widthCache.get(key);
  if (units === undefined) {
    const f = font(family, bold);
    units = f.layout(text).advanceWidth / f.unitsPerEm;
    if (widthCache.size > 50_000) widthCache.clear();
    widthCache.set(key, units);
  }
  return units * fontSize;
}
