// printer.ts draws pdfmake's layout with neighbouring words of one style joined into one text run. These tests
// hold it to "the same document": every PDF the app makes, from the demo workspace, rendered by both printers
// (ours and pdfmake's own) must give the same pages pixel for pixel and the same text.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demoPdfRequests } from './demoExports';
import { AppError } from '../../electron/core/errors';
import { runExport } from '../../electron/core/exports/registry';
import { joinRuns } from '../../electron/core/pdf/printer';
import { tempDir, testCore } from './helpers';
import { pdfText } from './pdfText';

const font = { id: 'F1' };
const bold = { id: 'F2' };
const word = (text: string, x: number, width: number, over: Record<string, unknown> = {}) => ({ text, x, width, font, fontSize: 9.5, color: '#000', ...over });

describe('joinRuns', () => {
  it('joins neighbouring words of one style into one run and leaves the line itself unchanged', () => {
    const line = [word('Rohre ', 0, 30), word('nach ', 30, 25), word('Maß', 55, 18)];
    const copy = structuredClone(line);
    const runs = joinRuns(line);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ text: 'Rohre nach Maß', x: 0, width: 73 });
    expect(line).toEqual(copy);
  });

  it('keeps words apart where joining could move or restyle something', () => {
    // Other font, size, colour or opacity; a gap (justified text); no space at the end of the earlier word (pdfkit
    // would shape "Rohr-" and "leitung" as one piece, with kerning); links, decorations, backgrounds, sup/sub,
    // letter spacing and font features.
    const cases: Record<string, unknown>[] = [
      { font: bold },
      { fontSize: 8 },
      { color: '#1d4e89' },
      { opacity: 0.5 },
      { link: 'https://example.org' },
      { linkToPage: 2 },
      { linkToDestination: 'x' },
      { decoration: 'underline' },
      { background: 'yellow' },
      { sup: true },
      { sub: true },
      { characterSpacing: 1 },
      { fontFeatures: ['smcp'] },
      { _pageNodeRef: {} },
    ];
    for (const over of cases) {
      expect(joinRuns([word('Rohre ', 0, 30), word('nach ', 30, 25, over)]), JSON.stringify(over)).toHaveLength(2);
      expect(joinRuns([word('Rohre ', 0, 30, over), word('nach ', 30, 25)]), JSON.stringify(over)).toHaveLength(2);
    }
    expect(joinRuns([word('Rohre ', 0, 30), word('nach ', 33, 25)])).toHaveLength(2);
    expect(joinRuns([word('Rohr-', 0, 30), word('leitung ', 30, 25)])).toHaveLength(2);
    // The syllables of a hyphenated word (a piece before a soft hyphen) are drawn as one run.
    expect(joinRuns([word('Rohr', 0, 30, { shy: 3 }), word('leitung ', 30, 25)])).toHaveLength(1);
    // Right-to-left words keep their own text objects (drawn in visual order by language/bidi.ts).
    expect(joinRuns([word('الماء ', 0, 30), word('أغلق ', 30, 25)])).toHaveLength(2);
    expect(joinRuns([word('DIN ', 0, 30), word('أغلق ', 30, 25)])).toHaveLength(2);
    // Nothing to join: pdfmake's own array is drawn as it is.
    const single = [word('Rohre', 0, 30)];
    expect(joinRuns(single)).toBe(single);
  });
});

/** The pages of a PDF as 8-bit grey pixels (pdftoppm's PGM output at 60 dpi). */
function pagesAsGrey(pdf: Buffer, dir: string, name: string): { width: number; height: number; pixels: Buffer }[] {
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  const r = spawnSync('pdftoppm', ['-r', '60', '-gray', file, path.join(dir, name)], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.pgm'))
    .sort()
    .map((f) => {
      const data = fs.readFileSync(path.join(dir, f));
      // "P5\n<width> <height>\n255\n" then the pixels.
      const [, w, h] = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(data.subarray(0, 40).toString('latin1'))!;
      const width = Number(w);
      const height = Number(h);
      return { width, height, pixels: data.subarray(data.length - width * height) };
    });
}

/** Pixels that differ visibly between two renderings of a page. */
function differingPixels(a: Buffer, b: Buffer): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (Math.abs(a[i]! - b[i]!) > 16) n++;
  return n;
}

describe('printer.ts against pdfmake’s own printer', () => {
  afterEach(() => {
    delete process.env.WERKBRUECKE_PDF_PRINTER;
  });

  it('gives the same pages and text for every PDF of the demo workspace, in fewer bytes', { timeout: 600_000 }, async () => {
    const now = new Date('2027-03-01T10:00:00');
    const c = testCore({ now: () => now });
    const requests = demoPdfRequests(c.store, now);
    const dir = tempDir('wb-printer-');
    const made = new Set<string>();
    let ours = 0;
    let stock = 0;
    for (const [n, req] of requests.entries()) {
      delete process.env.WERKBRUECKE_PDF_PRINTER;
      let a: Buffer;
      try {
        a = Buffer.from((await runExport(c.store, req, now)).bytes);
      } catch (e) {
        // Not every letter applies to every demo trainee (e.g. no records yet): that is the builders' business.
        if (e instanceof AppError) continue;
        throw e;
      }
      process.env.WERKBRUECKE_PDF_PRINTER = 'pdfmake';
      const b = Buffer.from((await runExport(c.store, req, now)).bytes);
      made.add(req.kind);
      ours += a.length;
      stock += b.length;
      const pa = pagesAsGrey(a, dir, `a${n}`);
      const pb = pagesAsGrey(b, dir, `b${n}`);
      expect(pa.length, JSON.stringify(req)).toBe(pb.length);
      // Glyph positions are summed in a different order (one run instead of one position per word, and one run for
      // the syllables of a hyphenated word), so the anti-aliasing of a glyph may differ in a few pixels (seen: up
      // to 21 of the 350,000 of a page). A moved or restyled word changes hundreds; a missing one also changes the
      // text compared below. (An "ff" drawn as one ligature glyph by one printer and as two letters by the other,
      // in "Werk-stof-fe", made 70: no ligature across a syllable break now, pdf/hyphenate.ts.)
      pa.forEach((page, i) => {
        expect([page.width, page.height]).toEqual([pb[i]!.width, pb[i]!.height]);
        expect(differingPixels(page.pixels, pb[i]!.pixels), `${JSON.stringify(req)} page ${i + 1}`).toBeLessThanOrEqual(40);
      });
      expect(await pdfText(a), JSON.stringify(req)).toBe(await pdfText(b));
    }
    // Every PDF kind was compared at least once (the worksheets include the Arabic and Ukrainian demo tasks).
    expect([...made].sort()).toEqual(
      ['arbeitsblatt', 'ausbildungsbestaetigung', 'ausbildungsnachweis', 'ausbildungsplan', 'ausbildungsstand', 'dokumentenstand', 'mitteilung-abh', 'stammblatt'].sort(),
    );
    expect(ours).toBeLessThan(stock * 0.9);
  });
});
