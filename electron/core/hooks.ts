// What other domains do when a trainee's training changes. Each hook runs inside the transaction that made
// the change, so either everything is recorded or nothing. Add a line per domain here.
import type { Trainee } from '../../shared/trainees';
import type { Db } from './store/db';
import { planAfterContractChange } from './plan/service';
import { extensionTasksAfterContractChange, notifyTaskAfterEarlyEnd } from './immigration/hooks';
import { languageAfterContractChange } from './language/hooks';

/** After the contract data of a trainee changed (dates, hours, occupation). */
export function afterContractChange(db: Db, before: Trainee, after: Trainee): void {
  planAfterContractChange(db, before, after);
  extensionTasksAfterContractChange(db, before, after);
  languageAfterContractChange(db, before, after);
}

/** After a training ended (regular or early). */
export function afterTrainingEnded(db: Db, trainee: Trainee): void {
  notifyTaskAfterEarlyEnd(db, trainee);
}
