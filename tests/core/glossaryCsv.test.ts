import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../electron/core/language/csv';
import { b64, csvBytes, entriesByTerm } from './glossaryFixtures';
import { DIST, ensureBuilt, testCore, type TestCore } from './helpers';

const exportCsv = async (c: TestCore, filter?: string) => {
  const f = await c.call('exports.create', { kind: 'glossar', ...(filter ? { filter } : {}) });
  return { ...f, buf: Buffer.from(f.base64, 'base64') };
};
const importCsv = (c: TestCore, bytes: Buffer, occupationId: string | null = null) =>
  c.call('glossary.import', { occupationId, fileName: 'wortschatz.csv', base64: bytes.toString('base64') });

describe('glossary CSV export and import', () => {
  it('round-trips: what one workspace exports, another imports to the same export, byte for byte', async () => {
    const a = testCore();
    const shk = await entriesByTerm(a, 'anlagenmechaniker-shk');
    const rohr = shk.get('Rohr')!;
    const { id, occupationId, term, article, plural, wordClass, explanation, example, tags } = rohr;
    await a.call('glossary.update', { id, occupationId, term, article, plural, wordClass, explanation, example, tags, translations: { ...rohr.translations, ar: 'أنبوب', ti: 'ቱቦ', uk: 'труба', prs: 'لوله' } });
    await a.call('glossary.create', {
      occupationId: null,
      term: 'Übergabe; "sauber"',
      wordClass: 'phrase',
      explanation: 'Zeile 1\nZeile 2 mit "Anführungszeichen", Komma und ; Semikolon',
      example: '  führende Leerzeichen bleiben',
      tags: ['process', 'safety'],
      translations: { ar: 'تسليم نظيف', fr: 'remise « propre »' },
    });
    const first = await exportCsv(a);
    expect(first.fileName).toBe('Fachwortschatz_alle.csv');
    expect(first.mimeType).toContain('text/csv');
    expect([...first.buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = first.buf.toString('utf8');
    expect(text.split('\r\n')[0]).toBe(
      '\uFEFFBegriff;Artikel;Plural;Wortart;Erklärung;Beispielsatz;Schlagwörter;Beruf;Arabisch (ar);Dari (prs);Farsi (fa);Paschtu (ps);Tigrinya (ti);Ukrainisch (uk);Russisch (ru);Englisch (en);Französisch (fr);Türkisch (tr);Kurmandschi (kmr);Somali (so);Ungeprüft',
    );
    expect(text).toContain('Rohr;das;Rohre;Nomen;');
    expect(text).toContain(';anlagenmechaniker-shk;أنبوب;لوله;لوله;نل;ቱቦ;труба;;pipe;');

    const b = testCore();
    const result = await importCsv(b, first.buf);
    expect(result.problems).toEqual([]);
    expect(result.created).toBe(1);
    // The starter entries were already there; only Rohr gained translations.
    expect(result.updated).toBe(1);
    expect(result.unchanged).toBe(result.rows - 2);
    expect(result.languages).toEqual(['ar', 'en', 'fa', 'fr', 'prs', 'ps', 'ti', 'uk']);
    const second = await exportCsv(b);
    expect(second.buf.equals(first.buf)).toBe(true);
    // And importing it again changes nothing.
    const again = await importCsv(b, second.buf);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: again.rows });
  });

  it('keeps which translations are unreviewed suggestions: a checked one stays checked, a suggestion never becomes checked', async () => {
    const a = testCore();
    const rohr = (await entriesByTerm(a, 'anlagenmechaniker-shk')).get('Rohr')!;
    // The starter's Arabic and Dari are suggestions; the firm checks the Arabic one.
    expect(rohr.suggested).toEqual(expect.arrayContaining(['ar', 'prs']));
    await a.call('glossary.markChecked', { id: rohr.id, language: 'ar' });
    const exported = await exportCsv(a, 'anlagenmechaniker-shk');
    const lines = exported.buf.toString('utf8').split('\r\n');
    const rohrLine = parseCsv(lines[0]!.replace('\uFEFF', '') + '\r\n' + lines.find((l) => l.startsWith('Rohr;'))!, 10).records[1]!.cells;
    const unchecked = rohrLine.at(-1)!.split(', ');
    expect(unchecked).toContain('prs');
    expect(unchecked).not.toContain('ar');

    // A workspace that has the starter list: the Arabic one becomes checked there too, Dari stays a suggestion.
    const b = testCore();
    const inB = await importCsv(b, exported.buf);
    expect(inB.problems).toEqual([]);
    expect(inB.updated).toBe(1);
    const rohrB = (await entriesByTerm(b, 'anlagenmechaniker-shk')).get('Rohr')!;
    expect(rohrB.suggested).not.toContain('ar');
    expect(rohrB.suggested).toContain('prs');
    expect((await exportCsv(b, 'anlagenmechaniker-shk')).buf.equals(exported.buf)).toBe(true);

    // Into the firm-wide list, where no starter entry matches: the suggestions arrive as suggestions, not as checked.
    const c = testCore();
    const rows = exported.buf.toString('utf8').split('\r\n');
    const header = rows[0]!.replace('\uFEFF', '');
    const noOccupation = (line: string) => line.replace(';anlagenmechaniker-shk;', ';;');
    const file = Buffer.from([header, noOccupation(rows.find((l) => l.startsWith('Rohr;'))!)].join('\r\n'), 'utf8');
    const inC = await importCsv(c, file);
    expect(inC).toMatchObject({ created: 1, problems: [] });
    const rohrC = (await entriesByTerm(c, 'general')).get('Rohr')!;
    expect(rohrC.suggested).toEqual(expect.arrayContaining(unchecked));
    expect(rohrC.suggested).not.toContain('ar');

    // Without the column (a list the firm typed), imported translations count as checked, as before.
    const d = testCore();
    const typed = await importCsv(d, csvBytes(['Begriff;Artikel;Arabisch (ar)', 'Zollstock;der;متر قابل للطي']));
    expect(typed).toMatchObject({ created: 1, problems: [] });
    expect((await entriesByTerm(d, 'general')).get('Zollstock')!.suggested).toEqual([]);

    // A code the app does not know is named with its row and column, and that row changes nothing.
    const bad = await importCsv(d, csvBytes(['Begriff;Artikel;Arabisch (ar);Ungeprüft', 'Wasserwaage;die;ميزان الماء;xx']));
    expect(bad.created).toBe(0);
    expect(bad.problems).toEqual([{ row: 2, column: 'Ungeprüft', key: 'csv_bad_language', params: { value: 'xx' } }]);
  });

  it('exports one occupation or the firm-wide list', async () => {
    const c = testCore();
    const tischler = await exportCsv(c, 'tischler');
    expect(tischler.fileName).toBe('Fachwortschatz_tischler.csv');
    const rows = parseCsv(tischler.buf.toString('utf8'), 1000).records.slice(1);
    expect(rows.length).toBe((await c.call('glossary.list', { filter: 'tischler' })).total);
    expect(rows.every((r) => r.cells[7] === 'tischler')).toBe(true);
    const general = parseCsv((await exportCsv(c, 'general')).buf.toString('utf8'), 1000).records.slice(1);
    expect(general.every((r) => r.cells[7] === '')).toBe(true);
    expect((await c.fail('exports.create', { kind: 'glossar', filter: 'baecker' })).issues?.[0]?.key).toBe('unknown_occupation');
  });

  it('imports the good rows and names each bad row with its column; empty cells keep what is stored', async () => {
    const c = testCore();
    const before = await entriesByTerm(c, 'tischler');
    const file = csvBytes([
      'Begriff;Artikel;Plural;Wortart;Erklärung;Schlagwörter;Beruf;Arabisch (ar);uk',
      'Hobel;;;;;;tischler;مسحاج;рубанок', // 2: known term without article: translations added, German side kept
      'Werkbank;die;Werkbänke;Nomen;Ein stabiler Tisch zum Arbeiten.;Werkzeug;tischler;طاولة عمل;верстак', // 3: new
      'Schraubstock;dem;;;;;tischler;;', // 4: bad article
      ';die;;;;;;;', // 5: no term
      'Leiste;die;Leisten;Nomen;;Werkzeug, Glitzer;tischler;;', // 6: unknown tag
      'Fräse;die;;;;;Bäcker;;', // 7: unknown occupation
      `Zwinge;die;;;;;tischler;${'ب'.repeat(301)};`, // 8: translation too long
      'Werkbank;die;;;;;tischler;;', // 9: the same entry again
      'Lack;der;Lacke;Verb;;;tischler;;', // 10: article on a verb
      'Kleber;der;;;;;tischler;;;zu viel', // 11: more cells than columns
      '',
      'Beize;die;Beizen;;Färbt Holz.;Material;;;протрава', // 13: no occupation: goes to the chosen scope (tischler)
    ]);
    const r = await importCsv(c, file, 'tischler');
    expect(r.problems).toEqual([
      { row: 4, column: 'Artikel', key: 'csv_bad_article', params: { value: 'dem' } },
      { row: 5, column: 'Begriff', key: 'required' },
      { row: 6, column: 'Schlagwörter', key: 'csv_bad_tag', params: { value: 'Glitzer' } },
      { row: 7, column: 'Beruf', key: 'csv_bad_occupation', params: { value: 'Bäcker' } },
      { row: 8, column: 'Arabisch (ar)', key: 'too_big_string', params: { max: 300 } },
      { row: 9, column: 'Begriff', key: 'csv_duplicate_row', params: { first: 3, term: 'Werkbank' } },
      { row: 10, column: 'Artikel', key: 'article_only_nouns' },
      { row: 11, column: null, key: 'csv_extra_cells', params: { count: 10, expected: 9 } },
    ]);
    expect(r).toMatchObject({ rows: 11, created: 2, updated: 1, problemCount: 8 });
    const after = await entriesByTerm(c, 'tischler');
    expect(after.get('Hobel')).toMatchObject({
      article: 'der',
      plural: 'Hobel',
      explanation: before.get('Hobel')!.explanation,
      translations: { en: 'plane', ar: 'مسحاج', uk: 'рубанок' },
      origin: 'starter',
    });
    expect(after.get('Werkbank')).toMatchObject({ article: 'die', plural: 'Werkbänke', wordClass: 'noun', tags: ['tool'], origin: 'import', translations: { ar: 'طاولة عمل', uk: 'верстак' } });
    expect(after.get('Beize')).toMatchObject({ occupationId: 'tischler', tags: ['material'], translations: { uk: 'протрава' } });
    for (const bad of ['Schraubstock', 'Leiste', 'Fräse', 'Zwinge', 'Lack', 'Kleber']) expect(after.has(bad), bad).toBe(false);
  });

  it('reads comma-separated files, quoted fields with line breaks, LF endings and header aliases', async () => {
    const c = testCore();
    // A line break is kept in a long text (the explanation); a translation is one line (see hostile.test.ts).
    const text = 'term,article,Arabic,English,explanation\n"Kante, scharf",die,حافة,"sharp ""edge""",\nSchleifklotz,der,,sanding block,"zum\r\nSchleifen"\n';
    const r = await importCsv(c, Buffer.from(text), 'tischler');
    expect(r).toMatchObject({ created: 2, problems: [] });
    const e = await entriesByTerm(c, 'tischler');
    expect(e.get('Kante, scharf')?.translations).toEqual({ ar: 'حافة', en: 'sharp "edge"' });
    expect(e.get('Schleifklotz')?.explanation).toBe('zum\nSchleifen');
  });

  it('refuses a file in the wrong encoding, with missing or unknown columns, and changes nothing', async () => {
    const c = testCore();
    const total = (await c.call('glossary.list', {})).total;
    // Windows-1252 ("CSV (Trennzeichen-getrennt)" from Excel): ä = 0xE4.
    const latin1 = Buffer.from('Begriff;Artikel\r\nHobel;der\r\nS\xe4ge;die\r\n', 'latin1');
    expect(await c.fail('glossary.import', { occupationId: 'tischler', fileName: 'x.csv', base64: b64(latin1) })).toMatchObject({
      code: 'csv_encoding',
      params: { line: 3 },
    });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Begriff;Artikel\r\n', 'utf16le')]);
    expect((await c.fail('glossary.import', { occupationId: null, fileName: 'x.csv', base64: b64(utf16) })).params).toMatchObject({ encoding: 'UTF-16' });
    const noTerm = csvBytes(['Artikel;Plural;en', 'der;Hobel;plane']);
    expect(await c.fail('glossary.import', { occupationId: null, fileName: 'x.csv', base64: b64(noTerm) })).toMatchObject({
      code: 'csv_missing_columns',
      params: { columns: 'Begriff' },
    });
    const unknown = csvBytes(['Begriff;Artikel;Klingonisch;Farbe', 'Hobel;der;x;rot']);
    expect(await c.fail('glossary.import', { occupationId: null, fileName: 'x.csv', base64: b64(unknown) })).toMatchObject({
      code: 'csv_unknown_columns',
      params: { columns: 'Klingonisch, Farbe' },
    });
    const twice = csvBytes(['Begriff;ar;Arabisch', 'Hobel;x;y']);
    expect((await c.fail('glossary.import', { occupationId: null, fileName: 'x.csv', base64: b64(twice) })).code).toBe('csv_duplicate_columns');
    expect((await c.fail('glossary.import', { occupationId: null, fileName: 'x.csv', base64: b64('') })).code).toBe('validation');
    expect((await c.fail('glossary.import', { occupationId: null, fileName: 'x.csv', base64: b64('\uFEFF\r\n') })).code).toBe('csv_empty');
    expect((await c.fail('glossary.import', { occupationId: 'baecker', fileName: 'x.csv', base64: b64(noTerm) })).issues?.[0]?.key).toBe('unknown_occupation');
    const unclosed = csvBytes(['Begriff;en', '"Hobel;plane']);
    expect((await c.fail('glossary.import', { occupationId: null, fileName: 'x.csv', base64: b64(unclosed) })).code).toBe('csv_unclosed_quote');
    expect((await c.call('glossary.list', {})).total).toBe(total);
  });

  it('imports 100,000 rows and refuses one row more', async () => {
    const c = testCore();
    const rows = ['Begriff;Artikel;Plural;Erklärung;Arabisch (ar);Englisch (en)'];
    for (let i = 0; i < 100_000; i++) rows.push(`Teil ${i};das;Teile;Ein Teil mit der Nummer ${i}.;قطعة ${i};part ${i}`);
    const r = await importCsv(c, csvBytes(rows), 'tischler');
    expect(r).toMatchObject({ rows: 100_000, created: 100_000, problemCount: 0 });
    const found = await c.call('glossary.list', { search: 'قطعة 99999' });
    expect(found.entries.map((e) => e.term)).toEqual(['Teil 99999']);
    rows.push('Teil X;das;;;;');
    const err = await c.fail('glossary.import', { occupationId: 'tischler', fileName: 'x.csv', base64: csvBytes(rows).toString('base64') });
    expect(err).toMatchObject({ code: 'csv_too_many_rows', params: { max: 100_000 } });
    expect((await c.call('glossary.list', { filter: 'tischler' })).total).toBe(100_000 + 30);
  }, 120_000);
});

describe('glossary import in the worker thread', () => {
  beforeAll(ensureBuilt, 120_000);

  it('imports off the calling thread and reports problems the same way', async () => {
    const c = testCore({ workerFile: path.join(DIST, 'worker.cjs') });
    const r = await importCsv(c, csvBytes(['Begriff;Artikel;ar', 'Gehrung;die;قطع مائل', 'Falz;des;']), 'tischler');
    expect(r).toMatchObject({ created: 1, problems: [{ row: 3, column: 'Artikel', key: 'csv_bad_article' }] });
    expect((await entriesByTerm(c, 'tischler')).get('Gehrung')?.translations.ar).toBe('قطع مائل');
    const err = await c.fail('glossary.import', { occupationId: null, fileName: 'x.csv', base64: b64(Buffer.from('Begriff\nS\xe4ge\n', 'latin1')) });
    expect(err.code).toBe('csv_encoding');
  });
});
