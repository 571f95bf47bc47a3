// Calendar export of every open deadline (RFC 5545, built with the `ics` package): one all-day event on the day
// a deadline falls due and, where a lead time or window begins later than today, one on the day to start.
// UIDs are stable, so importing a newer file updates the events instead of duplicating them.
import { createEvents, type DateArray, type EventAttributes } from 'ics';
import { toIsoDate } from '../../../shared/format';
import type { Deadline } from '../../../shared/immigration';
import { AppError } from '../errors';
import type { ExportFile } from '../exports/registry';
import type { Store } from '../store/db';
import { addDays } from './dates';
import { allOpenDeadlines } from './deadlines';
import { loadRules } from './rules';
import { KIND_SHORT_DE, personName, sourceDe, whatToDoDe } from './texts';

const dateArray = (iso: string): DateArray => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return [y, m, d];
};

export function deadlineEvents(deadlines: Deadline[], today: string): EventAttributes[] {
  const rules = loadRules();
  const events: EventAttributes[] = [];
  for (const d of deadlines) {
    const who = `${d.lastName}, ${d.firstName}`;
    const description = `${whatToDoDe(d, rules)}\n\nQuelle: ${sourceDe(rules, d.source, d.uncertain)}\n${rules.file.disclaimer.de}`;
    events.push({
      uid: `${d.key}@werkbruecke`,
      title: `Frist: ${KIND_SHORT_DE[d.kind]} – ${who}`,
      description,
      start: dateArray(d.dueOn),
      end: dateArray(addDays(d.dueOn, 1)),
      transp: 'TRANSPARENT',
      categories: ['Werkbrücke', 'Fristen'],
      // 15 hours before the all-day event: 9 o'clock the day before. (A `days` trigger comes out as "P1DT", invalid.)
      alarms: [{ action: 'display', description: `Frist: ${KIND_SHORT_DE[d.kind]} – ${personName(d)}`, trigger: { hours: 15, before: true } }],
    });
    if (d.fromOn && d.fromOn > today && (d.kind === 'renewal' || d.kind === 'ausbildungsduldung')) {
      events.push({
        uid: `${d.key}:start@werkbruecke`,
        title: `${d.kind === 'renewal' ? 'Vorbereiten' : 'Ab heute möglich'}: ${KIND_SHORT_DE[d.kind]} – ${who}`,
        description,
        start: dateArray(d.fromOn),
        end: dateArray(addDays(d.fromOn, 1)),
        transp: 'TRANSPARENT',
        categories: ['Werkbrücke', 'Fristen'],
      });
    }
  }
  return events;
}

const utf8 = new TextEncoder();

/** Folds content lines at 75 octets (RFC 5545 § 3.1) without splitting a character; the library counts characters. */
export function foldOctets(text: string): string {
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  return lines
    .map((line) => {
      const parts: string[] = [];
      let cur = '';
      let bytes = 0;
      let limit = 75;
      for (const ch of line) {
        const n = utf8.encode(ch).length;
        if (bytes + n > limit) {
          parts.push(cur);
          cur = '';
          bytes = 0;
          limit = 74; // continuation lines start with one space
        }
        cur += ch;
        bytes += n;
      }
      parts.push(cur);
      return parts.join('\r\n ');
    })
    .join('\r\n');
}

export async function fristenIcs(store: Store, now: Date): Promise<ExportFile> {
  const today = toIsoDate(now);
  const events = deadlineEvents(allOpenDeadlines(store.db, today), today);
  const { error, value } = createEvents(events, { productId: '-//Werkbruecke//Fristen//DE', calName: 'Werkbrücke: Fristen' });
  if (error || value === null) throw new AppError('export_failed', `Calendar file could not be created: ${error?.message ?? 'no output'}`);
  // Without events the library returns an empty string; a calendar without events is still a valid file.
  const text = value || 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Werkbruecke//Fristen//DE\r\nCALSCALE:GREGORIAN\r\nX-WR-CALNAME:Werkbrücke: Fristen\r\nEND:VCALENDAR\r\n';
  return { fileName: `Fristen_Werkbruecke_${today}.ics`, mimeType: 'text/calendar', bytes: utf8.encode(foldOctets(text)) };
}
