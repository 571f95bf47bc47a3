// pdfmake set up once per process: the fonts shipped in resources/fonts, no URL access, local access only to
// the fonts folder.
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';
import { resourcesDir } from '../paths';
import { hyphenateDocument, installSoftHyphens } from './hyphenate';
import { printPdf } from './printer';
import { installStyleLookup } from './styleLookup';

/** Font families every PDF builder may use. `Sans` covers Latin and Cyrillic, `Arabic` Arabic/Dari/Pashto, `Ethiopic` Tigrinya. */
export const FONT_FILES = {
  Sans: { normal: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf', italics: 'DejaVuSans-Oblique.ttf', bolditalics: 'DejaVuSans-BoldOblique.ttf' },
  Arabic: { normal: 'Vazirmatn-Regular.ttf', bold: 'Vazirmatn-Bold.ttf', italics: 'Vazirmatn-Regular.ttf', bolditalics: 'Vazirmatn-Bold.ttf' },
  Ethiopic: {
    normal: 'NotoSansEthiopic-Regular.ttf',
    bold: 'NotoSansEthiopic-Bold.ttf',
    italics: 'NotoSansEthiopic-Regular.ttf',
    bolditalics: 'NotoSansEthiopic-Bold.ttf',
  },
} as const;
export type FontFamily = keyof typeof FONT_FILES;

export function fontsDir() {
  return path.join(resourcesDir(), 'fonts');
}

export function fontPath(family: FontFamily, style: keyof (typeof FONT_FILES)['Sans'] = 'normal') {
  return path.join(fontsDir(), FONT_FILES[family][style]);
}

let ready = false;
let fontTable: Record<string, Record<string, string>> = {};
const localAccess = (p: string) => path.resolve(p).startsWith(fontsDir() + path.sep);

function pdfmakeSetup() {
  return { fonts: fontTable, virtualfs: (pdfmake as unknown as { virtualfs: unknown }).virtualfs, localAccessPolicy: localAccess };
}

function setup() {
  if (ready) return;
  const dir = fontsDir();
  const fonts: TFontDictionary = {};
  for (const [family, files] of Object.entries(FONT_FILES)) {
    fonts[family] = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, path.join(dir, f)]));
  }
  pdfmake.setFonts(fonts);
  fontTable = fonts as Record<string, Record<string, string>>;
  pdfmake.setUrlAccessPolicy(() => false);
  // Only the shipped fonts are read from disk; pictures are passed to pdfmake as data.
  pdfmake.setLocalAccessPolicy(localAccess);
  installSoftHyphens();
  installStyleLookup();
  ready = true;
}

/**
 * The PDF of a document definition, its German words hyphenated (hyphenate.ts): pdfmake's layout, drawn by printer.ts. WERKBRUECKE_PDF_PRINTER=pdfmake draws
 * it with pdfmake's own printer instead (a fallback for support, and the reference the tests compare with).
 */
export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  if (process.env.WERKBRUECKE_PDF_PRINTER === 'pdfmake') return renderPdfStock(doc);
  setup();
  return printPdf(hyphenateDocument(doc), pdfmakeSetup());
}

/** The same document through pdfmake's own printer, unchanged: the reference printer.ts is compared with. */
export async function renderPdfStock(doc: TDocumentDefinitions): Promise<Buffer> {
  setup();
  return (await pdfmake.createPdf(hyphenateDocument(doc)).getBuffer()) as Buffer;
}

/** Bare pdfmake, without our hyphenation or printer: the baseline of `npm run bench`. */
export async function renderPdfBare(doc: TDocumentDefinitions): Promise<Buffer> {
  setup();
  return (await pdfmake.createPdf(doc).getBuffer()) as Buffer;
}
