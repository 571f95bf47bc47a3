// Calendar arithmetic on ISO dates ("YYYY-MM-DD"), in whole days, independent of time zones and daylight saving.
// Months are added the way German law counts them (§ 188 Abs. 2, 3 BGB): same day of the month, or the month's
// last day when that day does not exist (31 March minus one month is 28/29 February).
// Plain integer arithmetic on day numbers (no Date objects, no regular expressions): the dashboard does this tens of
// thousands of times per call (electron/scripts/bench/immigration.ts).

const digit = (iso: string, i: number) => {
  const c = iso.charCodeAt(i) - 48;
  if (c < 0 || c > 9) throw new Error(`not an ISO date: ${iso}`);
  return c;
};

function parts(iso: string): [number, number, number] {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) throw new Error(`not an ISO date: ${iso}`);
  const y = digit(iso, 0) * 1000 + digit(iso, 1) * 100 + digit(iso, 2) * 10 + digit(iso, 3);
  return [y, digit(iso, 5) * 10 + digit(iso, 6), digit(iso, 8) * 10 + digit(iso, 9)];
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function dayNumber(iso: string): number {
  const [y0, m, d] = parts(iso);
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);
const pad4 = (n: number) => String(n).padStart(4, '0');

/** The ISO date of a day number (civil_from_days). */
function isoOf(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return `${pad4(yoe + era * 400 + (m <= 2 ? 1 : 0))}-${pad2(m)}-${pad2(d)}`;
}

export function addDays(iso: string, days: number): string {
  return isoOf(dayNumber(iso) + days);
}

export function addWeeks(iso: string, weeks: number): string {
  return addDays(iso, weeks * 7);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Adds (or with a negative n subtracts) whole months; a day that does not exist becomes the month's last day. */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = parts(iso);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return `${pad4(ny)}-${pad2(nm)}-${pad2(Math.min(d, daysInMonth(ny, nm)))}`;
}

let lastFrom = '';
let lastFromDay = 0;

/** Whole days from `from` to `to` (negative when `to` is earlier). `from` is usually today: parsed once. */
export function daysBetween(from: string, to: string): number {
  if (from !== lastFrom) {
    lastFromDay = dayNumber(from);
    lastFrom = from;
  }
  return dayNumber(to) - lastFromDay;
}
