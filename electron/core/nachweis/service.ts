// Training-record sheets: write (unsigned only), sign off (trainee, then trainer), withdraw the trainee's
// sign-off before the trainer signed, correct a signed sheet by an amendment, copy a week as a start.
// The database itself refuses to change a signed sheet (triggers in migration 002).
import type { z } from 'zod';
import type { AmendInput, NachweisMode, NachweisRecord, RecordContent, SaveRecordInput, SignInput } from '../../../shared/nachweis';
import { scrubStoredText } from '../../../shared/common';
import { RecordContent as RecordContentSchema, daysOf } from '../../../shared/nachweis';
import { addDays, isoWeek, isoWeekday, mondayOf, trainingYear } from '../../../shared/trainingCalendar';
import type { Trainee } from '../../../shared/trainees';
import { AppError, fieldError, notFound } from '../errors';
import type { Db } from '../store/db';
import { getTrainee } from '../trainees/service';
import { occupationPositions } from '../plan/occupations';
import { verifyPin } from './pin';
import { hoursWarnings } from './rules';

export interface RecordRow {
  id: number;
  trainee_id: number;
  period_from: string;
  period_to: string;
  mode: NachweisMode;
  content: string;
  trainee_signed_at: string | null;
  trainee_signed_name: string | null;
  trainee_signed_by: 'pin' | 'click' | null;
  trainer_signed_at: string | null;
  trainer_id: number | null;
  trainer_name: string | null;
  created_at: string;
  updated_at: string;
}

export interface AmendmentRow {
  id: number;
  record_id: number;
  created_at: string;
  author: string;
  reason: string;
  content: string;
}

export const RECORD_SELECT = `SELECT r.*, t.name AS trainer_name FROM nachweis_records r LEFT JOIN trainers t ON t.id = r.trainer_id`;

/** Last day of the training: the actual end if it ended, else the planned end. */
export function trainingEnd(t: Trainee): string {
  return t.endedOn ?? t.contractEndPlanned;
}

export function getMode(db: Db, traineeId: number): NachweisMode {
  const row = db.prepare('SELECT mode FROM nachweis_settings WHERE trainee_id = ?').get(traineeId) as { mode: NachweisMode } | undefined;
  return row?.mode ?? 'weekly';
}

export function setMode(db: Db, traineeId: number, mode: NachweisMode): { mode: NachweisMode } {
  getTrainee(db, traineeId);
  db.prepare('INSERT INTO nachweis_settings (trainee_id, mode) VALUES (?, ?) ON CONFLICT (trainee_id) DO UPDATE SET mode = excluded.mode').run(traineeId, mode);
  return { mode };
}

/** Position numbers a sheet may link to: the trainee's plan, or the occupation's template while there is no plan. */
export function linkablePositions(db: Db, t: Trainee): { number: string; title: string }[] {
  const rows = db.prepare('SELECT number, title FROM plan_positions WHERE trainee_id = ? ORDER BY sort, id').all(t.id) as { number: string; title: string }[];
  if (rows.length > 0) return rows;
  try {
    return occupationPositions(db, t.occupationId).map((p) => ({ number: p.number, title: p.title }));
  } catch {
    return [];
  }
}

/** A stored sheet's content. Sheets saved before the text rule may hold control characters: they are scrubbed. */
function readContent(json: string) {
  const scrub = (v: unknown): unknown =>
    typeof v === 'string' ? scrubStoredText(v) : Array.isArray(v) ? v.map(scrub) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, scrub(x)])) : v;
  return RecordContentSchema.parse(scrub(JSON.parse(json)));
}

