// pdfmake set up once per process: the fonts shipped in resources/fonts, no URL access, local access only to
// the fonts folder.
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';
import { resourcesDir } from '../paths';

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

function setup() {
  if (ready) return;
  const dir = fontsDir();
  const fonts: TFontDictionary = {};
  for (const [family, files] of Object.entries(FONT_FILES)) {
    fonts[family] = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, path.join(dir, f)]));
  }
  pdfmake.setFonts(fonts);
  pdfmake.setUrlAccessPolicy(() => false);
  // Only the shipped fonts are read from disk; pictures are passed to pdfmake as data.
  pdfmake.setLocalAccessPolicy((p: string) => path.resolve(p).startsWith(dir + path.sep));
  ready = true;
}


export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  setup();
  return (await pdfmake.createPdf(doc).getBuffer()) as Buffer;
}
