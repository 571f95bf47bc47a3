// Copy, search and screen readers read a PDF's text through its ToUnicode map and the order of the drawn glyphs.
// Fixes to what pdfkit records for right-to-left runs (only for text with right-to-left letters, or runs marked
// by language/bidi.ts; what is drawn looks the same):
// - A ligature of right-to-left letters (Arabic lam-alef: "لا", "لأ", "لآ" …): pdfkit records its letters in typed
//   order; text extractors (pdf.js, poppler) put the drawn right-to-left glyphs back into typed order by reversing
//   them character by character, which also reverses the ligature's letters ("الآن" came out as "اآلن"). Its
//   letters are recorded in reverse.
// - The zero-width non-joiner (Dari/Farsi "پیچ‌کش", "می‌خواهم"): fontkit draws it as a zero-width space glyph,
//   which extracts as nothing or a space. The font's own zero-width U+200C glyph is drawn instead.
// - A mark on a letter (tanwin "لطفاً", shadda, harakat): pdfkit draws a mark that the font moves (GPOS) with its
//   own text position, above or below the baseline. poppler starts a new word at any glyph whose baseline is more
//   than 0.5 pt off (TextPage::addChar), so "لطفاً" came out as "لطفا ً". The letter and its marks are drawn as one
//   composite glyph of the subset on the baseline (the letter's outline and the marks' at the font's offsets); an
//   empty glyph just before it records the marks (withMarksOnLetters says why two).
// - A mirrored character (brackets, guillemets in right-to-left text: bidi.ts draws ")" where "(" was typed, as the
//   bidi algorithm wants): its ToUnicode would say the drawn character. In runs bidi.ts marks (MIRRORED), it is
//   drawn with a copy of the glyph whose ToUnicode is the typed character. The same glyph elsewhere keeps its own.
// - A number or Latin word with punctuation typed beside it inside right-to-left text ("3)" drawn "(3", TYPED):
//   the punctuation is drawn together with its neighbour as one glyph, so the piece reads as typed.
import bidiFactory from 'bidi-js';
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

interface FontGlyph {
  id: number;
  codePoints: number[];
  advanceWidth: number;
  isMark: boolean;
  bbox: { minX: number; minY: number; maxX: number; maxY: number };
}

/** fontkit's TrueType subset as pdfkit holds it (fontkit 2, TTFSubset). */
interface Subset {
  glyphs: number[];
  includeGlyph(id: number): number;
  _addGlyph(id: number): number;
  encode(): unknown;
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
}

interface KitFont {
  unicode: number[][];
  widths: number[];
  scale: number;
  subset: Subset;
  font: {
    unitsPerEm: number;
    maxp: { maxComponentDepth: number; maxComponentElements: number };
    directory: { tables: Record<string, unknown> };
    getGlyph(id: number): FontGlyph;
    glyphForCodePoint(cp: number): { id: number; advanceWidth: number };
  };
  layout(text: string, features?: unknown, onlyWidth?: boolean): { glyphs: FontGlyph[]; positions: Position[] };
  encode(text: string, features?: unknown): [string[], Position[]];
}

const ZWNJ = 0x200c;

/**
 * The font features bidi.ts gives a right-to-left run whose mirrored characters it has swapped (")" for a typed
 * "("): not an OpenType feature (it is taken off before fontkit lays the text out), a note to encode() below.
 */
export const MIRRORED = '-wb-mirrored';
/**
 * Likewise for a piece bidi.ts draws left to right with punctuation beside it that was typed on its other side
 * ("(3" drawn for a typed "3)"): [TYPED, the piece as typed, drawn characters left of it, drawn characters right of it].
 */
export const TYPED = '-wb-typed';
const isNote = (features: unknown) => Array.isArray(features) && (features[0] === TYPED || features.includes(MIRRORED));

let bidi: ReturnType<typeof bidiFactory> | null = null;
/** The character a mirrored one was typed as (bidi-js: the pairs of BidiMirroring.txt, which mirror both ways). */
function typedOf(cp: number): number | null {
  bidi ??= bidiFactory();
  const ch = String.fromCodePoint(cp);
  const m = bidi.getMirroredCharacter(ch);
  return m && bidi.getMirroredCharacter(m) === ch ? m.codePointAt(0)! : null;
}

let patched = false;

