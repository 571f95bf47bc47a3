// The notice to the Ausländerbehörde after an end of training: which rule applies, from when its period runs and
// until when. The duty follows the trainee's status on the end date, whatever versions of the document were recorded
// later (a renewal issued after the end does not remove it). Used by the hook that stores the task and by the
// end-training dialog, which shows it before the end is recorded.
import type { DocumentType, EndNotice } from '../../../shared/immigration';
import type { Trainee } from '../../../shared/trainees';
import { recipientFor } from '../contacts/service';
import type { Db } from '../store/db';
import { getTrainee } from '../trainees/service';
import { addDays } from './dates';
import { renewalInTime, type DocFacts } from './evaluate';
import { loadRules, type NotifyRule, type Rules } from './rules';

export interface NoticePlan {
  documentId: number;
  documentType: DocumentType;
  ruleId: NotifyRule;
  fromOn: string;
  dueOn: string;
}

/** All versions of the trainee's documents, replaced ones included. */
const allDocs = (db: Db, traineeId: number) =>
  db.prepare('SELECT id, type, issued_on, valid_until, work_note, renewal_applied_on, replaced_by_id FROM residence_documents WHERE trainee_id = ?').all(traineeId) as DocFacts[];

/** In force on `date`, ignoring whether a newer version replaced it later. */
function inForceOn(d: DocFacts, date: string, rules: Rules): boolean {
  if (d.issued_on && d.issued_on > date) return false;
  return !d.valid_until || date <= d.valid_until || (renewalInTime(d) && rules.type(d.type).continuesWhenRenewalApplied);
}

/**
 * The notice for an end on `endOn` (learned of on `knownOn`): from the documents in force that day (else the last
 * ones issued before it), a statutory rule before a recommendation, and among those the earliest due date.
 */
export function planNotice(docs: DocFacts[], kind: 'regular' | 'early', endOn: string, knownOn: string, rules: Rules): NoticePlan | null {
  const withRule = docs.filter((d) => rules.type(d.type).notifyRule !== null && (!d.issued_on || d.issued_on <= endOn));
  let basis = withRule.filter((d) => inForceOn(d, endOn, rules));
  if (basis.length === 0) {
    const last = withRule.reduce<string>((m, d) => (d.valid_until && d.valid_until > m ? d.valid_until : m), '');
    basis = withRule.filter((d) => d.valid_until === last);
  }
  let best: (NoticePlan & { law: boolean }) | null = null;
  for (const d of basis) {
    const ruleId = rules.type(d.type).notifyRule!;
    const r = rules.file.rules[ruleId];
    if (kind === 'regular' && !r.onRegularEnd) continue;
    const fromOn = r.from === 'knowledge' ? knownOn : endOn;
    const plan = { documentId: d.id, documentType: d.type, ruleId, fromOn, dueOn: addDays(fromOn, r.days), law: r.binding === 'law' };
    // The statutory duty first; the earliest due date wins, so the firm is never late for the stricter rule.
    if (!best || (plan.law && !best.law) || (plan.law === best.law && plan.dueOn < best.dueOn)) best = plan;
  }
  if (!best) return null;
  const { law: _law, ...plan } = best;
  return plan;
}

export function planNoticeFor(db: Db, t: Pick<Trainee, 'id'>, kind: 'regular' | 'early', endOn: string, knownOn: string): NoticePlan | null {
  return planNotice(allDocs(db, t.id), kind, endOn, knownOn, loadRules());
}

/** For the end-training dialog: what must be sent, to which Ausländerbehörde, by when and why. */
export function endNotice(db: Db, input: { traineeId: number; kind: 'regular' | 'early'; date: string; knownOn: string | null }): EndNotice {
  const t = getTrainee(db, input.traineeId);
  const plan = planNoticeFor(db, t, input.kind, input.date, input.knownOn ?? input.date);
  const abh = recipientFor(db, t.id, 'auslaenderbehoerde');
  const authority = abh ? { id: abh.id, organisation: abh.organisation, city: abh.city } : null;
  if (!plan) return { due: false, ruleId: null, binding: null, cite: null, days: null, fromOn: null, from: null, dueOn: null, documentId: null, documentType: null, authority, source: null, uncertain: null };
  const r = loadRules().file.rules[plan.ruleId];
  return { due: true, ruleId: plan.ruleId, binding: r.binding, cite: r.cite, days: r.days, fromOn: plan.fromOn, from: r.from, dueOn: plan.dueOn, documentId: plan.documentId, documentType: plan.documentType, authority, source: r.source, uncertain: r.uncertain };
}
