// The firm's deadlines across all trainees. Most are computed from the data each time (renewal before a document
// expires, the Ausbildungsduldung window, the check before the training starts); two are created by an event and
// stored (the notice after an early end, renewal after an extension of the training). Completing any deadline
// stores who did it and when, under the deadline's stable key.
import { formatDate } from '../../../shared/format';
import type { Deadline, DeadlineBucket, DeadlineKind, DeadlineList, DocumentType, LeadTimes, Localized, MayTrain } from '../../../shared/immigration';
import { AppError, fieldError, notFound } from '../errors';
import type { Db } from '../store/db';
import { addDays, addMonths, addWeeks, daysBetween } from './dates';
import { evaluateDocs, mayTrain, renewalInTime, type DocFacts, type TraineeFacts } from './evaluate';
import { fill, leadTimes, loadRules, type AnyRule, type Rules } from './rules';

export interface TraineeRow extends TraineeFacts {
  first_name: string;
  last_name: string;
  scheduled_end_on: string | null;
  scheduled_end_kind: 'regular' | 'early' | null;
}

export interface StoredTask {
  key: string;
  trainee_id: number;
  document_id: number | null;
  kind: DeadlineKind;
  rule_id: string;
  due_on: string;
  from_on: string | null;
  event_on: string | null;
  /** Type of the document the task was created for (joined; the document may no longer be current). */
  document_type: DocumentType | null;
  document_detail: string | null;
}

export interface DeadlineData {
  trainees: TraineeRow[];
  /** Current (not replaced) documents per trainee. */
  docs: Map<number, DocFacts[]>;
  /** Per trainee, the day the first recorded document that opens the Ausbildungsduldung window was issued (any version). */
  duldungSince: Map<number, string>;
  /** Trainees in training whose training began while a document of `ausbildungsduldung_gestattung.startedUnder` was in force. */
  startedUnderGestattung: Set<number>;
  /** Open stored tasks. */
  stored: StoredTask[];
  /** Keys of completed computed deadlines. */
  doneKeys: Set<string>;
}

/** The stable identity of a deadline (kind, trainee, document, date); the calendar export builds its UIDs from it. */
export const deadlineKey = (kind: DeadlineKind, traineeId: number, documentId: number | null, date: string) =>
  `${kind}:${traineeId}:${documentId ?? '-'}:${date}`;

export function parseKey(key: string): { kind: DeadlineKind; traineeId: number } | null {
  const m = /^(renewal|ausbildungsduldung|start_check|notify_end|extension):(\d+):(\d+|-):(\d{4}-\d{2}-\d{2})$/.exec(key);
  return m ? { kind: m[1] as DeadlineKind, traineeId: Number(m[2]) } : null;
}

/** The dashboard's group, by the catalogue's buckets (default 14 and 60 days). */
export function bucketOf(daysLeft: number, rules: Rules = loadRules()): DeadlineBucket {
  const { soonDays, upcomingDays } = rules.file.dashboard;
  if (daysLeft < 0) return 'overdue';
  if (daysLeft <= soonDays) return 'soon';
  if (daysLeft <= upcomingDays) return 'upcoming';
  return 'later';
}

/** The last day of the training as far as documents matter: a scheduled end, else the planned end. */
const trainingEnd = (t: TraineeRow) => (t.scheduled_end_on && t.scheduled_end_on < t.contract_end_planned ? t.scheduled_end_on : t.contract_end_planned);

const docLabel = (rules: Rules, type: DocumentType | null, detail: string | null | undefined, lang: 'de' | 'en') =>
  type === 'sonstiges' && detail ? detail : type ? rules.type(type).label[lang] : lang === 'de' ? 'Dokument' : 'document';

type DocRef = { id: number; type: DocumentType; type_detail?: string | null | undefined };

interface Parts {
  t: TraineeRow;
  kind: DeadlineKind;
  doc: DocRef | null;
  dueOn: string;
  fromOn: string | null;
  eventOn: string | null;
  ruleId: string;
  key: string;
  urgentFrom?: string;
  extra?: Record<string, string>;
}

// Dates as printed ("31.01.2027"), once per date: due dates cluster, and both languages print them alike.
const printed = new Map<string, string>();
function printedDate(iso: string | null): string {
  if (!iso) return '';
  let s = printed.get(iso);
  if (s === undefined) {
    if (printed.size > 20_000) printed.clear();
    printed.set(iso, (s = formatDate(iso)));
  }
  return s;
}

