// The trainee's network: people, measures (with gap detection), conflict moderation, consents, disclosures,
// counselling notes, competences. Every write is one transaction; bad input changes nothing.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  ENDING_OUTCOMES,
  type AgreementInput,
  type CaseInput,
  type Competence,
  type CompetenceInput,
  type ConflictCase,
  type ConflictStep,
  type Consent,
  type ConsentInput,
  type ConsentText,
  type ConsentTextInput,
  type DataCategory,
  type Disclosure,
  type DisclosureInput,
  type Measure,
  type MeasureInput,
  type NetworkDashboard,
  type NetworkOverview,
  type NoteInput,
  type Person,
  type PersonInput,
  type StepInput,
  type ViewInput,
} from '../../../shared/network';
import { AppError, fieldError, notFound } from '../errors';
import type { Db } from '../store/db';
import { getTraineeFile as getTrainee } from '../trainees/service';

type Row = Record<string, unknown>;
type Out<T extends z.ZodType> = z.output<T>;

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
/** snake_case row → camelCase object; JSON columns parsed. */
function fromRow<T>(r: Row, json: string[] = [], bools: string[] = []): T {
  const o: Row = {};
  for (const [k, v] of Object.entries(r)) {
    const c = camel(k);
    o[c] = json.includes(k) ? JSON.parse(v as string) : bools.includes(k) ? v === 1 : v;
  }
  return o as T;
}

function one(db: Db, table: string, id: number, what: string): Row {
  const r = db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Row | undefined;
  if (!r) throw notFound(what, id);
  return r;
}

/**
 * Inserts (no id) or updates (id) one record; `values` uses column names. Checks that an updated record
 * belongs to the given parent so a call cannot move records between trainees.
 */
