// pdfmake set up once per process: the fonts shipped in resources/fonts, no URL access, local access only to
// the fonts folder and the workspace files a builder passes in explicitly.
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
const allowedDirs = new Set<string>();

function setup() {
  if (ready) return;
  const dir = fontsDir();
  const fonts: TFontDictionary = {};
  for (const [family, files] of Object.entries(FONT_FILES)) {
    fonts[family] = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, path.join(dir, f)]));
  }
  allowedDirs.add(dir + path.sep);
  pdfmake.setFonts(fonts);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((p: string) => [...allowedDirs].some((d) => path.resolve(p).startsWith(d)));
  ready = true;
}

/** Lets pdfmake read images from a folder (e.g. the workspace's files/). */
export function allowLocalDir(dir: string) {
  setup();
  allowedDirs.add(path.resolve(dir) + path.sep);
}

export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  setup();
  return (await pdfmake.createPdf(doc).getBuffer()) as Buffer;
}
