// The firm's deadlines across all trainees. Most are computed from the data each time (renewal before a document
// expires, the Ausbildungsduldung window, the check before the training starts); two are created by an event and
// stored (the notice after an early end, renewal after an extension of the training). Completing any deadline
// stores who did it and when, under the deadline's stable key.
import type { Deadline, DeadlineBucket, DeadlineKind, DeadlineList, DocumentType, LeadTimes, MayTrain } from '../../../shared/immigration';
import { AppError, fieldError, notFound } from '../errors';
import type { Db } from '../store/db';
import { addDays, addMonths, addWeeks, daysBetween } from './dates';
import { evaluateDocs, mayTrain, renewalInTime, type DocFacts, type TraineeFacts } from './evaluate';
import { leadTimes, loadRules, type Rules } from './rules';

export interface TraineeRow extends TraineeFacts {
  first_name: string;
  last_name: string;
}

export interface StoredTask {
  key: string;
  trainee_id: number;
  document_id: number | null;
  kind: DeadlineKind;
  rule_id: string;
  due_on: string;
  from_on: string | null;
  /** Type of the document the task was created for (joined; the document may no longer be current). */
  document_type: DocumentType | null;
}

export interface DeadlineData {
  trainees: TraineeRow[];
  /** Current (not replaced) documents per trainee. */
  docs: Map<number, DocFacts[]>;
  /** Open stored tasks. */
  stored: StoredTask[];
  /** Keys of completed computed deadlines. */
  doneKeys: Set<string>;
}

export const deadlineKey = (kind: DeadlineKind, traineeId: number, documentId: number | null, date: string) =>
  `${kind}:${traineeId}:${documentId ?? '-'}:${date}`;

export function parseKey(key: string): { kind: DeadlineKind; traineeId: number } | null {
  const m = /^(renewal|ausbildungsduldung|start_check|notify_end|extension):(\d+):(\d+|-):(\d{4}-\d{2}-\d{2})$/.exec(key);
  return m ? { kind: m[1] as DeadlineKind, traineeId: Number(m[2]) } : null;
}

export function bucketOf(daysLeft: number): DeadlineBucket {
  if (daysLeft < 0) return 'overdue';
  if (daysLeft <= 14) return 'soon';
  if (daysLeft <= 60) return 'upcoming';
  return 'later';
}

const STATUS_WITH_DULDUNG: DocumentType[] = ['duldung'];
const TRAINING_TITLES: DocumentType[] = ['ausbildungsduldung', 'ae_16g'];

/** Every open deadline in `data`, unsorted. Pure: `today`, lead times and rules are passed in. */
export function computeDeadlines(data: DeadlineData, today: string, lead: LeadTimes, rules: Rules): Deadline[] {
  const out: Deadline[] = [];
  const byId = new Map<number, TraineeRow>();
  for (const t of data.trainees) byId.set(t.id, t);
  const docById = new Map<number, DocFacts>();
  for (const list of data.docs.values()) for (const d of list) docById.set(d.id, d);

  type DocRef = Pick<DocFacts, 'id' | 'type'>;
  const push = (t: TraineeRow, kind: DeadlineKind, doc: DocRef | null, dueOn: string, fromOn: string | null, ruleId: string, key: string, urgentFrom?: string) => {
    const daysLeft = daysBetween(today, dueOn);
    const urgentOn = urgentFrom ?? addDays(dueOn, -14);
    out.push({
      key,
      kind,
      traineeId: t.id,
      firstName: t.first_name,
      lastName: t.last_name,
      documentId: doc?.id ?? null,
      documentType: doc?.type ?? null,
      dueOn,
      fromOn,
      daysLeft,
      bucket: bucketOf(daysLeft),
      urgent: daysLeft < 0 || today >= urgentOn,
      urgentOn,
      ruleId,
      source: rules.source(ruleId),
      done: null,
    });
  };

  for (const t of data.trainees) {
    if (t.status !== 'active') continue;
    const docs = data.docs.get(t.id) ?? [];
    for (const d of docs) {
      // Renewal: only while the document ends before the training does, and no renewal was applied for in time.
      if (!d.valid_until || d.valid_until >= t.contract_end_planned || renewalInTime(d)) continue;
      const key = deadlineKey('renewal', t.id, d.id, d.valid_until);
      if (data.doneKeys.has(key)) continue;
      const lt = lead[d.type];
      push(t, 'renewal', d, d.valid_until, addWeeks(d.valid_until, -lt.prepareWeeks), 'renewal', key, addWeeks(d.valid_until, -lt.urgentWeeks));
    }
    // Ausbildungsduldung: a trainee with a Duldung and no title for the training may apply from 7 months before the start.
    const duldung = docs.find((d) => STATUS_WITH_DULDUNG.includes(d.type));
    if (duldung && !docs.some((d) => TRAINING_TITLES.includes(d.type))) {
      const key = deadlineKey('ausbildungsduldung', t.id, null, t.contract_start);
      if (!data.doneKeys.has(key)) {
        const r = rules.file.rules.ausbildungsduldung;
        push(t, 'ausbildungsduldung', duldung, t.contract_start, addMonths(t.contract_start, -r.applyMonthsBeforeStart), 'ausbildungsduldung', key);
      }
    }
    // Before the start: on the first day a document must allow the training.
    if (today <= t.contract_start && evaluateDocs(docs, t.contract_start, rules).verdict !== 'allowed') {
      const key = deadlineKey('start_check', t.id, null, t.contract_start);
      if (!data.doneKeys.has(key)) push(t, 'start_check', null, t.contract_start, null, 'start_check', key);
    }
  }

  for (const s of data.stored) {
    const t = byId.get(s.trainee_id);
    if (!t) continue;
    const doc = s.document_id !== null ? (docById.get(s.document_id) ?? null) : null;
    if (s.kind === 'notify_end') {
      // Only while the training is (still) ended early on that date: reopening it makes the notice moot.
      if (t.status !== 'ended_early' || t.ended_on !== s.from_on) continue;
      const ref = s.document_id !== null && s.document_type ? { id: s.document_id, type: s.document_type } : null;
      push(t, s.kind, ref, s.due_on, s.from_on, s.rule_id, s.key);
    } else if (s.kind === 'extension') {
      // Resolved when the document was replaced or now lasts until the (new) end of the training.
      if (t.status !== 'active' || !doc || !doc.valid_until || doc.valid_until >= t.contract_end_planned || renewalInTime(doc)) continue;
      push(t, s.kind, doc, s.due_on, s.from_on, s.rule_id, s.key);
    }
  }
  return out;
}