export function fixRtlLigatureText() {
  if (patched) return;
  patched = true;
  const doc = new PDFDocument({ autoFirstPage: false });
  doc.font(fontPath('Arabic'));
  const proto = Object.getPrototypeOf((doc as unknown as { _font: KitFont })._font) as KitFont;
  const encode = proto.encode;
  const layout = proto.layout;
  const fixed = new WeakMap<KitFont, Set<number>>();
  // The note for encode() is no font feature: fontkit lays the run out as any other (widths as measured).
  proto.layout = function (this: KitFont, text: string, features?: unknown, onlyWidth?: boolean) {
    return layout.call(this, text, isNote(features) ? undefined : features, onlyWidth);
  };
  proto.encode = function (this: KitFont, text: string, features?: unknown) {
    const typedPiece = Array.isArray(features) && features[0] === TYPED ? (features as string[]) : null;
    const mirrored = isNote(features);
    if (mirrored) features = undefined; // (a TYPED piece is drawn mirrored too)
    const result = encode.call(this, text, features);
    const rtl = RTL_LETTER.test(text);
    if (!rtl && !mirrored) return result;
    let done = fixed.get(this);
    if (!done) fixed.set(this, (done = new Set()));
    for (const hex of result[0]) {
      const gid = parseInt(hex, 16);
      const cps = this.unicode[gid];
      if (!cps || cps.length < 2 || done.has(gid)) continue;
      done.add(gid);
      if (cps.every((cp) => RTL_LETTER.test(String.fromCodePoint(cp)))) this.unicode[gid] = [...cps].reverse();
    }
    let out = rtl ? withZwnj(this, text, result) : result;
    // Only TrueType subsets (every font we ship) get the glyphs below.
    if (!this.font.directory.tables.glyf) return out;
    // The glyphs encode() drew, one for one (pdfkit's layout is cached; the same run).
    const glyphs = this.layout(text, features).glyphs;
    if (glyphs.length !== out[0].length) return out;
    if (typedPiece) return withTypedText(this, glyphs, out, typedPiece[1]!, Number(typedPiece[2]), Number(typedPiece[3]));
    if (mirrored) out = withTypedMirrors(this, glyphs, out);
    if (rtl && shapedRtl(text)) out = withMarksOnLetters(this, glyphs, out);
    return out;
  };
}

/** Does fontkit lay this text out right to left? It decides by the first letter that has a script. */
function shapedRtl(s: string): boolean {
  for (const ch of s) {
    if (/[\p{Script=Common}\p{Script=Inherited}]/u.test(ch)) continue;
    return RTL_LETTER.test(ch);
  }
  return false;
}

const textOf = (font: KitFont, hex: string) => String.fromCodePoint(...(font.unicode[parseInt(hex, 16)] ?? []));
const hex4 = (gid: number) => `0000${gid.toString(16)}`.slice(-4);

/** Zero-width non-joiners drawn with the font's own U+200C glyph (fontkit substitutes a zero-width space). */
function withZwnj(font: KitFont, text: string, [hex, pos]: [string[], Position[]]): [string[], Position[]] {
  if (!text.includes('\u200C') || text.includes(' ')) return [hex, pos];
  const glyph = font.font.glyphForCodePoint(ZWNJ);
  if (!glyph || glyph.id === 0 || glyph.advanceWidth !== 0) return [hex, pos];
  const gid = font.subset.includeGlyph(glyph.id);
  font.widths[gid] ??= 0;
  font.unicode[gid] ??= [ZWNJ];
  const zw = hex4(gid);
  const at = hex.map((h, i) => pos[i]!.xAdvance === 0 && textOf(font, h) === ' ');
  // The space glyph's own width (which pdfkit made up for in its positions) becomes the non-joiner's: none.
  return [hex.map((h, i) => (at[i] ? zw : h)), pos.map((p, i) => (at[i] ? { ...p, advanceWidth: 0 } : p))];
}

/** Mirrored characters drawn with a copy of their glyph that records the character as typed. */
function withTypedMirrors(font: KitFont, glyphs: FontGlyph[], [hex, pos]: [string[], Position[]]): [string[], Position[]] {
  return [
    hex.map((h, i) => {
      const g = glyphs[i]!;
      const typed = g.codePoints.length === 1 ? typedOf(g.codePoints[0]!) : null;
      if (typed === null) return h;
      return hex4(composite(font, [{ gid: g.id, dx: 0, dy: 0 }], g.advanceWidth, [typed]));
    }),
    pos,
  ];
}

/**
 * Each letter of a right-to-left run with the marks on it drawn as one glyph, and the marks' text carried by an
 * empty glyph just before it. fontkit gives the run left to right, so a letter's marks come just before it, each
 * at the pen with the font's offset (GPOS mark attachment).
 *
 * Why two glyphs: poppler needs every glyph of a word on the baseline, neither on top of the glyph before it
 * (|x − x of that glyph| < 0.1 em is taken for doubled text) nor more than 0.2 em back or 0.1 em on from its end
 * (TextPage::addChar), so the marks' outlines go into the letter's glyph. pdf.js takes any glyph whose text holds
 * a combining mark as zero-width (evaluator.js, isZeroWidthDiacritic), so that glyph must not be the letter: the
 * letter's glyph records the letter, and the marks are recorded by an empty glyph drawn 0.1 to 0.2 em before the
 * letter, as wide as that gap (its own text position: pdf.js sees no shift).
 */
