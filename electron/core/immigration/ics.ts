// An iCalendar writer (RFC 5545) for what Werkbrücke puts in a calendar file: all-day events, each with its
// identity (UID, SEQUENCE, LAST-MODIFIED), a status and display alarms relative to the start of the day. Lines end
// in CRLF and are folded at 75 octets without splitting a character; TEXT values are escaped (§ 3.3.11).
// What goes into the events is decided in calendar.ts.
import { addDays } from './dates';

export interface IcsAlarm {
  /** Minutes from the start of the event's day (negative: before it). */
  offsetMinutes: number;
  description: string;
}

export interface IcsEvent {
  uid: string;
  /** All-day event on this ISO date. */
  date: string;
  summary: string;
  description: string;
  status: 'CONFIRMED' | 'CANCELLED';
  sequence: number;
  created: string;
  lastModified: string;
  categories: string[];
  alarms: IcsAlarm[];
}

/** TEXT value escaping: backslash, semicolon, comma, line breaks; other control characters are dropped. */
export const escapeText = (s: string) =>
  s
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n');

/** UTF-8 length of one code point. */
const octets = (cp: number) => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

/** Folds one content line at 75 octets (continuation lines start with one space), never inside a character. */
export function foldLine(line: string): string {
  if (line.length <= 25 || Buffer.byteLength(line, 'utf8') <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  let bytes = 0;
  let limit = 75;
  for (let i = 0; i < line.length; ) {
    const cp = line.codePointAt(i)!;
    const n = octets(cp);
    if (bytes + n > limit) {
      parts.push(line.slice(start, i));
      start = i;
      bytes = 0;
      limit = 74;
    }
    bytes += n;
    i += cp > 0xffff ? 2 : 1;
  }
  parts.push(line.slice(start));
  return parts.join('\r\n ');
}

const basicDate = (iso: string) => iso.replace(/-/g, '');
/** An ISO timestamp as a UTC DATE-TIME ("20261211T090000Z"). */
export const utcDateTime = (iso: string) => `${new Date(iso).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;

/** A DURATION value for a signed number of minutes ("-P55DT15H", "PT9H"). */
export function duration(minutes: number): string {
  const abs = Math.abs(Math.round(minutes));
  const d = Math.floor(abs / 1440);
  const h = Math.floor((abs % 1440) / 60);
  const m = abs % 60;
  const time = h || m ? `T${h ? `${h}H` : ''}${m ? `${m}M` : ''}` : '';
  return `${minutes < 0 ? '-' : ''}P${d || !time ? `${d}D` : ''}${time}`;
}

function eventLines(e: IcsEvent): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    // Without METHOD, DTSTAMP is the time of the last revision, i.e. LAST-MODIFIED (RFC 5545 § 3.8.7.2): the same
    // data gives the same file.
    `DTSTAMP:${utcDateTime(e.lastModified)}`,
    `CREATED:${utcDateTime(e.created)}`,
    `LAST-MODIFIED:${utcDateTime(e.lastModified)}`,
    `SEQUENCE:${e.sequence}`,
    `DTSTART;VALUE=DATE:${basicDate(e.date)}`,
    `DTEND;VALUE=DATE:${basicDate(addDays(e.date, 1))}`,
    `SUMMARY:${escapeText(e.summary)}`,
    `DESCRIPTION:${escapeText(e.description)}`,
    `STATUS:${e.status}`,
    'TRANSP:TRANSPARENT',
    `CATEGORIES:${e.categories.map(escapeText).join(',')}`,
  ];
  for (const a of e.alarms) {
    lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${escapeText(a.description)}`, `TRIGGER:${duration(a.offsetMinutes)}`, 'END:VALARM');
  }
  lines.push('END:VEVENT');
  return lines;
}

/** The whole calendar file as text. */
export function writeCalendar(o: { prodId: string; name: string; events: IcsEvent[] }): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${o.prodId}`, 'CALSCALE:GREGORIAN', `X-WR-CALNAME:${escapeText(o.name)}`];
  for (const e of o.events) lines.push(...eventLines(e));
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