const sortDeadlines = (a: Deadline, b: Deadline) =>
  a.dueOn === b.dueOn ? a.lastName.localeCompare(b.lastName, 'de') || a.key.localeCompare(b.key) : a.dueOn < b.dueOn ? -1 : 1;

/** Loads what computeDeadlines needs, for all trainees or one. */
export function loadDeadlineData(db: Db, traineeId?: number): DeadlineData {
  const one = traineeId !== undefined;
  const trainees = db
    .prepare(
      `SELECT id, first_name, last_name, status, contract_start, contract_end_planned, ended_on FROM trainees
       WHERE ${one ? 'id = @tid' : `status = 'active' OR id IN (SELECT trainee_id FROM deadline_tasks WHERE stored = 1 AND done_at IS NULL)`}`,
    )
    .all(one ? { tid: traineeId } : {}) as TraineeRow[];
  const docRows = db
    .prepare(
      `SELECT d.id, d.trainee_id, d.type, d.issued_on, d.valid_until, d.work_note, d.renewal_applied_on, d.replaced_by_id, d.copy_path
       FROM residence_documents d ${one ? 'WHERE d.trainee_id = @tid AND' : `JOIN trainees t ON t.id = d.trainee_id AND t.status = 'active' WHERE`} d.replaced_by_id IS NULL`,
    )
    .all(one ? { tid: traineeId } : {}) as (DocFacts & { trainee_id: number })[];
  const docs = new Map<number, DocFacts[]>();
  for (const d of docRows) {
    const list = docs.get(d.trainee_id);
    if (list) list.push(d);
    else docs.set(d.trainee_id, [d]);
  }
  const stored = db
    .prepare(
      `SELECT k.key, k.trainee_id, k.document_id, k.kind, k.rule_id, k.due_on, k.from_on, d.type AS document_type
       FROM deadline_tasks k LEFT JOIN residence_documents d ON d.id = k.document_id
       WHERE k.stored = 1 AND k.done_at IS NULL ${one ? 'AND k.trainee_id = @tid' : ''}`,
    )
    .all(one ? { tid: traineeId } : {}) as StoredTask[];
  const doneKeys = new Set(
    (db.prepare(`SELECT key FROM deadline_tasks WHERE stored = 0 AND done_at IS NOT NULL ${one ? 'AND trainee_id = @tid' : ''}`).pluck().all(one ? { tid: traineeId } : {}) as string[]),
  );
  return { trainees, docs, stored, doneKeys };
}

/** Open deadlines of one trainee (all of them, however far ahead), sorted by date. */
export function traineeDeadlines(db: Db, traineeId: number, today: string): Deadline[] {
  return computeDeadlines(loadDeadlineData(db, traineeId), today, leadTimes(db), loadRules()).sort(sortDeadlines);
}

/** Every open deadline (for the calendar export), sorted by date. */
export function allOpenDeadlines(db: Db, today: string): Deadline[] {
  return computeDeadlines(loadDeadlineData(db), today, leadTimes(db), loadRules()).sort(sortDeadlines);
}

interface DoneRow extends StoredTask {
  first_name: string;
  last_name: string;
  done_on: string;
  done_by: string;
  done_at: string;
  done_note: string | null;
}

function doneDeadline(r: DoneRow, today: string, rules: Rules): Deadline {
  const daysLeft = daysBetween(today, r.due_on);
  return {
    key: r.key,
    kind: r.kind,
    traineeId: r.trainee_id,
    firstName: r.first_name,
    lastName: r.last_name,
    documentId: r.document_id,
    documentType: r.document_type,
    dueOn: r.due_on,
    fromOn: r.from_on,
    daysLeft,
    bucket: bucketOf(daysLeft),
    urgent: false,
    urgentOn: null,
    ruleId: r.rule_id,
    source: rules.source(r.rule_id),
    done: { doneOn: r.done_on, doneBy: r.done_by, doneAt: r.done_at, note: r.done_note },
  };
}

