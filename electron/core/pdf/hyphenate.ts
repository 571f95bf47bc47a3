// German hyphenation for every PDF: words get soft hyphens (U+00AD) from the `hyphen` library's German patterns
// (hyphen/de), and pdfmake's layout is taught what a soft hyphen means. pdfmake breaks a line after a soft
// hyphen (the linebreak library treats it as a break opportunity) but would draw it as a glyph everywhere and
// split a word too long for its column anywhere, without a hyphen. So (pdfmake's internal modules, pinned with
// printer.ts):
// - TextInlines.measure: a piece ending in a soft hyphen is measured without it; it fits at the end of a line
//   only with room for a hyphen (a negative trailing cut);
// - LayoutBuilder.buildNextLine: a line ending in such a piece ends in a hyphen, drawn as U+2010 HYPHEN (pdfkit
//   draws nothing for U+00AD): extracted text tells a hyphenation (U+2010 at a line end) from a hyphen typed
//   in the text (U+002D), so search and tests can join the word again; a word wider than the whole line is split
//   between two letters the same way instead of pdfmake's silent cut.
// Both printers (ours and pdfmake's own) use these modules, so they keep drawing the same pages.
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { hyphenateSync } from 'hyphen/de';
import LayoutBuilderModule from 'pdfmake/js/LayoutBuilder';
import TextInlinesModule from 'pdfmake/js/TextInlines';
import { installFastMeasure } from './measure';
import { RTL_LETTER } from './rtl';

const SHY = '\u00AD';
/** What a line broken at a soft hyphen ends in. */
export const HYPHENATION_MARK = '\u2010';
const unwrap = <T>(m: T): T => ((m as { __esModule?: boolean; default?: T }).__esModule ? (m as { default: T }).default : m);

// --- Soft hyphens into the document's text -------------------------------------------------------------------

/** Letters in a row that may get hyphenated (shorter words are never broken). */
const WORD = /\p{L}{6,}/gu;
/** Tokens that are no words: mail addresses, links. */
const NOT_PROSE = /@|:\/\/|^www\./;
const cache = new Map<string, string>();
/** Whole texts hyphenated before (labels, recurring entries, the same sheets exported again). */
const texts = new Map<string, string>();

/** Forgets the words and texts hyphenated before (the bench's "first export" figure). */
export function forgetHyphenation() {
  cache.clear();
  texts.clear();
}

function hyphenateWords(words: Set<string>) {
  const unknown = [...words].filter((w) => !cache.has(w));
  if (unknown.length === 0) return;
  if (cache.size > 50_000) cache.clear();
  // One call for all new words: the library's cost is mostly per call.
  const out = hyphenateSync(unknown.join(' '), { html: false, minWordLength: 6 }).split(' ');
  unknown.forEach((w, i) => cache.set(w, out[i] ?? w));
}

function eachWord(text: string, fn: (word: string) => void) {
  for (const token of text.split(/\s+/)) {
    if (NOT_PROSE.test(token)) continue;
    for (const m of token.matchAll(WORD)) fn(m[0]);
  }
}

function hyphenateText(text: string): string {
  return text
    .split(/(\s+)/)
    .map((token) => (NOT_PROSE.test(token) ? token : token.replace(WORD, (w) => cache.get(w) ?? w)))
    .join('');
}

type Node = Record<string, unknown>;

/** Text to hyphenate: in the Latin font, without right-to-left letters, not hyphenated before. */
const german = (s: string, font: string | undefined) => (font ?? 'Sans') === 'Sans' && !RTL_LETTER.test(s) && !s.includes(SHY);

/**
 * Visits every string that pdfmake lays out as German text: not in another font (Arabic, Ethiopic), not with
 * right-to-left letters, not `noWrap`. Header and footer functions are left alone (short, no long words).
 */
function visit(node: unknown, font: string | undefined, fn: (get: () => string, set: (s: string) => void) => void) {
  if (Array.isArray(node)) {
    node.forEach((child, i) => {
      if (typeof child === 'string') {
        if (german(child, font)) fn(() => node[i] as string, (s) => (node[i] = s));
      } else visit(child, font, fn);
    });
    return;
  }
  if (!node || typeof node !== 'object') return;
  const n = node as Node;
  // Titles and headings are not hyphenated (a subject broken "…verhältnis-ses" reads badly); nor is noWrap text.
  if (n.noWrap || n.style === 'title' || n.style === 'h2') return;
  const f = typeof n.font === 'string' ? n.font : font;
  for (const key of ['text', 'stack', 'columns', 'ul', 'ol', 'table', 'body'] as const) {
    const v = n[key];
    if (v === undefined) continue;
    if (typeof v === 'string') {
      if (german(v, f)) fn(() => n[key] as string, (s) => (n[key] = s));
    } else visit(v, f, fn);
  }
}

/** The document with soft hyphens in its German words (changed in place, and returned). */
export function hyphenateDocument(doc: TDocumentDefinitions): TDocumentDefinitions {
  const targets: [() => string, (s: string) => void][] = [];
  const defaultFont = typeof doc.defaultStyle?.font === 'string' ? doc.defaultStyle.font : undefined;
  visit(doc.content as Content, defaultFont, (get, set) => targets.push([get, set]));
  const words = new Set<string>();
  const todo: [() => string, (s: string) => void][] = [];
  for (const target of targets) {
    const s = target[0]();
    const known = texts.get(s);
    if (known !== undefined) target[1](known);
    else {
      eachWord(s, (w) => words.add(w));
      todo.push(target);
    }
  }
  hyphenateWords(words);
  if (texts.size > 10_000) texts.clear();
  for (const [get, set] of todo) {
    const s = get();
    const out = WORD.test(s) ? hyphenateText(s) : s;
    WORD.lastIndex = 0;
    if (s.length <= 2000) texts.set(s, out);
    if (out !== s) set(out);
  }
  return doc;
}

