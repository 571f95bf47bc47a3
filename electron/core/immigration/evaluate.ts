// Pure rules on documents: the state of one document on a day, and "may this trainee train on that day?".
// No database here, so the dashboard can evaluate thousands of documents in one pass.
import type { DocumentState, DocumentType, LeadTime, LeadTimes, Localized, MayTrain, Missing, TrainReason, WorkNote } from '../../../shared/immigration';
import { formatDate } from '../../../shared/format';
import type { Trainee } from '../../../shared/trainees';
import { addWeeks } from './dates';
import { fill, type Rules } from './rules';

/** The columns the rules look at. */
export interface DocFacts {
  id: number;
  type: DocumentType;
  issued_on: string | null;
  valid_until: string | null;
  work_note: WorkNote | null;
  renewal_applied_on: string | null;
  replaced_by_id: number | null;
  copy_path?: string | null;
  type_detail?: string | null;
  /** Aufenthaltsgestattung: safe country of origin, asylum applied for after 31.08.2015 (1/0). */
  safe_origin?: number;
}

export interface TraineeFacts {
  id: number;
  status: 'active' | 'ended_regular' | 'ended_early';
  contract_start: string;
  contract_end_planned: string;
  ended_on: string | null;
  /** The day an early end takes effect: recorded (past) or scheduled (future); null without an early end. */
  early_end_on?: string | null;
}

/** The facts the rules need from a trainee, with a scheduled early end. */
export function traineeFacts(t: Trainee): TraineeFacts {
  return {
    id: t.id,
    // traineeFacts takes a Trainee (with a contract): an applicant never gets here.
    status: t.status === 'applicant' ? 'active' : t.status,
    contract_start: t.contractStart,
    contract_end_planned: t.contractEndPlanned,
    ended_on: t.endedOn,
    early_end_on: t.status === 'ended_early' ? t.endedOn : t.scheduledEnd?.kind === 'early' ? t.scheduledEnd.date : null,
  };
}

/** Renewal was applied for while the document was still valid. */
export const renewalInTime = (d: DocFacts) => Boolean(d.renewal_applied_on && d.valid_until && d.renewal_applied_on <= d.valid_until);

/**
 * The state of a document on `today`. `earlyEndOn`: the day the training ended early; a document that depends on the
 * training (catalogue `lapseRule`) is then shown as lapsed.
 */
export function documentState(d: DocFacts, today: string, lead: LeadTime, rules: Rules, earlyEndOn: string | null = null): { state: DocumentState; urgent: boolean } {
  if (d.replaced_by_id !== null) return { state: 'replaced', urgent: false };
  if (earlyEndOn && earlyEndOn <= today && rules.type(d.type).lapseRule) return { state: 'lapsed', urgent: false };
  if (!d.valid_until) return { state: 'valid', urgent: false };
  const applied = renewalInTime(d);
  if (today > d.valid_until) {
    if (applied && rules.type(d.type).continuesWhenRenewalApplied) return { state: 'renewal_applied', urgent: false };
    return { state: 'expired', urgent: true };
  }
  if (applied) return { state: 'renewal_applied', urgent: false };
  const urgent = today >= addWeeks(d.valid_until, -lead.urgentWeeks);
  if (today >= addWeeks(d.valid_until, -lead.prepareWeeks)) return { state: 'expiring', urgent };
  return { state: 'valid', urgent: false };
}

/** In force on `date`: issued, not yet expired, or continuing because renewal was applied in time (§ 81 Abs. 4). */
function inForce(d: DocFacts, date: string, rules: Rules): ForceState {
  if (d.replaced_by_id !== null) return NOT_IN_FORCE;
  if (d.issued_on && d.issued_on > date) return NOT_IN_FORCE;
  if (!d.valid_until || date <= d.valid_until) return IN_FORCE;
  return renewalInTime(d) && rules.type(d.type).continuesWhenRenewalApplied ? CONTINUING : NOT_IN_FORCE;
}

interface ForceState {
  readonly ok: boolean;
  readonly continuing: boolean;
}
// The three answers, shared (the dashboard asks for every document of every trainee on each call).
const NOT_IN_FORCE: ForceState = Object.freeze({ ok: false, continuing: false });
const IN_FORCE: ForceState = Object.freeze({ ok: true, continuing: false });
const CONTINUING: ForceState = Object.freeze({ ok: true, continuing: true });