function upsert(db: Db, table: string, what: string, id: number | undefined, values: Row, now: Date, parent?: [string, unknown]): number {
  const ts = now.toISOString();
  const cols = Object.keys(values);
  if (id === undefined) {
    const all = { ...values, uuid: randomUUID(), created_at: ts, updated_at: ts };
    const names = Object.keys(all);
    const info = db.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((c) => `@${c}`).join(', ')})`).run(all);
    return Number(info.lastInsertRowid);
  }
  const old = one(db, table, id, what);
  if (parent && old[parent[0]] !== parent[1]) throw notFound(what, id);
  db.prepare(`UPDATE ${table} SET ${cols.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @updated_at WHERE id = @id`).run({ ...values, updated_at: ts, id });
  return id;
}

const cols = (o: Row, omit: string[] = []) => Object.fromEntries(Object.entries(o).filter(([k]) => !omit.includes(k)).map(([k, v]) => [snake(k), typeof v === 'boolean' ? (v ? 1 : 0) : Array.isArray(v) ? JSON.stringify(v) : v]));

function checkContact(db: Db, contactId: number | null, path: string) {
  if (contactId !== null && !db.prepare('SELECT 1 FROM contacts WHERE id = ?').get(contactId)) throw fieldError([path], 'unknown_contact', `Contact ${contactId} does not exist`, { id: contactId });
}

function deleteOne(db: Db, table: string, what: string, id: number) {
  one(db, table, id, what);
  db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id);
}

// People ---------------------------------------------------------------------------------------------------
const PERSON_SELECT = 'SELECT p.*, c.organisation FROM network_people p LEFT JOIN contacts c ON c.id = p.contact_id';

export function listPeople(db: Db, traineeId: number): Person[] {
  return (db.prepare(`${PERSON_SELECT} WHERE p.trainee_id = ? ORDER BY p.until IS NOT NULL, p.name COLLATE NOCASE, p.id`).all(traineeId) as Row[]).map((r) => fromRow<Person>(r));
}

export function savePerson(db: Db, input: Out<typeof PersonInput>, now: Date): Person {
  return db.transaction(() => {
    getTrainee(db, input.traineeId);
    checkContact(db, input.contactId, 'contactId');
    const id = upsert(db, 'network_people', 'person', input.id, cols(input, ['id']), now, ['trainee_id', input.traineeId]);
    return fromRow<Person>(db.prepare(`${PERSON_SELECT} WHERE p.id = ?`).get(id) as Row);
  })();
}

export function deletePerson(db: Db, id: number) {
  db.transaction(() => {
    one(db, 'network_people', id, 'person');
    const n = (db.prepare('SELECT count(*) AS n FROM consents WHERE person_id = ?').get(id) as { n: number }).n;
    if (n > 0) throw new AppError('person_has_consents', `Person ${id} is the recipient of ${n} consent(s) and stays on record`, { count: n });
    db.prepare('DELETE FROM network_people WHERE id = ?').run(id);
  })();
}

// Measures and gaps ----------------------------------------------------------------------------------------
/**
 * A gap: a measure with an end date (not the end of training itself) after which nothing else of the trainee
 * (not broken off) continues or follows — where people get lost between two measures.
 */
const GAP = `m.end_on IS NOT NULL AND m.type <> 'ende' AND NOT EXISTS (
  SELECT 1 FROM measures n WHERE n.trainee_id = m.trainee_id AND n.id <> m.id AND n.status <> 'broken_off'
    AND (n.end_on IS NULL OR n.end_on > m.end_on OR (n.type = 'ende' AND n.start_on >= m.end_on)))`;

export function listMeasures(db: Db, traineeId: number): Measure[] {
  const rows = db.prepare(`SELECT m.*, (${GAP}) AS gap FROM measures m WHERE m.trainee_id = ? ORDER BY m.start_on, m.end_on IS NULL, m.end_on, m.id`).all(traineeId) as Row[];
  return rows.map((r) => fromRow<Measure>(r, [], ['gap']));
}

export function saveMeasure(db: Db, input: Out<typeof MeasureInput>, now: Date): Measure {
  return db.transaction(() => {
    getTrainee(db, input.traineeId);
    checkContact(db, input.contactId, 'contactId');
    if (input.type !== 'sprachkurs' && (input.level !== null || input.hours !== null) && input.type !== 'asa_flex') throw fieldError(['level'], 'level_only_language', 'Level and hours belong to a language course or AsA flex');
    const id = upsert(db, 'measures', 'measure', input.id, cols(input, ['id']), now, ['trainee_id', input.traineeId]);
    return listMeasures(db, input.traineeId).find((m) => m.id === id)!;
  })();
}

// Conflict moderation --------------------------------------------------------------------------------------
function caseParts(db: Db, caseRows: Row[]): ConflictCase[] {
  if (caseRows.length === 0) return [];
  const ids = caseRows.map((c) => c.id as number);
  const q = ids.map(() => '?').join(',');
  const steps = (db.prepare(`SELECT * FROM conflict_steps WHERE case_id IN (${q}) ORDER BY held_on, id`).all(...ids) as Row[]).map((r) => ({ ...fromRow<ConflictStep>(r, ['participants']), views: [], agreements: [] }) as ConflictStep);
  const stepIds = steps.map((s) => s.id);
  const sq = stepIds.map(() => '?').join(',') || 'NULL';
  const views = (db.prepare(`SELECT * FROM conflict_views WHERE step_id IN (${sq}) ORDER BY side`).all(...stepIds) as Row[]).map((r) => fromRow<ConflictStep['views'][number]>(r));
  const agreements = (db.prepare(`SELECT * FROM conflict_agreements WHERE step_id IN (${sq}) ORDER BY due_on, id`).all(...stepIds) as Row[]).map((r) => fromRow<ConflictStep['agreements'][number]>(r));
  for (const s of steps) {
    s.views = views.filter((v) => v.stepId === s.id);
    s.agreements = agreements.filter((a) => a.stepId === s.id);
  }
  return caseRows.map((r) => {
    const c = fromRow<ConflictCase>(r);
    return { ...c, endsTraining: c.outcome !== null && ENDING_OUTCOMES.includes(c.outcome), steps: steps.filter((s) => s.caseId === c.id) };
  });
}

export function listCases(db: Db, traineeId: number): ConflictCase[] {
  return caseParts(db, db.prepare('SELECT * FROM conflict_cases WHERE trainee_id = ? ORDER BY raised_on DESC, id DESC').all(traineeId) as Row[]);
}
export const getCase = (db: Db, id: number): ConflictCase => caseParts(db, [one(db, 'conflict_cases', id, 'conflict case')])[0]!;

export function saveCase(db: Db, input: Out<typeof CaseInput>, now: Date): ConflictCase {
  return db.transaction(() => {
    getTrainee(db, input.traineeId);
    if (input.closedOn !== null && input.outcome === null) throw fieldError(['outcome'], 'outcome_required', 'A closed case needs an outcome');
    return getCase(db, upsert(db, 'conflict_cases', 'conflict case', input.id, cols(input, ['id']), now, ['trainee_id', input.traineeId]));
  })();
}

function stepOf(db: Db, stepId: number) {
  return one(db, 'conflict_steps', stepId, 'step');
}

/** Sessions that came in a mediator's reply (case files) are append-only: their content is never changed here. */
function refuseImported(step: Row) {
  if (step.from_reply_id !== null && step.from_reply_id !== undefined) throw new AppError('imported_entry', 'This entry came from the mediator\'s reply and is not changed');
}

export function saveStep(db: Db, input: Out<typeof StepInput>, now: Date): ConflictCase {
  return db.transaction(() => {
    const c = one(db, 'conflict_cases', input.caseId, 'conflict case');
    if (input.heldOn < (c.raised_on as string)) throw fieldError(['heldOn'], 'step_before_case', 'A step cannot be held before the case was raised');
    if (input.id !== undefined) refuseImported(stepOf(db, input.id));
    upsert(db, 'conflict_steps', 'step', input.id, cols(input, ['id']), now, ['case_id', input.caseId]);
    return getCase(db, input.caseId);
  })();
}

/** Each side's view of a step; one per side (saving again replaces the text). Confirmed on a date by that side. */
export function saveView(db: Db, input: Out<typeof ViewInput>, now: Date): ConflictCase {
  return db.transaction(() => {
    const s = stepOf(db, input.stepId);
    refuseImported(s);
    if (input.confirmedOn !== null && input.confirmedOn < (s.held_on as string)) throw fieldError(['confirmedOn'], 'confirmed_before_step', 'A view cannot be confirmed before the session');
    const old = db.prepare('SELECT id FROM conflict_views WHERE step_id = ? AND side = ?').get(input.stepId, input.side) as { id: number } | undefined;
    upsert(db, 'conflict_views', 'view', old?.id, cols(input), now);
    return getCase(db, s.case_id as number);
  })();
}

export function saveAgreement(db: Db, input: Out<typeof AgreementInput>, now: Date): ConflictCase {
  return db.transaction(() => {
    const s = stepOf(db, input.stepId);
    if (s.from_reply_id !== null) {
      // The firm tracks whether an agreement from a reply is kept; its content stays as the mediator wrote it.
      const old = input.id !== undefined ? (db.prepare('SELECT what, who, due_on, review_on FROM conflict_agreements WHERE id = ? AND step_id = ?').get(input.id, input.stepId) as Row | undefined) : undefined;
      if (!old || old.what !== input.what || old.who !== input.who || old.due_on !== input.dueOn || old.review_on !== input.reviewOn) refuseImported(s);
    }
    if (input.dueOn < (s.held_on as string)) throw fieldError(['dueOn'], 'due_before_step', 'An agreement cannot be due before the session it was made in');
    if (input.reviewOn !== null && input.reviewOn < (s.held_on as string)) throw fieldError(['reviewOn'], 'due_before_step', 'A review cannot be before the session');
    upsert(db, 'conflict_agreements', 'agreement', input.id, cols(input, ['id']), now, ['step_id', input.stepId]);
    return getCase(db, s.case_id as number);
  })();
}

// Consent --------------------------------------------------------------------------------------------------
const TEXT_SELECT = 'SELECT t.*, EXISTS (SELECT 1 FROM consents c WHERE c.text_id = t.id) AS used FROM consent_texts t';
const toText = (r: Row) => fromRow<ConsentText>(r, [], ['used']);

export function listConsentTexts(db: Db): ConsentText[] {
  return (db.prepare(`${TEXT_SELECT} ORDER BY t.family, t.version`).all() as Row[]).map(toText);
}
const getText = (db: Db, id: number) => {
  const r = db.prepare(`${TEXT_SELECT} WHERE t.id = ?`).get(id) as Row | undefined;
  if (!r) throw notFound('consent text', id);
  return toText(r);
};

/** Creates a text (version 1 of a new family) or changes one that nobody has consented to yet. */
export function saveConsentText(db: Db, input: Out<typeof ConsentTextInput>, now: Date): ConsentText {
  return db.transaction(() => {
    if (input.id === undefined) return getText(db, upsert(db, 'consent_texts', 'consent text', undefined, { family: randomUUID(), version: 1, title: input.title, body: input.body }, now));
    if (getText(db, input.id).used) throw new AppError('consent_text_used', `Consent text ${input.id} has been consented to; make a new version instead`);
    return getText(db, upsert(db, 'consent_texts', 'consent text', input.id, { title: input.title, body: input.body }, now));
  })();
}

export function newConsentTextVersion(db: Db, input: { id: number; title: string; body: string }, now: Date): ConsentText {
  return db.transaction(() => {
    const base = getText(db, input.id);
    const max = (db.prepare('SELECT max(version) AS v FROM consent_texts WHERE family = ?').get(base.family) as { v: number }).v;
    return getText(db, upsert(db, 'consent_texts', 'consent text', undefined, { family: base.family, version: max + 1, title: input.title, body: input.body }, now));
  })();
}

const CONSENT_SELECT = `SELECT c.*, t.version AS text_version, t.title AS text_title,
  coalesce(p.name || coalesce(' (' || pc.organisation || ')', ''), k.organisation) AS recipient
  FROM consents c JOIN consent_texts t ON t.id = c.text_id LEFT JOIN network_people p ON p.id = c.person_id
  LEFT JOIN contacts pc ON pc.id = p.contact_id LEFT JOIN contacts k ON k.id = c.contact_id`;
function toConsent(r: Row): Consent {
  const { scan_path: path, scan_name, scan_mime, scan_size, scan_sha256, ...rest } = r;
  const scan = path ? { fileName: scan_name, mimeType: scan_mime, size: scan_size, sha256: scan_sha256 } : null;
  return { ...fromRow<Omit<Consent, 'scan'>>(rest, ['categories']), scan } as Consent;
}

export function listConsents(db: Db, traineeId: number): Consent[] {
  return (db.prepare(`${CONSENT_SELECT} WHERE c.trainee_id = ? ORDER BY c.given_on DESC, c.id DESC`).all(traineeId) as Row[]).map(toConsent);
}
export const getConsent = (db: Db, id: number): Consent => {
  const r = db.prepare(`${CONSENT_SELECT} WHERE c.id = ?`).get(id) as Row | undefined;
  if (!r) throw notFound('consent', id);
  return toConsent(r);
};

export function saveConsent(db: Db, input: Out<typeof ConsentInput>, now: Date): Consent {
  return db.transaction(() => {
    getTrainee(db, input.traineeId);
    getText(db, input.textId);
    if (input.personId !== null) {
      const p = db.prepare('SELECT trainee_id FROM network_people WHERE id = ?').get(input.personId) as { trainee_id: number } | undefined;
      if (!p || p.trainee_id !== input.traineeId) throw fieldError(['personId'], 'unknown_person', `Person ${input.personId} is not in this trainee's network`, { id: input.personId });
    }
    checkContact(db, input.contactId, 'contactId');
    if (input.id !== undefined) {
      const old = getConsent(db, input.id);
      if (old.traineeId !== input.traineeId) throw notFound('consent', input.id);
      if (old.revokedOn !== null) throw new AppError('consent_revoked', `Consent ${input.id} was revoked and cannot be changed`, { date: old.revokedOn });
    }
    return getConsent(db, upsert(db, 'consents', 'consent', input.id, cols(input, ['id']), now));
  })();
}

