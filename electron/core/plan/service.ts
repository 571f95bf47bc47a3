// The firm's training plan for one trainee: created from the occupation's template and the contract dates,
// adjusted by the supervisor (move, split, add firm-specific content, status), rescheduled on contract changes.
// Every change is recorded in plan_changes.
import type { z } from 'zod';
import type { AddItemInput, AddPositionInput, MoveItemInput, Plan, PlanChange, PlanItem, PlanPosition, SetStatusInput, SplitItemInput } from '../../../shared/plan';
import { toIsoDate } from '../../../shared/format';
import { trainingMonths } from '../../../shared/trainingCalendar';
import type { Trainee } from '../../../shared/trainees';
import { AppError, fieldError, notFound } from '../errors';
import type { Db } from '../store/db';
import { getTrainee } from '../trainees/service';
import { reschedule, scheduleTemplate } from './schedule';
import { getTemplate } from './templates';

interface PlanRow {
  trainee_id: number;
  occupation_id: string;
  occupation_name: string;
  regulation: string;
  template_months: number;
  sections: string;
  created_at: string;
  updated_at: string;
}

interface PositionRow {
  id: number;
  number: string;
  section: string | null;
  title: string;
  throughout: number;
  firm_specific: number;
  skills: string;
}

export interface ItemRow {
  id: number;
  position_id: number;
  item_keys: string;
  text: string | null;
  template_period: string | null;
  weeks: number;
  planned_from: string;
  planned_to: string;
  status: PlanItem['status'];
  done_on: string | null;
  confirmed_by: number | null;
  confirmed_by_name: string | null;
  place: string | null;
  note: string | null;
}

export function recordChange(db: Db, traineeId: number, kind: PlanChange['kind'], params: Record<string, string | number>, at: Date | string) {
  db.prepare('INSERT INTO plan_changes (trainee_id, at, kind, params) VALUES (?, ?, ?, ?)').run(
    traineeId,
    typeof at === 'string' ? at : at.toISOString(),
    kind,
    JSON.stringify(params),
  );
}

function planRow(db: Db, traineeId: number): PlanRow | undefined {
  return db.prepare('SELECT * FROM training_plans WHERE trainee_id = ?').get(traineeId) as PlanRow | undefined;
}

function requirePlan(db: Db, traineeId: number): PlanRow {
  const row = planRow(db, traineeId);
  if (!row) throw new AppError('no_plan', `Trainee ${traineeId} has no training plan yet`, { id: traineeId });
  return row;
}

export function itemRows(db: Db, traineeId: number): ItemRow[] {
  return db
    .prepare(
      `SELECT i.*, t.name AS confirmed_by_name FROM plan_items i LEFT JOIN trainers t ON t.id = i.confirmed_by
       WHERE i.trainee_id = ? ORDER BY i.planned_from, i.sort, i.id`,
    )
    .all(traineeId) as ItemRow[];
}

export function positionRows(db: Db, traineeId: number): PositionRow[] {
  return db.prepare('SELECT * FROM plan_positions WHERE trainee_id = ? ORDER BY sort, id').all(traineeId) as PositionRow[];
}

export function toItem(r: ItemRow, positionNumber: string, today: string): PlanItem {
  return {
    id: r.id,
    positionNumber,
    itemKeys: JSON.parse(r.item_keys) as string[],
    text: r.text,
    templatePeriod: r.template_period,
    weeks: r.weeks,
    plannedFrom: r.planned_from,
    plannedTo: r.planned_to,
    status: r.status,
    doneOn: r.done_on,
    confirmedBy: r.confirmed_by,
    confirmedByName: r.confirmed_by_name,
    place: r.place,
    note: r.note,
    firmSpecific: r.text !== null,
    overdue: r.status !== 'done' && r.planned_to < today,
  };
}