const DONE_SELECT = `SELECT k.*, t.first_name, t.last_name, d.type AS document_type FROM deadline_tasks k
  JOIN trainees t ON t.id = k.trainee_id LEFT JOIN residence_documents d ON d.id = k.document_id WHERE k.done_at IS NOT NULL`;

/** The dashboard: open deadlines due within `horizonDays` (or whose lead time has begun), the latest done ones, and who may not train today. */
export function listDeadlines(db: Db, today: string, horizonDays = 60, traineeId?: number): DeadlineList {
  const rules = loadRules();
  const data = loadDeadlineData(db, traineeId);
  const open = computeDeadlines(data, today, leadTimes(db), rules)
    .filter((d) => d.daysLeft <= horizonDays || (d.fromOn !== null && d.fromOn <= today))
    .sort(sortDeadlines);
  const done = (db.prepare(`${DONE_SELECT} ${traineeId !== undefined ? 'AND k.trainee_id = ?' : ''} ORDER BY k.done_at DESC, k.id DESC LIMIT 20`).all(
    ...(traineeId !== undefined ? [traineeId] : []),
  ) as DoneRow[]).map((r) => doneDeadline(r, today, rules));
  const blocked: DeadlineList['blocked'] = [];
  for (const t of data.trainees) {
    if (t.status !== 'active' || today < t.contract_start) continue;
    const m: MayTrain = mayTrain(t, data.docs.get(t.id) ?? [], today, rules);
    if (m.verdict !== 'allowed') blocked.push({ ...m, firstName: t.first_name, lastName: t.last_name });
  }
  blocked.sort((a, b) => a.lastName.localeCompare(b.lastName, 'de') || a.traineeId - b.traineeId);
  return { today, open, done, blocked };
}

/** Records a deadline as done (who, on which day, a note). Completing a renewal records the application on the document. */
export function completeDeadline(db: Db, input: { key: string; doneOn: string; doneBy: string; note: string | null }, today: string, now: Date): Deadline {
  if (input.doneOn > today) throw fieldError(['doneOn'], 'date_in_future', 'The date lies in the future');
  return db.transaction(() => {
    const parsed = parseKey(input.key);
    const d = parsed ? traineeDeadlines(db, parsed.traineeId, today).find((x) => x.key === input.key) : undefined;
    if (!d) {
      const done = db.prepare('SELECT 1 FROM deadline_tasks WHERE key = ? AND done_at IS NOT NULL').get(input.key);
      if (done) throw new AppError('deadline_done', `Deadline ${input.key} is already done`);
      throw notFound('deadline', input.key);
    }
    const ts = now.toISOString();
    db.prepare(
      `INSERT INTO deadline_tasks (key, trainee_id, document_id, kind, rule_id, due_on, from_on, stored, created_at, done_on, done_by, done_at, done_note)
       VALUES (@key, @traineeId, @documentId, @kind, @ruleId, @dueOn, @fromOn, 0, @ts, @doneOn, @doneBy, @ts, @note)
       ON CONFLICT (key) DO UPDATE SET done_on = excluded.done_on, done_by = excluded.done_by, done_at = excluded.done_at, done_note = excluded.done_note`,
    ).run({ ...d, ts, doneOn: input.doneOn, doneBy: input.doneBy, note: input.note });
    if (d.kind === 'renewal' && d.documentId !== null) {
      db.prepare('UPDATE residence_documents SET renewal_applied_on = ?, updated_at = ? WHERE id = ? AND renewal_applied_on IS NULL').run(input.doneOn, ts, d.documentId);
    }
    const row = db.prepare(`${DONE_SELECT} AND k.key = ?`).get(input.key) as DoneRow;
    return doneDeadline(row, today, loadRules());
  })();
}

/** Takes back a completion (a mistaken click). A renewal's recorded application is taken back with it. */
export function reopenDeadline(db: Db, key: string, now: Date): void {
  db.transaction(() => {
    const row = db.prepare('SELECT stored, kind, document_id, done_on FROM deadline_tasks WHERE key = ? AND done_at IS NOT NULL').get(key) as
      | { stored: number; kind: DeadlineKind; document_id: number | null; done_on: string }
      | undefined;
    if (!row) throw notFound('deadline', key);
    if (row.stored === 1) db.prepare('UPDATE deadline_tasks SET done_on = NULL, done_by = NULL, done_at = NULL, done_note = NULL WHERE key = ?').run(key);
    else db.prepare('DELETE FROM deadline_tasks WHERE key = ?').run(key);
    if (row.kind === 'renewal' && row.document_id !== null) {
      db.prepare('UPDATE residence_documents SET renewal_applied_on = NULL, updated_at = ? WHERE id = ? AND renewal_applied_on = ?').run(now.toISOString(), row.document_id, row.done_on);
    }
  })();
}