export function revokeConsent(db: Db, id: number, revokedOn: string, now: Date): Consent {
  return db.transaction(() => {
    const c = getConsent(db, id);
    if (c.revokedOn !== null) throw new AppError('consent_revoked', `Consent ${id} was already revoked`, { date: c.revokedOn });
    if (revokedOn < c.givenOn) throw fieldError(['revokedOn'], 'end_before_start', 'A consent cannot be revoked before it was given');
    db.prepare('UPDATE consents SET revoked_on = ?, updated_at = ? WHERE id = ?').run(revokedOn, now.toISOString(), id);
    return getConsent(db, id);
  })();
}

/** Records what went to whom under a consent; refused when the consent did not cover that date or those categories. */
export function recordDisclosure(db: Db, input: Out<typeof DisclosureInput>, now: Date): Disclosure {
  return db.transaction(() => {
    const c = getConsent(db, input.consentId);
    const active = input.disclosedOn >= c.givenOn && (c.validUntil === null || input.disclosedOn <= c.validUntil) && (c.revokedOn === null || input.disclosedOn < c.revokedOn);
    if (!active) throw fieldError(['disclosedOn'], 'consent_not_active', 'The consent was not in force on that date');
    const outside = input.categories.filter((k: DataCategory) => !c.categories.includes(k));
    if (outside.length > 0) throw fieldError(['categories'], 'category_not_consented', `Not covered by the consent: ${outside.join(', ')}`, { categories: outside.join(', ') });
    const id = upsert(db, 'disclosures', 'disclosure', undefined, { trainee_id: c.traineeId, consent_id: c.id, disclosed_on: input.disclosedOn, recipient: c.recipient, categories: JSON.stringify(input.categories), sha256: input.sha256, note: input.note }, now);
    return fromRow<Disclosure>(one(db, 'disclosures', id, 'disclosure'), ['categories']);
  })();
}

