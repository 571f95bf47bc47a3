// German hyphenation in every PDF (electron/core/pdf/hyphenate.ts): words are broken at syllables with a hyphen,
// never in the middle without one; measured on the demo workspace's PDFs as poppler reads their lines.
import { describe, expect, it } from 'vitest';
import { demoPdfRequests } from './demoExports';
import { AppError } from '../../electron/core/errors';
import { runExport } from '../../electron/core/exports/registry';
import { buildDocument } from '../../electron/core/pdf/layout';
import { renderPdf } from '../../electron/core/pdf/render';
import { testCore } from './helpers';
import { pdfLines, type BoxLine } from './pdfBbox';
import { pdfText } from './pdfText';

const letters = (s: string) => s.replace(/[^\p{L}]/gu, '');

/**
 * Line ends that cut a word without a hyphen: the line's last word W ends in a letter, the next line of the
 * same column starts with a lowercase letter N, and W+N is a word printed whole inside a line elsewhere while W is
 * not.
 */
function brokenWords(lines: BoxLine[], known: Set<string>): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = lines[i]!;
    const b = lines[i + 1]!;
    if (a.page !== b.page) continue;
    const w = a.words[a.words.length - 1]!;
    const n = b.words[0]!;
    const below = n.yMin > w.yMin && n.yMin - w.yMin < 8 && Math.abs(n.xMin - a.words[0]!.xMin) < 2;
    if (!below || !/\p{L}$/u.test(w.text) || !/^\p{Ll}/u.test(n.text)) continue;
    const whole = letters(w.text) + letters(n.text);
    if (known.has(whole.toLowerCase()) && !known.has(letters(w.text).toLowerCase())) out.push(`${w.text}|${n.text} (page ${a.page})`);
  }
  return out;
}

/** Words printed inside a line (not first or last: a cut piece of a word is only ever one of those). */
const wordsOf = (lines: BoxLine[]) => new Set(lines.flatMap((l) => l.words.slice(1, -1).map((w) => letters(w.text).toLowerCase())).filter((w) => w.length > 1));

describe('hyphenation', () => {
  it('breaks a word too long for a narrow column at a syllable, with a hyphen, and reads back as typed', async () => {
    const doc = buildDocument({
      firm: null,
      title: 'Probe',
      createdAt: new Date('2026-12-01T10:00:00Z'),
      content: [{ table: { widths: [60, '*'], body: [['Überbetriebliche Lehrlingsunterweisung', 'Kunden- und Lieferantengespräch: E-Mail an info@example.org']] } }],
    });
    const bytes = await renderPdf(doc);
    // The 60 pt column (from 14 mm): its words line by line, below the title and above the footer.
    const cell = pdfLines(bytes)
      .map((l) => l.words.filter((w) => w.xMax < 38 && w.yMin > 30 && w.yMin < 280).map((w) => w.text).join(' '))
      .filter(Boolean);
    expect(cell.length).toBeGreaterThan(3);
    // Every line ends at a word's end or at a syllable with the hyphenation mark U+2010.
    expect(cell.some((l) => l.endsWith('\u2010')), JSON.stringify(cell)).toBe(true);
    expect(cell.map((l) => (l.endsWith('\u2010') ? l.slice(0, -1) : `${l} `)).join('').trim()).toBe('Überbetriebliche Lehrlingsunterweisung');
    const text = await pdfText(bytes);
    expect(text).toContain('Überbetriebliche Lehrlingsunterweisung');
    // A typed hyphen stays a hyphen, a mail address is not hyphenated.
    expect(text).toContain('Kunden- und Lieferantengespräch: E-Mail an info@example.org');
  });

  it('leaves no word broken without a hyphen in any PDF of the demo workspace', { timeout: 600_000 }, async () => {
    const now = new Date('2027-03-01T10:00:00');
    const c = testCore({ now: () => now });
    const requests = demoPdfRequests(c.store, now);
    const all: BoxLine[][] = [];
    for (const req of requests) {
      try {
        all.push(pdfLines((await runExport(c.store, req, now)).bytes));
      } catch (e) {
        if (e instanceof AppError) continue;
        throw e;
      }
    }
    const known = wordsOf(all.flat());
    const broken = all.flatMap((lines) => brokenWords(lines, known));
    expect(broken).toEqual([]);
    // Hyphenation happened (the plan's narrow columns need it).
    expect(all.flat().some((l) => l.words[l.words.length - 1]!.text.endsWith('\u2010'))).toBe(true);
  });
});
