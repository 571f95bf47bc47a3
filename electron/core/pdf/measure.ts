// pdfmake's measuring of text, faster for the documents printer.ts draws (the same numbers).
//
// TextInlines.measure resolves about twenty style properties for every inline (every word, every piece of a
// hyphenated word) through StyleContextStack.getStyleProperty, and TextInlines.widthOfText has pdfkit shape the
// inline's text again (pdfkit caches a word's glyph run per document, but still walks the text space by space and
// allocates). For the 183 sheets of a full Ausbildungsnachweis that was about a third of the time (node
// --cpu-prof). So, for documents drawn by printer.ts only (pdfmake's own printer and the bench's bare baseline
// keep pdfmake's code):
// - measure: the words of one text node are copies of the node's properties (TextBreaker.getBreaks), and the
//   style stack does not change during one call, so an inline with exactly the same own properties (same keys in
//   the same order, the same values) as the one before gets the same resolved style without a lookup;
// - widthOfText: a text's advance width (pdfkit's layout, without font features) is kept per font file across
//   documents: the same words recur on every sheet and in every export. With font features pdfkit measures as
//   before;
// - pdfkit's glyph runs of words (shaped by fontkit once per word and document) are kept per font file across
//   documents too, as plain values (shareFontCaches), and pdfkit's layout of a text joins its words' runs
//   without a new array per word.
// Together with printer.ts's page content buffer and text state (printer.ts) this took the 183-page Nachweis from
// about 2.3 to about 1.2 times bare pdfmake's time (npm run bench, part plan); the PDF's bytes stayed the same
// (apart from the text state's left-out repeats).
// pdfmake is pinned (printer.ts); tests/core/pdfPrinter.test.ts compares printer.ts with pdfmake's printer.
import TextInlinesModule from 'pdfmake/js/TextInlines';
import StyleContextStackModule from 'pdfmake/js/StyleContextStack';

const unwrap = <T>(m: T): T => ((m as { __esModule?: boolean; default?: T }).__esModule ? (m as { default: T }).default : m);

/** pdfkit's EmbeddedFont, as far as used here. */
interface KitFont {
  layoutRun?(text: string): { glyphs: { id: number; advanceWidth: number; codePoints: number[]; isMark: boolean }[]; positions: Record<string, number>[]; advanceWidth: number };
  layoutCached?(text: string): unknown;
  layoutCache?: Record<string, unknown>;
  layout(text: string, features: unknown, onlyWidth: boolean): { advanceWidth: number };
  widthOfString(text: string, size: number, features: unknown): number;
  lineHeight(size: number): number;
  /** Set by shareFontCaches: advance widths (font units scaled to 1000) by text, for this font file. */
  wbWidths?: Map<string, number>;
}

type Item = Record<string, unknown> & { text: string; font: KitFont; fontSize: number; width: number; leadingCut?: number; trailingCut?: number };

/** What measure resolves for an inline (besides its width and cuts). */
interface Resolved {
  font: KitFont;
  alignment: unknown;
  fontSize: number;
  fontFeatures: unknown;
  characterSpacing: number;
  color: unknown;
  decoration: unknown;
  decorationColor: unknown;
  decorationStyle: unknown;
  decorationThickness: unknown;
  background: unknown;
  link: unknown;
  linkToPage: unknown;
  linkToDestination: unknown;
  noWrap: unknown;
  opacity: unknown;
  sup: unknown;
  sub: unknown;
  lineHeight: number;
  height: number;
  preserveLeadingSpaces: unknown;
  preserveTrailingSpaces: unknown;
}

const LEADING = /^(\s)+/g;
const TRAILING = /(\s)+$/g;
/** Own properties of a word that are not its style (set by TextBreaker per word, or by measure on the first). */
const NOT_STYLE = new Set(['text', 'lineEnd', 'noNewLine', 'leadingCut', 'leadingIndent']);

/** A word's glyphs as pdfkit's encode uses them: plain values, no reference to a document's parsed font. */
interface Run {
  glyphs: { id: number; advanceWidth: number; codePoints: number[]; isMark: boolean }[];
  positions: Record<string, number>[];
  advanceWidth: number;
}

/** By font file, for the documents printer.ts draws: advance widths of texts, and pdfkit's glyph runs of words. */
const shared = new Map<string, { widths: Map<string, number>; runs: Map<string, Run> }>();
/** Bounds on a font file's caches (distinct texts and words); beyond them they start again empty. */
const MAX_WIDTHS = 100_000;
const MAX_RUNS = 30_000;

