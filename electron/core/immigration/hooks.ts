// What immigration paperwork does when a training ends early or is extended. Called from core/hooks.ts inside the
// transaction that changed the trainee, so the task exists exactly when the change does.
import type { Trainee } from '../../../shared/trainees';
import type { Db } from '../store/db';
import { addMonths } from './dates';
import { deadlineKey } from './deadlines';
import type { DocFacts } from './evaluate';
import { planNoticeFor } from './notice';
import { loadRules } from './rules';

const currentDocs = (db: Db, traineeId: number) =>
  db
    .prepare('SELECT id, type, issued_on, valid_until, work_note, renewal_applied_on, replaced_by_id FROM residence_documents WHERE trainee_id = ? AND replaced_by_id IS NULL')
    .all(traineeId) as DocFacts[];

/**
 * After an end was recorded (or scheduled): the notice to the Ausländerbehörde, by the rule of the document the
 * training rested on that day (notice.ts). Recording the same end again updates the open task (e.g. another day of
 * knowledge); a task already done stays as it is.
 */
export function noticeTaskAfterEnd(db: Db, t: Trainee, now = new Date()): void {
  const kind = t.status === 'ended_early' ? 'early' : t.status === 'ended_regular' ? 'regular' : t.scheduledEnd?.kind;
  const endOn = t.endedOn ?? t.scheduledEnd?.date;
  if (!kind || !endOn) return;
  const plan = planNoticeFor(db, t, kind, endOn, t.endKnownOn ?? endOn);
  if (!plan) return;
  db.prepare(
    `INSERT INTO deadline_tasks (key, trainee_id, document_id, kind, rule_id, due_on, from_on, event_on, stored, created_at)
     VALUES (?, ?, ?, 'notify_end', ?, ?, ?, ?, 1, ?)
     ON CONFLICT (key) DO UPDATE SET document_id = excluded.document_id, rule_id = excluded.rule_id, due_on = excluded.due_on, from_on = excluded.from_on,
       event_on = excluded.event_on WHERE deadline_tasks.done_at IS NULL`,
  ).run(deadlineKey('notify_end', t.id, null, endOn), t.id, plan.documentId, plan.ruleId, plan.dueOn, plan.fromOn, endOn, now.toISOString());
}

/**
 * After the planned end moved later (failed exam, § 21 Abs. 3 BBiG / HwO; on application, § 8 BBiG / § 27c HwO): a
 * Duldung or permit that was issued for the old duration must be extended before it expires. One reminder per
 * document: the renewal deadline of the same document is left out while this task is open (deadlines.ts).
 */
export function extensionTasksAfterContractChange(db: Db, before: Trainee, after: Trainee, now = new Date()): void {
  if (after.status !== 'active' || after.contractEndPlanned <= before.contractEndPlanned) return;
  const rules = loadRules();
  const months = rules.file.rules.extension.issuedForOldEndMonths;
  const insert = db.prepare(
    `INSERT INTO deadline_tasks (key, trainee_id, document_id, kind, rule_id, due_on, from_on, stored, created_at)
     VALUES (?, ?, ?, 'extension', 'extension', ?, NULL, 1, ?) ON CONFLICT (key) DO NOTHING`,
  );
  for (const d of currentDocs(db, after.id)) {
    if (!rules.type(d.type).renewOnExtension || !d.valid_until) continue;
    // Issued for the old duration: it ends around the old planned end (at most `issuedForOldEndMonths` earlier) and before the new one.
    if (d.valid_until < addMonths(before.contractEndPlanned, -months) || d.valid_until >= after.contractEndPlanned) continue;
    insert.run(deadlineKey('extension', after.id, d.id, after.contractEndPlanned), after.id, d.id, d.valid_until, now.toISOString());
  }
}