// --- pdfmake's layout: what a soft hyphen means --------------------------------------------------------------

interface Inline {
  text: string;
  width: number;
  trailingCut?: number;
  leadingCut?: number;
  noWrap?: boolean;
  /** Width of the hyphen drawn when the line breaks after this piece. */
  shy?: number;
  /** Kerning to the next piece, included in the width. */
  kern?: number;
  /** The piece's last letter and the next piece's first would form a ligature: drawn apart. */
  ligature?: boolean;
  font: { layout(text: string): { glyphs: unknown[] } };
}
interface Line {
  inlines: Inline[];
  inlineWidths: number;
  trailingCut: number;
  lastLineInParagraph?: boolean;
}
interface Builder {
  writer: { context(): { availableWidth: number } };
}

let installed = false;

export function installSoftHyphens() {
  if (installed) return;
  installed = true;
  // Under this file's measure (which calls it and widthOfText): printer.ts's faster measuring (pdf/measure.ts).
  installFastMeasure();
  const TextInlines = unwrap(TextInlinesModule) as unknown as { prototype: { measure(a: Inline[], s: unknown): Inline[]; widthOfText(t: string, i: Inline): number } };
  const LayoutBuilder = unwrap(LayoutBuilderModule) as unknown as { prototype: { buildNextLine(this: Builder, node: { _inlines?: Inline[] }): Line | null } };

  const measure = TextInlines.prototype.measure;
  /** Per font: whether two letters form one glyph (the same answer for every document with that font). */
  const ligatures = new WeakMap<object, Map<string, boolean>>();
  const isLigature = (font: Inline['font'], pair: string) => {
    // pdfkit's font of one document; printer.ts's documents share a font file's widths (pdf/measure.ts), and so
    // these answers.
    const key = (font as { wbWidths?: object }).wbWidths ?? font;
    let known = ligatures.get(key);
    if (!known) ligatures.set(key, (known = new Map()));
    let one = known.get(pair);
    if (one === undefined) known.set(pair, (one = font.layout(pair).glyphs.length < 2));
    return one;
  };
  TextInlines.prototype.measure = function (this: typeof TextInlines.prototype, array, styleContextStack) {
    const items = measure.call(this, array, styleContextStack);
    items.forEach((item, i) => {
      if (!item.text.includes(SHY)) return;
      const ends = item.text.endsWith(SHY);
      item.text = item.text.replaceAll(SHY, '');
      item.width = this.widthOfText(item.text, item);
      if (!ends) return;
      // The piece's width includes the kerning to the next piece's first letter: the pieces sit where the glyphs
      // of the whole word would, so printer.ts can draw them as one run and pdfmake's printer draws the same.
      const next = items[i + 1]?.text.replace(SHY, '').charAt(0);
      const last = item.text.charAt(item.text.length - 1);
      // Two letters the font joins into one glyph (DejaVu's "ff" in "Werk-stof-fe"): no ligature across a syllable
      // break. The pieces are drawn apart (printer.ts does not join them), so the word looks the same whether or
      // not the line breaks there, and the same in both printers (the ligature made 70 pixels of difference).
      item.ligature = next !== undefined && next !== '' && isLigature(item.font, last + next);
      item.kern = next && !item.ligature ? this.widthOfText(last + next, item) - this.widthOfText(last, item) - this.widthOfText(next, item) : 0;
      item.width += item.kern;
      item.shy = this.widthOfText(HYPHENATION_MARK, item);
      // Fits at the end of a line only together with its hyphen (and without the kerning).
      item.trailingCut = item.kern - item.shy;
    });
    return items;
  };

  const buildNextLine = LayoutBuilder.prototype.buildNextLine;
  const widthOf = (inline: Inline, text: string) => TextInlines.prototype.widthOfText.call(null as never, text, inline);
  LayoutBuilder.prototype.buildNextLine = function (this: Builder, node) {
    const first = node._inlines?.[0];
    const available = this.writer.context().availableWidth;
    // A word wider than the whole line: split it between letters, with a hyphen, where pdfmake would cut it.
    if (first && !first.noWrap && first.width > available && /\p{L}{4,}/u.test(first.text)) {
      const hyphen = widthOf(first, HYPHENATION_MARK);
      let k = first.text.length - 1;
      while (k > 1 && widthOf(first, first.text.slice(0, k)) + hyphen > available) k--;
      while (k > 1 && !(/\p{L}/u.test(first.text[k - 1]!) && /\p{L}/u.test(first.text[k]!))) k--;
      if (k > 1) {
        const rest: Inline = { ...first, text: first.text.slice(k), shy: undefined };
        rest.width = widthOf(rest, rest.text);
        first.text = first.text.slice(0, k);
        first.width = widthOf(first, first.text);
        first.shy = hyphen;
        first.kern = 0;
        first.trailingCut = -hyphen;
        node._inlines!.splice(1, 0, rest);
      }
    }
    const line = buildNextLine.call(this, node);
    const last = line?.inlines[line.inlines.length - 1];
    if (line && last?.shy !== undefined && !line.lastLineInParagraph) {
      const extra = last.shy - (last.kern ?? 0);
      line.inlines[line.inlines.length - 1] = { ...last, text: `${last.text}${HYPHENATION_MARK}`, width: last.width + extra, trailingCut: 0, shy: undefined, kern: undefined };
      line.inlineWidths += extra;
      line.trailingCut = 0;
    }
    return line;
  };
}
