// Hostile files and values (issue 9, section 6): one text rule for every text field, strict input objects,
// limits for every import, CSV cells that open as text in a spreadsheet, pictures checked and normalised, and
// error envelopes without internals.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { INTERNAL_MESSAGE, showsInternals } from '../../electron/core/api/registry';
import { cellValue, parseCsv, writeCsv } from '../../electron/core/language/csv';
import { nestsDeeperThan } from '../../electron/core/plan/jsonLines';
import { contracts } from '../../shared/api';
import { CSV_MAX_COLUMNS, PICTURE_PRINT_SIDE } from '../../shared/glossary';
import de from '../../renderer/i18n/de/errors';
import en from '../../renderer/i18n/en/errors';
import { TEMPLATE_MAX_BYTES, TEMPLATE_MAX_DEPTH } from '../../shared/planTemplate';
import { pngFile, traineeWithTask } from './glossaryFixtures';
import { DIST, ensureBuilt, firmInput, tempDir, testCore, traineeInput, type TestCore } from './helpers';

type Def = { type: string; [k: string]: unknown };
const defOf = (s: unknown) => (s as { _zod: { def: Def } })._zod.def;

/** Every schema inside `schema` (objects, arrays, wrappers, unions, records, pipes), with its path. */
function walk(schema: z.ZodType, path: string, visit: (s: z.ZodType, def: Def, path: string) => void, seen = new Set<unknown>()) {
  if (seen.has(schema)) return;
  seen.add(schema);
  const def = defOf(schema);
  visit(schema, def, path);
  const next = (s: unknown, p: string) => s && walk(s as z.ZodType, p, visit, seen);
  switch (def.type) {
    case 'object':
      for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) next(v, `${path}.${k}`);
      break;
    case 'array':
      next(def.element, `${path}[]`);
      break;
    case 'union':
      (def.options as unknown[]).forEach((o, i) => next(o, `${path}|${i}`));
      break;
    case 'record':
      next(def.keyType, `${path}{key}`);
      next(def.valueType, `${path}{}`);
      break;
    case 'pipe':
      next(def.in, path);
      next(def.out, path);
      break;
    case 'intersection':
      next(def.left, path);
      next(def.right, path);
      break;
    default:
      if (def.innerType) next(def.innerType, path);
  }
}

/** Strings of the contracts that are not text a person typed: file contents, checked by the core as files. */
const FILE_CONTENT = new Set(['glossary.setPicture.base64', 'glossary.import.base64', 'occupations.import.text']);

