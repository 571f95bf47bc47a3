// Hostile files and values (issue 9, section 6): one text rule for every text field, strict input objects,
// limits for every import.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { nestsDeeperThan } from '../../electron/core/plan/jsonLines';
import { contracts } from '../../shared/api';
import { CSV_MAX_COLUMNS } from '../../shared/glossary';
import { TEMPLATE_MAX_BYTES, TEMPLATE_MAX_DEPTH } from '../../shared/planTemplate';
import { firmInput, testCore, traineeInput } from './helpers';

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