/** The sentence "what to do" from the catalogue (templates split once per process, see fill), in both languages. */
function deadlineText(p: Parts, rule: AnyRule, rules: Rules): Localized {
  const template =
    p.kind === 'notify_end' ? (rule.todo ?? (rule.binding === 'law' ? rules.file.notice.todo : rules.file.notice.todoRecommended)) : (rule.todo ?? rules.file.notice.todo);
  let who: string | undefined;
  // {doc}, {who}, {due}, {from}, {event} or one of the rule's extra values; all but {doc} alike in both languages.
  const value = (lang: 'de' | 'en') => (key: string) => {
    switch (key) {
      case 'doc':
        return docLabel(rules, p.doc?.type ?? null, p.doc?.type_detail, lang);
      case 'who':
        return (who ??= `${p.t.first_name} ${p.t.last_name}`);
      case 'due':
        return printedDate(p.dueOn);
      case 'from':
        return printedDate(p.fromOn);
      case 'event':
        return printedDate(p.eventOn);
      default:
        return p.extra?.[key];
    }
  };
  const de = value('de');
  const en = value('en');
  const text = { de: fill(template.de, de), en: fill(template.en, en) };
  // The 3-month Duldung precondition, when it is reached only after the window opens.
  if (p.kind === 'ausbildungsduldung' && p.extra?.duldung) {
    const r = rules.file.rules.ausbildungsduldung;
    return { de: `${text.de} ${fill(r.todoDuldung.de, de)}`, en: `${text.en} ${fill(r.todoDuldung.en, en)}` };
  }
  return text;
}

/** The deadline with its sentence (built only for the deadlines shown, see computeDeadlines). */
function makeDeadline(p: Parts, today: string, rules: Rules, daysLeft = daysBetween(today, p.dueOn)): Deadline {
  const rule = rules.rule(p.ruleId)!;
  // From this day on it is urgent: the lead time's "urgent" date, else the dashboard's "soon" days before it is due.
  const urgentOn = p.urgentFrom ?? addDays(p.dueOn, -rules.file.dashboard.soonDays);
  return {
    key: p.key,
    kind: p.kind,
    traineeId: p.t.id,
    firstName: p.t.first_name,
    lastName: p.t.last_name,
    documentId: p.doc?.id ?? null,
    documentType: p.doc?.type ?? null,
    dueOn: p.dueOn,
    fromOn: p.fromOn,
    daysLeft,
    bucket: bucketOf(daysLeft, rules),
    urgent: daysLeft < 0 || today >= urgentOn,
    urgentOn,
    eventOn: p.eventOn,
    ruleId: p.ruleId,
    source: rule.source.de,
    sourceText: rule.source,
    binding: rule.binding,
    uncertain: rule.uncertain,
    text: deadlineText(p, rule, rules),
    done: null,
  };
}

/** Whether a stored notice still applies: the training still ends (or ended) on that day, in the way its rule covers. */
function noticeApplies(t: TraineeRow, s: StoredTask, rules: Rules): boolean {
  const endOn = t.ended_on ?? t.scheduled_end_on;
  if (!endOn || s.key !== deadlineKey('notify_end', t.id, null, endOn)) return false;
  const early = t.status === 'ended_early' || (t.status === 'active' && t.scheduled_end_kind === 'early');
  const rule = rules.rule(s.rule_id) as { onRegularEnd?: boolean } | undefined;
  return early || Boolean(rule?.onRegularEnd);
}

/**
 * Every open deadline in `data` (or those `keep` accepts), unsorted. Pure: `today`, lead times and rules are passed
 * in. The sentences are written only for the deadlines kept (the dashboard shows a fraction of them).
 */