/**
 * Marks a pdfmake PDFDocument as drawn by printer.ts: measured with the fast measure, its fonts' text widths and
 * glyph runs shared per font file. pdfkit shapes every word of a document once (its layout cache, per document);
 * the same words recur in every export. A shared run holds the glyphs' ids, advance widths and code points as
 * plain values, taken when the word was shaped: not the glyph objects, which belong to one document's parsed
 * font (sharing that font gave Arabic letter forms first met in another document's font subset no text mapping).
 */
export function shareFontCaches(kit: unknown, fonts: Record<string, Record<string, string>>) {
  const doc = kit as { provideFont(family: string, bold: boolean, italics: boolean): KitFont; wbFastMeasure?: boolean };
  doc.wbFastMeasure = true;
  const provide = doc.provideFont.bind(doc);
  doc.provideFont = (family, bold, italics) => {
    const font = provide(family, bold, italics);
    if (font.wbWidths) return font;
    const type = bold && italics ? 'bolditalics' : bold ? 'bold' : italics ? 'italics' : 'normal';
    const file = fonts[family]?.[type];
    // Only pdfkit's embedded (TrueType) fonts: they measure with layout() and cache runs in layoutCached().
    if (typeof file !== 'string' || !font.layoutCache || typeof font.layoutRun !== 'function') return font;
    let cache = shared.get(file);
    if (!cache) shared.set(file, (cache = { widths: new Map(), runs: new Map() }));
    if (cache.widths.size > MAX_WIDTHS) cache.widths = new Map();
    if (cache.runs.size > MAX_RUNS) cache.runs = new Map();
    const { runs } = cache;
    font.wbWidths = cache.widths;
    // pdfkit's layoutCached (a run per word, shaped without font features), with the runs of the font file.
    font.layoutCached = (text: string) => {
      let run = runs.get(text);
      if (!run) {
        const r = font.layoutRun!(text);
        run = {
          // isMark: right-to-left runs draw a letter's marks with the letter (language/pdfkitRtl.ts).
          glyphs: r.glyphs.map((g) => ({ id: g.id, advanceWidth: g.advanceWidth, codePoints: g.codePoints, isMark: g.isMark })),
          positions: r.positions,
          advanceWidth: r.advanceWidth,
        };
        runs.set(text, run);
      }
      return run;
    };
    // pdfkit's layout (the runs of a text's words, split after each space or tab), with the glyphs and positions
    // pushed onto one array each instead of concatenated anew for every word: the same arrays, less garbage.
    const layout = font.layout.bind(font);
    font.layout = (text: string, features: unknown, onlyWidth: boolean) => {
      if (features) return layout(text, features, onlyWidth);
      const glyphs: unknown[] | null = onlyWidth ? null : [];
      const positions: unknown[] | null = onlyWidth ? null : [];
      let advanceWidth = 0;
      let last = 0;
      for (let index = 0; index <= text.length; index++) {
        const c = index < text.length ? text.charCodeAt(index) : -1;
        if (c === 32 || c === 9 || (c === -1 && last < index)) {
          const run = font.layoutCached!(text.slice(last, index + 1)) as Run;
          if (glyphs && positions) {
            for (const g of run.glyphs) glyphs.push(g);
            for (const p of run.positions) positions.push(p);
          }
          advanceWidth += run.advanceWidth;
          last = index + 1;
        }
      }
      return { glyphs, positions, advanceWidth } as { advanceWidth: number };
    };
    return font;
  };
}

/** Forgets the widths and glyph runs kept across documents (the bench's "first export" figure). */
export function forgetSharedMeasures() {
  shared.clear();
}

let installed = false;

