// A large workspace for `npm run bench` and the speed tests: the demo workspace (core/demo.ts) plus trainees
// modelled on its trainees in training, each with that trainee's contract, training record sheets and current
// residence documents (copied rows, so weeks and documents are as realistic as the demo's own). Some leave a week
// unwritten, some a week unsigned, one in ten has ended early (through endTraining, so its deadlines arise).
import { TraineeInput, type Trainee } from '../../shared/trainees';
import { createDemo } from './demo';
import type { Store } from './store/db';
import { createTrainee, endTraining, getTrainee } from './trainees/service';

export const FIRST_NAMES = ['Ahmad', 'Yusuf', 'Saba', 'Olena', 'Mohammad', 'Fatima', 'Amina', 'Dawit', 'Oksana', 'Hamid', 'Leyla', 'Tesfaye', 'Nasrin', 'Bohdan', 'Rania'];
export const LAST_NAMES = ['Rahimi', 'Haddad', 'Tesfay', 'Kovalenko', 'Karimi', 'Yousef', 'Ahmadi', 'Bekele', 'Shevchenko', 'Noori', 'Sultani', 'Mekonnen', 'Hosseini', 'Bondarenko', 'Alkhatib'];

const INPUT_FIELDS = Object.keys(TraineeInput.shape) as (keyof typeof TraineeInput.shape & keyof Trainee)[];

/** Creates the demo and then more trainees up to `total`. Into an empty workspace only (as the demo). */
export function createScaleDemo(store: Store, total: number, now = new Date()): { trainees: number } {
  const { db } = store;
  const demo = createDemo(store, now);
  const models = demo.trainees.filter((t) => t.status === 'active').map((t) => getTrainee(db, t.id));
  const copyRecords = db.prepare(
    `INSERT INTO nachweis_records (trainee_id, period_from, period_to, mode, content, trainee_signed_at, trainee_signed_name, trainer_signed_at, trainer_id, created_at, updated_at)
     SELECT @id, period_from, period_to, mode, content, trainee_signed_at, CASE WHEN trainee_signed_at IS NULL THEN NULL ELSE @name END,
            CASE WHEN period_from = @unsigned THEN NULL ELSE trainer_signed_at END, CASE WHEN period_from = @unsigned THEN NULL ELSE trainer_id END,
            created_at, updated_at
     FROM nachweis_records WHERE trainee_id = @model AND period_from IS NOT @skipped`,
  );
  const copyDocuments = db.prepare(
    `INSERT INTO residence_documents (trainee_id, type, type_detail, number, authority, issued_on, valid_until, work_note, work_note_text,
       residence_obligation, renewal_applied_on, file_number, created_at, updated_at)
     SELECT @id, type, type_detail, number || '-' || @id, authority, issued_on, valid_until, work_note, work_note_text,
       residence_obligation, renewal_applied_on, file_number, created_at, updated_at
     FROM residence_documents WHERE trainee_id = @model AND replaced_by_id IS NULL`,
  );
  const periods = db.prepare('SELECT period_from FROM nachweis_records WHERE trainee_id = ? ORDER BY period_from').pluck();
  db.transaction(() => {
    for (let i = demo.trainees.length; i < total; i++) {
      const m = models[i % models.length]!;
      const firstName = FIRST_NAMES[(i + Math.floor(i / LAST_NAMES.length)) % FIRST_NAMES.length]!;
      const t = createTrainee(
        db,
        TraineeInput.parse({
          ...Object.fromEntries(INPUT_FIELDS.map((k) => [k, m[k]])),
          firstName,
          lastName: `${LAST_NAMES[(i * 7) % LAST_NAMES.length]}-${i}`,
          germanLevel: (['A2', 'B1', 'B2'] as const)[i % 3],
        }),
        now,
      );
      const weeks = periods.all(m.id) as string[];
      // One trainee in five has left a week unwritten, one in three has the latest sheet still waiting for the trainer.
      copyRecords.run({
        id: t.id,
        name: `${t.firstName} ${t.lastName}`,
        model: m.id,
        skipped: i % 5 === 0 ? (weeks[Math.floor(weeks.length / 2)] ?? null) : null,
        unsigned: i % 3 === 0 ? (weeks[weeks.length - 1] ?? null) : null,
      });
      copyDocuments.run({ id: t.id, model: m.id });
      if (i % 10 === 9) endTraining(db, { id: t.id, kind: 'early', date: weeks[weeks.length - 2] ?? t.contractStart, reason: 'Aufhebungsvertrag' }, now);
    }
  })();
  return { trainees: Math.max(total, demo.trainees.length) };
}
