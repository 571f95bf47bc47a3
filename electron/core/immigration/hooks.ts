// What immigration paperwork does when a training ends early or is extended. Called from core/hooks.ts inside the
// transaction that changed the trainee, so the task exists exactly when the change does.
import type { Trainee } from '../../../shared/trainees';
import type { Db } from '../store/db';
import { addDays, addMonths } from './dates';
import { deadlineKey } from './deadlines';
import type { DocFacts } from './evaluate';
import { loadRules, type NotifyRule } from './rules';

const currentDocs = (db: Db, traineeId: number) =>
  db
    .prepare('SELECT id, type, issued_on, valid_until, work_note, renewal_applied_on, replaced_by_id FROM residence_documents WHERE trainee_id = ? AND replaced_by_id IS NULL')
    .all(traineeId) as DocFacts[];

/**
 * After an early end: the notice to the Ausländerbehörde, due by the period of the document the training rested on
 * (§ 60c/§ 16g/§ 60d: 2 weeks; otherwise § 4a Abs. 5: 4 weeks). Without a residence document no notice is due.
 */
export function notifyTaskAfterEarlyEnd(db: Db, t: Trainee, now = new Date()): void {
  if (t.status !== 'ended_early' || !t.endedOn) return;
  const rules = loadRules();
  let best: { doc: DocFacts; rule: NotifyRule; days: number } | null = null;
  for (const d of currentDocs(db, t.id)) {
    const rule = rules.type(d.type).notifyRule;
    if (!rule) continue;
    if (d.issued_on && d.issued_on > t.endedOn) continue;
    const days = rules.file.rules[rule].days;
    // The shortest period wins, so the firm is never late for the stricter rule.
    if (!best || days < best.days) best = { doc: d, rule, days };
  }
  if (!best) return;
  db.prepare(
    `INSERT INTO deadline_tasks (key, trainee_id, document_id, kind, rule_id, due_on, from_on, stored, created_at)
     VALUES (?, ?, ?, 'notify_end', ?, ?, ?, 1, ?) ON CONFLICT (key) DO NOTHING`,
  ).run(deadlineKey('notify_end', t.id, null, t.endedOn), t.id, best.doc.id, best.rule, addDays(t.endedOn, best.days), t.endedOn, now.toISOString());
}

/**
 * After the planned end moved later (failed exam, § 8 BBiG / § 27c HwO): a Duldung or permit that was issued for the
 * old duration must be extended before it expires.
 */
export function extensionTasksAfterContractChange(db: Db, before: Trainee, after: Trainee, now = new Date()): void {
  if (after.status !== 'active' || after.contractEndPlanned <= before.contractEndPlanned) return;
  const rules = loadRules();
  const insert = db.prepare(
    `INSERT INTO deadline_tasks (key, trainee_id, document_id, kind, rule_id, due_on, from_on, stored, created_at)
     VALUES (?, ?, ?, 'extension', 'extension', ?, NULL, 1, ?) ON CONFLICT (key) DO NOTHING`,
  );
  for (const d of currentDocs(db, after.id)) {
    if (!rules.type(d.type).renewOnExtension || !d.valid_until) continue;
    // Issued for the old duration: it ends around the old planned end (at most a month earlier) and before the new one.
    if (d.valid_until < addMonths(before.contractEndPlanned, -1) || d.valid_until >= after.contractEndPlanned) continue;
    insert.run(deadlineKey('extension', after.id, d.id, after.contractEndPlanned), after.id, d.id, d.valid_until, now.toISOString());
  }
}
