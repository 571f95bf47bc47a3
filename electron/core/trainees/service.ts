import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { toIsoDate } from '../../../shared/format';
import { addDays, addMonths, daysBetween, trainingYear } from '../../../shared/trainingCalendar';
import type { ApplicantInput, ApplicantUpdate, ContractInput, EndTrainingInput, Trainee, TraineeFile, TraineeInput, TraineeListInput, TraineePage, TraineeSummary, TraineeUpdate } from '../../../shared/trainees';
import { AppError, fieldError, notFound } from '../errors';
import { afterContractChange, afterTrainingEnded } from '../hooks';
import type { Db, Store } from '../store/db';

interface TraineeRow {
  id: number;
  first_name: string;
  last_name: string;
  date_of_birth: string | null;
  nationality: string | null;
  first_languages: string;
  other_languages: string;
  german_level: Trainee['germanLevel'];
  german_level_date: string | null;
  german_level_source: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  occupation_id: string;
  occupation_name: string;
  contract_start: string | null;
  contract_end_planned: string | null;
  probation_months: number | null;
  weekly_hours: number | null;
  school_days: string;
  pay_per_year: string;
  chamber_registration_date: string | null;
  chamber_registration_no: string | null;
  prior_experience: string | null;
  notes: string | null;
  status: Trainee['status'];
  ended_on: string | null;
  end_reason: string | null;
  end_known_on: string | null;
  scheduled_end_on: string | null;
  scheduled_end_kind: 'regular' | 'early' | null;
  created_at: string;
  updated_at: string;
}

const SELECT = `SELECT t.*, o.name AS occupation_name FROM trainees t JOIN occupations o ON o.id = t.occupation_id`;