export function computeDeadlines(data: DeadlineData, today: string, lead: LeadTimes, rules: Rules, keep?: (d: Pick<Deadline, 'kind' | 'daysLeft' | 'fromOn'>) => boolean): Deadline[] {
  const out: Deadline[] = [];
  const byId = new Map<number, TraineeRow>();
  for (const t of data.trainees) byId.set(t.id, t);
  // Only stored tasks look documents up by id (usually none or a few).
  const docById = new Map<number, DocFacts>();
  if (data.stored.length > 0) for (const list of data.docs.values()) for (const d of list) docById.set(d.id, d);
  // A document with an open extension task gets that reminder only, not a second renewal for the same date.
  const extended = new Set<number>();
  for (const s of data.stored) if (s.kind === 'extension' && s.document_id !== null) extended.add(s.document_id);
  // Only the deadlines kept are built and given their sentence. One probe object for `keep` (called for every
  // candidate, it keeps nothing).
  const probe: Pick<Deadline, 'kind' | 'daysLeft' | 'fromOn'> = { kind: 'renewal', daysLeft: 0, fromOn: null };
  const kept = (kind: DeadlineKind, daysLeft: number, fromOn: string | null) => {
    if (!keep) return true;
    probe.kind = kind;
    probe.daysLeft = daysLeft;
    probe.fromOn = fromOn;
    return keep(probe);
  };
  const push = (p: Parts) => {
    if (kept(p.kind, daysBetween(today, p.dueOn), p.fromOn)) out.push(makeDeadline(p, today, rules));
  };

  for (const t of data.trainees) {
    if (t.status !== 'active') continue;
    const docs = data.docs.get(t.id) ?? [];
    const end = trainingEnd(t);
    for (const d of docs) {
      // Renewal: only while the document ends before the training does, and no renewal was applied for in time.
      if (!d.valid_until || d.valid_until >= end || renewalInTime(d) || extended.has(d.id)) continue;
      const lt = lead[d.type];
      // Cheap test first (most renewals are far off): has the lead time begun? (daysLeft ≤ prepare weeks ⇔ fromOn ≤ today)
      const daysLeft = daysBetween(today, d.valid_until);
      if (!kept('renewal', daysLeft, daysLeft <= lt.prepareWeeks * 7 ? today : null)) continue;
      const key = deadlineKey('renewal', t.id, d.id, d.valid_until);
      if (data.doneKeys.has(key)) continue;
      const p: Parts = { t, kind: 'renewal', doc: d, dueOn: d.valid_until, fromOn: addWeeks(d.valid_until, -lt.prepareWeeks), eventOn: null, ruleId: rules.type(d.type).renewalRule, key, urgentFrom: addWeeks(d.valid_until, -lt.urgentWeeks) };
      out.push(makeDeadline(p, today, rules, daysLeft));
    }
    // Ausbildungsduldung: a planning date before the start (never "overdue" once the training runs), for a trainee
    // whose document opens the window (a Duldung) and who holds no title for the training.
    // The exception of § 60c Abs. 1 S. 1 Nr. 1: the training began with an Aufenthaltsgestattung and the trainee now
    // holds a Duldung (asylum refused): apply at once, without the 3 months of Duldung, before that Duldung ends.
    // Only a trainee not yet started, or one whose training began under a Gestattung, can have either (most have neither).
    const underGestattung = data.startedUnderGestattung.has(t.id);
    const beforeStart = today <= t.contract_start;
    const opener = underGestattung || beforeStart ? docs.find((d) => rules.type(d.type).opensAusbildungsduldungWindow) : undefined;
    const noTitle = opener !== undefined && !docs.some((d) => rules.type(d.type).trainingTitle);
    if (noTitle && underGestattung && opener.valid_until) {
      const key = deadlineKey('ausbildungsduldung', t.id, opener.id, opener.valid_until);
      if (!data.doneKeys.has(key)) push({ t, kind: 'ausbildungsduldung', doc: opener, dueOn: opener.valid_until, fromOn: opener.issued_on, eventOn: null, ruleId: 'ausbildungsduldung_gestattung', key });
    } else if (noTitle && beforeStart) {
      const key = deadlineKey('ausbildungsduldung', t.id, null, t.contract_start);
      if (!data.doneKeys.has(key)) {
        const r = rules.file.rules.ausbildungsduldung;
        const window = addMonths(t.contract_start, -r.applyMonthsBeforeStart);
        const since = data.duldungSince.get(t.id);
        const threeMonths = since ? addMonths(since, r.duldungMonths) : null;
        const fromOn = threeMonths && threeMonths > window ? threeMonths : window;
        const extra: Record<string, string> = { grant: formatDate(addMonths(t.contract_start, -r.grantMonthsBeforeStart)) };
        if (threeMonths && threeMonths > window) extra.duldung = formatDate(threeMonths);
        push({ t, kind: 'ausbildungsduldung', doc: opener, dueOn: t.contract_start, fromOn, eventOn: null, ruleId: 'ausbildungsduldung', key, extra });
      }
    }
    // Before the start: on the first day a document must allow the training. Shown from the day it is known.
    if (beforeStart && evaluateDocs(docs, t.contract_start, rules).verdict !== 'allowed') {
      const key = deadlineKey('start_check', t.id, null, t.contract_start);
      if (!data.doneKeys.has(key)) push({ t, kind: 'start_check', doc: null, dueOn: t.contract_start, fromOn: null, eventOn: null, ruleId: 'start_check', key });
    }
  }

  for (const s of data.stored) {
    const t = byId.get(s.trainee_id);
    if (!t) continue;
    const doc = s.document_id !== null ? (docById.get(s.document_id) ?? null) : null;
    if (s.kind === 'notify_end') {
      // Only while the training (still) ends on that date: reopening it makes the notice moot.
      if (!noticeApplies(t, s, rules)) continue;
      const ref = s.document_id !== null && s.document_type ? { id: s.document_id, type: s.document_type, type_detail: s.document_detail } : null;
      push({ t, kind: s.kind, doc: ref, dueOn: s.due_on, fromOn: s.from_on, eventOn: s.event_on ?? s.from_on, ruleId: s.rule_id, key: s.key });
    } else if (s.kind === 'extension') {
      // Resolved when the document was replaced or now lasts until the (new) end of the training.
      if (t.status !== 'active' || !doc || !doc.valid_until || doc.valid_until >= trainingEnd(t) || renewalInTime(doc)) continue;
      push({ t, kind: s.kind, doc, dueOn: s.due_on, fromOn: s.from_on, eventOn: null, ruleId: s.rule_id, key: s.key });
    }
  }
  return out;
}