export function installFastMeasure() {
  if (installed) return;
  installed = true;
  const TextInlines = unwrap(TextInlinesModule) as unknown as {
    prototype: { pdfDocument?: { wbFastMeasure?: boolean; provideFont(f: unknown, b: unknown, i: unknown): KitFont }; measure(a: Item[], s: unknown): Item[]; widthOfText(t: string, i: Item): number };
  };
  const S = unwrap(StyleContextStackModule) as unknown as { getStyleProperty(item: unknown, stack: unknown, property: string, defaultValue: unknown): unknown };

  const widthOfText = TextInlines.prototype.widthOfText;
  TextInlines.prototype.widthOfText = function (text, inline) {
    const font = inline.font;
    const widths = font.wbWidths;
    if (!widths || inline.fontFeatures) return widthOfText.call(this, text, inline);
    let advance = widths.get(text);
    if (advance === undefined) {
      // pdfkit's widthOfString: layout(...).advanceWidth * (size / 1000).
      advance = font.layout(text, undefined, true).advanceWidth;
      widths.set(text, advance);
    }
    return advance * (inline.fontSize / 1000) + ((inline.characterSpacing as number) || 0) * (text.length - 1);
  };

  const measure = TextInlines.prototype.measure;
  TextInlines.prototype.measure = function (array, styleContextStack) {
    if (!this.pdfDocument?.wbFastMeasure) return measure.call(this, array, styleContextStack);
    const get = (item: unknown, property: string, defaultValue: unknown) => S.getStyleProperty(item, styleContextStack, property, defaultValue);
    if (array.length) {
      const leadingIndent = get(array[0], 'leadingIndent', 0) as number;
      if (leadingIndent) {
        array[0]!.leadingCut = -leadingIndent;
        array[0]!.leadingIndent = leadingIndent;
      }
    }
    let keys: string[] = [];
    let values: unknown[] = [];
    let style: Resolved | null = null;
    for (const item of array) {
      if (!style || !sameStyle(item, keys, values)) {
        keys = [];
        values = [];
        for (const k in item) {
          if (NOT_STYLE.has(k)) continue;
          keys.push(k);
          values.push(item[k]);
        }
        style = resolve(this.pdfDocument, item, get);
      }
      item.font = style.font;
      item.alignment = style.alignment;
      item.fontSize = style.fontSize;
      item.fontFeatures = style.fontFeatures;
      item.characterSpacing = style.characterSpacing;
      item.color = style.color;
      item.decoration = style.decoration;
      item.decorationColor = style.decorationColor;
      item.decorationStyle = style.decorationStyle;
      item.decorationThickness = style.decorationThickness;
      item.background = style.background;
      item.link = style.link;
      item.linkToPage = style.linkToPage;
      item.linkToDestination = style.linkToDestination;
      item.noWrap = style.noWrap;
      item.opacity = style.opacity;
      item.sup = style.sup;
      item.sub = style.sub;
      item.width = this.widthOfText(item.text, item);
      item.height = style.height;
      if (!item.leadingCut) item.leadingCut = 0;
      if (!style.preserveLeadingSpaces) {
        const leadingSpaces = item.text.match(LEADING);
        if (leadingSpaces) item.leadingCut += this.widthOfText(leadingSpaces[0], item);
      }
      item.trailingCut = 0;
      if (!style.preserveTrailingSpaces) {
        const trailingSpaces = item.text.match(TRAILING);
        if (trailingSpaces) item.trailingCut = this.widthOfText(trailingSpaces[0], item);
      }
    }
    return array;
  };
}

/** Whether the item's own style properties are exactly `keys` with `values` (in that order). */
function sameStyle(item: Item, keys: string[], values: unknown[]): boolean {
  let n = 0;
  for (const k in item) {
    if (NOT_STYLE.has(k)) continue;
    if (n >= keys.length || keys[n] !== k || values[n] !== item[k]) return false;
    n++;
  }
  return n === keys.length;
}

/** pdfmake's TextInlines.measure, the style part: the same lookups with the same defaults. */
function resolve(doc: { provideFont(f: unknown, b: unknown, i: unknown): KitFont }, item: Item, get: (item: unknown, property: string, defaultValue: unknown) => unknown): Resolved {
  const font = doc.provideFont(get(item, 'font', 'Roboto'), get(item, 'bold', false), get(item, 'italics', false));
  const sup = get(item, 'sup', false);
  const sub = get(item, 'sub', false);
  let fontSize = get(item, 'fontSize', 12) as number;
  // font size reduction as pdfmake: https://en.wikipedia.org/wiki/Subscript_and_superscript#Desktop_publishing
  if (sup || sub) fontSize *= 0.58;
  const lineHeight = get(item, 'lineHeight', 1) as number;
  return {
    font,
    alignment: get(item, 'alignment', 'left'),
    fontSize,
    fontFeatures: get(item, 'fontFeatures', null),
    characterSpacing: get(item, 'characterSpacing', 0) as number,
    color: get(item, 'color', 'black'),
    decoration: get(item, 'decoration', null),
    decorationColor: get(item, 'decorationColor', null),
    decorationStyle: get(item, 'decorationStyle', null),
    decorationThickness: get(item, 'decorationThickness', null),
    background: get(item, 'background', null),
    link: get(item, 'link', null),
    linkToPage: get(item, 'linkToPage', null),
    linkToDestination: get(item, 'linkToDestination', null),
    noWrap: get(item, 'noWrap', null),
    opacity: get(item, 'opacity', 1),
    sup,
    sub,
    lineHeight,
    height: font.lineHeight(fontSize) * lineHeight,
    preserveLeadingSpaces: get(item, 'preserveLeadingSpaces', false),
    preserveTrailingSpaces: get(item, 'preserveTrailingSpaces', false),
  };
}