function toTrainee(r: TraineeRow): TraineeFile {
  return {
    id: r.id,
    firstName: r.first_name,
    lastName: r.last_name,
    dateOfBirth: r.date_of_birth,
    nationality: r.nationality,
    firstLanguages: JSON.parse(r.first_languages) as string[],
    otherLanguages: JSON.parse(r.other_languages) as string[],
    germanLevel: r.german_level,
    germanLevelDate: r.german_level_date,
    germanLevelSource: r.german_level_source,
    phone: r.phone,
    email: r.email,
    address: r.address,
    occupationId: r.occupation_id,
    occupationName: r.occupation_name,
    contractStart: r.contract_start,
    contractEndPlanned: r.contract_end_planned,
    probationMonths: r.probation_months,
    weeklyHours: r.weekly_hours,
    schoolDays: JSON.parse(r.school_days) as number[],
    payPerYear: JSON.parse(r.pay_per_year) as number[],
    chamberRegistrationDate: r.chamber_registration_date,
    chamberRegistrationNo: r.chamber_registration_no,
    priorExperience: r.prior_experience,
    notes: r.notes,
    status: r.status,
    endedOn: r.ended_on,
    endReason: r.end_reason,
    endKnownOn: r.end_known_on,
    scheduledEnd: r.scheduled_end_on && r.scheduled_end_kind ? { kind: r.scheduled_end_kind, date: r.scheduled_end_on } : null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** A trainee's file, also an applicant's (no contract yet). */
export function getTraineeFile(db: Db, id: number): TraineeFile {
  const row = db.prepare(`${SELECT} WHERE t.id = ?`).get(id) as TraineeRow | undefined;
  if (!row) throw notFound('trainee', id);
  return toTrainee(row);
}

/** A trainee with a training contract; an applicant's file is refused with "no contract yet" (plan, Nachweis, …). */
export function getTrainee(db: Db, id: number): Trainee {
  return withContract(getTraineeFile(db, id));
}

export function withContract(t: TraineeFile): Trainee {
  const { contractStart, contractEndPlanned, probationMonths, weeklyHours } = t;
  if (t.status === 'applicant' || contractStart === null || contractEndPlanned === null || probationMonths === null || weeklyHours === null) {
    throw new AppError('no_contract', `Trainee ${t.id} is an applicant without a training contract yet`, { name: `${t.firstName} ${t.lastName}` });
  }
  return { ...t, contractStart, contractEndPlanned, probationMonths, weeklyHours };
}

const fold = (s: string) => s.toLocaleLowerCase('de').normalize('NFKD').replace(/\p{M}/gu, '');

type ListRow = Pick<TraineeRow, 'id' | 'first_name' | 'last_name' | 'occupation_id' | 'occupation_name' | 'contract_start' | 'contract_end_planned' | 'status' | 'first_languages' | 'german_level' | 'nationality'>;

const toSummary = (r: ListRow): TraineeSummary => ({
  id: r.id,
  firstName: r.first_name,
  lastName: r.last_name,
  occupationId: r.occupation_id,
  occupationName: r.occupation_name,
  contractStart: r.contract_start,
  contractEndPlanned: r.contract_end_planned,
  status: r.status,
  firstLanguages: JSON.parse(r.first_languages) as string[],
  germanLevel: r.german_level,
});

/** First day in [lo, hi] for which `pred` (false, then true as the day grows) holds. */
function firstDay(lo: string, hi: string, pred: (d: string) => boolean): string {
  let n = daysBetween(lo, hi) + 1;
  let from = lo;
  while (n > 0) {
    const half = Math.floor(n / 2);
    const mid = addDays(from, half);
    if (pred(mid)) n = half;
    else {
      from = addDays(mid, 1);
      n -= half + 1;
    }
  }
  return from;
}

/** The contract starts for which `today` lies in training year `year` (trainingYear falls as the start gets later). */
export function startsInTrainingYear(year: number, today: string): { from: string; to: string } {
  const lo = addMonths(today, -12 * year - 1);
  return {
    from: firstDay(lo, today, (s) => trainingYear(s, today) <= year),
    to: addDays(firstDay(lo, addDays(today, 1), (s) => trainingYear(s, today) <= year - 1), -1),
  };
}

export interface ListContext {
  /** Today, for the training-year filter. */
  today: string;
  /** Trainees with something to do today ("Heute zu tun"); needed for the attention filter. */
  attention?: ReadonlySet<number> | null;
}

/**
 * The trainee list, filtered and one page of it. Status, occupation and training year are filtered by SQL (and
 * without a search or the attention filter the page itself); the search, which also finds "Haddad, Ahmad" (the
 * list's own form), "Ahmad Haddad" and parts of names without accents, and the attention filter run on the rows.
 */
export function listTrainees(db: Db, input: z.output<typeof TraineeListInput>, ctx: ListContext): TraineePage {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  // 'active': in training (with a contract); applicants are listed under 'all'.
  if (input.status === 'active') where.push(`t.status = 'active'`);
  if (input.status === 'ended') where.push('t.ended_on IS NOT NULL');
  if (input.occupationId) {
    where.push('t.occupation_id = @occupation');
    params.occupation = input.occupationId;
  }
  if (input.trainingYear) {
    const r = startsInTrainingYear(input.trainingYear, ctx.today);
    where.push('t.contract_start BETWEEN @from AND @to');
    Object.assign(params, r);
  }
  const from = `FROM trainees t JOIN occupations o ON o.id = t.occupation_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  const select = `SELECT t.id, t.first_name, t.last_name, t.occupation_id, o.name AS occupation_name, t.contract_start, t.contract_end_planned,
              t.status, t.first_languages, t.german_level, t.nationality ${from}
       ORDER BY t.last_name COLLATE NOCASE, t.first_name COLLATE NOCASE, t.id`;
  const { offset, limit } = input;
  const terms = input.search ? fold(input.search).split(/[\s,;]+/).filter(Boolean) : [];
  if (terms.length === 0 && !input.attention) {
    const total = db.prepare(`SELECT count(*) ${from}`).pluck().get(params) as number;
    const rows = db.prepare(`${select} LIMIT @limit OFFSET @offset`).all({ ...params, limit: limit ?? -1, offset }) as ListRow[];
    return { items: rows.map(toSummary), total, offset };
  }
  const attention = input.attention ? (ctx.attention ?? new Set<number>()) : null;
  const rows = (db.prepare(select).all(params) as ListRow[]).filter(
    (r) => (!attention || attention.has(r.id)) && terms.every((t) => fold(`${r.first_name} ${r.last_name} ${r.occupation_name} ${r.nationality ?? ''}`).includes(t)),
  );
  return { items: rows.slice(offset, limit === undefined ? undefined : offset + limit).map(toSummary), total: rows.length, offset };
}

function assertOccupation(db: Db, occupationId: string) {
  if (!db.prepare('SELECT 1 FROM occupations WHERE id = ?').get(occupationId)) {
    throw fieldError(['occupationId'], 'unknown_occupation', `Unknown occupation ${occupationId}`, { id: occupationId });
  }
}

function params(input: z.output<typeof ApplicantInput> & Partial<Pick<z.output<typeof TraineeInput>, 'contractStart' | 'contractEndPlanned' | 'probationMonths' | 'weeklyHours'>>) {
  return {
    first_name: input.firstName,
    last_name: input.lastName,
    date_of_birth: input.dateOfBirth,
    nationality: input.nationality,
    first_languages: JSON.stringify(input.firstLanguages),
    other_languages: JSON.stringify(input.otherLanguages),
    german_level: input.germanLevel,
    german_level_date: input.germanLevelDate,
    german_level_source: input.germanLevelSource,
    phone: input.phone,
    email: input.email,
    address: input.address,
    occupation_id: input.occupationId,
    contract_start: input.contractStart ?? null,
    contract_end_planned: input.contractEndPlanned ?? null,
    probation_months: input.probationMonths ?? null,
    weekly_hours: input.weeklyHours ?? null,
    school_days: JSON.stringify([...new Set(input.schoolDays)].sort()),
    pay_per_year: JSON.stringify(input.payPerYear),
    chamber_registration_date: input.chamberRegistrationDate,
    chamber_registration_no: input.chamberRegistrationNo,
    prior_experience: input.priorExperience,
    notes: input.notes,
  };
}

function insertTrainee(db: Db, p: ReturnType<typeof params>, status: 'active' | 'applicant', now: Date): number {
  const cols = Object.keys(p);
  const ts = now.toISOString();
  const info = db
    .prepare(`INSERT INTO trainees (${cols.join(', ')}, status, created_at, updated_at) VALUES (${cols.map((c) => `@${c}`).join(', ')}, @status, @ts, @ts)`)
    .run({ ...p, status, ts });
  return Number(info.lastInsertRowid);
}

export function createTrainee(db: Db, input: z.output<typeof TraineeInput>, now = new Date()): Trainee {
  assertOccupation(db, input.occupationId);
  return getTrainee(db, insertTrainee(db, params(input), 'active', now));
}

/** An applicant (Praktikum, EQ): a trainee file without a contract; its timeline and network work as for a trainee. */
export function createApplicant(db: Db, input: z.output<typeof ApplicantInput>, now = new Date()): TraineeFile {
  assertOccupation(db, input.occupationId);
  return getTraineeFile(db, insertTrainee(db, params(input), 'applicant', now));
}

/** Writes an applicant's file; with `status: 'active'` the contract in `rest` makes it a trainee's. */
function writeApplicant(db: Db, id: number, rest: Parameters<typeof params>[0], status: 'applicant' | 'active', now: Date) {
  const before = getTraineeFile(db, id);
  if (before.status !== 'applicant') throw new AppError('not_applicant', `Trainee ${id} already has a training contract`);
  assertOccupation(db, rest.occupationId);
  const p = params(rest);
  db.prepare(`UPDATE trainees SET ${Object.keys(p).map((c) => `${c} = @${c}`).join(', ')}, status = @status, updated_at = @ts WHERE id = @id`).run({ ...p, status, ts: now.toISOString(), id });
}

export function updateApplicant(db: Db, input: z.output<typeof ApplicantUpdate>, now = new Date()): TraineeFile {
  const { id, ...rest } = input;
  return db.transaction(() => {
    writeApplicant(db, id, rest, 'applicant', now);
    return getTraineeFile(db, id);
  })();
}

/** "Ausbildungsvertrag erfassen": the applicant's file with the contract; it becomes a trainee's (status active). */
export function recordContract(db: Db, input: z.output<typeof ContractInput>, now = new Date()): Trainee {
  const { id, ...rest } = input;
  return db.transaction(() => {
    writeApplicant(db, id, rest, 'active', now);
    // As after trainees.create: the training plan is made when it is first opened.
    return getTrainee(db, id);
  })();
}

export function updateTrainee(db: Db, input: z.output<typeof TraineeUpdate>, now = new Date()): Trainee {
  const { id, ...rest } = input;
  return db.transaction(() => {
    const before = getTrainee(db, id);
    assertOccupation(db, rest.occupationId);
    if (before.endedOn && before.endedOn < rest.contractStart) {
      throw fieldError(['contractStart'], 'start_after_end', 'The training cannot start after it ended');
    }
    const p = params(rest);
    db.prepare(`UPDATE trainees SET ${Object.keys(p).map((c) => `${c} = @${c}`).join(', ')}, updated_at = @ts WHERE id = @id`).run({
      ...p,
      ts: now.toISOString(),
      id,
    });
    const after = getTrainee(db, id);
    afterContractChange(db, before, after);
    return after;
  })();
}

type EndInput = Omit<z.output<typeof EndTrainingInput>, 'knownOn'> & { knownOn?: string | null };

/**
 * Records the end of a training. An end date after today is recorded in advance: the trainee stays active until
 * that day (settleEnds), and the notice after an early end is planned at once. `knownOn`: the day the firm learned
 * of the end (default: the end date), from which periods "ab Kenntnis" run.
 */
export function endTraining(db: Db, input: EndInput, now = new Date(), today = toIsoDate(now)): Trainee {
  return db.transaction(() => {
    const t = getTrainee(db, input.id);
    if (t.status !== 'active') throw new AppError('already_ended', `Training of trainee ${t.id} has already ended`);
    if (input.date < t.contractStart) throw fieldError(['date'], 'end_before_start', 'The training cannot end before it started');
    if (input.knownOn && input.knownOn > today) throw fieldError(['knownOn'], 'date_in_future', 'The date lies in the future');
    const knownOn = input.knownOn ?? input.date;
    const ts = now.toISOString();
    if (input.date > today) {
      db.prepare('UPDATE trainees SET scheduled_end_on = ?, scheduled_end_kind = ?, end_reason = ?, end_known_on = ?, updated_at = ? WHERE id = ?').run(
        input.date,
        input.kind,
        input.reason,
        knownOn,
        ts,
        input.id,
      );
    } else {
      db.prepare(
        'UPDATE trainees SET status = ?, ended_on = ?, end_reason = ?, end_known_on = ?, scheduled_end_on = NULL, scheduled_end_kind = NULL, updated_at = ? WHERE id = ?',
      ).run(input.kind === 'early' ? 'ended_early' : 'ended_regular', input.date, input.reason, knownOn, ts, input.id);
    }
    const after = getTrainee(db, input.id);
    afterTrainingEnded(db, after, now);
    return after;
  })();
}

/** Ends the trainings whose end was recorded in advance and whose day has come. Idempotent; run before each call. */
export function settleEnds(db: Db, today: string, now = new Date()): number {
  return db
    .prepare(
      `UPDATE trainees SET status = CASE scheduled_end_kind WHEN 'early' THEN 'ended_early' ELSE 'ended_regular' END, ended_on = scheduled_end_on,
       scheduled_end_on = NULL, scheduled_end_kind = NULL, updated_at = ? WHERE status = 'active' AND scheduled_end_on IS NOT NULL AND scheduled_end_on <= ?`,
    )
    .run(now.toISOString(), today).changes;
}

/** Takes back an end (recorded or scheduled): the trainee is active again. */
export function reopenTraining(db: Db, id: number, now = new Date()): Trainee {
  const t = getTrainee(db, id);
  if (t.status === 'active' && !t.scheduledEnd) return t;
  db.prepare(
    `UPDATE trainees SET status = 'active', ended_on = NULL, end_reason = NULL, end_known_on = NULL, scheduled_end_on = NULL, scheduled_end_kind = NULL, updated_at = ? WHERE id = ?`,
  ).run(now.toISOString(), id);
  return getTrainee(db, id);
}

/** Deletes a trainee with all their data (rows cascade) and the files kept for them in the workspace. */
export function deleteTrainee(store: Store, id: number): void {
  getTraineeFile(store.db, id);
  store.db.prepare('DELETE FROM trainees WHERE id = ?').run(id);
  // Files are removed after the commit, so a failed delete never leaves rows pointing at missing files.
  fs.rmSync(traineeFilesDir(store, id), { recursive: true, force: true });
}

/** Folder for the files kept for one trainee (document copies, pictures); removed with the trainee. */
export function traineeFilesDir(store: Store, id: number) {
  return path.join(store.filesDir, 'trainees', String(id));
}
