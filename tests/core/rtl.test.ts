// Right-to-left and other scripts in our PDFs: word order through the drawn positions, line order of wrapped
// paragraphs, right alignment, fonts that cover each script, and extracted text equal to the input.
import type { Content } from 'pdfmake/interfaces';
import { describe, expect, it } from 'vitest';
import { breakLines, familiesOf, paragraph } from '../../electron/core/language/bidi';
import { textWidth, unprintableChars } from '../../electron/core/language/fonts';
import { fontPath, renderPdf } from '../../electron/core/pdf/render';
import { pdfPages } from './pdfText';
import { lines, outlineOf, pdfChunks, typed } from './rtlChunks';

const A4_RIGHT = 595.28 - 40;

async function render(blocks: Content[]) {
  return renderPdf({ pageSize: 'A4', pageMargins: [40, 40, 40, 40], defaultStyle: { font: 'Sans' }, content: blocks });
}

/** The PDF's extracted lines (pdf.js puts right-to-left runs back into typed order), joined. */
async function extracted(bytes: Uint8Array) {
  const [page] = await pdfPages(bytes);
  const rows = new Map<number, { x: number; str: string }[]>();
  for (const it of page!.items) {
    if (!it.str) continue;
    const y = Math.round(it.y);
    rows.set(y, [...(rows.get(y) ?? []), { x: it.x, str: it.str }]);
  }
  return [...rows.entries()].sort((a, b) => b[0] - a[0]).map(([, r]) => r);
}

/** A line's pieces as one text (pdf.js gives a right-to-left line word by word, each word a piece). */
const join = (r: { str: string }[]) => r.map((i) => i.str).join(' ').replace(/\s+/g, ' ').trim();