describe('one text rule for every text field', () => {
  it('refuses a NUL, another control character or a lone surrogate in every text field of every contract', () => {
    const checked: string[] = [];
    for (const [name, c] of Object.entries(contracts)) {
      walk(c.input, name, (s, def, path) => {
        if (def.type !== 'string' || FILE_CONTENT.has(path)) return;
        checked.push(path);
        for (const bad of ['a\u0000b', 'a\u0007b', 'a\u009bb', 'a\u007fb', 'a\ud800b']) {
          expect(s.safeParse(bad).success, `${path} accepts ${JSON.stringify(bad)}`).toBe(false);
        }
      });
    }
    expect(checked).toContain('firm.save.name');
    expect(checked).toContain('glossary.create.term');
    expect(checked).toContain('nachweis.save.content.entries[].text');
    expect(checked.length).toBeGreaterThan(150);
  });

  it('refuses a name of only NUL characters with a translated field message and stores nothing', async () => {
    const c = testCore();
    const err = await c.fail('trainees.create', traineeInput({ firstName: '\u0000\u0000\u0000' }));
    expect(err.code).toBe('validation');
    expect(err.issues).toEqual([{ path: ['firstName'], key: 'control_character', params: {} }]);
    expect((await c.call('trainees.list', {})).items).toEqual([]);
  });

  it('refuses a glossary term "\\u0000" as a field error, not an internal error showing SQL', async () => {
    const c = testCore();
    const err = await c.fail('glossary.create', { term: '\u0000', wordClass: 'other' });
    expect(err.code).toBe('validation');
    expect(err.issues).toEqual([{ path: ['term'], key: 'control_character', params: {} }]);
    expect(err.message).not.toMatch(/CHECK|constraint|SQL/i);
  });

  it('stores text in NFC, trimmed; line breaks only in long texts (CRLF becomes LF); length counted after that', async () => {
    const c = testCore();
    const t = await c.call('trainees.create', traineeInput({ firstName: '  Jose\u0301 ', lastName: `${'e\u0301'.repeat(100)}`, notes: 'Zeile 1\r\nZeile 2\r\tEnde' }));
    expect(t.firstName).toBe('José');
    expect(t.lastName).toBe('é'.repeat(100));
    expect(t.notes).toBe('Zeile 1\nZeile 2\n\tEnde');
    const err = await c.fail('trainees.create', traineeInput({ lastName: 'Yousef\tAmina', address: 'Straße 1\nHamburg' }));
    expect(err.issues).toEqual([
      { path: ['lastName'], key: 'line_break', params: {} },
      { path: ['address'], key: 'line_break', params: {} },
    ]);
    const task = await c.fail('trainees.update', { ...traineeInput({ priorExperience: 'a\u0000' }), id: t.id });
    expect(task.issues).toEqual([{ path: ['priorExperience'], key: 'control_character', params: {} }]);
  });

  it("turns every kind of line break in a long text into LF (Word's vertical tab, form feed, NEL, U+2028)", async () => {
    const c = testCore();
    const t = await c.call('trainees.create', traineeInput({ notes: 'a\vb\fc\u0085d\u2028e\u2029f' }));
    expect(t.notes).toBe('a\nb\nc\nd\ne\nf');
    expect((await c.fail('trainees.create', traineeInput({ lastName: 'a\u2028b' }))).issues).toEqual([{ path: ['lastName'], key: 'line_break', params: {} }]);
  });

  it('still reads a training-record sheet saved before the rule with control characters in it', async () => {
    const c = testCore({ now: () => new Date('2026-09-20T10:00:00Z') });
    await c.call('firm.save', firmInput());
    const t = await c.call('trainees.create', traineeInput());
    await c.call('plan.create', { traineeId: t.id });
    const content = { entries: [{ kind: 'work' as const, day: null, text: 'Korpus zugeschnitten', hours: 30, positions: [] }], absences: [], remarks: null };
    const r = await c.call('nachweis.save', { traineeId: t.id, from: '2026-08-10', to: '2026-08-14', content });
    // As an earlier version could store it (no text rule then): a bell, a NUL, a vertical tab, a lone surrogate.
    const old = { ...content, entries: [{ ...content.entries[0], text: 'Korpus\u0007 zuge\u0000schnitten\vKanten\ud800 angeleimt' }], absences: [{ day: '2026-08-12', kind: 'illness', hours: null, note: 'krank\nArzt' }] };
    c.store.db.prepare('UPDATE nachweis_records SET content = ? WHERE id = ?').run(JSON.stringify(old), r.id);
    const read = await c.call('nachweis.get', { id: r.id });
    expect(read.content.entries[0]!.text).toBe('Korpus zugeschnitten\nKanten angeleimt');
    expect(read.content.absences[0]!.note).toBe('krank\nArzt');
    expect((await c.call('nachweis.list', { traineeId: t.id })).weeks.length).toBeGreaterThan(0);
  });
});

describe('strict input objects', () => {
  it('every object of every contract input refuses unknown fields', () => {
    const loose: string[] = [];
    for (const [name, c] of Object.entries(contracts)) {
      walk(c.input, name, (_s, def, path) => {
        if (def.type === 'object' && defOf(def.catchall ?? { _zod: { def: { type: 'none' } } }).type !== 'never') loose.push(path);
      });
    }
    expect(loose).toEqual([]);
  });

  it('refuses unknown fields of the firm and of a trainer with the translated unknown_field issue, saving nothing', async () => {
    const c = testCore();
    const err = await c.fail('firm.save', { ...firmInput(), isAdmin: true, trainers: [{ name: 'Meisterin', role: null, aevo: true, password: 'x' }] });
    expect(err.code).toBe('validation');
    expect(err.issues).toEqual(
      expect.arrayContaining([
        { path: [], key: 'unknown_field', params: { fields: 'isAdmin' } },
        { path: ['trainers', 0], key: 'unknown_field', params: { fields: 'password' } },
      ]),
    );
    expect(await c.call('firm.get', {})).toBeNull();
  });
});

