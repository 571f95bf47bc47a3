// Which weeks of a training have a sheet, which are missing, which wait for a sign-off: the trainee's list and
// the supervisor's overview over everyone in training.
import type { NachweisList, NachweisRecord, WeekRow } from '../../../shared/nachweis';
import { toIsoDate } from '../../../shared/format';
import { addDays, isoWeek, isoWeekday, mondayOf, trainingYear } from '../../../shared/trainingCalendar';
import type { Trainee } from '../../../shared/trainees';
import { getFirm } from '../firm/service';
import type { Db } from '../store/db';
import { getTrainee } from '../trainees/service';
import { publicHolidays } from './holidays';
import { getMode, linkablePositions, RECORD_SELECT, toRecord, trainingEnd, type AmendmentRow, type RecordRow } from './service';

/** All sheets of the trainee, oldest first. */
function readSheets(db: Db, t: Trainee): NachweisRecord[] {
  const records = db.prepare(`${RECORD_SELECT} WHERE r.trainee_id = ? ORDER BY r.period_from`).all(t.id) as RecordRow[];
  const amendments = db
    .prepare('SELECT a.* FROM nachweis_amendments a JOIN nachweis_records r ON r.id = a.record_id WHERE r.trainee_id = ? ORDER BY a.id')
    .all(t.id) as AmendmentRow[];
  const byRecord = new Map<number, AmendmentRow[]>();
  for (const a of amendments) byRecord.set(a.record_id, [...(byRecord.get(a.record_id) ?? []), a]);
  return records.map((r) => toRecord(r, byRecord.get(r.id) ?? [], t));
}

/**
 * Every week of the training up to next week (later ones only where something is written), with its sheets'
 * state: a past week without a sheet is 'missing'. Also the list the Ausbildungsnachweis PDF prints from, which
 * passes the trainee's sheets it has read already (`sheets`: all of them, oldest first) so they are not parsed twice.
 */
export function weekRows(db: Db, t: Trainee, asOf: string, sheets?: NachweisRecord[]): WeekRow[] {
  const state = getFirm(db)?.federalState ?? null;
  const byMonday = new Map<string, NachweisRecord[]>();
  for (const r of sheets ?? readSheets(db, t)) {
    const m = mondayOf(r.from);
    byMonday.set(m, [...(byMonday.get(m) ?? []), r]);
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

// Days since 1970-01-01 and Monday-based week numbers (week w starts on day 7w - 3), so that the overview counts
// weeks with integer arithmetic. Kept in step with weekRows by tests/core/nachweisOverview.test.ts.
const DAY = (col: string) => `(unixepoch(${col}) / 86400)`;
const WEEK = (col: string) => `((unixepoch(${col}) / 86400 + 3) / 7)`;

// One row per trainee in training with its sheets' week_state (4 * week + state: 0 draft, 1 signed by the trainee,
// 2 signed by the trainer; migration 014), read from the index nachweis_records_week_state, not from the sheets.
const OVERVIEW_SQL = `
SELECT t.id, t.first_name, t.last_name, o.name AS occupation_name, ${DAY('t.contract_start')} AS start_day,
       ${WEEK('t.contract_start')} AS w0, ${WEEK('coalesce(t.ended_on, t.contract_end_planned)')} AS wend,
       ${DAY('coalesce(t.ended_on, t.contract_end_planned)')} AS end_day,
       (SELECT group_concat(r.week_state) FROM nachweis_records r INDEXED BY nachweis_records_week_state WHERE r.trainee_id = t.id) AS sheets
FROM trainees t JOIN occupations o ON o.id = t.occupation_id WHERE t.status = 'active'
ORDER BY t.last_name COLLATE NOCASE, t.first_name COLLATE NOCASE, t.id`;

interface OverviewRow {
  id: number;
  first_name: string;
  last_name: string;
  occupation_name: string;
  start_day: number;
  w0: number;
  wend: number;
  end_day: number;
  sheets: string | null;
}

/** The numbers of a group_concat list ("12,345"), without allocating a string for each. */
function numbers(list: string | null): number[] {
  const out: number[] = [];
  if (!list) return out;
  for (let i = 0, n = 0; i <= list.length; i++) {
    const c = list.charCodeAt(i);
    if (c >= 48 && c <= 57) n = n * 10 + c - 48;
    else {
      out.push(n);
      n = 0;
    }
  }
  return out;
}

const isoOfDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/**
 * Missing and unsigned weeks of everyone in training, in one statement (the same weeks as weekRows): a past week
 * is one whose days inside the contract are over; it is missing when it needs a sheet and has none.
 */
export function nachweisOverview(db: Db, now = new Date()) {
  const asOfDay = Date.parse(toIsoDate(now)) / 86_400_000;
  return (db.prepare(OVERVIEW_SQL).all() as OverviewRow[]).map((r) => {
    // The first week that needs a sheet (a start on a Saturday or Sunday leaves its week without one), and the last
    // one that is over (all of them when the training has ended before today).
    const w1 = r.w0 + ((r.start_day + 3) % 7 >= 5 ? 1 : 0);
    const lastPast = r.end_day < asOfDay ? r.wend : Math.min(r.wend, Math.ceil((asOfDay - 3) / 7) - 1);
    // In ascending order (as the index gives them) the first week_state of a week is its least advanced sheet.
    const sheets = numbers(r.sheets);
    if (sheets.some((v, i) => i > 0 && v < sheets[i - 1]!)) sheets.sort((x, y) => x - y);
    const state = [0, 0, 0];
    let written = 0;
    let gap = w1;
    let previous = -1;
    for (const v of sheets) {
      const wk = Math.floor(v / 4);
      if (wk === previous || wk < r.w0 || wk > r.wend) continue;
      previous = wk;
      state[v % 4]!++;
      if (wk >= w1 && wk <= lastPast) written++;
      if (wk === gap) gap++;
    }
    const missing = Math.max(0, lastPast - w1 + 1) - written;
    return {
      traineeId: r.id,
      name: `${r.last_name}, ${r.first_name}`,
      occupationName: r.occupation_name,
      missing,
      firstMissing: missing > 0 ? isoOfDay(Math.max(7 * gap - 3, r.start_day)) : null,
      draft: state[0]!,
      traineeSigned: state[1]!,
      signed: state[2]!,
    };
  });
}
