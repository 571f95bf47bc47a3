// Hostile files and values (issue 9, section 6): one text rule for every text field, strict input objects,
// limits for every import, CSV cells that open as text in a spreadsheet.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { cellValue, parseCsv, writeCsv } from '../../electron/core/language/csv';
import { nestsDeeperThan } from '../../electron/core/plan/jsonLines';
import { contracts } from '../../shared/api';
import { CSV_MAX_COLUMNS } from '../../shared/glossary';
import { TEMPLATE_MAX_BYTES, TEMPLATE_MAX_DEPTH } from '../../shared/planTemplate';
import { firmInput, tempDir, testCore, traineeInput, type TestCore } from './helpers';

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
  it('refuses a NUL, another control character, a lone surrogate or a line break in a single-line field of every contract', () => {
    const checked: string[] = [];
    for (const [name, c] of Object.entries(contracts)) {
      walk(c.input, name, (s, def, path) => {
        if (def.type !== 'string' || FILE_CONTENT.has(path)) return;
        checked.push(path);
        for (const bad of ['a\u0000b', 'a\u0007b', 'a\u0085b', 'a\u007fb', 'a\ud800b']) {
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
    expect(await c.call('trainees.list', {})).toEqual([]);
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