describe('import limits: refused before anything parses deeply, nothing changed', () => {
  it('refuses a template nested a million levels deep with a translated message', async () => {
    const c = testCore();
    const before = await c.call('occupations.overview', {});
    const deep = `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`;
    const err = await c.fail('occupations.import', { text: `{"format":"werkbruecke-rahmenplan","exam":{"summary":"x","parts":[${deep}]}}`, fileName: 'tief.json' });
    expect(err).toMatchObject({ code: 'import_too_deep', params: { max: TEMPLATE_MAX_DEPTH } });
    expect(await c.call('occupations.overview', {})).toEqual(before);
  });

  it('counts only brackets outside strings', () => {
    expect(nestsDeeperThan(`{"a":"${'['.repeat(100)}\\"${'{'.repeat(100)}"}`, 2)).toBe(false);
    expect(nestsDeeperThan('{"a":[[1]]}', 2)).toBe(true);
    expect(nestsDeeperThan('{"a":[[1]]}', 3)).toBe(false);
  });

  it('refuses a template file over the size limit, by bytes and by characters', async () => {
    const c = testCore();
    const big = await c.fail('occupations.import', { text: `{"format":"werkbruecke-rahmenplan","x":"${'ä'.repeat(TEMPLATE_MAX_BYTES / 2 + 10)}"}` });
    expect(big).toMatchObject({ code: 'import_too_large', params: { maxMb: 2 } });
    const huge = await c.fail('occupations.import', { text: ' '.repeat(TEMPLATE_MAX_BYTES + 1) });
    expect(huge.issues).toEqual([{ path: ['text'], key: 'file_too_large', params: { maxMb: 2 } }]);
  });

  it('refuses free-form template data nested deeper than the format needs', async () => {
    const c = testCore();
    const template = await c.call('occupations.template', { occupationId: 'tischler' });
    const info = await c.call('occupations.create', { name: 'Tiefbau', copyFrom: 'tischler' });
    let nested: unknown = 'x';
    for (let i = 0; i < 200; i++) nested = [nested];
    const err = await c.fail('occupations.saveTemplate', { occupationId: info.id, template: { ...template, exam: { summary: 'Prüfung', parts: [{ name: 'Teil 1', components: nested }] } } });
    expect(err.issues).toEqual([expect.objectContaining({ path: ['template', 'exam', 'parts', 0, 'components'], key: 'too_deep' })]);
    expect((await c.call('occupations.template', { occupationId: info.id })).exam).toEqual(template.exam);
  });

  it('refuses a glossary CSV with a row of 100,000 cells', async () => {
    const c = testCore();
    const before = (await c.call('glossary.list', { limit: 1 })).total;
    const csv = Buffer.from(`Begriff;Englisch (en)\nHammer;hammer\n${';'.repeat(100_000)}\n`);
    const err = await c.fail('glossary.import', { occupationId: null, fileName: 'g.csv', base64: csv.toString('base64') });
    expect(err).toMatchObject({ code: 'csv_too_many_columns', params: { row: 3, max: CSV_MAX_COLUMNS } });
    expect((await c.call('glossary.list', { limit: 1 })).total).toBe(before);
  });
});

