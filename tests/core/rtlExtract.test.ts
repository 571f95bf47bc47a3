// Right-to-left paragraphs of several lines, read back by three extractors: pdf.js (what the tests and browser
// viewers use), poppler (`pdftotext`, `pdftotext -bbox-layout`: Evince, Okular, most Linux tools) and MuPDF
// (`mutool draw -F txt`). Copy and search get the words in typed order; the drawn order stays visual (rtl.test.ts).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paragraph } from '../../electron/core/language/bidi';
import { renderPdf } from '../../electron/core/pdf/render';
import { pdfLines } from './pdfBbox';
import { pdfPages } from './pdfText';

const SAMPLES = {
  // Digits and a Latin word inside Arabic.
  ar: 'افحص الضغط 3 مرات لمدة 10 دقائق قبل أن تغلق الجدار، ثم ركب 2 أنابيب حسب DIN 1988 وأبلغ المشرف في الورشة.',
  // Dari with zero-width non-joiners (پیچ‌کش, می‌کنید).
  prs: 'ابتدا شیر آب را ببندید، سپس لوله را با پیچ‌کش باز کنید و قطعه را با دقت عوض می‌کنید تا آب نشت نکند.',
  ps: 'ټول کارګران باید خولۍ واغوندي او د کار په ځای کې احتیاط وکړي، مخکې له دې چې ماشین چالان کړي.',
};
const WIDTH = 200;
const ARABIC = /[\u0600-\u06FF]/;
const words = (s: string) => s.split(/\s+/).filter(Boolean);

let dir: string;
const files: Record<string, string> = {};
const pdfs: Record<string, Buffer> = {};

