// Clean page breaks (core/pdf/layout.ts): no heading alone at the foot of a page, a table row that fits on a page
// is not split, a row taller than a page is never dropped (pdfmake drops it under dontBreakRows).
import { describe, expect, it } from 'vitest';
import type { Content } from 'pdfmake/interfaces';
import { buildDocument, rowsFitOnPage } from '../../electron/core/pdf/layout';
import { renderPdf } from '../../electron/core/pdf/render';
import { pdfPages } from './pdfText';

const para = (n: number) => ({ text: `Absatz ${n}: Material nach Stückliste kommissioniert und das Fahrzeug beladen.`, margin: [0, 0, 0, 4] }) as Content;
const doc = (content: Content[]) => buildDocument({ firm: null, title: 'Probe', createdAt: new Date('2026-12-01T10:00:00Z'), content });
const pageOf = (pages: { text: string }[], s: string) => pages.findIndex((p) => p.text.includes(s));

describe('page breaks', () => {
  it('moves a heading that would stand at the foot of a page to the next page, with what follows it', async () => {
    // Find how many paragraphs fill a page, then put a heading right after them.
    for (const n of [40, 41, 42, 43, 44]) {
      const pages = await pdfPages(await renderPdf(doc([...Array.from({ length: n }, (_, i) => para(i + 1)), { text: 'Offene Fristen', style: 'h2' }, { text: 'Erste Zeile nach der Überschrift.' }])));
      expect(pageOf(pages, 'Offene Fristen'), `${n} paragraphs`).toBe(pageOf(pages, 'Erste Zeile nach der Überschrift.'));
      const heading = pages.flatMap((p) => p.items).find((i) => i.str.includes('Offene Fristen'))!;
      // Not in the last sixth of the page above the footer (pdf.js y counts from the bottom).
      expect(heading.y, `${n} paragraphs`).toBeGreaterThan(842 / 6);
    }
  });

  it('keeps a row that fits on one page whole, and a row taller than a page continues without losing text', async () => {
    const row = (k: number) => [`Zeile ${k}`, `${'Inhalt der Zeile mit mehreren Sätzen zum Umbrechen. '.repeat(12)}Ende ${k}.`];
    const body = [['Nr.', 'Text'], ...Array.from({ length: 14 }, (_, k) => row(k + 1))];
    expect(rowsFitOnPage(body)).toBe(true);
    const pages = await pdfPages(await renderPdf(doc([{ table: { headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: rowsFitOnPage(body), widths: [60, '*'], body } }])));
    expect(pages.length).toBeGreaterThan(1);
    for (let k = 1; k <= 14; k++) expect(pageOf(pages, `Zeile ${k} `), `row ${k}`).toBe(pageOf(pages, `Ende ${k}.`));
    const huge = [['Nr.', 'Text'], ['1', `${'Sehr lange Beschreibung eines Arbeitsschritts an der Baustelle. '.repeat(200)}Schluss.`]];
    expect(rowsFitOnPage(huge)).toBe(false);
    const long = await pdfPages(await renderPdf(doc([{ table: { headerRows: 1, dontBreakRows: rowsFitOnPage(huge), widths: [60, '*'], body: huge } }])));
    expect(long.length).toBeGreaterThan(1);
    expect(long.map((p) => p.text).join(' ')).toContain('Schluss.');
  });
});