type Verdict = Pick<MayTrain, 'verdict' | 'reason' | 'documentId' | 'documentType' | 'reasonDate'>;

const RANK: Record<TrainReason, number> = {
  allowed: 10,
  allowed_continuing: 9,
  note_unclear: 8,
  safe_origin: 7,
  permission_missing: 6,
  work_forbidden: 5,
  not_yet_valid: 4,
  expired: 3,
  no_document: 2,
  not_started: 1,
  ended: 0,
};

const verdictOf = (reason: TrainReason): MayTrain['verdict'] =>
  reason === 'allowed' || reason === 'allowed_continuing' ? 'allowed' : reason === 'note_unclear' || reason === 'safe_origin' ? 'unclear' : 'not_allowed';

/** The catalogue rule each statement about the recorded documents rests on. */
const REASON_RULE: Record<TrainReason, string | null> = {
  allowed: 'start_check',
  allowed_continuing: 'renewal',
  note_unclear: 'start_check',
  safe_origin: 'safe_origin',
  permission_missing: 'renewal_permission',
  work_forbidden: 'start_check',
  not_yet_valid: 'start_check',
  expired: 'start_check',
  no_document: 'start_check',
  not_started: 'start_check',
  ended: null,
};

function sourceOf(reason: TrainReason, rules: Rules): Pick<MayTrain, 'source' | 'uncertain'> {
  const r = REASON_RULE[reason] ? rules.rule(REASON_RULE[reason]!) : undefined;
  // "Beschäftigung nur mit Erlaubnis" under an Aufenthaltsgestattung rests on § 61 AsylG, under a Duldung on § 4a Abs. 4: both named there.
  return { source: r?.source ?? null, uncertain: reason === 'note_unclear' || reason === 'safe_origin' ? rules.file.uncertainMark : (r?.uncertain ?? null) };
}

/** Whether the documents allow the training on `date`, with the reason and the document it rests on. */
export function evaluateDocs(docs: DocFacts[], date: string, rules: Rules): Verdict {
  // The best statement so far; a verdict object is made only when a better one is found (no copies per document).
  let best: Verdict | null = null;
  const take = (documentId: number, documentType: DocumentType, reason: TrainReason, reasonDate: string | null) => {
    if (!best || RANK[reason] > RANK[best.reason]) best = { documentId, documentType, reason, reasonDate, verdict: verdictOf(reason) };
  };
  for (const d of docs) {
    if (d.replaced_by_id !== null || !rules.type(d.type).status) continue;
    const f = inForce(d, date, rules);
    if (!f.ok) {
      if (d.issued_on && d.issued_on > date) take(d.id, d.type, 'not_yet_valid', d.issued_on);
      else take(d.id, d.type, 'expired', d.valid_until);
      continue;
    }
    const training = d.work_note ? rules.workNote(d.work_note).training : 'unclear';
    // § 61 Abs. 2 S. 4 AsylG excludes a work permission; a note saying otherwise must be checked with the ABH.
    if (d.safe_origin && rules.type(d.type).safeOriginExclusion && training !== 'forbidden') take(d.id, d.type, 'safe_origin', null);
    else if (training === 'allowed') take(d.id, d.type, f.continuing ? 'allowed_continuing' : 'allowed', d.valid_until);
    else if (training === 'forbidden') take(d.id, d.type, 'work_forbidden', null);
    else if (training === 'unclear') take(d.id, d.type, 'note_unclear', null);
    else {
      // "Beschäftigung nur mit Erlaubnis der Ausländerbehörde": a separate permission in force must allow it.
      const permissions = docs.filter((x) => x.replaced_by_id === null && x.type === 'beschaeftigungserlaubnis');
      const p = permissions.find((x) => inForce(x, date, rules).ok && x.work_note && rules.workNote(x.work_note).training === 'allowed');
      if (p) take(p.id, p.type, inForce(p, date, rules).continuing || f.continuing ? 'allowed_continuing' : 'allowed', minValid(p, d));
      else {
        const expired = permissions.filter((x) => x.valid_until && x.valid_until < date).sort((a, b) => (b.valid_until! > a.valid_until! ? 1 : -1))[0];
        take(d.id, d.type, 'permission_missing', expired?.valid_until ?? null);
      }
    }
  }
  return best ?? { verdict: 'not_allowed', reason: 'no_document', documentId: null, documentType: null, reasonDate: null };
}

