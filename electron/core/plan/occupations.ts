// Occupations and their templates: the shipped ones (read-only), the firm's own ones (new, copied, imported),
// and the template file in the same format both ways (import / export).
import type { z } from 'zod';
import type { ImportTemplateInput, NewOccupationInput, OccupationInfo, PositionRef } from '../../../shared/plan';
import { RahmenplanTemplate, TEMPLATE_FORMAT, TEMPLATE_MAX_BYTES, TEMPLATE_MAX_DEPTH } from '../../../shared/planTemplate';
import { fileSlug } from '../exports/text';
import { AppError, fieldError } from '../errors';
import type { Db } from '../store/db';
import { nestsDeeperThan } from './jsonLines';
import { getTemplate, occupationRow, parseTemplate, templateError, templateResult } from './templates';

export function occupationPositions(db: Db, occupationId: string): PositionRef[] {
  return getTemplate(db, occupationId).positions.map((p) => ({
    number: p.number,
    title: p.title,
    items: p.items.map((i) => ({ key: i.key, text: i.text })),
  }));
}

interface InfoRow {
  id: string;
  name: string;
  custom: number;
  origin: 'new' | 'copy' | 'import' | null;
  based_on: string | null;
  updated_at: string | null;
  trainees: number;
}

function info(db: Db, row: InfoRow): OccupationInfo {
  const r = templateResult(db, row.id);
  const t = r?.ok ? r.template : null;
  return {
    id: row.id,
    name: row.name,
    custom: row.custom === 1,
    origin: row.custom === 1 ? (row.origin ?? 'new') : 'builtin',
    basedOn: row.based_on,
    regulationName: t?.regulation.name ?? null,
    regulationShort: t?.regulation.short ?? null,
    regulationDate: t?.regulation.date ?? null,
    durationMonths: t?.durationMonths ?? null,
    positionCount: t?.positions.length ?? 0,
    traineeCount: row.trainees,
    problem: r === null ? { field: '', line: null, key: 'no_template', params: {} } : r.ok ? null : r.problems[0]!,
    updatedAt: row.updated_at,
  };
}

const INFO_SQL = `SELECT o.id, o.name, o.custom, t.origin, t.based_on, t.updated_at,
  (SELECT count(*) FROM trainees x WHERE x.occupation_id = o.id) AS trainees
  FROM occupations o LEFT JOIN occupation_templates t ON t.occupation_id = o.id`;

export function occupationsOverview(db: Db): OccupationInfo[] {
  const rows = db.prepare(`${INFO_SQL} ORDER BY o.custom, o.name COLLATE NOCASE`).all() as InfoRow[];
  return rows.map((r) => info(db, r));
}

export function occupationInfo(db: Db, occupationId: string): OccupationInfo {
  const row = db.prepare(`${INFO_SQL} WHERE o.id = ?`).get(occupationId) as InfoRow | undefined;
  if (!row) throw new AppError('not_found', `Occupation ${occupationId} not found`, { what: 'occupation', id: occupationId });
  return info(db, row);
}

function newId(db: Db, name: string): string {
  const base = `eigen-${fileSlug(name).toLowerCase().replace(/[^a-z0-9-]/g, '').slice(0, 40) || 'beruf'}`;
  let id = base;
  for (let n = 2; db.prepare('SELECT 1 FROM occupations WHERE id = ?').get(id); n++) id = `${base}-${n}`;
  return id;
}

function assertNameFree(db: Db, name: string, except: string | null, path: string[]) {
  const clash = db.prepare('SELECT id FROM occupations WHERE name = ? COLLATE NOCASE AND id IS NOT ?').get(name, except) as { id: string } | undefined;
  if (clash) throw fieldError(path, 'occupation_name_taken', `An occupation named ${name} exists already`, { name });
}

/** A minimal template to fill in: one period over the whole training and one position with one skill. */
export function blankTemplate(name: string, months: number): RahmenplanTemplate {
  return {
    format: TEMPLATE_FORMAT,
    formatVersion: 1,
    occupation: { name },
    regulation: { name: `Betrieblicher Ausbildungsrahmen ${name}` },
    durationMonths: months,
    periods: [{ id: 'p1', label: `1. bis ${months}. Monat`, fromMonth: 1, toMonth: months }],
    sections: [],
    positions: [
      {
        number: '1',
        section: null,
        title: 'Erste Berufsbildposition',
        throughoutTraining: false,
        items: [{ key: 'a', text: 'Erste Fertigkeit' }],
        timeGuide: [{ period: 'p1', weeks: 4, items: ['a'] }],
      },
    ],
  };
}