// One collator for all comparisons (localeCompare with a locale builds one per call).
const collate = new Intl.Collator('de').compare;
const PLAIN = /^[a-z0-9]+$/;
/**
 * German order of names. Two different names of only letters a–z (either case) and digits compare like their lower-case
 * forms (the German collation orders them so: digits before letters, case only breaks ties); anything else, and
 * equal lower-case forms, go to the collator (about 1 µs a call, the sort's main cost for a whole firm).
 */
function byName(a: string, b: string): number {
  if (a === b) return 0;
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x !== y && PLAIN.test(x) && PLAIN.test(y)) return x < y ? -1 : 1;
  return collate(a, b);
}
// By date (daysLeft counts from the same today for all: the same order as dueOn, compared as numbers), then name, then key.
const sortDeadlines = (a: Deadline, b: Deadline) =>
  a.daysLeft - b.daysLeft || byName(a.lastName, b.lastName) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

// The loader's statements, prepared once per database (the dashboard runs them on every call).
const statements = new WeakMap<Db, Map<string, ReturnType<Db['prepare']>>>();
function prepared(db: Db, sql: string): ReturnType<Db['prepare']> {
  let m = statements.get(db);
  if (!m) statements.set(db, (m = new Map()));
  let st = m.get(sql);
  if (!st) m.set(sql, (st = db.prepare(sql)));
  return st;
}