// Notes and competences ------------------------------------------------------------------------------------
export function saveNote(db: Db, input: Out<typeof NoteInput>, now: Date) {
  return db.transaction(() => {
    getTrainee(db, input.traineeId);
    const id = upsert(db, 'network_notes', 'note', input.id, cols(input, ['id']), now, ['trainee_id', input.traineeId]);
    return fromRow<NetworkOverview['notes'][number]>(one(db, 'network_notes', id, 'note'), [], ['confidential']);
  })();
}

const toCompetence = (r: Row) => {
  const c = fromRow<Competence & { place: string | null }>(r, ['plan_positions']);
  const { place, ...rest } = c;
  return { ...rest, where: place };
};
export function listCompetences(db: Db, traineeId: number): Competence[] {
  return (db.prepare('SELECT * FROM competences WHERE trainee_id = ? ORDER BY id').all(traineeId) as Row[]).map(toCompetence);
}
export function saveCompetence(db: Db, input: Out<typeof CompetenceInput>, now: Date): Competence {
  return db.transaction(() => {
    getTrainee(db, input.traineeId);
    const { where, ...rest } = input;
    const id = upsert(db, 'competences', 'competence', input.id, { ...cols(rest, ['id']), place: where }, now, ['trainee_id', input.traineeId]);
    return toCompetence(one(db, 'competences', id, 'competence'));
  })();
}