export function toRecord(r: RecordRow, amendments: AmendmentRow[], trainee: Trainee): NachweisRecord {
  const original = readContent(r.content);
  const list = amendments.map((a) => ({ id: a.id, createdAt: a.created_at, author: a.author, reason: a.reason, content: readContent(a.content) }));
  const content = list.length > 0 ? list[list.length - 1]!.content : original;
  const { total, warnings } = hoursWarnings(content, trainee, r.period_from, r.period_to, daysOf(r.period_from, r.period_to));
  const w = isoWeek(r.period_from);
  return {
    id: r.id,
    traineeId: r.trainee_id,
    from: r.period_from,
    to: r.period_to,
    week: w.week,
    weekYear: w.year,
    trainingYear: Math.max(1, trainingYear(trainee.contractStart, r.period_from)),
    mode: r.mode,
    status: r.trainer_signed_at ? 'signed' : r.trainee_signed_at ? 'trainee_signed' : 'draft',
    content,
    original,
    amendments: list,
    traineeSignedAt: r.trainee_signed_at,
    traineeSignedName: r.trainee_signed_name,
    traineeSignedBy: r.trainee_signed_by,
    trainerSignedAt: r.trainer_signed_at,
    trainerId: r.trainer_id,
    trainerName: r.trainer_name,
    totalHours: total,
    warnings,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function recordRow(db: Db, id: number): RecordRow {
  const row = db.prepare(`${RECORD_SELECT} WHERE r.id = ?`).get(id) as RecordRow | undefined;
  if (!row) throw notFound('record', id);
  return row;
}

export function getRecord(db: Db, id: number): NachweisRecord {
  const row = recordRow(db, id);
  const amendments = db.prepare('SELECT * FROM nachweis_amendments WHERE record_id = ? ORDER BY id').all(id) as AmendmentRow[];
  return toRecord(row, amendments, getTrainee(db, row.trainee_id));
}

/** Checks a sheet's content against its period and the plan: days inside the period, known position numbers. */
function checkContent(db: Db, t: Trainee, c: RecordContent, from: string, to: string, mode: NachweisMode, base: (string | number)[]) {
  const known = new Set(linkablePositions(db, t).map((p) => p.number));
  c.entries.forEach((e, i) => {
    if (mode === 'daily' && !e.day) throw fieldError([...base, 'entries', i, 'day'], 'required', 'A day is needed in daily mode');
    if (e.day && (e.day < from || e.day > to)) throw fieldError([...base, 'entries', i, 'day'], 'day_outside_week', `Day ${e.day} is not in ${from}..${to}`, { from, to });
    if (e.day && e.hours > 24) throw fieldError([...base, 'entries', i, 'hours'], 'too_big_number', 'A day has at most 24 hours', { max: 24 });
    e.positions.forEach((p, j) => {
      if (!known.has(p)) throw fieldError([...base, 'entries', i, 'positions', j], 'unknown_plan_position', `Position ${p} is not in the training plan`, { number: p });
    });
  });
  const seen = new Set<string>();
  c.absences.forEach((a, i) => {
    if (a.day < from || a.day > to) throw fieldError([...base, 'absences', i, 'day'], 'day_outside_week', `Day ${a.day} is not in ${from}..${to}`, { from, to });
    if (seen.has(a.day)) throw fieldError([...base, 'absences', i, 'day'], 'duplicate_value', `Two absences on ${a.day}`, { value: a.day });
    seen.add(a.day);
  });
}

/** A sheet covers days of one calendar week inside the training, and overlaps no other sheet. */
function checkPeriod(db: Db, t: Trainee, from: string, to: string, exceptId: number | null) {
  if (mondayOf(from) !== mondayOf(to)) throw fieldError(['to'], 'not_same_week', 'A sheet covers days of one calendar week (Monday to Sunday)');
  const end = trainingEnd(t);
  if (from < t.contractStart || to > end) {
    throw fieldError([from < t.contractStart ? 'from' : 'to'], 'week_outside_contract', `${from}..${to} is outside the training ${t.contractStart}..${end}`, {
      start: t.contractStart,
      end,
    });
  }
  const other = db
    .prepare('SELECT id, period_from, period_to FROM nachweis_records WHERE trainee_id = ? AND id IS NOT ? AND period_from <= ? AND period_to >= ? LIMIT 1')
    .get(t.id, exceptId, to, from) as { id: number; period_from: string; period_to: string } | undefined;
  if (other) {
    const same = other.period_from === from && other.period_to === to;
    throw fieldError(['from'], same ? 'week_exists' : 'week_overlaps', `A sheet for ${other.period_from}..${other.period_to} exists already`, {
      from: other.period_from,
      to: other.period_to,
      id: other.id,
    });
  }
}

export function saveRecord(db: Db, input: z.output<typeof SaveRecordInput>, now = new Date()): NachweisRecord {
  return db.transaction(() => {
    const t = getTrainee(db, input.traineeId);
    const ts = now.toISOString();
    let mode = getMode(db, t.id);
    if (input.id) {
      const row = recordRow(db, input.id);
      if (row.trainee_id !== t.id) throw notFound('record', input.id);
      if (row.trainee_signed_at) throw new AppError('record_locked', `Sheet ${row.id} is signed; correct it with an amendment`, { id: row.id });
      mode = row.mode;
    }
    checkPeriod(db, t, input.from, input.to, input.id);
    checkContent(db, t, input.content, input.from, input.to, mode, ['content']);
    const body = JSON.stringify(input.content);
    let id = input.id;
    if (id) db.prepare('UPDATE nachweis_records SET period_from = ?, period_to = ?, content = ?, updated_at = ? WHERE id = ?').run(input.from, input.to, body, ts, id);
    else {
      id = Number(
        db
          .prepare('INSERT INTO nachweis_records (trainee_id, period_from, period_to, mode, content, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(t.id, input.from, input.to, mode, body, ts, ts).lastInsertRowid,
      );
    }
    return getRecord(db, id);
  })();
}

export function deleteRecord(db: Db, id: number) {
  const row = recordRow(db, id);
  if (row.trainee_signed_at) throw new AppError('record_locked', `Sheet ${id} is signed and cannot be deleted`, { id });
  db.prepare('DELETE FROM nachweis_records WHERE id = ?').run(id);
}

/** A sheet the trainee can sign: not signed yet, not empty. */
function signableByTrainee(db: Db, id: number): RecordRow {
  const row = recordRow(db, id);
  if (row.trainee_signed_at) throw new AppError('already_signed', `Sheet ${row.id} is signed by the trainee already`, { id: row.id });
  const content = readContent(row.content);
  if (content.entries.length === 0 && content.absences.length === 0) throw new AppError('record_empty', `Sheet ${row.id} is empty`, { id: row.id });
  return row;
}

/** Signs a sheet: the trainee with their personal PIN (checked first, see pin.ts), then a trainer. */
export function signRecord(db: Db, input: z.output<typeof SignInput>, now = new Date()): NachweisRecord {
  if (input.as === 'trainee') {
    const row = signableByTrainee(db, input.id);
    verifyPin(db, row.trainee_id, input.pin, ['pin'], now);
    return recordTraineeSignature(db, row.id, now);
  }
  return db.transaction(() => {
    const row = recordRow(db, input.id);
    if (row.trainer_signed_at) throw new AppError('already_signed', `Sheet ${row.id} is signed by a trainer already`, { id: row.id });
    if (!row.trainee_signed_at) throw new AppError('trainee_not_signed', `The trainee has not signed sheet ${row.id} yet`, { id: row.id });
    if (!db.prepare('SELECT 1 FROM trainers WHERE id = ? AND active = 1').get(input.trainerId)) {
      throw fieldError(['trainerId'], 'unknown_trainer', `Trainer ${input.trainerId} not found`);
    }
    const ts = now.toISOString();
    db.prepare('UPDATE nachweis_records SET trainer_signed_at = ?, trainer_id = ?, updated_at = ? WHERE id = ?').run(ts, input.trainerId, ts, row.id);
    return getRecord(db, row.id);
  })();
}

/**
 * Records the trainee's sign-off by PIN once the PIN was checked (signRecord). The demo writes its past weeks with
 * it directly, after setting its trainees' PINs, so that it does not run the key derivation once per week.
 */
export function recordTraineeSignature(db: Db, id: number, now = new Date()): NachweisRecord {
  return db.transaction(() => {
    const row = signableByTrainee(db, id);
    const t = getTrainee(db, row.trainee_id);
    const ts = now.toISOString();
    db.prepare("UPDATE nachweis_records SET trainee_signed_at = ?, trainee_signed_name = ?, trainee_signed_by = 'pin', updated_at = ? WHERE id = ?").run(
      ts,
      `${t.firstName} ${t.lastName}`,
      ts,
      row.id,
    );
    return getRecord(db, row.id);
  })();
}

/** Takes back the trainee's sign-off while the trainer has not signed (to correct the text before sign-off). */
export function withdrawSignature(db: Db, id: number, now = new Date()): NachweisRecord {
  const row = recordRow(db, id);
  if (row.trainer_signed_at) throw new AppError('record_locked', `Sheet ${id} is signed by the trainer; correct it with an amendment`, { id });
  if (!row.trainee_signed_at) throw new AppError('not_signed', `Sheet ${id} is not signed`, { id });
  db.prepare('UPDATE nachweis_records SET trainee_signed_at = NULL, trainee_signed_name = NULL, trainee_signed_by = NULL, updated_at = ? WHERE id = ?').run(now.toISOString(), id);
  return getRecord(db, id);
}

/** Corrects a signed sheet: the corrected content is added with reason, date and author; the signed text stays. */
export function amendRecord(db: Db, input: z.output<typeof AmendInput>, now = new Date()): NachweisRecord {
  return db.transaction(() => {
    const row = recordRow(db, input.id);
    if (!row.trainer_signed_at) throw new AppError('not_signed', `Sheet ${row.id} is not signed yet; change it directly`, { id: row.id });
    const t = getTrainee(db, row.trainee_id);
    checkContent(db, t, input.content, row.period_from, row.period_to, row.mode, ['content']);
    let author = `${t.firstName} ${t.lastName}`;
    if (input.trainerId) {
      const tr = db.prepare('SELECT name FROM trainers WHERE id = ?').get(input.trainerId) as { name: string } | undefined;
      if (!tr) throw fieldError(['trainerId'], 'unknown_trainer', `Trainer ${input.trainerId} not found`);
      author = tr.name;
    }
    const current = getRecord(db, row.id).content;
    if (JSON.stringify(current) === JSON.stringify(input.content)) throw new AppError('no_change', 'The correction changes nothing', { id: row.id });
    db.prepare('INSERT INTO nachweis_amendments (record_id, created_at, author, trainer_id, reason, content) VALUES (?, ?, ?, ?, ?, ?)').run(
      row.id,
      now.toISOString(),
      author,
      input.trainerId,
      input.reason,
      JSON.stringify(input.content),
    );
    return getRecord(db, row.id);
  })();
}

/** A new unsigned sheet for the next calendar week with the same entries (days moved by a week), as a start. */
export function copyWeek(db: Db, id: number, now = new Date()): NachweisRecord {
  const src = getRecord(db, id);
  const t = getTrainee(db, src.traineeId);
  const monday = addDays(mondayOf(src.from), 7);
  const from = monday < t.contractStart ? t.contractStart : monday;
  const lastDay = addDays(monday, Math.max(4, isoWeekday(src.to) - 1));
  const end = trainingEnd(t);
  const to = lastDay > end ? end : lastDay;
  if (to < from) throw new AppError('week_outside_contract', 'The next week is after the end of the training', { start: t.contractStart, end });
  const shift = (d: string | null) => (d ? addDays(d, 7) : null);
  const entries = src.content.entries
    .map((e) => ({ ...e, day: shift(e.day) }))
    .filter((e) => e.day === null || (e.day >= from && e.day <= to));
  const absences = src.content.absences.filter((a) => a.kind === 'school').map((a) => ({ ...a, day: addDays(a.day, 7) })).filter((a) => a.day >= from && a.day <= to);
  return saveRecord(db, { traineeId: t.id, id: null, from, to, content: { entries, absences, remarks: null } }, now);
}
