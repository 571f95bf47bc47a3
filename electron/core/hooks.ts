// What other domains do when a trainee's training changes. Each hook runs inside the transaction that made
// the change, so either everything is recorded or nothing. Add a line per domain here.
import type { Trainee } from '../../shared/trainees';
import type { Db } from './store/db';

/** After the contract data of a trainee changed (dates, hours, occupation). */
export function afterContractChange(_db: Db, _before: Trainee, _after: Trainee): void {}

/** After a training ended (regular or early). */
export function afterTrainingEnded(_db: Db, _trainee: Trainee): void {}