/** Loads what computeDeadlines needs, for all trainees or one. */
export function loadDeadlineData(db: Db, traineeId?: number, today?: string): DeadlineData {
  const one = traineeId !== undefined;
  const p = one ? { tid: traineeId } : {};
  // The Ausbildungsduldung window is a planning date before the start: only trainees not yet started need it.
  const notStarted = today ? 'AND t.contract_start >= @today' : '';
  const trainees = prepared(
    db,
    `SELECT id, first_name, last_name, status, contract_start, contract_end_planned, ended_on, scheduled_end_on, scheduled_end_kind FROM trainees
     WHERE ${one ? 'id = @tid' : `status = 'active' OR id IN (SELECT trainee_id FROM deadline_tasks WHERE stored = 1 AND done_at IS NULL)`}`,
  ).all(p) as TraineeRow[];
  const docRows = prepared(
    db,
    `SELECT d.id, d.trainee_id, d.type, d.type_detail, d.issued_on, d.valid_until, d.work_note, d.renewal_applied_on, d.replaced_by_id, d.safe_origin
     FROM residence_documents d WHERE ${one ? 'd.trainee_id = @tid AND' : ''} d.replaced_by_id IS NULL`,
  ).all(p) as (DocFacts & { trainee_id: number })[];
  // Only the documents of trainees in training count; filtered here rather than joined (cheaper for the whole firm).
  const active = new Set<number>();
  for (const t of trainees) if (t.status === 'active') active.add(t.id);
  const docs = new Map<number, DocFacts[]>();
  for (const d of docRows) {
    if (!active.has(d.trainee_id)) continue;
    const list = docs.get(d.trainee_id);
    if (list) list.push(d);
    else docs.set(d.trainee_id, [d]);
  }
  const openers = loadRules().file.documentTypes.filter((d) => d.opensAusbildungsduldungWindow).map((d) => `'${d.id}'`);
  const since = prepared(
    db,
    `SELECT d.trainee_id, MIN(d.issued_on) AS since FROM residence_documents d JOIN trainees t ON t.id = d.trainee_id ${one ? '' : `AND t.status = 'active'`} ${notStarted}
     WHERE d.issued_on IS NOT NULL AND d.type IN (${openers.join(', ') || "''"}) ${one ? 'AND d.trainee_id = @tid' : ''} GROUP BY d.trainee_id`,
  ).all(today ? { ...p, today } : p) as { trainee_id: number; since: string }[];
  const duldungSince = new Map(since.map((r) => [r.trainee_id, r.since]));
  // Any version in force on the first day of the training (replaced ones included: the Gestattung ended with the asylum procedure).
  const under = loadRules().file.rules.ausbildungsduldung_gestattung.startedUnder.map((t) => `'${t}'`);
  const startedUnderGestattung = new Set(
    prepared(
      db,
      `SELECT DISTINCT d.trainee_id FROM residence_documents d JOIN trainees t ON t.id = d.trainee_id AND t.status = 'active' ${today ? 'AND t.contract_start <= @today' : ''}
       WHERE d.type IN (${under.join(', ')}) AND (d.issued_on IS NULL OR d.issued_on <= t.contract_start) AND (d.valid_until IS NULL OR d.valid_until >= t.contract_start)
       ${one ? 'AND d.trainee_id = @tid' : ''}`,
    )
      .pluck()
      .all(today ? { ...p, today } : p) as number[],
  );
  const stored = prepared(
    db,
    `SELECT k.key, k.trainee_id, k.document_id, k.kind, k.rule_id, k.due_on, k.from_on, k.event_on, d.type AS document_type, d.type_detail AS document_detail
     FROM deadline_tasks k LEFT JOIN residence_documents d ON d.id = k.document_id
     WHERE k.stored = 1 AND k.done_at IS NULL ${one ? 'AND k.trainee_id = @tid' : ''}`,
  ).all(p) as StoredTask[];
  const doneKeys = new Set(
    (prepared(db, `SELECT key FROM deadline_tasks WHERE stored = 0 AND done_at IS NOT NULL ${one ? 'AND trainee_id = @tid' : ''}`).all(p) as { key: string }[]).map((r) => r.key),
  );
  return { trainees, docs, duldungSince, startedUnderGestattung, stored, doneKeys };
}

/** Open deadlines of one trainee (all of them, however far ahead), sorted by date. */
export function traineeDeadlines(db: Db, traineeId: number, today: string): Deadline[] {
  return computeDeadlines(loadDeadlineData(db, traineeId, today), today, leadTimes(db), loadRules()).sort(sortDeadlines);
}

/** Every open deadline (for the calendar export), sorted by date. */
export function allOpenDeadlines(db: Db, today: string): Deadline[] {
  return computeDeadlines(loadDeadlineData(db, undefined, today), today, leadTimes(db), loadRules()).sort(sortDeadlines);
}

interface DoneRow extends StoredTask {
  first_name: string;
  last_name: string;
  done_on: string;
  done_by: string;
  done_at: string;
  done_note: string | null;
  done_via: NonNullable<Deadline['done']>['via'];
}

function doneDeadline(r: DoneRow, today: string, rules: Rules): Deadline {
  const t = { id: r.trainee_id, first_name: r.first_name, last_name: r.last_name } as TraineeRow;
  const doc = r.document_id !== null && r.document_type ? { id: r.document_id, type: r.document_type, type_detail: r.document_detail } : null;
  // A completion recorded under a rule a later catalogue no longer has keeps its key; it is shown with the generic renewal rule.
  const ruleId = rules.rule(r.rule_id) ? r.rule_id : 'renewal';
  const parts: Parts = { t, kind: r.kind, doc, dueOn: r.due_on, fromOn: r.from_on, eventOn: r.event_on, ruleId, key: r.key };
  const d = makeDeadline(parts, today, rules);
  return { ...d, ruleId: r.rule_id, urgent: false, urgentOn: null, done: { doneOn: r.done_on, doneBy: r.done_by, doneAt: r.done_at, note: r.done_note, via: r.done_via } };
}