function withMarksOnLetters(font: KitFont, glyphs: FontGlyph[], [hex, pos]: [string[], Position[]]): [string[], Position[]] {
  if (!glyphs.some((g) => g.isMark)) return [hex, pos];
  const outHex: string[] = [];
  const outPos: Position[] = [];
  const units = (v: number) => Math.round(v / font.scale);
  for (let i = 0; i < glyphs.length; ) {
    let b = i;
    while (b < glyphs.length && glyphs[b]!.isMark) b++;
    const base = glyphs[b];
    const ok = b > i && base && !base.codePoints.some((cp) => cp === ZWNJ || /\s/u.test(String.fromCodePoint(cp))) && parseInt(hex[b]!, 16) !== 0;
    if (!ok) {
      // Marks without a letter after them (or a letter without marks) stay as they are.
      const end = Math.max(b, i + 1);
      for (let k = i; k < end && k < glyphs.length; k++) {
        outHex.push(hex[k]!);
        outPos.push(pos[k]!);
      }
      i = end;
      continue;
    }
    // Pen positions (scaled units) from the cluster's start; the letter's origin is the composite's.
    let pen = 0;
    const pens: number[] = [];
    for (let k = i; k <= b; k++) {
      pens.push(pen);
      pen += pos[k]!.xAdvance;
    }
    const bp = pos[b]!;
    const originX = pens[b - i]! + bp.xOffset;
    const parts = [{ gid: base.id, dx: 0, dy: 0 }];
    for (let k = i; k < b; k++) {
      const p = pos[k]!;
      parts.push({ gid: glyphs[k]!.id, dx: units(pens[k - i]! + p.xOffset - originX), dy: units(p.yOffset - bp.yOffset) });
    }
    // The letter as pdfkit records it (a right-to-left ligature in reverse, see above) …
    const cps = base.codePoints;
    const letter = cps.length > 1 && cps.every((cp) => RTL_LETTER.test(String.fromCodePoint(cp))) ? [...cps].reverse() : cps;
    const cid = composite(font, parts, base.advanceWidth, letter);
    // … and its marks as typed, in reverse: the extractors reverse right-to-left text character by character.
    const marks = glyphs
      .slice(i, b)
      .reverse()
      .flatMap((g) => g.codePoints)
      .reverse();
    // The gap before the letter (in thousandths of the font size): clear of the glyph before (0.1 em).
    const before = outPos.length ? outPos[outPos.length - 1]!.xAdvance : null;
    const gap = before === null ? 150 : ([150, 120, 180, 110, 190].find((d) => Math.abs(before - d) >= 110) ?? 150);
    const carrier = composite(font, [], units(gap), marks);
    outHex.push(hex4(carrier), hex4(cid));
    outPos.push(
      { xAdvance: 0, yAdvance: 0, xOffset: originX - font.widths[carrier]!, yOffset: bp.yOffset, advanceWidth: font.widths[carrier]! },
      { xAdvance: pen, yAdvance: 0, xOffset: originX, yOffset: bp.yOffset, advanceWidth: font.widths[cid]! },
    );
    i = b + 1;
  }
  return [outHex, outPos];
}

/**
 * A left-to-right piece with punctuation drawn beside it (left: `left` glyphs, right: `right` glyphs) whose text
 * must read as `typed` in drawing order: the punctuation on the left is drawn together with the piece's first
 * glyph as one glyph, that on the right with its last, and these two record the typed text around them.
 */
function withTypedText(font: KitFont, glyphs: FontGlyph[], [hex, pos]: [string[], Position[]], typed: string, left: number, right: number): [string[], Position[]] {
  const n = glyphs.length;
  const t = [...typed].map((c) => c.codePointAt(0)!);
  const core = n - left - right;
  // One glyph per character (no ligature), or nothing is changed.
  if (core < 1 || t.length !== n || glyphs.some((g) => g.codePoints.length !== 1)) return [hex, pos];
  const rightTyped = t.slice(0, right);
  const coreTyped = t.slice(right, right + core);
  const leftTyped = t.slice(right + core);
  const groups: { a: number; b: number; unicode: number[] }[] =
    core === 1
      ? [{ a: 0, b: n - 1, unicode: t }]
      : [
          { a: 0, b: left, unicode: [...rightTyped, coreTyped[0]!] },
          { a: n - 1 - right, b: n - 1, unicode: [coreTyped[core - 1]!, ...leftTyped] },
        ];
  const outHex: string[] = [];
  const outPos: Position[] = [];
  for (let i = 0; i < n; ) {
    const g = groups.find((x) => x.a === i);
    if (!g || (g.a === g.b && g.unicode.length === 1)) {
      outHex.push(hex[i]!);
      outPos.push(pos[i]!);
      i++;
      continue;
    }
    // The group's glyphs at their places from the pen at its first glyph.
    let pen = 0;
    const parts: Part[] = [];
    for (let k = g.a; k <= g.b; k++) {
      parts.push({ gid: glyphs[k]!.id, dx: Math.round((pen + pos[k]!.xOffset) / font.scale), dy: Math.round(pos[k]!.yOffset / font.scale) });
      pen += pos[k]!.xAdvance;
    }
    const cid = composite(font, parts, Math.round(pen / font.scale), g.unicode);
    outHex.push(hex4(cid));
    outPos.push({ xAdvance: pen, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: font.widths[cid]! });
    i = g.b + 1;
  }
  return [outHex, outPos];
}

