// Progress view: planned versus done per training year (by the end of the planned period) and per position,
// with what is overdue. Content taught throughout the training is counted on its own.
import type { Progress, ProgressCount } from '../../../shared/plan';
import { toIsoDate } from '../../../shared/format';
import { addDays, addMonths, trainingYear } from '../../../shared/trainingCalendar';
import { AppError } from '../errors';
import type { Db } from '../store/db';
import { getTrainee } from '../trainees/service';

const zero = (): ProgressCount => ({ items: 0, done: 0, inProgress: 0, overdue: 0, weeks: 0, weeksDone: 0 });

function add(c: ProgressCount, r: { status: string; weeks: number; overdue: boolean }) {
  c.items++;
  c.weeks += r.weeks;
  if (r.status === 'done') {
    c.done++;
    c.weeksDone += r.weeks;
  } else if (r.status === 'in_progress') c.inProgress++;
  if (r.overdue) c.overdue++;
}

export function planProgress(db: Db, traineeId: number, now = new Date()): Progress {
  const t = getTrainee(db, traineeId);
  if (!db.prepare('SELECT 1 FROM training_plans WHERE trainee_id = ?').get(traineeId)) {
    throw new AppError('no_plan', `Trainee ${traineeId} has no training plan yet`, { id: traineeId });
  }
  const asOf = toIsoDate(now);
  const rows = db
    .prepare(
      `SELECT i.id, i.status, i.weeks, i.planned_to, i.item_keys, i.text, p.number, p.title, p.throughout, p.sort
       FROM plan_items i JOIN plan_positions p ON p.id = i.position_id WHERE i.trainee_id = ? ORDER BY p.sort, i.planned_from, i.id`,
    )
    .all(traineeId) as { id: number; status: string; weeks: number; planned_to: string; item_keys: string; text: string | null; number: string; title: string; throughout: number }[];
  const total = zero();
  const throughout = zero();
  const years = new Map<number, ProgressCount>();
  const positions = new Map<string, ProgressCount & { number: string; title: string }>();
  const overdue: Progress['overdue'] = [];
  const lastYear = Math.max(1, trainingYear(t.contractStart, t.contractEndPlanned));
  for (let y = 1; y <= lastYear; y++) years.set(y, zero());
  for (const r of rows) {
    const late = r.status !== 'done' && r.planned_to < asOf;
    const x = { status: r.status, weeks: r.weeks, overdue: late };
    add(total, x);
    if (r.throughout === 1) add(throughout, x);
    else add(years.get(Math.min(lastYear, Math.max(1, trainingYear(t.contractStart, r.planned_to))))!, x);
    let p = positions.get(r.number);
    if (!p) positions.set(r.number, (p = { ...zero(), number: r.number, title: r.title }));
    add(p, x);
    if (late) {
      overdue.push({
        id: r.id,
        positionNumber: r.number,
        title: r.title,
        label: r.text ?? (JSON.parse(r.item_keys) as string[]).join(', '),
        plannedTo: r.planned_to,
      });
    }
  }
  return {
    traineeId,
    asOf,
    total,
    throughout,
    years: [...years.entries()].map(([year, c]) => ({
      ...c,
      year,
      from: addMonths(t.contractStart, 12 * (year - 1)),
      to: year === lastYear ? t.contractEndPlanned : addDays(addMonths(t.contractStart, 12 * year), -1),
    })),
    positions: [...positions.values()],
    overdue: overdue.sort((a, b) => (a.plannedTo < b.plannedTo ? -1 : a.plannedTo > b.plannedTo ? 1 : 0)),
  };
}