function insertCustom(db: Db, id: string, name: string, template: RahmenplanTemplate, origin: 'new' | 'copy' | 'import', basedOn: string | null, now: Date) {
  const ts = now.toISOString();
  db.prepare('INSERT INTO occupations (id, name, custom) VALUES (?, ?, 1)').run(id, name);
  db.prepare('INSERT INTO occupation_templates (occupation_id, body, origin, based_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    id,
    JSON.stringify(template, null, 2),
    origin,
    basedOn,
    ts,
    ts,
  );
}

export function createOccupation(db: Db, input: z.output<typeof NewOccupationInput>, now = new Date()): OccupationInfo {
  return db.transaction(() => {
    assertNameFree(db, input.name, null, ['name']);
    let template: RahmenplanTemplate;
    if (input.copyFrom) {
      occupationRow(db, input.copyFrom);
      const source = getTemplate(db, input.copyFrom);
      template = { ...structuredClone(source), occupation: { ...source.occupation, name: input.name } };
    } else template = blankTemplate(input.name, input.durationMonths);
    const id = newId(db, input.name);
    insertCustom(db, id, input.name, template, input.copyFrom ? 'copy' : 'new', input.copyFrom, now);
    return occupationInfo(db, id);
  })();
}

function assertCustom(db: Db, occupationId: string) {
  const occ = occupationRow(db, occupationId);
  if (occ.custom !== 1) throw new AppError('builtin_template', `The template of ${occupationId} is shipped with the app; copy it to change it`, { id: occupationId });
}

export function saveTemplate(db: Db, occupationId: string, template: RahmenplanTemplate, now = new Date()): OccupationInfo {
  return db.transaction(() => {
    assertCustom(db, occupationId);
    assertNameFree(db, template.occupation.name, occupationId, ['template', 'occupation', 'name']);
    db.prepare('UPDATE occupations SET name = ? WHERE id = ?').run(template.occupation.name, occupationId);
    db.prepare('UPDATE occupation_templates SET body = ?, updated_at = ? WHERE occupation_id = ?').run(JSON.stringify(template, null, 2), now.toISOString(), occupationId);
    return occupationInfo(db, occupationId);
  })();
}

/** Imports a template file: a new occupation of the firm's own, or a replacement of one (replaceId). */
export function importTemplate(db: Db, input: z.output<typeof ImportTemplateInput>, now = new Date()): OccupationInfo {
  // Limits first, before anything parses the file deeply.
  const maxMb = TEMPLATE_MAX_BYTES / 1024 / 1024;
  if (Buffer.byteLength(input.text, 'utf8') > TEMPLATE_MAX_BYTES) throw new AppError('import_too_large', `The file is larger than ${maxMb} MB`, { maxMb });
  if (nestsDeeperThan(input.text, TEMPLATE_MAX_DEPTH)) {
    throw new AppError('import_too_deep', `The file nests deeper than ${TEMPLATE_MAX_DEPTH} levels; it is not a template file`, { max: TEMPLATE_MAX_DEPTH });
  }
  const parsed = parseTemplate(input.text);
  if (!parsed.ok) {
    const e = templateError(input.fileName ?? 'file', parsed.problems);
    throw new AppError(e.code, e.message, e.params, parsed.problems.map((p) => ({ path: ['text'], key: p.key, params: { ...p.params, field: p.field || '—', line: p.line ?? '—' } })));
  }
  const template = parsed.template;
  if (input.replaceId) return saveTemplate(db, input.replaceId, template, now);
  return db.transaction(() => {
    let name = template.occupation.name;
    for (let n = 2; db.prepare('SELECT 1 FROM occupations WHERE name = ? COLLATE NOCASE').get(name); n++) name = `${template.occupation.name} (${n})`;
    const id = newId(db, name);
    insertCustom(db, id, name, { ...template, occupation: { ...template.occupation, name } }, 'import', null, now);
    return occupationInfo(db, id);
  })();
}

export function exportTemplate(db: Db, occupationId: string) {
  const occ = occupationRow(db, occupationId);
  const template = getTemplate(db, occupationId);
  const buf = Buffer.from(`${JSON.stringify(RahmenplanTemplate.parse(template), null, 2)}\n`, 'utf8');
  return {
    fileName: `Rahmenplan_${fileSlug(occ.name).replace(/-+/g, '-')}.json`,
    mimeType: 'application/json',
    base64: buf.toString('base64'),
    bytes: buf.byteLength,
  };
}

export function deleteOccupation(db: Db, occupationId: string) {
  db.transaction(() => {
    assertCustom(db, occupationId);
    const used = db.prepare('SELECT (SELECT count(*) FROM trainees WHERE occupation_id = ?) + (SELECT count(*) FROM training_plans WHERE occupation_id = ?) AS n').get(occupationId, occupationId) as { n: number };
    if (used.n > 0) throw new AppError('occupation_in_use', `Occupation ${occupationId} is used by trainees or plans`, { id: occupationId, count: used.n });
    db.prepare('DELETE FROM occupations WHERE id = ?').run(occupationId);
  })();
}
