// Reading our calendar files back: the RFC 5545 line rules checked on the bytes, then parsed with a maintained
// iCalendar parser (ical.js, the one Thunderbird's calendar is built on). Plain assertions, so unit and e2e tests
// both use it.
import assert from 'node:assert/strict';
import ICAL from 'ical.js';

export interface ParsedAlarm {
  /** When it rings, in local time (the event is on an all-day, floating date). */
  at: Date;
  description: string;
}

export interface ParsedEvent {
  uid: string;
  sequence: number;
  status: string;
  summary: string;
  description: string;
  /** ISO dates. */
  start: string;
  end: string;
  created: string;
  lastModified: string;
  dtstamp: string;
  categories: string[];
  alarms: ParsedAlarm[];
}

/** CRLF only, every physical line at most 75 octets, continuation lines start with a space, valid UTF-8. */
export function checkLines(bytes: Uint8Array): string {
  // fatal: a fold inside a multi-byte character would make the bytes invalid UTF-8.
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  assert.ok(text.endsWith('\r\n'), 'the file ends with CRLF');
  assert.doesNotMatch(text.replace(/\r\n/g, ''), /[\r\n]/, 'no line break other than CRLF');
  const lines = text.slice(0, -2).split('\r\n');
  assert.equal(lines[0], 'BEGIN:VCALENDAR');
  for (const l of lines) {
    assert.ok(new TextEncoder().encode(l).length <= 75, `longer than 75 octets: ${l}`);
    assert.ok(l.length > 0, 'no empty lines');
  }
  return text;
}

const time = (v: unknown) => (v as ICAL.Time).toJSDate().toISOString();

export function readCalendar(bytes: Uint8Array): { name: string; version: string; events: ParsedEvent[] } {
  const text = checkLines(bytes);
  const cal = new ICAL.Component(ICAL.parse(text));
  const events = cal.getAllSubcomponents('vevent').map((ve): ParsedEvent => {
    const start = ve.getFirstPropertyValue('dtstart') as ICAL.Time;
    assert.ok(start.isDate, 'all-day events');
    return {
      uid: String(ve.getFirstPropertyValue('uid')),
      sequence: Number(ve.getFirstPropertyValue('sequence')),
      status: String(ve.getFirstPropertyValue('status')),
      summary: String(ve.getFirstPropertyValue('summary')),
      description: String(ve.getFirstPropertyValue('description')),
      start: start.toString(),
      end: (ve.getFirstPropertyValue('dtend') as ICAL.Time).toString(),
      created: time(ve.getFirstPropertyValue('created')),
      lastModified: time(ve.getFirstPropertyValue('last-modified')),
      dtstamp: time(ve.getFirstPropertyValue('dtstamp')),
      categories: ve.getFirstProperty('categories')?.getValues().map(String) ?? [],
      alarms: ve.getAllSubcomponents('valarm').map((a) => {
        assert.equal(a.getFirstPropertyValue('action'), 'DISPLAY');
        const trigger = a.getFirstPropertyValue('trigger') as ICAL.Duration;
        assert.ok(trigger instanceof ICAL.Duration, 'a trigger relative to the start');
        // Days count as calendar days (RFC 5545 § 3.3.6): 9 o'clock stays 9 o'clock across a change of summer time.
        const t = start.clone();
        t.isDate = false;
        t.addDuration(trigger);
        return { at: new Date(t.year, t.month - 1, t.day, t.hour, t.minute, t.second), description: String(a.getFirstPropertyValue('description')) };
      }),
    };
  });
  return { name: String(cal.getFirstPropertyValue('x-wr-calname')), version: String(cal.getFirstPropertyValue('version')), events };
}
