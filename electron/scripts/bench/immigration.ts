// deadlines_ms: the dashboard's deadline list (open deadlines, latest done, who may not train today) over
// 1,000 trainees with 10,000 documents (current ones and replaced versions). Target ≤ 20 ms. deadlines_cpu_ms: the
// same as CPU time (on a machine shared with other work the wall time also counts waiting for a core).
// deadlines_ics_ms: the calendar file of all their open deadlines when nothing changed since the export before (what
// the kept calendar file costs after every call that changed the workspace; deadlines_ics_events events).
import { toIsoDate } from '../../../shared/format';
import { TraineeInput } from '../../../shared/trainees';
import { addDays } from '../../core/immigration/dates';
import { listDeadlines } from '../../core/immigration/deadlines';
import { documentOverview } from '../../core/immigration/documents';
import { exportCalendar } from '../../core/immigration/calendar';
import { openStore } from '../../core/store/db';
import { createTrainee } from '../../core/trainees/service';
import { median, medianCpu } from './util';

const TYPES = ['duldung', 'ausbildungsduldung', 'ae_25', 'aufenthaltsgestattung', 'ae_16g'] as const;
const NOTES = ['beschaeftigung_erlaubt', 'ausbildung_bei_betrieb', 'erwerbstaetigkeit_erlaubt', 'beschaeftigung_nur_mit_erlaubnis', 'beschaeftigung_erlaubt'] as const;

export async function benchImmigration(dir: string) {
  const store = openStore(dir);
  const { db } = store;
  const today = toIsoDate(new Date());
  const ts = new Date().toISOString();
  db.transaction(() => {
    const insert = db.prepare(
      `INSERT INTO residence_documents (trainee_id, type, number, authority, issued_on, valid_until, work_note, renewal_applied_on, replaced_by_id, created_at, updated_at)
       VALUES (?, ?, ?, 'Ausländerbehörde', ?, ?, ?, ?, NULL, ?, ?)`,
    );
    const replace = db.prepare('UPDATE residence_documents SET replaced_by_id = ? WHERE id = ?');
    for (let i = 0; i < 1000; i++) {
      const start = addDays(today, -400 + (i % 500));
      const t = createTrainee(
        db,
        TraineeInput.parse({
          firstName: `Vorname${i}`,
          lastName: `Nachname${i}`,
          firstLanguages: ['ar'],
          otherLanguages: [],
          occupationId: ['tischler', 'elektroniker-eg', 'anlagenmechaniker-shk'][i % 3],
          contractStart: start,
          contractEndPlanned: addDays(start, 3 * 365),
          probationMonths: 4,
          weeklyHours: 39,
          schoolDays: [2],
          payPerYear: [1000, 1100, 1200],
        }),
      );
      // 10 documents per trainee: a chain of 8 versions of the residence document (7 replaced) plus passport and permission.
      let previous: number | null = null;
      for (let v = 0; v < 8; v++) {
        const k = (i + v) % TYPES.length;
        const until = addDays(today, -7 * 180 + v * 180 + (i % 90));
        const id = Number(insert.run(t.id, TYPES[k], `N${i}-${v}`, addDays(until, -180), until, NOTES[k], i % 7 === 0 && v === 7 ? addDays(until, -20) : null, ts, ts).lastInsertRowid);
        if (previous !== null) replace.run(id, previous);
        previous = id;
      }
      insert.run(t.id, 'pass', `P${i}`, addDays(today, -900), addDays(today, (i % 400) - 50), null, null, ts, ts);
      insert.run(t.id, 'beschaeftigungserlaubnis', `B${i}`, addDays(today, -100), addDays(today, (i % 120) - 10), 'ausbildung_bei_betrieb', null, ts, ts);
    }
  })();
  const docs = (db.prepare('SELECT count(*) AS n FROM residence_documents').get() as { n: number }).n;
  const deadlines_ms = await median(() => listDeadlines(db, today));
  const deadlines_cpu_ms = medianCpu(() => listDeadlines(db, today));
  const list = listDeadlines(db, today);
  // The calendar file: first export (every deadline added), then the usual one (nothing changed, state only read).
  const first = exportCalendar(db, new Date());
  const deadlines_ics_ms = await median(() => exportCalendar(db, new Date()), 11);
  const trainee_documents_ms = await median(() => documentOverview(db, 500, today));
  store.close();
  return {
    deadlines_ms,
    deadlines_cpu_ms,
    deadlines_trainees: 1000,
    deadlines_documents: docs,
    deadlines_listed: list.open.length,
    deadlines_blocked: list.blocked.length,
    deadlines_ics_ms,
    deadlines_ics_events: first.changes.added,
    trainee_documents_ms,
  };
}