const DONE_SELECT = `SELECT k.*, t.first_name, t.last_name, d.type AS document_type, d.type_detail AS document_detail FROM deadline_tasks k
  JOIN trainees t ON t.id = k.trainee_id LEFT JOIN residence_documents d ON d.id = k.document_id WHERE k.done_at IS NOT NULL`;

/**
 * The dashboard: open deadlines due within the horizon (default: the catalogue's), those whose lead time has begun and
 * the kinds the catalogue always shows (the check before the start, the notice after an end); the latest done ones;
 * and who may not train today.
 */
export function listDeadlines(db: Db, today: string, horizon?: number, traineeId?: number): DeadlineList {
  const rules = loadRules();
  const { dashboard } = rules.file;
  const horizonDays = horizon ?? dashboard.horizonDays;
  const data = loadDeadlineData(db, traineeId, today);
  const shown = (d: Pick<Deadline, 'kind' | 'daysLeft' | 'fromOn'>) => d.daysLeft <= horizonDays || (d.fromOn !== null && d.fromOn <= today) || dashboard.alwaysShow.includes(d.kind);
  const open = computeDeadlines(data, today, leadTimes(db), rules, shown).sort(sortDeadlines);
  const done = (prepared(db, `${DONE_SELECT} ${traineeId !== undefined ? 'AND k.trainee_id = @tid' : ''} ORDER BY k.done_at DESC, k.id DESC LIMIT 20`).all(
    traineeId !== undefined ? { tid: traineeId } : {},
  ) as DoneRow[]).map((r) => doneDeadline(r, today, rules));
  const blocked: DeadlineList['blocked'] = [];
  for (const t of data.trainees) {
    if (t.status !== 'active' || today < t.contract_start) continue;
    const m: MayTrain = mayTrain(t, data.docs.get(t.id) ?? [], today, rules);
    if (m.verdict !== 'allowed') blocked.push({ ...m, firstName: t.first_name, lastName: t.last_name });
  }
  blocked.sort((a, b) => byName(a.lastName, b.lastName) || a.traineeId - b.traineeId);
  return { today, soonDays: dashboard.soonDays, upcomingDays: dashboard.upcomingDays, horizonDays, open, done, blocked };
}

/**
 * Records a deadline as done (who, on which day, how, a note). Completing a renewal, or the extension reminder,
 * records the application on the document; completing the notice closes it.
 */
export function completeDeadline(
  db: Db,
  input: { key: string; doneOn: string; doneBy: string; note: string | null; via?: NonNullable<Deadline['done']>['via'] },
  today: string,
  now: Date,
): Deadline {
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
      `INSERT INTO deadline_tasks (key, trainee_id, document_id, kind, rule_id, due_on, from_on, event_on, stored, created_at, done_on, done_by, done_at, done_note, done_via)
       VALUES (@key, @traineeId, @documentId, @kind, @ruleId, @dueOn, @fromOn, @eventOn, 0, @ts, @doneOn, @doneBy, @ts, @note, @via)
       ON CONFLICT (key) DO UPDATE SET done_on = excluded.done_on, done_by = excluded.done_by, done_at = excluded.done_at, done_note = excluded.done_note, done_via = excluded.done_via`,
    ).run({ key: d.key, traineeId: d.traineeId, documentId: d.documentId, kind: d.kind, ruleId: d.ruleId, dueOn: d.dueOn, fromOn: d.fromOn, eventOn: d.eventOn, ts, doneOn: input.doneOn, doneBy: input.doneBy, note: input.note, via: input.via ?? null });
    if ((d.kind === 'renewal' || d.kind === 'extension') && d.documentId !== null) {
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
    if (row.stored === 1) db.prepare('UPDATE deadline_tasks SET done_on = NULL, done_by = NULL, done_at = NULL, done_note = NULL, done_via = NULL WHERE key = ?').run(key);
    else db.prepare('DELETE FROM deadline_tasks WHERE key = ?').run(key);
    if ((row.kind === 'renewal' || row.kind === 'extension') && row.document_id !== null) {
      db.prepare('UPDATE residence_documents SET renewal_applied_on = NULL, updated_at = ? WHERE id = ? AND renewal_applied_on = ?').run(now.toISOString(), row.document_id, row.done_on);
    }
  })();
}