export const deleteMeasure = (db: Db, id: number) => deleteOne(db, 'measures', 'measure', id);
export const deleteCase = (db: Db, id: number) => deleteOne(db, 'conflict_cases', 'conflict case', id);
export const deleteNote = (db: Db, id: number) => deleteOne(db, 'network_notes', 'note', id);
export const deleteCompetence = (db: Db, id: number) => deleteOne(db, 'competences', 'competence', id);

// Overview and dashboard -----------------------------------------------------------------------------------
export function networkOverview(db: Db, traineeId: number): NetworkOverview {
  getTrainee(db, traineeId);
  return {
    people: listPeople(db, traineeId),
    measures: listMeasures(db, traineeId),
    cases: listCases(db, traineeId),
    consents: listConsents(db, traineeId),
    disclosures: (db.prepare('SELECT * FROM disclosures WHERE trainee_id = ? ORDER BY disclosed_on DESC, id DESC').all(traineeId) as Row[]).map((r) => fromRow<Disclosure>(r, ['categories'])),
    notes: (db.prepare('SELECT * FROM network_notes WHERE trainee_id = ? ORDER BY noted_on DESC, id DESC').all(traineeId) as Row[]).map((r) => fromRow<NetworkOverview['notes'][number]>(r, [], ['confidential'])),
    competences: listCompetences(db, traineeId),
  };
}

