// Plausibility of the hours in a sheet, with the limits from resources/rahmenplaene/regeln/nachweis.json.
// Only warnings: a sheet is never refused because of its hours.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { entryHours, type RecordContent, type Warning } from '../../../shared/nachweis';
import { addMonths, isoWeekday } from '../../../shared/trainingCalendar';
import type { Trainee } from '../../../shared/trainees';
import { AppError } from '../errors';
import { resourcesDir } from '../paths';

const limit = z.object({ value: z.number().positive(), source: z.string().min(1) }).strict();
const Rules = z
  .object({
    about: z.string(),
    maxHoursPerDay: limit,
    maxHoursPerDayMinor: limit,
    maxHoursPerWeekMinor: limit,
    weekAboveContractFactor: limit,
    weekBelowContractFactor: limit,
    workdaysPerWeek: limit,
  })
  .strict();
type Rules = z.infer<typeof Rules>;

let cached: Rules | null = null;

export function nachweisRules(): Rules {
  if (cached) return cached;
  const file = path.join(resourcesDir(), 'rahmenplaene', 'regeln', 'nachweis.json');
  const r = Rules.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!r.success) throw new AppError('rules_invalid', `${file} is not valid: ${r.error.issues[0]?.path.join('.')}`, { file });
  cached = r.data;
  return cached;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Working days (Monday to Friday) between from and to. */
function workdays(from: string, to: string, days: string[]): number {
  return days.filter((d) => d >= from && d <= to && isoWeekday(d) <= 5).length;
}

export function hoursWarnings(c: RecordContent, trainee: Trainee, from: string, to: string, days: string[]): { total: number; warnings: Warning[] } {
  const rules = nachweisRules();
  const perAbsenceDay = trainee.weeklyHours / rules.workdaysPerWeek.value;
  const worked = entryHours(c);
  const absent = c.absences.reduce((s, a) => s + (a.hours ?? perAbsenceDay), 0);
  const total = round(worked + absent);
  const warnings: Warning[] = [];
  if (c.entries.length === 0 && c.absences.length === 0) return { total, warnings };
  const expected = round((trainee.weeklyHours * Math.max(1, workdays(from, to, days))) / rules.workdaysPerWeek.value);
  if (total > expected * rules.weekAboveContractFactor.value) warnings.push({ key: 'hours_above_contract', params: { total, expected } });
  if (total < expected * rules.weekBelowContractFactor.value) warnings.push({ key: 'hours_below_contract', params: { total, expected } });
  const minor = trainee.dateOfBirth !== null && addMonths(trainee.dateOfBirth, 18 * 12) > from;
  const dayMax = minor ? rules.maxHoursPerDayMinor.value : rules.maxHoursPerDay.value;
  const perDay = new Map<string, number>();
  for (const e of c.entries) if (e.day) perDay.set(e.day, (perDay.get(e.day) ?? 0) + e.hours);
  for (const a of c.absences) perDay.set(a.day, (perDay.get(a.day) ?? 0) + (a.hours ?? perAbsenceDay));
  for (const [day, h] of [...perDay.entries()].sort()) {
    if (h > dayMax) warnings.push({ key: minor ? 'day_above_limit_minor' : 'day_above_limit', params: { day, hours: round(h), max: dayMax } });
  }
  if (minor && total > rules.maxHoursPerWeekMinor.value) warnings.push({ key: 'week_above_limit_minor', params: { total, max: rules.maxHoursPerWeekMinor.value } });
  return { total, warnings };
}
