// The letters to the authorities and the document overview (real PDFs, text read back with pdf.js), and the
// calendar file (parsed line by line as RFC 5545 requires).
import { describe, expect, it } from 'vitest';
import { runExport } from '../../electron/core/exports/registry';
import { firmInput, testCore, traineeInput, type TestCore } from './helpers';
import { at, docInput } from './immigrationFixtures';
import { pdfPages, pdfText } from './pdfText';

const NOW = new Date('2026-12-11T10:00:00');

async function setup(c: TestCore) {
  await c.call('firm.save', firmInput({ trainers: [{ name: 'Jens Krämer', role: 'Tischlermeister', aevo: true }] }));
  const t = await c.call(
    'trainees.create',
    traineeInput({ firstName: 'Mohammad', lastName: 'Karimi', nationality: 'afghanisch', dateOfBirth: '2002-09-14', chamberRegistrationDate: '2026-08-12', chamberRegistrationNo: 'HWK-HH-2026-1187', weeklyHours: 39, payPerYear: [1020, 1120, 1240] }),
  );
  const abh = await c.call('contacts.create', { kind: 'auslaenderbehoerde', organisation: 'Amt für Migration Hamburg', department: 'Abteilung Aufenthalt', person: 'Frau Schulze', phone: null, email: null, street: 'Hammer Straße 10', zip: '22041', city: 'Hamburg', notes: null });
  await c.call('contacts.setForTrainee', { traineeId: t.id, contactIds: [abh.id] });
  return t;
}

interface IcsEvent {
  props: Map<string, string>;
  alarms: number;
}