function minValid(a: DocFacts, b: DocFacts): string | null {
  if (!a.valid_until) return b.valid_until;
  if (!b.valid_until) return a.valid_until;
  return a.valid_until < b.valid_until ? a.valid_until : b.valid_until;
}

/** "May this trainee train today?" Before the start it answers for the start date; after the end there is nothing to check. */
export function mayTrain(t: TraineeFacts, docs: DocFacts[], today: string, rules: Rules): MayTrain {
  if (t.status !== 'active') {
    return { traineeId: t.id, date: today, verdict: 'ended', reason: 'ended', documentId: null, documentType: null, reasonDate: t.ended_on, source: null, uncertain: null };
  }
  // One object per answer (the dashboard asks for every trainee on each call).
  const started = today >= t.contract_start;
  const date = started ? today : t.contract_start;
  const v = evaluateDocs(docs, date, rules);
  const { source, uncertain } = sourceOf(v.reason, rules);
  return { traineeId: t.id, date, documentId: v.documentId, documentType: v.documentType, reason: v.reason, reasonDate: v.reasonDate, verdict: started ? v.verdict : 'not_started', source, uncertain };
}

const docLabels = (rules: Rules, type: DocumentType): Localized => rules.type(type).label;

/** What the trainee's file lacks, for the overview and the "Dokumentenstand" PDF. */
export function missingItems(t: TraineeFacts, docs: DocFacts[], today: string, lead: LeadTimes, rules: Rules): Missing[] {
  const out: Missing[] = [];
  const plain = { text: null, source: null, uncertain: null };
  const current = docs.filter((d) => d.replaced_by_id === null);
  const status = current.filter((d) => rules.type(d.type).status);
  if (status.length === 0) out.push({ code: 'no_status_document', documentId: null, documentType: null, ...plain });
  for (const d of current) {
    if (t.status === 'active' && (rules.type(d.type).status || d.type === 'beschaeftigungserlaubnis') && !d.copy_path) {
      out.push({ code: 'copy_missing', documentId: d.id, documentType: d.type, text: null, source: rules.file.rules.retention.source, uncertain: null });
    }
    if (documentState(d, today, lead[d.type], rules, t.early_end_on ?? null).state === 'expired') out.push({ code: 'renewal_overdue', documentId: d.id, documentType: d.type, ...plain });
    if (rules.type(d.type).status && d.work_note === 'sonstige') out.push({ code: 'note_unclear', documentId: d.id, documentType: d.type, ...plain });
    const type = rules.type(d.type);
    if (d.safe_origin && type.safeOriginExclusion) {
      const r = rules.file.rules.safe_origin;
      out.push({ code: 'safe_origin', documentId: d.id, documentType: d.type, text: null, source: r.source, uncertain: rules.file.uncertainMark });
    }
    // After (or before a scheduled) early end: a document that depends on the training lapses; say what follows.
    if (t.early_end_on && type.lapseRule && (!d.issued_on || d.issued_on <= t.early_end_on)) {
      const r = rules.file.rules[type.lapseRule];
      const v = (lang: 'de' | 'en') => ({ doc: docLabels(rules, d.type)[lang], event: formatDate(t.early_end_on) });
      out.push({ code: 'lapses', documentId: d.id, documentType: d.type, text: { de: fill(r.todo.de, v('de')), en: fill(r.todo.en, v('en')) }, source: r.source, uncertain: r.uncertain });
    }
  }
  const v = evaluateDocs(docs, today < t.contract_start ? t.contract_start : today, rules);
  if (v.reason === 'permission_missing') out.push({ code: 'permission_missing', documentId: v.documentId, documentType: v.documentType, text: null, source: rules.file.rules.renewal_permission.source, uncertain: null });
  const needsPass = status.find((d) => rules.type(d.type).needsPassport);
  if (needsPass && !current.some((d) => d.type === 'pass')) out.push({ code: 'passport_missing', documentId: needsPass.id, documentType: needsPass.type, ...plain });
  return out;
}
