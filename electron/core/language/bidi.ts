// Text for pdfmake in any shipped script, right-to-left done right. pdfmake lays text out left to right only
// (STACK.md), so a paragraph that contains right-to-left letters is broken into lines here, with the fonts'
// own metrics, and each line is reordered with the Unicode bidi algorithm (bidi-js): words and spaces become
// separate inlines in visual order, each with its font. Arabic words are handed over in typed order because
// fontkit reverses right-to-left runs itself when it shapes them. Text without right-to-left letters is left to
// pdfmake (which wraps left-to-right text correctly) with the font set on every inline.
import bidiFactory, { type EmbeddingLevels } from 'bidi-js';
import type { Content, Style } from 'pdfmake/interfaces';
import type { FontFamily } from '../pdf/render';
import { RTL_LETTER } from '../pdf/rtl';
import { INVISIBLE, RTL_CHAR, familyFor, scriptFamily, textWidth } from './fonts';
import { MIRRORED, TYPED, fixRtlLigatureText } from './pdfkitRtl';

const bidi = bidiFactory();

export interface TextOptions {
  fontSize: number;
  bold?: boolean;
  color?: string;
  /** Width available for the paragraph in points (needed to break lines of right-to-left text). */
  width: number;
  /** Base direction; 'auto' takes it from the first strong character. */
  direction?: 'auto' | 'ltr' | 'rtl';
  /** Default: right for a right-to-left paragraph, else left. */
  alignment?: 'left' | 'right' | 'center';
  /** Font for text with no letters at all (digits, punctuation). */
  family?: FontFamily;
  lineHeight?: number;
  margin?: [number, number, number, number];
}

export interface Inline {
  text: string;
  /** On every inline of a right-to-left line laid out here: where its text starts in the typed paragraph. The
   * printer (pdf/printer.ts) draws a line's inlines in this order, at the places pdfmake gave them. */
  typedAt?: number;
  font: FontFamily;
  fontSize: number;
  bold: boolean;
  color?: string;
  /** Notes to pdfkitRtl.ts (MIRRORED, TYPED) on runs with mirrored characters: it records them as typed. */
  fontFeatures?: Style['fontFeatures'];
}

/** True when the text holds right-to-left letters (and so needs our own line layout). */
export const hasRtl = (s: string) => RTL_CHAR.test(s);

/** The font family of every UTF-16 position of `s`: by script; neutral characters follow the letters before them. */
export function familiesOf(s: string, fallback: FontFamily = 'Sans'): FontFamily[] {
  const fam: FontFamily[] = new Array(s.length);
  let first: FontFamily | null = null;
  for (const ch of s) {
    first = scriptFamily(ch);
    if (first) break;
  }
  let current: FontFamily = first ?? fallback;
  for (let i = 0; i < s.length; i++) {
    const cp = s.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const script = scriptFamily(ch);
    if (script) current = script;
    const f = familyFor(cp, script ?? current) ?? script ?? current;
    fam[i] = f;
    if (cp > 0xffff) fam[++i] = f;
  }
  return fam;
}

/** Splits [start, end) into runs of one font. */
function fontRuns(s: string, fam: FontFamily[], start: number, end: number): { start: number; end: number; family: FontFamily }[] {
  const runs: { start: number; end: number; family: FontFamily }[] = [];
  for (let i = start; i < end; i++) {
    const last = runs[runs.length - 1];
    if (last && last.family === fam[i] && last.end === i) last.end = i + 1;
    else runs.push({ start: i, end: i + 1, family: fam[i]! });
  }
  return runs;
}

function cleanText(s: string) {
  // Tabs and other control characters would print as boxes; bidi controls stay (they steer the order) and are dropped later.
  return s.replace(/\t/g, ' ').replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '');
}

/** Left-to-right text: one inline per font run; pdfmake wraps it. */
export function ltrInlines(s: string, o: Pick<TextOptions, 'fontSize' | 'bold' | 'color' | 'family'>): Inline[] {
  const text = cleanText(s).replace(new RegExp(INVISIBLE.source, 'g'), '');
  const fam = familiesOf(text, o.family);
  return fontRuns(text, fam, 0, text.length).map((r) => inline(text.slice(r.start, r.end), r.family, o));
}

function inline(text: string, family: FontFamily, o: Pick<TextOptions, 'fontSize' | 'bold' | 'color'>): Inline {
  return { text, font: family, fontSize: o.fontSize, bold: o.bold ?? false, ...(o.color ? { color: o.color } : {}) };
}

const SPACE = /[\p{Zs}]/u;
const NO_BREAK = /[\u00A0\u202F\u2007]/;

/** Does fontkit lay this run out right to left (and so reverse it)? It decides by the first letter that has a script. */
function shapedRtl(s: string): boolean {
  for (const ch of s) {
    if (/[\p{Script=Common}\p{Script=Inherited}]/u.test(ch)) continue;
    return RTL_LETTER.test(ch);
  }
  return false;
}

interface Line {
  start: number;
  /** Exclusive. */
  end: number;
}

