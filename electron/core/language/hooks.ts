// The language domain's reaction to contract changes (called from core/hooks.ts inside the same transaction).
import type { Trainee } from '../../../shared/trainees';
import type { Db } from '../store/db';

/**
 * A trainee's tasks follow the trainee's occupation. When the occupation changes, the plan positions linked to
 * the tasks (numbers of the old occupation's framework plan) no longer mean anything and are removed.
 */
export function languageAfterContractChange(db: Db, before: Trainee, after: Trainee): void {
  if (before.occupationId === after.occupationId) return;
  db.prepare('DELETE FROM learning_task_positions WHERE task_id IN (SELECT id FROM learning_tasks WHERE trainee_id = ?)').run(after.id);
}
