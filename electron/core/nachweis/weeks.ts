// Which weeks of a training have a sheet, which are missing, which wait for a sign-off: the trainee's list and
// the supervisor's overview over everyone in training.
import type { NachweisList, WeekRow } from '../../../shared/nachweis';
import { toIsoDate } from '../../../shared/format';
import { addDays, isoWeek, isoWeekday, mondayOf, trainingYear } from '../../../shared/trainingCalendar';
import type { Trainee } from '../../../shared/trainees';
import { getFirm } from '../firm/service';
import type { Db } from '../store/db';
import { getTrainee, listTrainees } from '../trainees/service';
import { publicHolidays } from './holidays';
import { getMode, linkablePositions, RECORD_SELECT, toRecord, trainingEnd, type AmendmentRow, type RecordRow } from './service';

/**
 * Every week of the training up to next week (later ones only where something is written), with its sheets'
 * state: a past week without a sheet is 'missing'. Also the list the Ausbildungsnachweis PDF prints from.
 */
export function weekRows(db: Db, t: Trainee, asOf: string): WeekRow[] {
  const state = getFirm(db)?.federalState ?? null;
  const records = db.prepare(`${RECORD_SELECT} WHERE r.trainee_id = ? ORDER BY r.period_from`).all(t.id) as RecordRow[];
  const amendments = db
    .prepare('SELECT a.* FROM nachweis_amendments a JOIN nachweis_records r ON r.id = a.record_id WHERE r.trainee_id = ? ORDER BY a.id')
    .all(t.id) as AmendmentRow[];
  const byRecord = new Map<number, AmendmentRow[]>();
  for (const a of amendments) byRecord.set(a.record_id, [...(byRecord.get(a.record_id) ?? []), a]);
  const byMonday = new Map<string, ReturnType<typeof toRecord>[]>();
  for (const r of records) {
    const m = mondayOf(r.period_from);
    byMonday.set(m, [...(byMonday.get(m) ?? []), toRecord(r, byRecord.get(r.id) ?? [], t)]);
  }
  const end = trainingEnd(t);
  const out: WeekRow[] = [];
  for (let monday = mondayOf(t.contractStart); monday <= end; monday = addDays(monday, 7)) {
    const sunday = addDays(monday, 6);
    const from = monday < t.contractStart ? t.contractStart : monday;
    const to = sunday > end ? end : sunday;
    const recs = byMonday.get(monday) ?? [];
    // Weeks after next are listed only when something is written for them already; a week whose days inside the
    // contract are only Saturday and Sunday (a start on a Saturday) needs no sheet of its own.
    if (recs.length === 0 && (monday > addDays(asOf, 7) || isoWeekday(from) > 5)) continue;
    const w = isoWeek(monday);
    const holidays = publicHolidays(state, from, to);
    const states = recs.map((r) => r.status);
    const weekState: WeekRow['state'] =
      recs.length === 0
        ? to < asOf
          ? 'missing'
          : 'open'
        : states.includes('draft')
          ? 'draft'
          : states.includes('trainee_signed')
            ? 'trainee_signed'
            : 'signed';
    out.push({
      monday,
      from,
      to,
      week: w.week,
      weekYear: w.year,
      trainingYear: Math.max(1, trainingYear(t.contractStart, from)),
      state: weekState,
      recordIds: recs.map((r) => r.id),
      amended: recs.some((r) => r.amendments.length > 0),
      hours: recs.length ? recs.reduce((s, r) => s + r.totalHours, 0) : null,
      warnings: recs.reduce((s, r) => s + r.warnings.length, 0),
      holidays,
    });
  }
  return out;
}

export function listWeeks(db: Db, traineeId: number, now = new Date()): NachweisList {
  const t = getTrainee(db, traineeId);
  const asOf = toIsoDate(now);
  const weeks = weekRows(db, t, asOf);
  const count = (s: WeekRow['state']) => weeks.filter((w) => w.state === s).length;
  return {
    traineeId,
    mode: getMode(db, traineeId),
    asOf,
    weeks,
    counts: { missing: count('missing'), draft: count('draft'), traineeSigned: count('trainee_signed'), signed: count('signed') },
    positions: linkablePositions(db, t),
  };
}

export function nachweisOverview(db: Db, now = new Date()) {
  const asOf = toIsoDate(now);
  return listTrainees(db, { status: 'active' }).map((s) => {
    const t = getTrainee(db, s.id);
    const weeks = weekRows(db, t, asOf);
    const missing = weeks.filter((w) => w.state === 'missing');
    return {
      traineeId: t.id,
      name: `${t.lastName}, ${t.firstName}`,
      occupationName: t.occupationName,
      missing: missing.length,
      firstMissing: missing[0]?.from ?? null,
      draft: weeks.filter((w) => w.state === 'draft').length,
      traineeSigned: weeks.filter((w) => w.state === 'trainee_signed').length,
      signed: weeks.filter((w) => w.state === 'signed').length,
    };
  });
}