beforeAll(async () => {
  // Not tempDir(): its folders go after each test, these files serve all of them.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-rtl-'));
  for (const [lang, text] of Object.entries(SAMPLES)) {
    const pdf = await renderPdf({ pageSize: 'A4', pageMargins: [40, 40, 40, 40], defaultStyle: { font: 'Sans' }, content: [paragraph(text, { width: WIDTH, fontSize: 12 })] });
    pdfs[lang] = pdf;
    files[lang] = path.join(dir, `${lang}.pdf`);
    fs.writeFileSync(files[lang]!, pdf);
  }
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** poppler marks the direction of runs with embedding controls (U+202A–U+202C); the text between them is what counts. */
const popplerText = (file: string, ...args: string[]) =>
  spawnSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' })
    .stdout.replace(/[\u202A-\u202E]/g, '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

describe.each(Object.keys(SAMPLES) as (keyof typeof SAMPLES)[])('right-to-left text of several lines (%s) extracts as typed', (lang) => {
  const typed = SAMPLES[lang];

  it('pdf.js reads the words in typed order (it leaves out the zero-width non-joiner)', async () => {
    const [page] = await pdfPages(pdfs[lang]!);
    const rows = new Set(page!.items.filter((i) => i.str.trim()).map((i) => Math.round(i.y)));
    expect(rows.size).toBeGreaterThanOrEqual(3);
    expect(page!.text.trim()).toBe(typed.replace(/\u200C/g, ''));
  });

  it('poppler reads every line in typed order, zero-width non-joiners included, and the lines top to bottom', () => {
    const lines = popplerText(files[lang]!);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    // poppler 22.12 puts the space beside a number, a Latin word or a comma inside Arabic on its other side
    // ("الضغط  3مرات", "ببندید ،سپس"): letters, digits, punctuation and non-joiners are compared in order, the spaces apart.
    expect(lines.join('').replace(/\s+/g, '')).toBe(typed.replace(/\s+/g, ''));
  });

  it('poppler -bbox-layout: read from the right, the lines hold the typed words', () => {
    // -bbox-layout lists words left to right with their letters as drawn: the positions are what it shows.
    const lines = pdfLines(pdfs[lang]!);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    const read = lines.flatMap((l) => [...l.words].sort((a, b) => b.xMax - a.xMax).map((w) => (ARABIC.test(w.text) ? [...w.text].reverse().join('') : w.text)));
    expect(read.join(' ').replace(/DIN 1988|1988 DIN/, 'DIN 1988')).toBe(typed);
  });

  it('MuPDF reads the words in typed order (MuPDF 1.21 gives the letters of a right-to-left word in drawn order)', () => {
    const out = spawnSync('mutool', ['draw', '-F', 'txt', files[lang]!], { encoding: 'utf8' }).stdout;
    const got = words(out).map((w) => (ARABIC.test(w) ? [...w].reverse().join('') : w));
    expect(got).toEqual(words(typed));
  });
});

describe('marks on right-to-left letters', () => {
  it('pdf.js and poppler read a word with tanwin whole ("لطفاً"), not with a space before the mark', async () => {
    const text = 'لطفاً شیر آب را ببندید';
    const pdf = await renderPdf({ pageSize: 'A4', content: [paragraph(text, { width: 515, fontSize: 14 })], defaultStyle: { font: 'Sans' } });
    expect((await pdfPages(pdf))[0]!.text.trim()).toBe(text);
    const file = path.join(dir, 'tanwin.pdf');
    fs.writeFileSync(file, pdf);
    expect(popplerText(file)).toEqual([text]);
  });
});

// Fixed cases of issue 13: marks (tanwin, shadda, harakat) and mirrored characters (brackets, guillemets) inside
// right-to-left text. The brackets are drawn mirrored (rtl.test.ts checks their outlines) and read as typed.
const FIXED = {
  // Tanwin, a comma, brackets around an Arabic word and a number.
  sentence: 'لطفاً، افتح الصمام (رقم 3) ثم اغلقه.',
  // Guillemets and brackets around Arabic words, a shadda and a damma inside words, over several lines.
  brackets: 'قال المدرّب «افتح الصمام» ثم [اغلقه] (بهدوء) وعُد إلى الورشة لطفاً.',
  // Marks on the last letter of words (fully vocalised, tanwin on a final alif), over two lines.
  marks: 'مُحَمَّدٌ يَكْتُبُ الدَّرْسَ جيداً ثم يقرأ الكتاب أيضاً في البيت.',
  // Brackets around a standard's name and a Latin code inside Arabic.
  latin: 'ركب الأنبوب (DIN 1988) ثم افحص الصمام (A12) مرتين.',
};

describe('marks and mirrored characters in right-to-left text extract as typed', () => {
  const fixed: Record<string, { pdf: Buffer; file: string }> = {};
  beforeAll(async () => {
    for (const [name, text] of Object.entries(FIXED)) {
      const pdf = await renderPdf({ pageSize: 'A4', pageMargins: [40, 40, 40, 40], defaultStyle: { font: 'Sans' }, content: [paragraph(text, { width: WIDTH, fontSize: 12 })] });
      const file = path.join(dir, `fixed-${name}.pdf`);
      fs.writeFileSync(file, pdf);
      fixed[name] = { pdf, file };
    }
  });

  it('pdf.js reads the sentence with tanwin and brackets exactly as typed', async () => {
    expect((await pdfPages(fixed.sentence!.pdf))[0]!.text.trim()).toBe(FIXED.sentence);
  });

  it('pdf.js reads guillemets, brackets and marks inside words over several lines exactly as typed', async () => {
    const [page] = await pdfPages(fixed.brackets!.pdf);
    expect(new Set(page!.items.filter((i) => i.str.trim()).map((i) => Math.round(i.y))).size).toBeGreaterThanOrEqual(2);
    expect(page!.text.trim()).toBe(FIXED.brackets);
  });

  it('pdf.js reads brackets around a number or a Latin word inside Arabic as typed', async () => {
    expect((await pdfPages(fixed.latin!.pdf))[0]!.text.trim()).toBe(FIXED.latin);
  });

  // Not for pdf.js: a word drawn starting with a mark (its last letter carries one, as in "جيداً" in the middle of
  // a line) loses the mark to the text before it there. pdf.js adds a glyph whose text holds a combining mark to its
  // current text item without comparing positions (getTextContent: isZeroWidthDiacritic), and a right-to-left word
  // is drawn from its left end, its last letter first. It was so before the marks were drawn as they are now.

  it('poppler reads words with marks whole, in typed order, the lines top to bottom', () => {
    const lines = popplerText(fixed.marks!.file);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(words(lines.join(' '))).toEqual(words(FIXED.marks));
  });

  it('poppler reads guillemets and brackets as typed, over several lines', () => {
    const lines = popplerText(fixed.brackets!.file);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(words(lines.join(' '))).toEqual(words(FIXED.brackets));
  });

  it('poppler reads the sentence with tanwin and brackets as typed, but for the bracket after the number', () => {
    const lines = popplerText(fixed.sentence!.file);
    // poppler 22.12 orders a right-to-left line by its own rule (TextOutputDev reorderText): digits and , . : ،
    // count as left to right ("#" in UnicodeTypeTable), everything else not a letter goes with the right-to-left
    // text before them. A character after a number inside right-to-left text therefore always comes out before it,
    // whatever is drawn: ")3" where "3)" was typed (and "(DIN 1988)" comes out as ") (DIN 1988"). As in the tests
    // above, the spaces are compared apart.
    expect(lines.join('')).toContain('لطفاً');
    expect(lines.join('').replace(/\s+/g, '')).toBe(FIXED.sentence.replace(/\s+/g, '').replace('3)', ')3'));
  });

  it('MuPDF reads the words with their marks and brackets in typed order (1.21: the letters of each word as drawn)', () => {
    for (const name of ['brackets', 'marks'] as const) {
      const out = spawnSync('mutool', ['draw', '-F', 'txt', fixed[name]!.file], { encoding: 'utf8' }).stdout;
      expect(words(out).map((w) => (ARABIC.test(w) ? [...w].reverse().join('') : w))).toEqual(words(FIXED[name]));
    }
  });

  it('poppler -bbox-layout: read from the right, the lines hold the typed words with their marks and brackets', () => {
    for (const name of ['brackets', 'marks'] as const) {
      const read = pdfLines(fixed[name]!.pdf).flatMap((l) => [...l.words].sort((a, b) => b.xMax - a.xMax).map((w) => [...w.text].reverse().join('')));
      expect(read.join(' ')).toBe(FIXED[name]);
    }
  });
});
