// Calendar arithmetic on ISO dates ("YYYY-MM-DD"), in whole days, independent of time zones and daylight saving.
// Months are added the way German law counts them (§ 188 Abs. 2, 3 BGB): same day of the month, or the month's
// last day when that day does not exist (31 March minus one month is 28/29 February).

function parts(iso: string): [number, number, number] {
  // Sliced rather than matched with a regular expression: the dashboard does this thousands of times per call.
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  if (iso.length !== 10 || iso[4] !== '-' || iso[7] !== '-' || !Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) throw new Error(`not an ISO date: ${iso}`);
  return [y, m, d];
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const fromUtc = (ms: number) => {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};
const utc = (iso: string) => {
  const [y, m, d] = parts(iso);
  return Date.UTC(y, m - 1, d);
};
const DAY = 86_400_000;

export function addDays(iso: string, days: number): string {
  return fromUtc(utc(iso) + days * DAY);
}

export function addWeeks(iso: string, weeks: number): string {
  return addDays(iso, weeks * 7);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Adds (or with a negative n subtracts) whole months; a day that does not exist becomes the month's last day. */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = parts(iso);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return `${pad(ny, 4)}-${pad(nm)}-${pad(Math.min(d, daysInMonth(ny, nm)))}`;
}

let lastFrom = '';
let lastFromMs = 0;

/** Whole days from `from` to `to` (negative when `to` is earlier). `from` is usually today: parsed once. */
export function daysBetween(from: string, to: string): number {
  if (from !== lastFrom) {
    lastFromMs = utc(from);
    lastFrom = from;
  }
  return Math.round((utc(to) - lastFromMs) / DAY);
}

