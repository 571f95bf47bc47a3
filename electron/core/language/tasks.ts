// Learning tasks: stored per trainee (or as templates per occupation), with their glossary terms and plan
// positions in their own tables; copying, templates, status with dates, and progress per trainee.
import crypto from 'node:crypto';
import type { z } from 'zod';
import { toIsoDate } from '../../../shared/format';
import { TASK_LEVELS, type Task, type TaskData, type TaskListInput, type TaskProgress, type TaskStatus, type TaskSummary, type TaskUpdate } from '../../../shared/tasks';
import { AppError, fieldError, notFound } from '../errors';
import type { Db } from '../store/db';
import { occupationPositions } from '../plan/occupations';
import { assertScope } from './glossary';
import { ensureStarters } from './starters';

interface TaskRow {
  id: number;
  trainee_id: number | null;
  occupation_id: string | null;
  is_template: number;
  title: string;
  vocational_goal: string;
  work_steps: string;
  phrases: string;
  cefr_level: Task['level'];
  scenario: string | null;
  scenario_steps: string;
  checks: string;
  translations: string;
  language: Task['language'];
  assigned_on: string | null;
  due_by: string | null;
  status: TaskStatus;
  done_on: string | null;
  reviewed_on: string | null;
  feedback: string | null;
  evidence: string | null;
  seed: number;
  created_at: string;
  updated_at: string;
  first_name: string | null;
  last_name: string | null;
  first_languages: string | null;
  occ_id: string;
  occ_name: string;
}

const SELECT = `SELECT t.*, tr.first_name, tr.last_name, tr.first_languages,
  o.id AS occ_id, o.name AS occ_name
  FROM learning_tasks t
  LEFT JOIN trainees tr ON tr.id = t.trainee_id
  JOIN occupations o ON o.id = COALESCE(tr.occupation_id, t.occupation_id)`;

/** The worksheet's language: the task's, else the trainee's first language (German means: no translations). */
function effectiveLanguage(r: Pick<TaskRow, 'language' | 'first_languages'>): string | null {
  const lang = r.language ?? (r.first_languages ? ((JSON.parse(r.first_languages) as string[])[0] ?? null) : null);
  return lang === 'de' ? null : lang;
}

const name = (r: Pick<TaskRow, 'first_name' | 'last_name'>) => (r.first_name === null ? null : `${r.first_name} ${r.last_name}`);

function row(db: Db, id: number): TaskRow {
  const r = db.prepare(`${SELECT} WHERE t.id = ?`).get(id) as TaskRow | undefined;
  if (!r) throw notFound('learning task', id);
  return r;
}