/** How far the dashboard looks: gaps from 90 days back to 120 days ahead, agreement dates 28 days, consents 30 days. */
export const DASHBOARD_DAYS = { gapsBack: 90, gapsAhead: 120, agreements: 28, consents: 30 } as const;

const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

const WHO = 't.id AS traineeId, t.first_name AS firstName, t.last_name AS lastName';

/**
 * Across all trainees whose training has not ended: gaps after a measure that ends from 90 days ago to 120 days
 * ahead (so it shows before it happens, and a recent one is still shown), open agreements due or up for review in
 * the next four weeks or overdue (the review date once the due date has passed), and consents that run out in the
 * next 30 days. Columns are selected under their output names: no per-row mapping.
 */
export function networkDashboard(db: Db, today: string): NetworkDashboard {
  const d = DASHBOARD_DAYS;
  const gaps = db
    .prepare(`SELECT ${WHO}, m.id AS measureId, m.type, m.end_on AS endOn FROM measures m JOIN trainees t ON t.id = m.trainee_id
      WHERE t.ended_on IS NULL AND m.end_on BETWEEN @from AND @to AND ${GAP} ORDER BY m.end_on, t.last_name, m.id`)
    .all({ from: addDays(today, -d.gapsBack), to: addDays(today, d.gapsAhead) }) as NetworkDashboard['gaps'];
  const agreements = db
    .prepare(`SELECT ${WHO}, a.id AS agreementId, s.case_id AS caseId, a.what, a.who AS responsible,
        CASE WHEN a.review_on IS NOT NULL AND a.due_on < @today THEN a.review_on ELSE a.due_on END AS date,
        CASE WHEN a.review_on IS NOT NULL AND a.due_on < @today THEN 'review' ELSE 'due' END AS dateKind
      FROM conflict_agreements a JOIN conflict_steps s ON s.id = a.step_id JOIN conflict_cases c ON c.id = s.case_id JOIN trainees t ON t.id = c.trainee_id
      WHERE t.ended_on IS NULL AND a.status = 'open' AND (a.due_on <= @until OR a.review_on <= @until) ORDER BY date, a.id`)
    .all({ today, until: addDays(today, d.agreements) }) as NetworkDashboard['agreements'];
  const consents = db
    .prepare(`SELECT ${WHO}, c.id AS consentId, c.valid_until AS validUntil, coalesce(p.name, k.organisation) AS recipient
      FROM consents c JOIN trainees t ON t.id = c.trainee_id LEFT JOIN network_people p ON p.id = c.person_id LEFT JOIN contacts k ON k.id = c.contact_id
      WHERE t.ended_on IS NULL AND c.revoked_on IS NULL AND c.valid_until BETWEEN @today AND @until ORDER BY c.valid_until, c.id`)
    .all({ today, until: addDays(today, d.consents) }) as NetworkDashboard['consents'];
  return { gaps, agreements, consents };
}
