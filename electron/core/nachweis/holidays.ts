// Public holidays of the firm's federal state (firm profile), from feiertagejs: marked "Feiertag" on the
// Ausbildungsnachweis and offered as such in the week editor.
import { getHolidays } from 'feiertagejs';
import type { FederalState } from '../../../shared/firm';
import type { PublicHoliday } from '../../../shared/nachweis';

const cache = new Map<string, PublicHoliday[]>();

function ofYear(year: number, state: FederalState): PublicHoliday[] {
  const key = `${year}-${state}`;
  let list = cache.get(key);
  if (!list) {
    // Easter and Whit Sunday are listed by feiertagejs but are Sundays anyway; they are no working days to mark.
    list = getHolidays(year, state)
      .filter((h) => h.name !== 'OSTERSONNTAG' && h.name !== 'PFINGSTSONNTAG')
      .map((h) => ({ day: h.dateString, name: h.translate('de') ?? h.name }))
      .sort((a, b) => a.day.localeCompare(b.day));
    cache.set(key, list);
  }
  return list;
}

/** The public holidays in [from, to] (ISO dates) of a federal state; none without a state. */
export function publicHolidays(state: FederalState | null, from: string, to: string): PublicHoliday[] {
  if (!state || to < from) return [];
  const out: PublicHoliday[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) out.push(...ofYear(y, state).filter((h) => h.day >= from && h.day <= to));
  return out;
}
