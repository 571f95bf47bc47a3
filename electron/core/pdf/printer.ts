// pdfmake's layout, drawn with fewer text operations.
//
// pdfmake lays a paragraph out word by word and also draws it word by word: each word becomes its own text
// object in the page stream (colour, opacity, font, position, BT … ET), which is most of the time and bytes of a
// text-heavy document (182 sheets of a full Ausbildungsnachweis). Its renderer leaves this as a TODO ("lines
// without differently styled inlines should be written to pdf as one stream"). This printer runs pdfmake's own
// layout unchanged and hands its renderer each line with the neighbouring words of one style joined into one
// run. Joining happens only where nothing can move: the words sit exactly side by side, the earlier one ends in a
// space (or is a piece of a hyphenated word before its syllable break, measured with the kerning across it) (pdfkit shapes text space by space, so the glyphs and their advances stay the same) and neither has a
// link, decoration, background, super/subscript, letter spacing, font features or right-to-left letters. Pages
// look the same; the text is the same for copy and search; the tests compare both renderers page by page.
//
// It uses pdfmake's internal modules (js/…), so pdfmake is pinned to one version in package.json; a new version
// is taken on deliberately, with tests/core/pdfPrinter.test.ts showing that the output is still the same.
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type PDFKitDocument from 'pdfkit';
import LayoutBuilderModule from 'pdfmake/js/LayoutBuilder';
import PDFDocumentModule from 'pdfmake/js/PDFDocument';
import { normalizePageMargin, normalizePageSize } from 'pdfmake/js/PageSize';
import RendererModule from 'pdfmake/js/Renderer';
import SVGMeasureModule from 'pdfmake/js/SVGMeasure';
import { convertToDynamicContent } from 'pdfmake/js/helpers/tools';
import { tableLayouts } from 'pdfmake/js/tableLayouts';
import { shareFontCaches } from './measure';
import { RTL_LETTER } from './rtl';

// pdfmake's js/ files are CommonJS compiled from ES modules ({ __esModule, default }). Node (and the bundle)
// import such a file's module.exports as the default; other loaders unwrap it. Either way: the class.
const unwrap = <T>(m: T): T => ((m as { __esModule?: boolean; default?: T }).__esModule ? (m as { default: T }).default : m);
const LayoutBuilder = unwrap(LayoutBuilderModule);
const PDFDocument = unwrap(PDFDocumentModule);
const Renderer = unwrap(RendererModule);
const SVGMeasure = unwrap(SVGMeasureModule);

/** A laid-out word (or run of words) as pdfmake's Line holds it. */
interface Inline {
  text: string;
  x: number;
  width: number;
  font: unknown;
  fontSize: number;
  color?: unknown;
  opacity?: number;
  characterSpacing?: number;
  fontFeatures?: unknown;
  sup?: boolean;
  sub?: boolean;
  link?: unknown;
  linkToPage?: unknown;
  linkToDestination?: unknown;
  _pageNodeRef?: unknown;
  decoration?: unknown;
  background?: unknown;
  /** Set on a piece of a word before a syllable break (pdf/hyphenate.ts). */
  shy?: number;
  /** Set on such a piece when its last letter would form a ligature with the next piece's first (drawn apart). */
  ligature?: boolean;
  /** Set on every inline of a right-to-left line laid out by language/bidi.ts: where it starts in the typed text. */
  typedAt?: number;
}

interface Line {
  inlines: Inline[];
}

/** Whether an inline is plain text that can share a run with its plain neighbours. */
function plain(i: Inline): boolean {
  return (
    // Right-to-left words are laid out by our own bidi code (language/bidi.ts) as one inline per word in visual
    // order; they stay one text object each, as copy-and-paste and text extraction know them.
    !RTL_LETTER.test(i.text) &&
    !i.characterSpacing &&
    i.fontFeatures == null &&
    !i.sup &&
    !i.sub &&
    i.link == null &&
    i.linkToPage == null &&
    i.linkToDestination == null &&
    i._pageNodeRef == null &&
    !i.decoration &&
    i.background == null
  );
}

/** Whether b can continue the run of a (same style as the run's first inline, and right after a). */
function joinable(a: Inline, b: Inline, first: Inline): boolean {
  return (
    // After a space, or inside a hyphenated word (a piece before a syllable break, pdf/hyphenate.ts, whose width
    // includes the kerning across the break): the word is drawn whole, its glyphs where pdfmake placed them.
    (a.text.endsWith(' ') || (a.shy !== undefined && !a.ligature)) &&
    b.font === first.font &&
    b.fontSize === first.fontSize &&
    b.color === first.color &&
    (b.opacity ?? 1) === (first.opacity ?? 1) &&
    Math.abs(a.x + a.width - b.x) < 1e-6 &&
    plain(b)
  );
}