describe('right-to-left text in PDFs', () => {
  it('prints a one-line Arabic sentence with its words from right to left, right-aligned', async () => {
    const text = 'أغلق الصمام قبل العمل';
    const pdf = await render([paragraph(text, { width: 515, fontSize: 14 })]);
    const [line] = lines(await pdfChunks(pdf));
    // Drawn left to right: the last word is leftmost, the first word rightmost.
    expect(line!.map(typed)).toEqual(['العمل', 'قبل', 'الصمام', 'أغلق']);
    const rightmost = line![line!.length - 1]!;
    const rtlRows = await extracted(pdf);
    const right = Math.max(...(await pdfPages(pdf))[0]!.items.map((i) => i.x + i.width));
    expect(right).toBeGreaterThan(A4_RIGHT - 1.5);
    expect(right).toBeLessThan(A4_RIGHT + 0.5);
    expect(rightmost.x).toBeGreaterThan(400);
    expect(rtlRows.map((r) => join([...r].sort((a, b) => b.x - a.x)))).toEqual([text]);
  });

  it('keeps numbers and Latin words inside Arabic in their own order, and mirrors brackets', async () => {
    const text = 'ركب 2 أنابيب DIN 1988 الآن (مهم)';
    const pdf = await render([paragraph(text, { width: 515, fontSize: 14 })]);
    const [line] = lines(await pdfChunks(pdf, { outlines: true }));
    const drawn = line!.map((c) => (/[\u0600-\u06FF]/.test(c.glyphs) ? typed(c) : c.glyphs.trim()));
    // Visual order, left to right: "(مهم)", "الآن", "DIN 1988" left to right, "أنابيب", "2", "ركّب". The brackets
    // are drawn with the word (one text object) and their text is the typed one: read right to left, "(مهم)".
    expect(drawn).toEqual(['(مهم)', 'الآن', 'DIN', '1988', 'أنابيب', '2', 'ركب']);
    // Mirrored for right-to-left: the typed "(" (rightmost) is drawn with the outline of ")", the typed ")" with "(".
    const outlines = line![0]!.outlines!;
    expect(outlines[0]).toBe(outlineOf(fontPath('Arabic'), '('));
    expect(outlines[outlines.length - 1]).toBe(outlineOf(fontPath('Arabic'), ')'));
  });

  it('wraps a long Arabic paragraph into lines in reading order, each right-aligned, none wider than the column', async () => {
    const text =
      'يجب على المتدرب أن يغلق صمام الماء قبل أن يفك الأنبوب، وأن يلبس النظارة الواقية والقفاز طوال الوقت، ثم يبلغ المشرف عندما ينتهي من العمل في الورشة.';
    const width = 180;
    const pdf = await render([{ columns: [{ width: 595.28 - 80 - width, text: '' }, { width, stack: [paragraph(text, { width, fontSize: 12 })] }] }]);
    const rows = lines(await pdfChunks(pdf));
    expect(rows.length).toBeGreaterThanOrEqual(4);
    // Reading each line right to left, and the lines top to bottom, gives the text as typed.
    const words = rows.flatMap((r) => [...r].reverse().map(typed));
    expect(words.join(' ')).toBe(text);
    // Every line ends at the right edge of the column and fits into it.
    const pages = await pdfPages(pdf);
    const byLine = new Map<number, { left: number; right: number }>();
    for (const it of pages[0]!.items) {
      if (!it.str.trim()) continue;
      const y = Math.round(it.y);
      const b = byLine.get(y) ?? { left: Infinity, right: -Infinity };
      byLine.set(y, { left: Math.min(b.left, it.x), right: Math.max(b.right, it.x + it.width) });
    }
    expect(byLine.size).toBe(rows.length);
    for (const { left, right } of byLine.values()) {
      expect(right).toBeGreaterThan(A4_RIGHT - 1.5);
      expect(right).toBeLessThan(A4_RIGHT + 0.5);
      expect(left).toBeGreaterThanOrEqual(A4_RIGHT - width - 0.5);
    }
    // The lines are filled: each but the last holds at least two thirds of the width.
    const widths = [...byLine.values()].map((b) => b.right - b.left);
    for (const w of widths.slice(0, -1)) expect(w).toBeGreaterThan((width * 2) / 3);
  });

  it('breaks lines with the metrics of the fonts that print them', () => {
    const s = 'هذه جملة طويلة جداً عن العمل في الورشة مع الأنابيب والصمامات';
    const fam = familiesOf(s, 'Arabic');
    expect(new Set(fam)).toEqual(new Set(['Arabic']));
    for (const l of breakLines(s, fam, 100, 12, false)) {
      expect(textWidth(s.slice(l.start, l.end), 'Arabic', false, 12)).toBeLessThanOrEqual(100);
    }
    // A word longer than the line is cut, not lost.
    const long = 'Druckminderer'.repeat(6);
    const parts = breakLines(long, familiesOf(long), 60, 12, false);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.map((p) => long.slice(p.start, p.end)).join('')).toBe(long);
  });

  it('prints Arabic, Dari, Pashto, Tigrinya and Ukrainian with fonts that cover them; the extracted text equals the input', async () => {
    const samples = {
      ar: 'الأنبوب يتسرب، أغلق الصمام الآن',
      prs: 'لطفا شیر آب را ببندید',
      fa: 'می‌خواهم لوله را عوض کنم',
      ps: 'ټول کارګران باید خولۍ واغوندي',
      ti: 'ማይ ሰላም ቤት',
      uk: 'Закрийте кран, будь ласка',
    };
    const pdf = await render(Object.values(samples).map((s) => ({ stack: [paragraph(s, { width: 515, fontSize: 14 })], margin: [0, 0, 0, 10] }) as Content));
    const rows = await extracted(pdf);
    const got = rows.map((r) => join([...r].sort((a, b) => (/[\u0600-\u06FF]/.test(r.map((i) => i.str).join('')) ? b.x - a.x : a.x - b.x))));
    // The zero-width non-joiner only keeps two letters apart; it has no glyph and so no text in the PDF.
    expect(got).toEqual(Object.values(samples).map((s) => s.replace(/\u200C/g, '')));
    const raw = Buffer.from(pdf).toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+Vazirmatn/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansEthiopic/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
    for (const s of Object.values(samples)) expect(unprintableChars(s)).toEqual([]);
  });

  it('names characters that no shipped font can print', () => {
    expect(unprintableChars('Rohr 管道 पाइप')).toEqual([
      { char: '管', codePoint: 'U+7BA1' },
      { char: '道', codePoint: 'U+9053' },
      { char: 'प', codePoint: 'U+092A' },
      { char: 'ा', codePoint: 'U+093E' },
      { char: 'इ', codePoint: 'U+0907' },
    ]);
    expect(unprintableChars('می‌خواهم \u200F(ok) Ärger, ğ, ê, ç, ş, ґ, ʼ')).toEqual([]);
  });
});
