// What other domains do when a trainee's training changes. Each hook runs inside the transaction that made
// the change, so either everything is recorded or nothing. Add a line per domain here.
// afterCommit is different: it runs after a call's changes are committed, to keep files outside the workspace in step.
import type { Trainee } from '../../shared/trainees';
import type { Db, Store } from './store/db';
import { syncCalendarFolder } from './immigration/calendarFolder';
import { planAfterContractChange } from './plan/service';
import { extensionTasksAfterContractChange, noticeTaskAfterEnd } from './immigration/hooks';
import { languageAfterContractChange } from './language/hooks';

/** After the contract data of a trainee changed (dates, hours, occupation). */
export function afterContractChange(db: Db, before: Trainee, after: Trainee): void {
  planAfterContractChange(db, before, after);
  extensionTasksAfterContractChange(db, before, after);
  languageAfterContractChange(db, before, after);
}

/** After the end of a training was recorded (regular or early, past or scheduled). */
export function afterTrainingEnded(db: Db, trainee: Trainee, now = new Date()): void {
  noticeTaskAfterEnd(db, trainee, now);
}

/** After a call changed the workspace, and when the core starts (outside any transaction; must not throw). */
export function afterCommit(store: Store, now: Date): void {
  syncCalendarFolder(store, now);
}