/** The line's inlines with neighbouring words of one style joined; the same array when nothing joins. */
export function joinRuns(inlines: Inline[]): Inline[] {
  let out: Inline[] | null = null;
  let start = 0;
  while (start < inlines.length) {
    const first = inlines[start]!;
    let end = start + 1;
    if (plain(first)) while (end < inlines.length && joinable(inlines[end - 1]!, inlines[end]!, first)) end++;
    if (end - start > 1) {
      out ??= inlines.slice(0, start);
      let text = first.text;
      let width = first.width;
      for (let k = start + 1; k < end; k++) {
        text += inlines[k]!.text;
        width += inlines[k]!.width;
      }
      // A copy: the line's own inlines stay as pdfmake made them.
      out.push({ ...first, text, width });
    } else if (out) {
      out.push(first);
    }
    start = end;
  }
  return out ?? inlines;
}

/**
 * The text state printer.ts keeps track of: pdfmake's renderer sets the opacity and the fill colour before every
 * run of text (an ExtGState, a colour space, a colour and an empty fill: four operators), although most runs
 * follow a run of the same colour with nothing drawn in between. Such repeats are left out: a run's text object
 * (q … BT … ET Q) leaves the colour and opacity as they were, so the page looks the same.
 */
interface TextState {
  /** Inside renderLine (only then are opacity and fill the renderer's text colour). */
  drawing: boolean;
  /** Content operators written to the current page so far. */
  ops: number;
  /** `ops` right after the last run of text; -1 when not on this page. */
  after: number;
  opacity: unknown;
  color: unknown;
}

function skipRepeatedTextState(kit: InstanceType<typeof PDFKitDocument>, state: TextState) {
  const k = kit as unknown as {
    opacity(o: unknown): unknown;
    fill(color: unknown, rule?: unknown): unknown;
    text(...args: unknown[]): unknown;
  };
  const opacity = k.opacity.bind(k);
  const fill = k.fill.bind(k);
  const text = k.text.bind(k);
  // Whether nothing was written since the last run of text (when this run's opacity was set).
  let clean = false;
  let nextOpacity: unknown;
  let nextColor: unknown;
  k.opacity = (o) => {
    if (!state.drawing) return opacity(o);
    clean = state.ops === state.after;
    nextOpacity = o;
    return clean && o === state.opacity ? k : opacity(o);
  };
  k.fill = (color, rule) => {
    if (!state.drawing || rule !== undefined || typeof color !== 'string') return fill(color, rule);
    nextColor = color;
    return clean && color === state.color ? k : fill(color);
  };
  k.text = (...args) => {
    if (!state.drawing) return text(...args);
    const r = text(...args);
    state.after = state.ops;
    state.opacity = nextOpacity;
    state.color = nextColor;
    return r;
  };
}

class RunRenderer extends Renderer {
  constructor(
    kit: unknown,
    private readonly state: TextState,
  ) {
    super(kit, undefined);
  }

  override renderLine(line: Line, x: number, y: number) {
    this.state.drawing = true;
    try {
      return this.renderRuns(line, x, y);
    } finally {
      this.state.drawing = false;
    }
  }

  private renderRuns(line: Line, x: number, y: number) {
    const own = line.inlines;
    // A right-to-left line (language/bidi.ts: one inline per word, in visual order) is drawn in typed order: the
    // same places, but the page's text then holds its words as they were typed, which is the order text
    // extractors keep (pdf.js: a number or a Latin word inside Arabic otherwise came first). Nothing is joined there.
    const inlines = own.length > 1 && own.every((i) => i.typedAt !== undefined) ? [...own].sort((a, b) => a.typedAt! - b.typedAt!) : joinRuns(own);
    if (inlines === own) return super.renderLine(line, x, y);
    // pdfmake's renderer draws line.inlines (and takes height, ascender, outline, id … from the line): it gets the
    // joined runs for the time of drawing, then the line has its own inlines back.
    line.inlines = inlines;
    try {
      return super.renderLine(line, x, y);
    } finally {
      line.inlines = own;
    }
  }
}

export interface PrinterSetup {
  fonts: Record<string, Record<string, string>>;
  virtualfs: unknown;
  localAccessPolicy: (path: string) => boolean;
}

/**
 * Lays out and draws a document like pdfmake's Printer.createPdfKitDocument (same defaults) and returns the PDF
 * bytes. Not carried over, because Werkbrücke's documents do not use them: URLs (pictures are passed as data),
 * attached files (refused), maxPagesNumber and pages of unlimited height.
 */
