// Calendar arithmetic on ISO dates ("2026-08-01"), independent of the time zone: training months and years
// counted from the contract start, and ISO weeks (Monday to Sunday) for the training record.

const DAY = 86_400_000;

export function parseIso(s: string): Date {
  return new Date(`${s.slice(0, 10)}T00:00:00Z`);
}

export function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(s: string, n: number): string {
  return iso(new Date(parseIso(s).getTime() + n * DAY));
}

export function daysBetween(a: string, b: string): number {
  return Math.round((parseIso(b).getTime() - parseIso(a).getTime()) / DAY);
}

/** The same day `n` months later; the 31st becomes the last day of a shorter month. */
export function addMonths(s: string, n: number): string {
  const d = parseIso(s);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + n;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return iso(new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), last))));
}

/**
 * The planned end of a training of `months` months starting on `start`: the day before the same date `months`
 * later (01.08.2026 + 36 months → 31.07.2029; 15.02.2027 + 42 months → 14.08.2030).
 */
export function plannedEnd(start: string, months: number): string {
  return addDays(addMonths(start, months), -1);
}

export interface TrainingMonth {
  /** 1-based training month. */
  n: number;
  from: string;
  to: string;
  /** Training year (1-based) the month belongs to. */
  year: number;
}

/** The training months of a contract: month n runs from start + (n-1) months to the day before start + n months. */
export function trainingMonths(start: string, end: string): TrainingMonth[] {
  const out: TrainingMonth[] = [];
  for (let n = 1; n <= 120; n++) {
    const from = addMonths(start, n - 1);
    if (from > end) break;
    const next = addDays(addMonths(start, n), -1);
    out.push({ n, from, to: next > end ? end : next, year: Math.floor((n - 1) / 12) + 1 });
  }
  return out;
}

/** Training year (1-based) of a date; 0 before the start. */
export function trainingYear(start: string, date: string): number {
  if (date < start) return 0;
  let y = 1;
  while (addMonths(start, 12 * y) <= date) y++;
  return y;
}

/** Monday of the ISO week that contains `s`. */
export function mondayOf(s: string): string {
  const wd = (parseIso(s).getUTCDay() + 6) % 7;
  return addDays(s, -wd);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(s: string): number {
  return ((parseIso(s).getUTCDay() + 6) % 7) + 1;
}

/** ISO week number and its year ("KW 32/2026"). */
export function isoWeek(s: string): { week: number; year: number } {
  const d = parseIso(s);
  const thursday = new Date(d.getTime() + (4 - (((d.getUTCDay() + 6) % 7) + 1)) * DAY);
  const year = thursday.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  return { week: Math.floor((thursday.getTime() - jan1) / DAY / 7) + 1, year };
}

/** First and last day of a calendar month as "YYYY-MM". */