interface Part {
  gid: number;
  /** Offset in font units. */
  dx: number;
  dy: number;
}

const composites = new WeakMap<KitFont, Map<string, number>>();
const synthetic = new WeakMap<Subset, Map<number, { parts: Part[]; advance: number }>>();

/**
 * The CID of a composite glyph in the font's subset (made once per document font): the parts' outlines at their
 * offsets, the advance of the first, the given ToUnicode.
 */
function composite(font: KitFont, parts: Part[], advance: number, unicode: number[]): number {
  let byKey = composites.get(font);
  if (!byKey) composites.set(font, (byKey = new Map()));
  const key = `${parts.map((p) => `${p.gid}:${p.dx}:${p.dy}`).join(',')}|${advance}|${unicode.join(',')}`;
  const known = byKey.get(key);
  if (known !== undefined) return known;
  const subset = font.subset;
  let table = synthetic.get(subset);
  if (!table) synthetic.set(subset, (table = patchSubset(font)));
  // A stand-in id below zero in the subset's glyph list (no glyph of the font has it); patchSubset writes its glyph.
  const id = -1 - table.size;
  table.set(id, { parts, advance });
  subset.glyphs.push(id);
  const cid = subset.glyphs.length - 1;
  font.widths[cid] = advance * font.scale;
  font.unicode[cid] = unicode;
  const maxp = font.font.maxp;
  maxp.maxComponentElements = Math.max(maxp.maxComponentElements, parts.length);
  maxp.maxComponentDepth = Math.max(maxp.maxComponentDepth, 2);
  byKey.set(key, cid);
  return cid;
}

/** Teaches the subset to write the stand-in glyphs: TrueType composite glyphs (glyf), their metrics (hmtx). */
function patchSubset(font: KitFont): Map<number, { parts: Part[]; advance: number }> {
  const table = new Map<number, { parts: Part[]; advance: number }>();
  const subset = font.subset;
  const addGlyph = subset._addGlyph;
  subset._addGlyph = function (this: Subset, gid: number) {
    const glyph = table.get(gid);
    if (!glyph) return addGlyph.call(this, gid);
    const { parts, advance } = glyph;
    if (parts.length === 0) {
      // An empty glyph (no outline): no data in glyf.
      this.glyf.push(new Uint8Array(0));
      this.loca.offsets.push(this.offset);
      this.hmtx.metrics.push({ advance, bearing: 0 });
      return this.glyf.length - 1;
    }
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const p of parts) {
      const bb = font.font.getGlyph(p.gid).bbox;
      if (!(bb.maxX >= bb.minX)) continue;
      minX = Math.min(minX, bb.minX + p.dx);
      minY = Math.min(minY, bb.minY + p.dy);
      maxX = Math.max(maxX, bb.maxX + p.dx);
      maxY = Math.max(maxY, bb.maxY + p.dy);
    }
    if (minX === Infinity) minX = minY = maxX = maxY = 0;
    const buf = new Uint8Array(10 + parts.length * 8);
    const view = new DataView(buf.buffer);
    view.setInt16(0, -1); // numberOfContours: composite
    view.setInt16(2, Math.floor(minX));
    view.setInt16(4, Math.floor(minY));
    view.setInt16(6, Math.ceil(maxX));
    view.setInt16(8, Math.ceil(maxY));
    parts.forEach((p, k) => {
      const o = 10 + k * 8;
      // ARG_1_AND_2_ARE_WORDS | ARGS_ARE_XY_VALUES, MORE_COMPONENTS but for the last.
      view.setUint16(o, 0x0001 | 0x0002 | (k < parts.length - 1 ? 0x0020 : 0));
      view.setUint16(o + 2, this.includeGlyph(p.gid));
      view.setInt16(o + 4, p.dx);
      view.setInt16(o + 6, p.dy);
    });
    this.glyf.push(buf);
    this.loca.offsets.push(this.offset);
    this.hmtx.metrics.push({ advance, bearing: Math.floor(minX) });
    this.offset += buf.length;
    return this.glyf.length - 1;
  };
  return table;
}