describe('CSV export: no formula injection, export = import', () => {
  const HOSTILE = ['=SUM(A1:A2)', '+49 40 123', '-Rand', '@Mention', '|Pipe', "'Apostroph", "''zwei Apostrophe", "'=schon neutralisiert", '=1+1', '=HYPERLINK("http://example.com";"klick")'];

  async function hostileWorkspace() {
    const c = testCore();
    for (const [i, term] of HOSTILE.entries()) {
      await c.call('glossary.create', {
        occupationId: null,
        term,
        wordClass: 'other',
        explanation: i % 2 ? `=${i}+${i}\nzweite Zeile` : null,
        example: i % 3 ? `@${term}` : null,
        translations: { en: term, ar: `-${i}` },
      });
    }
    return c;
  }
  const exportOf = async (c: TestCore) => Buffer.from((await c.call('exports.create', { kind: 'glossar', filter: 'general' })).base64, 'base64');
  const hostileEntries = async (c: TestCore) =>
    (await c.call('glossary.list', { filter: 'general', limit: 1000 })).entries
      .filter((e) => HOSTILE.includes(e.term))
      .map(({ term, explanation, example, translations }) => ({ term, explanation, example, translations }))
      .sort((a, b) => a.term.localeCompare(b.term));

  it('writes every cell a spreadsheet would run as a formula with a leading apostrophe, quoted', async () => {
    const c = await hostileWorkspace();
    const text = (await exportOf(c)).toString('utf8');
    const { records } = parseCsv(text, 10_000);
    for (const r of records) for (const cell of r.cells) expect(cell, `row ${r.row}`).not.toMatch(/^[=+\-@\t\r|]/);
    expect(text).toContain(`\r\n"'=SUM(A1:A2)";`);
    expect(text).toContain(`;"'=HYPERLINK(""http://example.com"";""klick"")";`);
    expect(text).toContain(`\r\n"''Apostroph";`);
  });

  it('imports its own export to exactly the exported values, and exports them again byte for byte', async () => {
    const a = await hostileWorkspace();
    const exported = await exportOf(a);
    const b = testCore();
    const r = await b.call('glossary.import', { occupationId: null, fileName: 'g.csv', base64: exported.toString('base64') });
    expect(r.problems).toEqual([]);
    expect(await hostileEntries(b)).toEqual(await hostileEntries(a));
    expect((await hostileEntries(b)).map((e) => e.term).sort()).toEqual([...HOSTILE].sort());
    expect((await exportOf(b)).equals(exported)).toBe(true);
  });

  it('round-trips any value through a cell, also one starting with tab or CR, and leaves a hand-typed apostrophe', () => {
    const values = ['\t=1', '\rx', "'", "''", "'a", '=', 'normal', '', ' =x', 'a;b"c\nd'];
    const { records } = parseCsv(writeCsv([values]).toString('utf8'), 10);
    expect(records[0]!.cells.map(cellValue)).toEqual(values);
    expect(cellValue("'hallo")).toBe("'hallo");
  });

  it('opens in LibreOffice Calc as text: no formula is evaluated (skipped when soffice is not installed)', async (t) => {
    const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/local/bin/soffice'].find((f) => fs.existsSync(f));
    if (!soffice) return t.skip('LibreOffice (soffice) is not installed: apt-get install -y libreoffice-calc-nogui');
    const c = await hostileWorkspace();
    const dir = tempDir('wb-calc-');
    fs.writeFileSync(path.join(dir, 'ours.csv'), await exportOf(c));
    // The control: the same values written raw, as main did, are evaluated by Calc (so this test can fail).
    fs.writeFileSync(path.join(dir, 'raw.csv'), '\uFEFFBegriff\r\n=1+1\r\n=2*3\r\n');
    const run = spawnSync(
      soffice,
      [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--infilter=CSV:59,34,76,1', '--convert-to', 'csv:Text - txt - csv (StarCalc):59,34,76,1', '--outdir', path.join(dir, 'out'), path.join(dir, 'ours.csv'), path.join(dir, 'raw.csv')],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    const raw = fs.readFileSync(path.join(dir, 'out', 'raw.csv'), 'utf8');
    expect(raw.split(/\r?\n/).slice(1, 3)).toEqual(['2', '6']);
    // Calc read every cell of ours as the text we wrote: its own CSV of the sheet holds exactly our cells.
    const cells = (file: string) => parseCsv(fs.readFileSync(file, 'utf8'), 10_000).records.map((r) => r.cells);
    expect(cells(path.join(dir, 'out', 'ours.csv'))).toEqual(cells(path.join(dir, 'ours.csv')));
    expect(cells(path.join(dir, 'out', 'ours.csv')).map((r) => cellValue(r[0]!))).toEqual(expect.arrayContaining(HOSTILE));
  });
});

/** A real, valid black-and-white PNG (1 bit per pixel): a few hundred KB can claim tens of megapixels. */
function bilevelPng(width: number, height: number): Buffer {
  const stride = Math.ceil(width / 8) + 1;
  const raw = Buffer.alloc(stride * height, 0x55);
  for (let y = 0; y < height; y++) raw[y * stride] = 0; // filter byte of each row
  return pngFile(width, height, 1, 0, raw); // bit depth 1, greyscale
}

describe('pictures: checked from the header, normalised, stored once', () => {
  const newEntry = (c: TestCore, term: string) => c.call('glossary.create', { occupationId: null, term, wordClass: 'other' });
  const glossaryFiles = (c: TestCore) => {
    const dir = path.join(c.dataDir, 'files', 'glossary');
    return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  };
  const stored = async (c: TestCore, id: number) => Buffer.from((await c.call('glossary.picture', { id })).base64, 'base64');

  it('refuses a small PNG of 6300 × 6300 pixels before decoding it, with a translated message, storing nothing', async () => {
    const c = testCore();
    const e = await newEntry(c, 'Riesenbild');
    const png = bilevelPng(6300, 6300);
    expect(png.length).toBeLessThan(400_000);
    const err = await c.fail('glossary.setPicture', { id: e.id, fileName: 'riesig.png', base64: png.toString('base64') });
    expect(err).toMatchObject({ code: 'picture_too_many_pixels', params: { width: 6300, height: 6300, maxMp: 25, maxSide: 10_000 } });
    expect(de.picture_too_many_pixels).toContain('{{maxMp}}');
    expect(en.picture_too_many_pixels).toContain('{{maxMp}}');
    expect((await c.call('glossary.get', { id: e.id })).picture).toBeNull();
    expect(glossaryFiles(c)).toEqual([]);
    const side = await c.fail('glossary.setPicture', { id: e.id, fileName: 'lang.png', base64: bilevelPng(12_000, 10).toString('base64') });
    expect(side.code).toBe('picture_too_many_pixels');
  });

  it('scales a large picture to what print needs', async () => {
    const c = testCore();
    const e = await newEntry(c, 'Großes Bild');
    await c.call('glossary.setPicture', { id: e.id, fileName: 'gross.png', base64: bilevelPng(4000, 3000).toString('base64') });
    expect(await sharp(await stored(c, e.id)).metadata()).toMatchObject({ format: 'png', width: PICTURE_PRINT_SIDE, height: 900 });
  });

  it('gives back a JPEG with EXIF GPS without it, turned upright', async () => {
    const c = testCore();
    const e = await newEntry(c, 'Baustelle');
    const photo = await sharp({ create: { width: 60, height: 40, channels: 3, background: { r: 200, g: 120, b: 40 } } })
      .jpeg()
      .withExif({ IFD0: { ImageDescription: 'WB-MARKER Baustelle Hamburg' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '53/1 33/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '9/1 59/1 0/1' } })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const input = await sharp(photo).metadata();
    expect(input.exif?.includes('WB-MARKER')).toBe(true);
    expect(input.exif?.includes(Buffer.from([0x88, 0x25])) || input.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true); // GPS IFD pointer
    expect(input.orientation).toBe(6);
    await c.call('glossary.setPicture', { id: e.id, fileName: 'foto.jpg', base64: photo.toString('base64') });
    const out = await stored(c, e.id);
    const meta = await sharp(out).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 40, height: 60 });
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(out.includes('WB-MARKER')).toBe(false);
    expect(fs.readFileSync(path.join(c.dataDir, 'files', 'glossary', glossaryFiles(c)[0]!)).equals(out)).toBe(true);
  });

  it('prints a huge picture stored by an earlier version scaled down, without changing the file', async () => {
    const c = testCore({ now: () => new Date('2026-09-20T10:00:00Z') });
    const { input, terms } = await traineeWithTask(c);
    const id = terms.get('Wasserhahn')!.id;
    // As main stored it: the uploaded bytes as they were, under glossary/<id>-<random>.png.
    const old = bilevelPng(6300, 6300);
    const rel = `glossary/${id}-0a1b2c3d4e5f.png`;
    fs.mkdirSync(path.join(c.dataDir, 'files', 'glossary'), { recursive: true });
    fs.writeFileSync(path.join(c.dataDir, 'files', rel), old);
    c.store.db.prepare("UPDATE glossary_entries SET picture_file = ?, picture_mime = 'image/png', picture_bytes = ? WHERE id = ?").run(rel, old.length, id);
    const task = await c.call('tasks.create', input);
    const f = await c.call('exports.create', { kind: 'arbeitsblatt', taskId: task.id });
    const pdf = path.join(tempDir(), 'blatt.pdf');
    fs.writeFileSync(pdf, Buffer.from(f.base64, 'base64'));
    const list = spawnSync('pdfimages', ['-list', pdf], { encoding: 'utf8' });
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(new RegExp(`\\s${PICTURE_PRINT_SIDE}\\s+${PICTURE_PRINT_SIDE}\\s`));
    expect(list.stdout).not.toContain('6300');
    expect(fs.readFileSync(path.join(c.dataDir, 'files', rel)).equals(old)).toBe(true);
  });

  it('stores a picture imported twice once, and removes it when the last entry using it lets go', async () => {
    const c = testCore();
    const a = await newEntry(c, 'Säge');
    const b = await newEntry(c, 'Fuchsschwanz');
    const png = bilevelPng(300, 200).toString('base64');
    await c.call('glossary.setPicture', { id: a.id, fileName: 'saege.png', base64: png });
    await c.call('glossary.setPicture', { id: b.id, fileName: 'saege-kopie.png', base64: png });
    await c.call('glossary.setPicture', { id: a.id, fileName: 'saege.png', base64: png });
    expect(glossaryFiles(c)).toEqual([expect.stringMatching(/^[0-9a-f]{64}\.png$/)]);
    expect((await stored(c, a.id)).equals(await stored(c, b.id))).toBe(true);
    await c.call('glossary.removePicture', { id: a.id });
    expect(glossaryFiles(c)).toHaveLength(1);
    expect((await stored(c, b.id)).length).toBeGreaterThan(0);
    await c.call('glossary.delete', { id: b.id });
    expect(glossaryFiles(c)).toEqual([]);
  });
});

describe('no error the user can see contains SQL, a file path or a stack trace', () => {
  const expectClean = (err: { code: string; message: string; params?: Record<string, unknown> }, dataDir: string) => {
    const text = JSON.stringify(err);
    expect(text).not.toContain(dataDir);
    expect(text).not.toMatch(/SQLITE|constraint|glossary_entries|trigger|INSERT|\/tmp\/|\bat .+:\d+:\d+/i);
  };

  it('answers a constraint the database refuses with the generic internal message, and logs the cause', async () => {
    const c = testCore();
    // A rule the contract does not know about: the database refuses the row (a real SQLite error, with SQL in it).
    c.store.db.exec(`CREATE TRIGGER wb_test_refuse BEFORE INSERT ON glossary_entries WHEN NEW.term = 'Verboten'
      BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: length(term) <> 8 (INSERT INTO glossary_entries ...)'); END`);
    const err = await c.fail('glossary.create', { occupationId: null, term: 'Verboten', wordClass: 'other' });
    expect(err).toEqual({ code: 'internal', message: INTERNAL_MESSAGE });
    expectClean(err, c.dataDir);
    expect(de.internal).toBeTruthy();
  });

  it('answers a file-system error without the path of the workspace', async () => {
    const c = testCore();
    const e = await c.call('glossary.create', { occupationId: null, term: 'Bild', wordClass: 'other' });
    fs.mkdirSync(path.join(c.dataDir, 'files'), { recursive: true });
    fs.writeFileSync(path.join(c.dataDir, 'files', 'glossary'), 'not a folder');
    const err = await c.fail('glossary.setPicture', { id: e.id, fileName: 'a.png', base64: bilevelPng(20, 20).toString('base64') });
    expect(err.code).toBe('internal');
    expectClean(err, c.dataDir);
    expect((await c.call('glossary.get', { id: e.id })).picture).toBeNull();
  });

  it('replaces the text of an error from the job worker that carries SQL', async () => {
    ensureBuilt();
    const c = testCore({ workerFile: path.join(DIST, 'worker.cjs') });
    c.store.db.exec(`CREATE TRIGGER wb_test_refuse BEFORE INSERT ON glossary_entries
      BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: INSERT INTO glossary_entries refused'); END`);
    const csv = Buffer.from('Begriff;Englisch (en)\nHammer;hammer\n');
    const err = await c.fail('glossary.import', { occupationId: null, fileName: 'g.csv', base64: csv.toString('base64') });
    expect(err).toMatchObject({ code: 'internal', message: INTERNAL_MESSAGE });
    expectClean(err, c.dataDir);
  }, 120_000);

  it('tells internals from ordinary messages', () => {
    for (const s of ["ENOENT: no such file or directory, open '/home/anna/werkbruecke/files/x.png'", 'C:\\Users\\anna\\x', 'SqliteError: no such table: trainees', 'UPDATE trainees SET x = 1 WHERE id = 2', 'Error: x\n    at f (/a/b.js:1:2)']) {
      expect(showsInternals(s), s).toBe(true);
    }
    for (const s of ['"Hobelbank" is already in this glossary', 'The file has 3 MB; at most 2 MB', 'Template Rahmenplan_Tischler.json is not valid (line 3, field positions[0].items)', 'Tischler/in und Schreiner/in']) {
      expect(showsInternals(s), s).toBe(false);
    }
  });
});