export function printPdf(doc: TDocumentDefinitions, setup: PrinterSetup): Promise<Buffer> {
  const d = doc as TDocumentDefinitions & { files?: unknown; attachments?: Record<string, unknown> };
  if (d.files || (d.attachments && Object.keys(d.attachments).length)) throw new Error('printPdf: attached files are not supported');
  const pageSize = normalizePageSize(d.pageSize, d.pageOrientation);
  const header = d.header && typeof d.header !== 'function' ? convertToDynamicContent(d.header) : d.header;
  const footer = d.footer && typeof d.footer !== 'function' ? convertToDynamicContent(d.footer) : d.footer;
  const kit = new PDFDocument(
    setup.fonts,
    d.images ?? {},
    d.patterns ?? {},
    {},
    {
      size: [pageSize.width, pageSize.height],
      pdfVersion: d.version ?? '1.3',
      subset: d.subset,
      tagged: typeof d.tagged === 'boolean' ? d.tagged : false,
      displayTitle: typeof d.displayTitle === 'boolean' ? d.displayTitle : false,
      compress: typeof d.compress === 'boolean' ? d.compress : true,
      userPassword: d.userPassword,
      ownerPassword: d.ownerPassword,
      permissions: d.permissions,
      lang: d.language,
      fontLayoutCache: true,
      bufferPages: false,
      autoFirstPage: false,
      info: metadata(d.info),
      font: null,
    },
    setup.virtualfs,
    setup.localAccessPolicy,
  ) as unknown as InstanceType<typeof PDFKitDocument>;
  // Measured faster, with the fonts' caches shared across documents (pdf/measure.ts).
  shareFontCaches(kit, setup.fonts);
  const state: TextState = { drawing: false, ops: 0, after: -1, opacity: undefined, color: undefined };
  bufferPageContent(kit, state);
  skipRepeatedTextState(kit, state);
  const builder = new LayoutBuilder(pageSize, normalizePageMargin(d.pageMargins ?? 40), new SVGMeasure());
  builder.registerTableLayouts(tableLayouts);
  const pages = builder.layoutDocument(d.content, kit, d.styles ?? {}, d.defaultStyle ?? { fontSize: 12, font: 'Roboto' }, d.background, header, footer, d.watermark, d.pageBreakBefore);
  new RunRenderer(kit, state).renderPages(pages);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    kit.on('data', (c: Buffer) => chunks.push(c));
    kit.on('end', () => resolve(Buffer.concat(chunks)));
    kit.on('error', reject);
    kit.end();
  });
}

interface KitPage {
  write(chunk: unknown): unknown;
  end(): unknown;
}

/**
 * pdfkit writes every operator of a page (a colour, a position, a run of glyphs) as its own Buffer (its text and
 * a line break) into the page's content stream, and joins them at the page's end: thousands of small buffers a
 * page. Here the page collects the operators' text and hands it over as one buffer before anything else is
 * written to it, and before the page ends: the same bytes in the same order.
 */
function bufferPageContent(kit: InstanceType<typeof PDFKitDocument>, state: TextState) {
  const doc = kit as unknown as { page: KitPage; on(event: 'pageAdded', fn: () => void): void };
  doc.on('pageAdded', () => {
    const page = doc.page;
    state.ops = 0;
    state.after = -1;
    const write = page.write.bind(page);
    const end = page.end.bind(page);
    let text = '';
    const flush = () => {
      if (text === '') return;
      // As pdfkit's PDFReference.write: the operator's text and a line break, as bytes (latin1).
      write(Buffer.from(text, 'binary'));
      text = '';
    };
    page.write = (chunk: unknown) => {
      state.ops++;
      if (chunk instanceof Uint8Array) {
        flush();
        return write(chunk);
      }
      text += `${chunk as string}\n`;
      return undefined;
    };
    page.end = () => {
      flush();
      return end();
    };
  });
}

/** pdfmake's document info: its lower-case keys as the PDF's standard keys. */
function metadata(info: TDocumentDefinitions['info']): Record<string, unknown> {
  const standard = ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer', 'CreationDate', 'ModDate', 'Trapped'];
  const out: Record<string, unknown> = { Producer: 'pdfmake', Creator: 'pdfmake' };
  for (const [key, value] of Object.entries(info ?? {})) {
    if (!value) continue;
    const k = key.charAt(0).toUpperCase() + key.slice(1);
    out[standard.includes(k) ? k : key.replace(/\s+/g, '')] = value;
  }
  return out;
}