export function getTask(db: Db, id: number): Task {
  const r = row(db, id);
  const lang = effectiveLanguage(r);
  const terms = db
    .prepare(
      `SELECT e.id, e.term, e.article, e.plural, e.picture_file IS NOT NULL AS has_picture,
         (SELECT text FROM glossary_translations g WHERE g.entry_id = e.id AND g.language = ?) AS translation
       FROM learning_task_terms tt JOIN glossary_entries e ON e.id = tt.entry_id WHERE tt.task_id = ? ORDER BY tt.sort`,
    )
    .all(lang ?? '', id) as { id: number; term: string; article: Task['terms'][number]['article']; plural: string | null; has_picture: number; translation: string | null }[];
  const positions = (db.prepare('SELECT position_number FROM learning_task_positions WHERE task_id = ? ORDER BY sort').all(id) as { position_number: string }[]).map(
    (p) => p.position_number,
  );
  return {
    id: r.id,
    traineeId: r.trainee_id,
    traineeName: name(r),
    isTemplate: r.is_template === 1,
    occupationId: r.occ_id,
    occupationName: r.occ_name,
    title: r.title,
    vocationalGoal: r.vocational_goal,
    workSteps: JSON.parse(r.work_steps) as string[],
    positions,
    terms: terms.map((t) => ({ id: t.id, term: t.term, article: t.article, plural: t.plural, translation: t.translation, hasPicture: t.has_picture === 1 })),
    phrases: JSON.parse(r.phrases) as Task['phrases'],
    level: r.cefr_level,
    scenario: r.scenario,
    scenarioSteps: JSON.parse(r.scenario_steps) as Task['scenarioSteps'],
    checks: JSON.parse(r.checks) as Task['checks'],
    translations: JSON.parse(r.translations) as Task['translations'],
    language: r.language,
    effectiveLanguage: lang,
    assignedOn: r.assigned_on,
    dueBy: r.due_by,
    status: r.status,
    doneOn: r.done_on,
    reviewedOn: r.reviewed_on,
    feedback: r.feedback,
    evidence: r.evidence,
    seed: r.seed,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function listTasks(db: Db, input: z.output<typeof TaskListInput>): TaskSummary[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (input.traineeId !== undefined) {
    where.push('t.trainee_id = ?');
    params.push(input.traineeId);
  }
  if (input.kind === 'tasks') where.push('t.is_template = 0');
  if (input.kind === 'templates') where.push('t.is_template = 1');
  if (input.status) {
    where.push('t.status = ?');
    params.push(input.status);
  }
  const rows = db
    .prepare(
      `${SELECT.replace('o.name AS occ_name', 'o.name AS occ_name, (SELECT count(*) FROM learning_task_terms tt WHERE tt.task_id = t.id) AS term_count')}
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY t.is_template, tr.last_name COLLATE NOCASE, tr.first_name COLLATE NOCASE, t.status = 'reviewed', t.due_by IS NULL, t.due_by, t.assigned_on DESC, t.title COLLATE NOCASE, t.id`,
    )
    .all(...params) as (TaskRow & { term_count: number })[];
  return rows.map((r) => ({
    id: r.id,
    traineeId: r.trainee_id,
    traineeName: name(r),
    isTemplate: r.is_template === 1,
    occupationId: r.occ_id,
    occupationName: r.occ_name,
    title: r.title,
    level: r.cefr_level,
    status: r.status,
    effectiveLanguage: effectiveLanguage(r),
    assignedOn: r.assigned_on,
    dueBy: r.due_by,
    termCount: r.term_count,
  }));
}

/** Rows for `npm run cli -- list tasks`: each task with its trainee and language. */
export function tasksForCli(db: Db) {
  return listTasks(db, { kind: 'all' }).map((t) => ({
    id: t.id,
    title: t.title,
    traineeId: t.traineeId,
    trainee: t.traineeName,
    template: t.isTemplate,
    occupationId: t.occupationId,
    language: t.effectiveLanguage,
    level: t.level,
    status: t.status,
    assignedOn: t.assignedOn,
    dueBy: t.dueBy,
    terms: t.termCount,
  }));
}

function traineeOccupation(db: Db, traineeId: number): string {
  const t = db.prepare('SELECT occupation_id FROM trainees WHERE id = ?').get(traineeId) as { occupation_id: string } | undefined;
  if (!t) throw fieldError(['traineeId'], 'unknown_trainee', `Trainee ${traineeId} not found`, { id: traineeId });
  return t.occupation_id;
}

function checkTerms(db: Db, ids: number[]) {
  const found = new Set(
    (db.prepare('SELECT id FROM glossary_entries WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as { id: number }[]).map((r) => r.id),
  );
  ids.forEach((id, i) => {
    if (!found.has(id)) throw fieldError(['termIds', i], 'unknown_term', `Glossary entry ${id} not found`, { id });
  });
}

/** doneOn / reviewedOn follow the status: set on the day it is reached, cleared when it goes back. */
function statusDates(status: TaskStatus, before: { done_on: string | null; reviewed_on: string | null } | null, today: string) {
  if (status === 'assigned') return { done_on: null, reviewed_on: null };
  if (status === 'done') return { done_on: before?.done_on ?? today, reviewed_on: null };
  return { done_on: before?.done_on ?? today, reviewed_on: before?.reviewed_on ?? today };
}

const newSeed = () => crypto.randomInt(1, 2 ** 31 - 1);

/** Position numbers must be in the occupation's framework plan (when its template can be read). */
function checkPositions(db: Db, occupationId: string, positions: string[]) {
  if (positions.length === 0) return;
  let known: Set<string>;
  try {
    known = new Set(occupationPositions(db, occupationId).map((p) => p.number));
  } catch {
    return; // no usable template: the numbers are kept as typed
  }
  positions.forEach((n, i) => {
    if (!known.has(n)) throw fieldError(['positions', i], 'unknown_position', `Position ${n} is not in the framework plan of ${occupationId}`, { number: n });
  });
}

function write(db: Db, id: number | null, d: TaskData, before: TaskRow | null, seed: number, now: Date): number {
  const isTemplate = d.traineeId === null;
  if (isTemplate) assertScope(db, d.occupationId);
  const occupationId = isTemplate ? d.occupationId! : traineeOccupation(db, d.traineeId!);
  checkPositions(db, occupationId, d.positions);
  checkTerms(db, d.termIds);
  const dates = statusDates(d.status, before, toIsoDate(now));
  const p = {
    trainee_id: d.traineeId,
    occupation_id: isTemplate ? d.occupationId : null,
    is_template: isTemplate ? 1 : 0,
    title: d.title,
    vocational_goal: d.vocationalGoal,
    work_steps: JSON.stringify(d.workSteps),
    phrases: JSON.stringify(d.phrases),
    cefr_level: d.level,
    scenario: d.scenario,
    scenario_steps: JSON.stringify(d.scenarioSteps),
    checks: JSON.stringify(d.checks),
    translations: JSON.stringify(d.translations),
    language: d.language,
    assigned_on: isTemplate ? null : d.assignedOn,
    due_by: isTemplate ? null : d.dueBy,
    status: d.status,
    ...dates,
    feedback: d.feedback,
    evidence: d.evidence,
  };
  const ts = now.toISOString();
  let taskId: number;
  if (id === null) {
    const cols = Object.keys(p);
    const info = db
      .prepare(`INSERT INTO learning_tasks (${cols.join(', ')}, seed, created_at, updated_at) VALUES (${cols.map((c) => `@${c}`).join(', ')}, @seed, @ts, @ts)`)
      .run({ ...p, seed, ts });
    taskId = Number(info.lastInsertRowid);
  } else {
    db.prepare(`UPDATE learning_tasks SET ${Object.keys(p).map((c) => `${c} = @${c}`).join(', ')}, updated_at = @ts WHERE id = @id`).run({ ...p, ts, id });
    db.prepare('DELETE FROM learning_task_terms WHERE task_id = ?').run(id);
    db.prepare('DELETE FROM learning_task_positions WHERE task_id = ?').run(id);
    taskId = id;
  }
  const term = db.prepare('INSERT INTO learning_task_terms (task_id, entry_id, sort) VALUES (?, ?, ?)');
  d.termIds.forEach((e, i) => term.run(taskId, e, i));
  const pos = db.prepare('INSERT INTO learning_task_positions (task_id, position_number, sort) VALUES (?, ?, ?)');
  d.positions.forEach((n, i) => pos.run(taskId, n, i));
  return taskId;
}

export function createTask(db: Db, d: TaskData, now = new Date()): Task {
  return db.transaction(() => {
    ensureStarters(db, now);
    return getTask(db, write(db, null, d, null, newSeed(), now));
  })();
}

export function updateTask(db: Db, input: z.output<typeof TaskUpdate>, now = new Date()): Task {
  const { id, ...d } = input;
  return db.transaction(() => {
    const before = row(db, id);
    if ((before.is_template === 1) !== (d.traineeId === null)) {
      throw fieldError(['traineeId'], 'task_kind_fixed', 'A template stays a template; copy it to give it to a trainee');
    }
    write(db, id, d, before, before.seed, now);
    return getTask(db, id);
  })();
}

export function setTaskStatus(db: Db, id: number, status: TaskStatus, now = new Date()): Task {
  return db.transaction(() => {
    const before = row(db, id);
    if (before.is_template === 1) throw new AppError('template_no_status', 'A template has no status');
    const dates = statusDates(status, before, toIsoDate(now));
    db.prepare('UPDATE learning_tasks SET status = ?, done_on = ?, reviewed_on = ?, updated_at = ? WHERE id = ?').run(status, dates.done_on, dates.reviewed_on, now.toISOString(), id);
    return getTask(db, id);
  })();
}

export function deleteTask(db: Db, id: number): void {
  row(db, id);
  db.prepare('DELETE FROM learning_tasks WHERE id = ?').run(id);
}

/** Copies a task or template to a trainee (as a new assigned task) or saves it as a template (traineeId null). */
export function copyTask(db: Db, id: number, traineeId: number | null, now = new Date()): Task {
  return db.transaction(() => {
    const src = getTask(db, id);
    const targetOcc = traineeId === null ? src.occupationId : traineeOccupation(db, traineeId);
    const d: TaskData = {
      traineeId,
      occupationId: traineeId === null ? src.occupationId : null,
      title: src.title,
      vocationalGoal: src.vocationalGoal,
      workSteps: src.workSteps,
      // Position numbers belong to one occupation's plan: kept only within the same occupation.
      positions: targetOcc === src.occupationId ? src.positions : [],
      termIds: src.terms.map((t) => t.id),
      phrases: src.phrases,
      level: src.level,
      scenario: src.scenario,
      scenarioSteps: src.scenarioSteps,
      checks: src.checks,
      translations: src.translations as TaskData['translations'],
      language: traineeId !== null && traineeId === src.traineeId ? src.language : null,
      assignedOn: traineeId === null ? null : toIsoDate(now),
      dueBy: null,
      status: 'assigned',
      feedback: null,
      evidence: null,
    };
    return getTask(db, write(db, null, d, null, newSeed(), now));
  })();
}

/** A new seed: the worksheet gets new exercises (shuffled differently). */
export function reshuffleTask(db: Db, id: number): Task {
  const before = row(db, id);
  let seed = newSeed();
  while (seed === before.seed) seed = newSeed();
  db.prepare('UPDATE learning_tasks SET seed = ? WHERE id = ?').run(seed, id);
  return getTask(db, id);
}

const byNumber = (a: string, b: string) => a.localeCompare(b, 'de', { numeric: true });

export function taskProgress(db: Db, traineeId: number, now = new Date()): TaskProgress {
  traineeOccupation(db, traineeId);
  const today = toIsoDate(now);
  const tasks = db.prepare('SELECT id, status, cefr_level, due_by FROM learning_tasks WHERE trainee_id = ?').all(traineeId) as {
    id: number;
    status: TaskStatus;
    cefr_level: Task['level'];
    due_by: string | null;
  }[];
  const finished = (s: TaskStatus) => s !== 'assigned';
  const terms = db
    .prepare(
      `SELECT count(DISTINCT tt.entry_id) AS assigned,
              count(DISTINCT CASE WHEN t.status <> 'assigned' THEN tt.entry_id END) AS covered
       FROM learning_task_terms tt JOIN learning_tasks t ON t.id = tt.task_id WHERE t.trainee_id = ?`,
    )
    .get(traineeId) as { assigned: number; covered: number };
  const positions = db
    .prepare(
      `SELECT p.position_number AS number, count(*) AS tasks, sum(t.status <> 'assigned') AS finished
       FROM learning_task_positions p JOIN learning_tasks t ON t.id = p.task_id WHERE t.trainee_id = ? GROUP BY p.position_number`,
    )
    .all(traineeId) as { number: string; tasks: number; finished: number }[];
  return {
    traineeId,
    tasks: {
      total: tasks.length,
      assigned: tasks.filter((t) => t.status === 'assigned').length,
      done: tasks.filter((t) => t.status === 'done').length,
      reviewed: tasks.filter((t) => t.status === 'reviewed').length,
      overdue: tasks.filter((t) => t.status === 'assigned' && t.due_by !== null && t.due_by < today).length,
    },
    byLevel: TASK_LEVELS.map((level) => {
      const l = tasks.filter((t) => t.cefr_level === level);
      return { level, total: l.length, done: l.filter((t) => finished(t.status)).length, reviewed: l.filter((t) => t.status === 'reviewed').length };
    }),
    terms,
    byPosition: positions.sort((a, b) => byNumber(a.number, b.number)),
  };
}