/** Greedy line breaking at spaces, in typed (logical) order, measured with the fonts that will print the text. */
export function breakLines(s: string, fam: FontFamily[], width: number, fontSize: number, bold: boolean): Line[] {
  const measure = (a: number, b: number) => fontRuns(s, fam, a, b).reduce((w, r) => w + textWidth(s.slice(r.start, r.end), r.family, bold, fontSize), 0);
  // Words: maximal runs of non-space characters (a no-break space belongs to its word).
  const words: Line[] = [];
  for (let i = 0; i < s.length; ) {
    if (SPACE.test(s[i]!) && !NO_BREAK.test(s[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j < s.length && !(SPACE.test(s[j]!) && !NO_BREAK.test(s[j]!))) j++;
    words.push(...splitLongWord(s, i, j, width, measure));
    i = j;
  }
  const lines: Line[] = [];
  let cur: Line | null = null;
  let curWidth = 0;
  for (const w of words) {
    if (!cur) {
      cur = { ...w };
      curWidth = measure(w.start, w.end);
      continue;
    }
    const added = measure(cur.end, w.end);
    if (curWidth + added <= width) {
      cur.end = w.end;
      curWidth += added;
    } else {
      lines.push(cur);
      cur = { ...w };
      curWidth = measure(w.start, w.end);
    }
  }
  if (cur) lines.push(cur);
  return lines;
}

/** A word wider than the line is cut into pieces that fit (never inside a character with its marks). */
function splitLongWord(s: string, start: number, end: number, width: number, measure: (a: number, b: number) => number): Line[] {
  if (measure(start, end) <= width) return [{ start, end }];
  const out: Line[] = [];
  let a = start;
  while (a < end) {
    let b = a + 1;
    let lastGood = -1;
    while (b <= end) {
      if (b === end || !(/\p{M}/u.test(s[b]!) || (s.charCodeAt(b) & 0xfc00) === 0xdc00)) {
        if (measure(a, b) > width && lastGood > a) break;
        lastGood = b;
      }
      b++;
    }
    out.push({ start: a, end: lastGood });
    a = lastGood;
  }
  return out;
}

/** Inlines of one line [start, end) in visual order (left to right), ready for pdfmake. */
export function visualInlines(s: string, embedding: EmbeddingLevels, fam: FontFamily[], line: Line, o: Pick<TextOptions, 'fontSize' | 'bold' | 'color'>): Inline[] {
  const levels = embedding.levels;
  const order: number[] = [];
  for (let i = line.start; i < line.end; i++) order.push(i);
  for (const [a, b] of bidi.getReorderSegments(s, embedding, line.start, line.end - 1)) {
    const part = order.slice(a - line.start, b - line.start + 1).reverse();
    order.splice(a - line.start, part.length, ...part);
  }
  interface Run {
    idx: number[];
    level: number;
    family: FontFamily;
    space: boolean;
    /** Holds a character drawn mirrored (right-to-left level). */
    mirrored: boolean;
  }
  const runs: Run[] = [];
  for (const i of order) {
    const ch = s[i]!;
    // Invisible controls are not drawn; a zero-width non-joiner stays in its word (pdfkitRtl.ts draws it with a
    // zero-width glyph, so the extracted word keeps it and the letters around it stay unjoined).
    if (ch !== '\u200C' && INVISIBLE.test(ch)) continue;
    if ((s.charCodeAt(i) & 0xfc00) === 0xdc00) continue; // low surrogate: travels with its high surrogate
    const level = levels[i]!;
    const space = SPACE.test(ch);
    const mirror = level & 1 ? bidi.getMirroredCharacter(ch) : null;
    const last = runs[runs.length - 1];
    const prev = last?.idx[last.idx.length - 1];
    const step = level & 1 ? -1 : 1;
    // A mirrored character (a bracket beside an Arabic word) stays in its word's run: one text object, so text
    // extraction reads the word with its bracket (pdfkitRtl.ts records the typed bracket for the mirrored glyph).
    if (last && last.level === level && last.family === fam[i] && last.space === space && prev !== undefined && nextIndex(s, prev, step) === i) {
      last.idx.push(i);
      last.mirrored ||= mirror !== null;
    } else {
      runs.push({ idx: [i], level, family: fam[i]!, space, mirrored: mirror !== null });
    }
  }
  const drawn = (r: Run, i: number) => (r.level & 1 ? bidi.getMirroredCharacter(charAt(s, i)) : null) ?? charAt(s, i);
  const typedText = (r: Run) => [...r.idx].sort((a, b) => a - b).map((i) => charAt(s, i)).join('');
  const out: Inline[] = [];
  const merged = new Set<Run>();
  for (let k = 0; k < runs.length; k++) {
    const r = runs[k]!;
    // The run's characters left to right as they must appear …
    const visual = r.idx.map((i) => drawn(r, i)).join('');
    // A number or a Latin word inside right-to-left text with a bracket or other punctuation typed right after or
    // before it ("3)" in "(رقم 3)", drawn "(3"): one text object, its text recorded as typed (pdfkitRtl.ts), so
    // that pdf.js, which reads such a piece left to right, does not read ")3".
    if (!(r.level & 1) && !r.space && !shapedRtl(visual)) {
      // The piece: this run and the next ones of its level and font up to its last word ("DIN 1988").
      let e = k;
      for (let n = k + 1; n < runs.length; n++) {
        const x = runs[n]!;
        if (x.level !== r.level || x.family !== r.family || Math.min(...x.idx) !== nextIndex(s, Math.max(...runs[n - 1]!.idx), 1)) break;
        if (!x.space) e = n;
      }
      const core: Run = { ...r, idx: runs.slice(k, e + 1).flatMap((x) => x.idx) };
      const before = runs[k - 1];
      const left = before && out[out.length - 1]?.typedAt === Math.min(...before.idx) && !merged.has(before) ? punctuationBeside(before, core, 'left') : null;
      const right = punctuationBeside(runs[e + 1], core, 'right');
      if (left || right) {
        const vis = (x: Run | null) => (x ? x.idx.map((i) => drawn(x, i)).join('') : '');
        const typed = (right ? typedText(right) : '') + typedText(core) + (left ? typedText(left) : '');
        const pieces = [left, core, right].filter((x): x is Run => !!x);
        const features = [TYPED, typed, String([...vis(left)].length), String([...vis(right)].length)];
        out.push({ ...inline(vis(left) + vis(core) + vis(right), r.family, o), typedAt: Math.min(...pieces.flatMap((x) => x.idx)), fontFeatures: features as unknown as Style['fontFeatures'] });
        if (left) out.splice(out.length - 2, 1);
        if (right) merged.add(right);
        k = right ? e + 1 : e;
        continue;
      }
    }
    // … and what to hand to pdfkit: fontkit reverses runs it shapes right to left, so those get typed order.
    const logical = r.level & 1 ? [...r.idx].reverse().map((i) => drawn(r, i)).join('') : visual;
    const text = shapedRtl(visual) ? (r.level & 1 ? logical : [...visual].reverse().join('')) : visual;
    out.push({ ...inline(text, r.family, o), typedAt: Math.min(...r.idx), ...(r.mirrored ? { fontFeatures: [MIRRORED] as unknown as Style['fontFeatures'] } : {}) });
  }
  return out;

  /** A run of punctuation one level down, drawn beside `core` (left: typed right after it; right: right before it). */
  function punctuationBeside(p: Run | undefined, core: Run, side: 'left' | 'right'): Run | null {
    if (!p || p.space || p.level !== core.level - 1) return null;
    if (!p.idx.every((i) => /[\p{P}\p{S}]/u.test(charAt(s, i)))) return null;
    // Brackets typed after an Arabic letter take its font; around a Latin word they are drawn with the word's
    // font (one text object), where that font has them.
    if (p.family !== core.family && !p.idx.every((i) => familyFor(s.codePointAt(i)!, core.family) === core.family)) return null;
    const first = Math.min(...core.idx);
    const last = Math.max(...core.idx);
    return side === 'left' ? (Math.min(...p.idx) === nextIndex(s, last, 1) ? p : null) : Math.max(...p.idx) + 1 === first ? p : null;
  }
}

const charAt = (s: string, i: number) => String.fromCodePoint(s.codePointAt(i)!);
/** The next character index in a direction, stepping over surrogate pairs. */
function nextIndex(s: string, i: number, step: 1 | -1): number {
  if (step === 1) return i + (s.codePointAt(i)! > 0xffff ? 2 : 1);
  const j = i - 1;
  return j > 0 && (s.charCodeAt(j) & 0xfc00) === 0xdc00 ? j - 1 : j;
}

/**
 * One paragraph (newlines start new paragraphs) as pdfmake content. Right-to-left text is broken into lines
 * here and each line is reordered; the result is a stack of lines that pdfmake must not wrap again.
 */
export function paragraph(raw: string, o: TextOptions): Content {
  const text = cleanText(raw);
  const base = { fontSize: o.fontSize, bold: o.bold ?? false, ...(o.lineHeight ? { lineHeight: o.lineHeight } : {}), ...(o.margin ? { margin: o.margin } : {}) };
  if (!hasRtl(text) && o.direction !== 'rtl') {
    return { ...base, text: ltrInlines(text, o), alignment: o.alignment ?? 'left' };
  }
  fixRtlLigatureText();
  const stack: Content[] = [];
  for (const para of text.split('\n')) {
    const levels = bidi.getEmbeddingLevels(para, o.direction === 'auto' || !o.direction ? undefined : o.direction);
    const isRtl = (levels.paragraphs[0]?.level ?? 0) % 2 === 1;
    const fam = familiesOf(para, o.family ?? (isRtl ? 'Arabic' : 'Sans'));
    const lines = breakLines(para, fam, o.width * 0.97, o.fontSize, o.bold ?? false);
    if (lines.length === 0) stack.push({ text: ' ', fontSize: o.fontSize });
    for (const line of lines) {
      stack.push({
        text: visualInlines(para, levels, fam, line, o),
        alignment: o.alignment ?? (isRtl ? 'right' : 'left'),
        noWrap: true,
      });
    }
  }
  return { ...base, stack };
}
