// Framework-plan templates: the shipped files in resources/rahmenplaene/ and the firm's own ones in the database.
// Every template is checked with the zod schema when it is read; a broken one is reported (field and line) and
// never used in part.
import fs from 'node:fs';
import path from 'node:path';
import { RahmenplanTemplate, fieldPath, type TemplateProblem } from '../../../shared/planTemplate';
import { toFieldIssues } from '../../../shared/errors';
import { AppError } from '../errors';
import { resourcesDir } from '../paths';
import type { Db } from '../store/db';
import { findLine, syntaxErrorLine } from './jsonLines';

export type TemplateResult = { ok: true; template: RahmenplanTemplate } | { ok: false; problems: TemplateProblem[] };

/** Parses and checks the text of a template file. Problems name the field (JSON path) and the line. */
export function parseTemplate(text: string): TemplateResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const { line, column } = syntaxErrorLine(text, e);
    return { ok: false, problems: [{ field: '', line, key: 'template_syntax', params: column === null ? {} : { column } }] };
  }
  const r = RahmenplanTemplate.safeParse(raw);
  if (r.success) return { ok: true, template: r.data };
  const issues = toFieldIssues(r.error.issues, raw);
  return {
    ok: false,
    problems: issues.slice(0, 20).map((i) => ({ field: fieldPath(i.path), line: findLine(text, i.path), key: i.key, params: i.params ?? {} })),
  };
}

/** The error for a template that cannot be used; `source` names the file or occupation. */
export function templateError(source: string, problems: TemplateProblem[]): AppError {
  const p = problems[0]!;
  const where = [p.line !== null ? `line ${p.line}` : null, p.field ? `field ${p.field}` : null].filter(Boolean).join(', ');
  return new AppError(
    p.key === 'template_syntax' ? 'template_syntax' : 'template_invalid',
    `Template ${source} is not valid${where ? ` (${where})` : ''}: ${p.key}`,
    { source, field: p.field || '—', line: p.line ?? '—', problem: p.key, count: problems.length },
  );
}

export function builtinDir() {
  return path.join(resourcesDir(), 'rahmenplaene');
}

const builtinCache = new Map<string, TemplateResult>();

/** The shipped template of an occupation (resources/rahmenplaene/<id>.json), checked once per process. */
export function loadBuiltinTemplate(occupationId: string, dir = builtinDir()): TemplateResult | null {
  const file = path.join(dir, `${occupationId}.json`);
  const cached = builtinCache.get(file);
  if (cached) return cached;
  if (!/^[a-z0-9-]+$/.test(occupationId) || !fs.existsSync(file)) return null;
  const result = parseTemplate(fs.readFileSync(file, 'utf8'));
  builtinCache.set(file, result);
  return result;
}

interface OccupationRow {
  id: string;
  name: string;
  custom: number;
}

export function occupationRow(db: Db, occupationId: string): OccupationRow {
  const row = db.prepare('SELECT id, name, custom FROM occupations WHERE id = ?').get(occupationId) as OccupationRow | undefined;
  if (!row) throw new AppError('not_found', `Occupation ${occupationId} not found`, { what: 'occupation', id: occupationId });
  return row;
}

/** The template of any occupation, shipped or the firm's own; problems instead of a template when it is broken. */
export function templateResult(db: Db, occupationId: string): TemplateResult | null {
  const occ = occupationRow(db, occupationId);
  if (occ.custom === 0) return loadBuiltinTemplate(occupationId);
  const row = db.prepare('SELECT body FROM occupation_templates WHERE occupation_id = ?').get(occupationId) as { body: string } | undefined;
  return row ? parseTemplate(row.body) : null;
}

/** The template of an occupation; throws a clear error when there is none or it is broken. */
export function getTemplate(db: Db, occupationId: string): RahmenplanTemplate {
  const r = templateResult(db, occupationId);
  if (!r) throw new AppError('no_template', `Occupation ${occupationId} has no framework-plan template`, { id: occupationId });
  if (!r.ok) throw templateError(occupationId, r.problems);
  return r.template;
}