export function getPlan(db: Db, traineeId: number, now = new Date()): Plan | null {
  const trainee = getTrainee(db, traineeId);
  const row = planRow(db, traineeId);
  if (!row) return null;
  const today = toIsoDate(now);
  const sections = new Map((JSON.parse(row.sections) as { id: string; title: string }[]).map((s) => [s.id, s.title]));
  const byPosition = new Map<number, PlanItem[]>();
  const positions = positionRows(db, traineeId);
  const numberOf = new Map(positions.map((p) => [p.id, p.number]));
  for (const r of itemRows(db, traineeId)) {
    const list = byPosition.get(r.position_id) ?? [];
    list.push(toItem(r, numberOf.get(r.position_id)!, today));
    byPosition.set(r.position_id, list);
  }
  const out: PlanPosition[] = positions.map((p) => ({
    number: p.number,
    section: p.section,
    sectionTitle: p.section ? (sections.get(p.section) ?? null) : null,
    title: p.title,
    throughout: p.throughout === 1,
    firmSpecific: p.firm_specific === 1,
    skills: JSON.parse(p.skills) as PlanPosition['skills'],
    items: byPosition.get(p.id) ?? [],
  }));
  const reg = JSON.parse(row.regulation) as Plan['regulation'];
  const end = trainee.endedOn && trainee.endedOn < trainee.contractEndPlanned ? trainee.endedOn : trainee.contractEndPlanned;
  const history = (db.prepare('SELECT id, at, kind, params FROM plan_changes WHERE trainee_id = ? ORDER BY at DESC, id DESC').all(traineeId) as {
    id: number;
    at: string;
    kind: PlanChange['kind'];
    params: string;
  }[]).map((h) => ({ ...h, params: JSON.parse(h.params) as PlanChange['params'] }));
  return {
    traineeId,
    occupationId: row.occupation_id,
    occupationName: row.occupation_name,
    regulation: reg,
    templateMonths: row.template_months,
    contractStart: trainee.contractStart,
    contractEnd: end,
    months: trainingMonths(trainee.contractStart, trainee.contractEndPlanned),
    positions: out,
    history,
    occupationMismatch: row.occupation_id !== trainee.occupationId,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function mustGetPlan(db: Db, traineeId: number, now: Date): Plan {
  return getPlan(db, traineeId, now)!;
}

/** Creates the plan from the template of the trainee's occupation and the contract dates. */
export function createPlan(db: Db, traineeId: number, now = new Date()): Plan {
  return db.transaction(() => {
    const t = getTrainee(db, traineeId);
    if (planRow(db, traineeId)) throw new AppError('plan_exists', `Trainee ${traineeId} has a training plan already`, { id: traineeId });
    const template = getTemplate(db, t.occupationId);
    const ts = now.toISOString();
    const r = template.regulation;
    db.prepare(
      `INSERT INTO training_plans (trainee_id, occupation_id, occupation_name, regulation, template_months, periods, sections, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      traineeId,
      t.occupationId,
      t.occupationName,
      JSON.stringify({ name: r.name, short: r.short ?? null, date: r.date ?? null, reference: r.reference ?? null }),
      template.durationMonths,
      JSON.stringify(template.periods),
      JSON.stringify(template.sections),
      ts,
      ts,
    );
    const insPos = db.prepare('INSERT INTO plan_positions (trainee_id, number, section, title, throughout, skills, sort) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const posIds = template.positions.map((p, i) =>
      Number(insPos.run(traineeId, p.number, p.section, p.title, p.throughoutTraining ? 1 : 0, JSON.stringify(p.items), i).lastInsertRowid),
    );
    const insItem = db.prepare(
      `INSERT INTO plan_items (trainee_id, position_id, item_keys, template_period, weeks, planned_from, planned_to, sort, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const blocks = scheduleTemplate(template, t.contractStart, t.contractEndPlanned);
    blocks.forEach((b, i) => insItem.run(traineeId, posIds[b.positionIndex], JSON.stringify(b.itemKeys), b.period, b.weeks, b.from, b.to, i, ts));
    recordChange(db, traineeId, 'created', { occupation: t.occupationName, regulation: r.short ?? r.name, items: blocks.length }, now);
    return mustGetPlan(db, traineeId, now);
  })();
}

function itemRow(db: Db, id: number): ItemRow & { trainee_id: number; number: string; item_keys: string } {
  const row = db
    .prepare('SELECT i.*, p.number, NULL AS confirmed_by_name FROM plan_items i JOIN plan_positions p ON p.id = i.position_id WHERE i.id = ?')
    .get(id) as (ItemRow & { trainee_id: number; number: string }) | undefined;
  if (!row) throw notFound('plan item', id);
  return row;
}

function touch(db: Db, traineeId: number, now: Date) {
  db.prepare('UPDATE training_plans SET updated_at = ? WHERE trainee_id = ?').run(now.toISOString(), traineeId);
}

/** Keeps a planned period inside the contract (whole training months). */
function checkPeriod(db: Db, traineeId: number, from: string, to: string, path: [string, string] = ['plannedFrom', 'plannedTo']) {
  const t = getTrainee(db, traineeId);
  if (from < t.contractStart) throw fieldError([path[0]], 'outside_contract', 'The planned period starts before the contract');
  if (to > t.contractEndPlanned) throw fieldError([path[1]], 'outside_contract', 'The planned period ends after the contract');
}

const label = (r: { number: string; item_keys: string; text: string | null }) =>
  r.text ? `${r.number} ${r.text.slice(0, 60)}` : `${r.number} ${(JSON.parse(r.item_keys) as string[]).join(', ')}`;

export function moveItem(db: Db, input: z.output<typeof MoveItemInput>, now = new Date()): Plan {
  return db.transaction(() => {
    const r = itemRow(db, input.id);
    if (r.status === 'done') throw new AppError('item_done', `Plan item ${r.id} is done; its period is kept`, { id: r.id });
    checkPeriod(db, r.trainee_id, input.plannedFrom, input.plannedTo);
    db.prepare('UPDATE plan_items SET planned_from = ?, planned_to = ?, updated_at = ? WHERE id = ?').run(input.plannedFrom, input.plannedTo, now.toISOString(), r.id);
    recordChange(db, r.trainee_id, 'moved', { item: label(r), fromBefore: r.planned_from, toBefore: r.planned_to, from: input.plannedFrom, to: input.plannedTo }, now);
    touch(db, r.trainee_id, now);
    return mustGetPlan(db, r.trainee_id, now);
  })();
}

export function splitItem(db: Db, input: z.output<typeof SplitItemInput>, now = new Date()): Plan {
  return db.transaction(() => {
    const r = itemRow(db, input.id);
    if (r.status === 'done') throw new AppError('item_done', `Plan item ${r.id} is done and cannot be split`, { id: r.id });
    const keys = JSON.parse(r.item_keys) as string[];
    const moving = [...new Set(input.itemKeys)];
    const unknown = moving.find((k) => !keys.includes(k));
    if (unknown) throw fieldError(['itemKeys'], 'unknown_item', `Item ${unknown} is not part of this plan item`, { value: unknown });
    if (r.text === null && (moving.length === 0 || moving.length === keys.length)) {
      throw fieldError(['itemKeys'], 'split_needs_part', 'Choose some, but not all, skills for the new part');
    }
    if (input.weeks > r.weeks) throw fieldError(['weeks'], 'too_big_number', 'More weeks than the item has', { max: r.weeks });
    checkPeriod(db, r.trainee_id, input.plannedFrom, input.plannedTo);
    const ts = now.toISOString();
    const rest = keys.filter((k) => !moving.includes(k));
    db.prepare('UPDATE plan_items SET item_keys = ?, weeks = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(rest), r.weeks - input.weeks, ts, r.id);
    db.prepare(
      `INSERT INTO plan_items (trainee_id, position_id, item_keys, text, template_period, weeks, planned_from, planned_to, status, sort, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT coalesce(max(sort), 0) + 1 FROM plan_items WHERE trainee_id = ?), ?)`,
    ).run(r.trainee_id, r.position_id, JSON.stringify(moving), r.text, r.template_period, input.weeks, input.plannedFrom, input.plannedTo, r.status, r.trainee_id, ts);
    recordChange(db, r.trainee_id, 'split', { item: label(r), part: moving.join(', ') || '—', weeks: input.weeks, from: input.plannedFrom, to: input.plannedTo }, now);
    touch(db, r.trainee_id, now);
    return mustGetPlan(db, r.trainee_id, now);
  })();
}

export function addPosition(db: Db, input: z.output<typeof AddPositionInput>, now = new Date()): Plan {
  return db.transaction(() => {
    requirePlan(db, input.traineeId);
    if (db.prepare('SELECT 1 FROM plan_positions WHERE trainee_id = ? AND number = ?').get(input.traineeId, input.number)) {
      throw fieldError(['number'], 'duplicate_value', `Position ${input.number} exists already`, { value: input.number });
    }
    db.prepare(
      `INSERT INTO plan_positions (trainee_id, number, section, title, throughout, firm_specific, sort)
       VALUES (?, ?, NULL, ?, 0, 1, (SELECT coalesce(max(sort), 0) + 1 FROM plan_positions WHERE trainee_id = ?))`,
    ).run(input.traineeId, input.number, input.title, input.traineeId);
    recordChange(db, input.traineeId, 'added', { item: `${input.number} ${input.title}` }, now);
    touch(db, input.traineeId, now);
    return mustGetPlan(db, input.traineeId, now);
  })();
}

export function addItem(db: Db, input: z.output<typeof AddItemInput>, now = new Date()): Plan {
  return db.transaction(() => {
    requirePlan(db, input.traineeId);
    const pos = db.prepare('SELECT id FROM plan_positions WHERE trainee_id = ? AND number = ?').get(input.traineeId, input.positionNumber) as { id: number } | undefined;
    if (!pos) throw fieldError(['positionNumber'], 'unknown_plan_position', `Position ${input.positionNumber} is not in the plan`, { number: input.positionNumber });
    checkPeriod(db, input.traineeId, input.plannedFrom, input.plannedTo);
    db.prepare(
      `INSERT INTO plan_items (trainee_id, position_id, item_keys, text, weeks, planned_from, planned_to, sort, updated_at)
       VALUES (?, ?, '[]', ?, ?, ?, ?, (SELECT coalesce(max(sort), 0) + 1 FROM plan_items WHERE trainee_id = ?), ?)`,
    ).run(input.traineeId, pos.id, input.text, input.weeks, input.plannedFrom, input.plannedTo, input.traineeId, now.toISOString());
    recordChange(db, input.traineeId, 'added', { item: `${input.positionNumber} ${input.text.slice(0, 60)}`, from: input.plannedFrom, to: input.plannedTo }, now);
    touch(db, input.traineeId, now);
    return mustGetPlan(db, input.traineeId, now);
  })();
}

/** Removes a firm-specific item (the regulation's content cannot be removed, only moved or split). */
export function removeItem(db: Db, id: number, now = new Date()): Plan {
  return db.transaction(() => {
    const r = itemRow(db, id);
    if (r.text === null) throw new AppError('template_item', `Plan item ${id} is content of the regulation and cannot be removed`, { id });
    db.prepare('DELETE FROM plan_items WHERE id = ?').run(id);
    recordChange(db, r.trainee_id, 'removed', { item: label(r) }, now);
    touch(db, r.trainee_id, now);
    return mustGetPlan(db, r.trainee_id, now);
  })();
}

export function setStatus(db: Db, input: z.output<typeof SetStatusInput>, now = new Date()): Plan {
  return db.transaction(() => {
    const r = itemRow(db, input.id);
    const done = input.status === 'done';
    if (done) {
      if (!db.prepare('SELECT 1 FROM trainers WHERE id = ?').get(input.confirmedBy)) {
        throw fieldError(['confirmedBy'], 'unknown_trainer', `Trainer ${input.confirmedBy} not found`);
      }
      const t = getTrainee(db, r.trainee_id);
      if (input.doneOn! < t.contractStart) throw fieldError(['doneOn'], 'before_contract', 'Done before the training started');
      if (input.doneOn! > toIsoDate(now)) throw fieldError(['doneOn'], 'in_future', 'The date lies in the future');
    }
    db.prepare('UPDATE plan_items SET status = ?, done_on = ?, confirmed_by = ?, place = ?, note = ?, updated_at = ? WHERE id = ?').run(
      input.status,
      done ? input.doneOn : null,
      done ? input.confirmedBy : null,
      input.place,
      input.note,
      now.toISOString(),
      r.id,
    );
    recordChange(db, r.trainee_id, 'status', { item: label(r), before: r.status, status: input.status, ...(done ? { doneOn: input.doneOn!, confirmedBy: input.confirmedBy! } : {}), ...(input.place ? { place: input.place } : {}) }, now);
    touch(db, r.trainee_id, now);
    return mustGetPlan(db, r.trainee_id, now);
  })();
}

/**
 * After a contract change (hooks.afterContractChange, inside its transaction): open items are rescheduled onto the
 * new contract, done items stay as they are, and the change is recorded.
 */
export function planAfterContractChange(db: Db, before: Trainee, after: Trainee) {
  const plan = planRow(db, after.id);
  if (!plan) return;
  const datesChanged = before.contractStart !== after.contractStart || before.contractEndPlanned !== after.contractEndPlanned;
  const hoursChanged = before.weeklyHours !== after.weeklyHours;
  const occupationChanged = before.occupationId !== after.occupationId;
  if (!datesChanged && !hoursChanged && !occupationChanged) return;
  const today = after.updatedAt.slice(0, 10);
  let rescheduled = 0;
  let kept = 0;
  if (datesChanged) {
    const rows = db
      .prepare('SELECT i.id, i.planned_from, i.planned_to, i.status, p.throughout FROM plan_items i JOIN plan_positions p ON p.id = i.position_id WHERE i.trainee_id = ?')
      .all(after.id) as { id: number; planned_from: string; planned_to: string; status: string; throughout: number }[];
    const open = rows.filter((r) => r.status !== 'done').map((r) => ({ id: r.id, from: r.planned_from, to: r.planned_to, throughout: r.throughout === 1 }));
    kept = rows.length - open.length;
    const next = reschedule(open, { start: before.contractStart, end: before.contractEndPlanned }, { start: after.contractStart, end: after.contractEndPlanned }, today);
    const upd = db.prepare('UPDATE plan_items SET planned_from = ?, planned_to = ?, updated_at = ? WHERE id = ?');
    for (const o of open) {
      const n = next.get(o.id)!;
      if (n.from !== o.from || n.to !== o.to) rescheduled++;
      upd.run(n.from, n.to, after.updatedAt, o.id);
    }
  }
  recordChange(
    db,
    after.id,
    'contract',
    {
      startBefore: before.contractStart,
      start: after.contractStart,
      endBefore: before.contractEndPlanned,
      end: after.contractEndPlanned,
      hoursBefore: before.weeklyHours,
      hours: after.weeklyHours,
      rescheduled,
      kept,
      ...(occupationChanged ? { occupationBefore: before.occupationName, occupation: after.occupationName } : {}),
    },
    after.updatedAt,
  );
  db.prepare('UPDATE training_plans SET updated_at = ? WHERE trainee_id = ?').run(after.updatedAt, after.id);
}