/** A strict reader for what we produce: CRLF lines of at most 75 octets, folded with one space, balanced blocks. */
function parseIcs(bytes: Uint8Array): { calendar: Map<string, string>; events: IcsEvent[] } {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  expect(text.endsWith('\r\n')).toBe(true);
  const physical = text.slice(0, -2).split('\r\n');
  for (const l of physical) {
    expect(new TextEncoder().encode(l).length, l).toBeLessThanOrEqual(75);
    expect(l).not.toMatch(/[\r\n]/);
  }
  const lines: string[] = [];
  for (const l of physical) {
    if (l.startsWith(' ') || l.startsWith('\t')) lines[lines.length - 1] += l.slice(1);
    else lines.push(l);
  }
  const stack: string[] = [];
  const calendar = new Map<string, string>();
  const events: IcsEvent[] = [];
  for (const l of lines) {
    const i = l.indexOf(':');
    expect(i, l).toBeGreaterThan(0);
    const [name, value] = [l.slice(0, i), l.slice(i + 1)];
    if (name === 'BEGIN') {
      stack.push(value);
      if (value === 'VEVENT') events.push({ props: new Map(), alarms: 0 });
      if (value === 'VALARM') events[events.length - 1]!.alarms++;
    } else if (name === 'END') expect(stack.pop()).toBe(value);
    else if (stack.at(-1) === 'VCALENDAR') calendar.set(name, value);
    else if (stack.at(-1) === 'VEVENT') events[events.length - 1]!.props.set(name, value.replace(/\\n/g, '\n').replace(/\\([,;\\])/g, '$1'));
    else if (stack.at(-1) === 'VALARM' && name === 'TRIGGER') expect(value).toMatch(/^-?P(\d+W|\d+D(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?|T(?=\d)(\d+H)?(\d+M)?(\d+S)?)$/);
  }
  expect(stack).toEqual([]);
  return { calendar, events };
}

describe('letters and overview PDFs', () => {
  it('mitteilung-abh: the notice of an early end with all facts the law asks for, on the letterhead, to the ABH from the address book', async () => {
    const c = testCore({ now: at('2026-12-11') });
    const t = await setup(c);
    await c.call('documents.create', docInput(t.id, { type: 'ausbildungsduldung', number: 'D-HH-2025-40377', workNote: 'ausbildung_bei_betrieb', validUntil: '2029-07-31' }));
    expect((await c.fail('exports.create', { kind: 'mitteilung-abh', traineeId: t.id })).code).toBe('not_ended_early');
    await c.call('trainees.end', { id: t.id, kind: 'early', date: '2026-12-10', reason: 'Persönliche Gründe, die nicht ins Schreiben gehören' });
    const file = await runExport(c.store, { kind: 'mitteilung-abh', traineeId: t.id }, NOW);
    expect(file.fileName).toBe('Mitteilung_ABH_Karimi_Mohammad.pdf');
    const pages = await pdfPages(file.bytes);
    expect(pages).toHaveLength(1);
    const text = pages[0]!.text;
    for (const needle of [
      'Tischlerei Muster', // letterhead
      'Amt für Migration Hamburg Abteilung Aufenthalt z. Hd. Frau Schulze Hammer Straße 10 22041 Hamburg',
      'Datum 11.12.2026',
      'Mitteilung über die vorzeitige Beendigung eines Ausbildungsverhältnisses',
      'nach § 60c Abs. 5 AufenthG',
      'am 10.12.2026 vorzeitig beendet',
      'Familienname Karimi',
      'Vorname Mohammad',
      'Staatsangehörigkeit afghanisch',
      'Geburtsdatum 14.09.2002',
      'Aufenthaltsdokument Ausbildungsduldung (§ 60c AufenthG)',
      'Dokumentnummer D-HH-2025-40377',
      'Tag der Beendigung 10.12.2026',
      'Ansprechperson Jens Krämer, Tel. 040 1, info@muster.de',
      'Mit freundlichen Grüßen',
      'Mit freundlichen Grüßen Tischlerei Muster Jens Krämer Tischlermeister',
    ]) {
      expect(text.replace(/\u00a0/g, ' ')).toContain(needle);
    }
    // Only what the duty needs: not the reason for the end.
    expect(text).not.toContain('Persönliche Gründe');
    // The recipient's address sits above the subject, the signature line below the closing.
    const y = (s: string) => pages[0]!.items.find((i) => i.str.includes(s))!.y;
    expect(y('Hammer Straße 10')).toBeGreaterThan(y('Mitteilung über'));
    expect(y('Mit freundlichen Grüßen')).toBeGreaterThan(y('Tischlermeister'));
  });

  it('mitteilung-abh is refused with a clear message without an Ausländerbehörde in the address book', async () => {
    const c = testCore({ now: at('2026-12-11') });
    await c.call('firm.save', firmInput());
    const t = await c.call('trainees.create', traineeInput());
    await c.call('documents.create', docInput(t.id, { type: 'duldung' }));
    await c.call('trainees.end', { id: t.id, kind: 'early', date: '2026-12-10', reason: 'Abbruch' });
    expect((await c.fail('exports.create', { kind: 'mitteilung-abh', traineeId: t.id })).code).toBe('no_abh_contact');
  });

  it('ausbildungsbestaetigung: occupation, start and planned end, weekly hours, pay, chamber registration', async () => {
    const c = testCore({ now: at('2026-12-11') });
    const t = await setup(c);
    // (A number broken at its hyphen at the end of a line is read back as "HWK- HH…".)
    const text = (await pdfText((await runExport(c.store, { kind: 'ausbildungsbestaetigung', traineeId: t.id }, NOW)).bytes)).replace(/\u00a0/g, ' ').replace(/- /g, '-');
    for (const needle of [
      'Bestätigung über das Ausbildungsverhältnis',
      'Amt für Migration Hamburg',
      'Datum 11.12.2026',
      'Das Ausbildungsverhältnis besteht ungekündigt.',
      'Ausbildungsberuf Tischler/-in',
      'Beginn der Ausbildung 01.08.2026',
      'Voraussichtliches Ende 31.07.2029',
      'Wöchentliche Ausbildungszeit 39 Stunden',
      '1. Ausbildungsjahr: 1.020,00 €',
      '3. Ausbildungsjahr: 1.240,00 €',
      'Handwerkskammer Hamburg, eingetragen am 12.08.2026, Nr. HWK-HH-2026-1187',
      'Mit freundlichen Grüßen',
    ]) {
      expect(text).toContain(needle);
    }
  });

  it('dokumentenstand: each document with state, validity, work note and next deadline, what is missing, and the history', async () => {
    const c = testCore({ now: at('2026-12-11') });
    const t = await setup(c);
    const old = await c.call('documents.create', docInput(t.id, { type: 'aufenthaltsgestattung', number: 'G-1', issuedOn: '2025-01-01', validUntil: '2026-06-30', workNote: 'beschaeftigung_nur_mit_erlaubnis' }));
    const { traineeId: _t, ...fields } = docInput(t.id, { type: 'duldung', number: 'D-77', issuedOn: '2026-06-15', validUntil: '2026-12-31', workNote: 'beschaeftigung_nur_mit_erlaubnis' });
    await c.call('documents.renew', { ...fields, replacesId: old.id });
    const text = (await pdfText((await runExport(c.store, { kind: 'dokumentenstand', traineeId: t.id }, NOW)).bytes)).replace(/\u00a0/g, ' ');
    for (const needle of [
      'Dokumentenstand',
      'Karimi, Mohammad · Tischler/-in',
      'Stand 11.12.2026',
      'Darf heute ausgebildet werden?',
      'Nein: Duldung erlaubt die Beschäftigung nur mit Erlaubnis der Ausländerbehörde',
      'Duldung Nr. D-77',
      '15.06.2026 31.12.2026 läuft bald ab',
      'Beschäftigung nur mit Erlaubnis der Ausländerbehörde gestattet',
      'Verlängerung beantragen: 31.12.2026',
      'Was fehlt',
      'Kopie von Duldung fehlt',
      'Beschäftigungserlaubnis der Ausländerbehörde fehlt',
      'Offene Fristen',
      'Duldung von Mohammad Karimi läuft am 31.12.2026 ab',
      '§ 81 Abs. 4 AufenthG',
      'Frühere Versionen (ersetzt)',
      'Aufenthaltsgestattung Nr. G-1',
      'ersetzt',
      'keine Rechtsberatung',
    ]) {
      expect(text).toContain(needle);
    }
  });
});

describe('calendar export', () => {
  it('writes every open deadline as an all-day event with stable UIDs, correct dates and valid lines', async () => {
    const c = testCore({ now: at('2026-12-11') });
    const t = await setup(c);
    await c.call('documents.create', docInput(t.id, { type: 'ausbildungsduldung', workNote: 'ausbildung_bei_betrieb', validUntil: '2029-07-31' }));
    await c.call('trainees.end', { id: t.id, kind: 'early', date: '2026-12-10', reason: 'Abbruch' });
    const u = await c.call('trainees.create', traineeInput({ firstName: 'Ölçin', lastName: 'Ağaoğlu', contractStart: '2026-08-01', contractEndPlanned: '2029-07-31' }));
    await c.call('documents.create', docInput(u.id, { type: 'duldung', validUntil: '2027-03-01' }));
    await c.call('documents.create', docInput(u.id, { type: 'pass', workNote: null, validUntil: '2026-12-01' }));

    const file = await runExport(c.store, { kind: 'fristen-ics' }, NOW);
    expect(file).toMatchObject({ fileName: 'Fristen_Werkbruecke_2026-12-11.ics', mimeType: 'text/calendar' });
    const { calendar, events } = parseIcs(file.bytes);
    expect(calendar.get('VERSION')).toBe('2.0');
    expect(calendar.get('PRODID')).toBeTruthy();
    const byUid = new Map(events.map((e) => [e.props.get('UID'), e.props]));
    const notice = byUid.get(`notify_end:${t.id}:-:2026-12-10@werkbruecke`)!;
    expect(notice.get('DTSTART;VALUE=DATE')).toBe('20261224');
    expect(notice.get('DTEND;VALUE=DATE')).toBe('20261225');
    expect(notice.get('SUMMARY')).toBe('Frist: Mitteilung an die Ausländerbehörde – Karimi, Mohammad');
    expect(notice.get('DESCRIPTION')).toContain('§ 60c Abs. 5 AufenthG');
    // A renewal: due on the last valid day, plus a "prepare" event 8 weeks before (2027-03-01 − 56 days = 2027-01-04).
    const renewal = [...byUid.entries()].filter(([uid]) => uid?.startsWith(`renewal:${u.id}:`));
    expect(renewal.map(([, p]) => [p.get('SUMMARY'), p.get('DTSTART;VALUE=DATE')])).toEqual([
      ['Frist: Verlängerung beantragen – Ağaoğlu, Ölçin', '20261201'],
      ['Frist: Verlängerung beantragen – Ağaoğlu, Ölçin', '20270301'],
      ['Vorbereiten: Verlängerung beantragen – Ağaoğlu, Ölçin', '20270104'],
    ]);
    expect(events.every((e) => e.alarms <= 1 && e.props.has('DTSTAMP'))).toBe(true);
    // The same deadlines give the same UIDs next time (calendars update instead of duplicating).
    const again = parseIcs((await runExport(c.store, { kind: 'fristen-ics' }, NOW)).bytes);
    expect(again.events.map((e) => e.props.get('UID'))).toEqual(events.map((e) => e.props.get('UID')));
  });

  it('an empty workspace gives a valid, empty calendar', async () => {
    const c = testCore();
    const { calendar, events } = parseIcs((await c.call('exports.create', { kind: 'fristen-ics' }).then((f) => Buffer.from(f.base64, 'base64'))));
    expect(calendar.get('VERSION')).toBe('2.0');
    expect(events).toEqual([]);
  });
});
