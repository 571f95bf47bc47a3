// The letters to the authorities and the document overview (real PDFs, text read back with pdf.js), and the
// calendar file (read back with ical.js; more in calendar.test.ts).
import { describe, expect, it } from 'vitest';
import { runExport } from '../../electron/core/exports/registry';
import { firmInput, testCore, traineeInput, type TestCore } from './helpers';
import { readCalendar } from './ics';
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
    // The recorded reason is named (a field of its own), unless the firm switches it off.
    expect(text).toContain('Grund der Beendigung Persönliche Gründe, die nicht ins Schreiben gehören');
    const without = (await pdfText((await runExport(c.store, { kind: 'mitteilung-abh', traineeId: t.id, withReason: false }, NOW)).bytes)).replace(/\u00a0/g, ' ');
    expect(without).not.toContain('Persönliche Gründe');
    expect(without).not.toContain('Grund der Beendigung');
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
      'Erlaubnis zur Ausbildung nach den erfassten Dokumenten',
      'Nach den erfassten Dokumenten erlaubt Duldung die Beschäftigung nur mit Erlaubnis der Ausländerbehörde; eine gültige Erlaubnis fehlt',
      'Duldung Nr. D-77',
      '15.06.2026 31.12.2026 läuft bald ab',
      'Beschäftigung nur mit Erlaubnis der Ausländerbehörde gestattet',
      'Verlängerung beantragen: 31.12.2026',
      'Was fehlt',
      'Kopie von Duldung fehlt',
      'Beschäftigungserlaubnis der Ausländerbehörde fehlt',
      'Offene Fristen',
      'Duldung von Mohammad Karimi',
      // A Duldung is renewed before its end; § 81 Abs. 4 (Fiktion) does not apply to it.
      'endet am 31.12.2026: vorher bei der Ausländerbehörde verlängern lassen',
      '§ 60a AufenthG',
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
  it('writes every open deadline as one all-day event with its identity as UID, the lead times as alarms, valid lines', async () => {
    const c = testCore({ now: at('2026-12-11') });
    const t = await setup(c);
    await c.call('documents.create', docInput(t.id, { type: 'ausbildungsduldung', workNote: 'ausbildung_bei_betrieb', validUntil: '2029-07-31' }));
    await c.call('trainees.end', { id: t.id, kind: 'early', date: '2026-12-10', reason: 'Abbruch' });
    const u = await c.call('trainees.create', traineeInput({ firstName: 'Ölçin', lastName: 'Ağaoğlu', contractStart: '2026-08-01', contractEndPlanned: '2029-07-31' }));
    const duldung = await c.call('documents.create', docInput(u.id, { type: 'duldung', validUntil: '2027-03-01' }));
    const pass = await c.call('documents.create', docInput(u.id, { type: 'pass', workNote: null, validUntil: '2026-12-01' }));

    const file = await runExport(c.store, { kind: 'fristen-ics' }, NOW);
    expect(file).toMatchObject({ fileName: 'Fristen_Werkbruecke_2026-12-11.ics', mimeType: 'text/calendar', calendar: { added: 3, updated: 0, cancelled: 0, unchanged: 0 } });
    const { version, events } = readCalendar(file.bytes);
    expect(version).toBe('2.0');
    const domain = /@(.+)$/.exec(events[0]!.uid)![1]!;
    const byUid = new Map(events.map((e) => [e.uid.replace(`@${domain}`, ''), e]));
    // The notice after the early end: a stored task, its UID is the task's own key (fixed at the early end).
    expect(byUid.get(`notify_end:${t.id}:-:2026-12-10`)).toMatchObject({
      start: '2026-12-24',
      end: '2026-12-25',
      summary: 'Frist: Mitteilung an die Ausländerbehörde – Karimi, Mohammad',
      status: 'CONFIRMED',
    });
    expect(byUid.get(`notify_end:${t.id}:-:2026-12-10`)!.description).toContain('§ 60c Abs. 5 AufenthG');
    // Renewals belong to their document; the day to prepare (8 weeks before: 04.01.2027) is an alarm, not an event.
    const renewal = byUid.get(`renewal:${u.id}:${duldung.id}`)!;
    expect(renewal).toMatchObject({ start: '2027-03-01', summary: 'Frist: Verlängerung beantragen – Ağaoğlu, Ölçin' });
    expect(renewal.alarms.map((a) => a.description)).toEqual([
      'Vorbereiten: Verlängerung beantragen – Ölçin Ağaoğlu, bis 01.03.2027',
      'Dringend: Verlängerung beantragen – Ölçin Ağaoğlu, bis 01.03.2027',
    ]);
    expect(byUid.get(`renewal:${u.id}:${pass.id}`)).toMatchObject({ start: '2026-12-01', alarms: [] });
    // A trainee already in training has no Ausbildungsduldung window to meet (planning dates never read as overdue).
    expect(byUid.has(`ausbildungsduldung:${u.id}`)).toBe(false);
    expect(events).toHaveLength(3);
    // The same data gives the same file: calendars update instead of duplicating.
    const again = await runExport(c.store, { kind: 'fristen-ics' }, NOW);
    expect(new TextDecoder().decode(again.bytes)).toBe(new TextDecoder().decode(file.bytes));
    expect(again.calendar).toEqual({ added: 0, updated: 0, cancelled: 0, unchanged: 3 });
  });
});
