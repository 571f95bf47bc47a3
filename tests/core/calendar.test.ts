// The deadlines' calendar as a calendar program sees it over time (issue 15): files parsed with ical.js, exported
// again after changes at later moments, and the file the app keeps in a folder.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createDemo } from '../../electron/core/demo';
import { runExport } from '../../electron/core/exports/registry';
import { CALENDAR_FILE_NAME } from '../../electron/core/immigration/calendarFolder';
import { tempDir, testCore, traineeInput, type TestCore } from './helpers';
import { readCalendar, type ParsedEvent } from './ics';
import { docInput, updateInput } from './immigrationFixtures';

/** A residence document that needs renewal before the training ends (and, unlike a Duldung, no Ausbildungsduldung). */
const gestattung = (traineeId: number, over: Record<string, unknown> = {}) => docInput(traineeId, { type: 'aufenthaltsgestattung', ...over });

/** A clock the test moves on. */
function clock(iso: string) {
  let now = new Date(iso);
  return { now: () => now, set: (next: string) => (now = new Date(next)) };
}

async function exportIcs(c: TestCore, now: Date) {
  const file = await runExport(c.store, { kind: 'fristen-ics' }, now);
  return { ...readCalendar(file.bytes), changes: file.calendar!, bytes: file.bytes };
}

const renewalOf = (events: ParsedEvent[], name: string) => {
  const found = events.filter((e) => e.summary.includes('Verlängerung beantragen') && e.summary.includes(name));
  expect(found).toHaveLength(1);
  return found[0]!;
};

async function trainee(c: TestCore, over: Record<string, unknown> = {}) {
  return c.call('trainees.create', traineeInput({ firstName: 'Mohammad', lastName: 'Karimi', contractStart: '2026-08-01', contractEndPlanned: '2029-07-31', ...over }));
}

describe('calendar export over time', () => {
  it('a corrected expiry keeps the UID, raises SEQUENCE and LAST-MODIFIED; an unchanged export changes nothing', async () => {
    const t0 = clock('2026-12-11T10:00:00');
    const c = testCore({ now: t0.now });
    const t = await trainee(c);
    const doc = await c.call('documents.create', gestattung(t.id, { validUntil: '2027-01-10' }));

    const first = await exportIcs(c, t0.now());
    expect(first.version).toBe('2.0');
    expect(first.name).toBe('Werkbrücke: Fristen');
    const before = renewalOf(first.events, 'Karimi');
    expect(before).toMatchObject({ start: '2027-01-10', end: '2027-01-11', sequence: 0, status: 'CONFIRMED', lastModified: t0.now().toISOString(), categories: ['Werkbrücke', 'Fristen'] });
    expect(before.uid).not.toContain('2027');
    expect(first.changes).toEqual({ added: 1, updated: 0, cancelled: 0, unchanged: 0 });

    t0.set('2026-12-12T08:30:00');
    await c.call('documents.update', updateInput(doc.id, { type: 'aufenthaltsgestattung', validUntil: '2027-01-20' }));
    const second = await exportIcs(c, t0.now());
    const after = renewalOf(second.events, 'Karimi');
    expect(after.uid).toBe(before.uid);
    expect(after).toMatchObject({ start: '2027-01-20', sequence: 1, lastModified: t0.now().toISOString(), created: before.created });
    expect(after.sequence).toBeGreaterThan(before.sequence);
    expect(after.description).toContain('gilt bis 20.01.2027');
    expect(second.events).toHaveLength(1);
    expect(second.changes).toEqual({ added: 0, updated: 1, cancelled: 0, unchanged: 0 });

    // Nothing changed: the same file, byte for byte (DTSTAMP is the last revision, as RFC 5545 § 3.8.7.2 allows).
    const third = await exportIcs(c, t0.now());
    expect(third.changes).toEqual({ added: 0, updated: 0, cancelled: 0, unchanged: 1 });
    expect(Buffer.from(third.bytes).equals(Buffer.from(second.bytes))).toBe(true);

    // A renamed trainee changes the text: SEQUENCE grows again, the UID stays.
    await c.call('trainees.update', { ...traineeInput({ firstName: 'Mohammad', lastName: 'Karimi-Noori', contractStart: '2026-08-01', contractEndPlanned: '2029-07-31' }), id: t.id });
    const fourth = renewalOf((await exportIcs(c, t0.now())).events, 'Karimi-Noori');
    expect(fourth).toMatchObject({ uid: before.uid, sequence: 2 });
  });

  it('a completed deadline comes back once as CANCELLED with a higher SEQUENCE, for 90 days; reopened it is confirmed again', async () => {
    const t0 = clock('2026-12-11T10:00:00');
    const c = testCore({ now: t0.now });
    const t = await trainee(c);
    await c.call('documents.create', gestattung(t.id, { validUntil: '2027-01-10' }));
    const open = renewalOf((await exportIcs(c, t0.now())).events, 'Karimi');

    const [deadline] = (await c.call('deadlines.list', {})).open;
    await c.call('deadlines.complete', { key: deadline!.key, doneOn: '2026-12-11', doneBy: 'Karl Sonnenholz', note: null });
    t0.set('2026-12-14T09:00:00');
    const next = await exportIcs(c, t0.now());
    expect(next.changes).toEqual({ added: 0, updated: 0, cancelled: 1, unchanged: 0 });
    const cancelled = next.events.find((e) => e.uid === open.uid)!;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', sequence: open.sequence + 1, start: '2027-01-10', summary: 'Erledigt: Verlängerung beantragen – Karimi, Mohammad', alarms: [] });
    expect(cancelled.lastModified).toBe(t0.now().toISOString());

    // Still given out (unchanged) 89 days later, gone after 90.
    const day89 = await exportIcs(c, new Date('2027-03-13T09:00:00'));
    expect(day89.events.map((e) => [e.uid, e.status, e.sequence])).toEqual([[open.uid, 'CANCELLED', 1]]);
    expect(day89.changes.cancelled).toBe(0);
    expect((await exportIcs(c, new Date('2027-03-15T09:00:00'))).events).toEqual([]);

    // Taken back: the same event confirmed again, with the next SEQUENCE.
    await c.call('deadlines.reopen', { key: deadline!.key });
    const back = await exportIcs(c, t0.now());
    expect(back.events.map((e) => [e.uid, e.status, e.sequence])).toEqual([[open.uid, 'CONFIRMED', 2]]);
    expect(back.changes).toEqual({ added: 0, updated: 1, cancelled: 0, unchanged: 0 });
  });

  it('a deadline that no longer applies is cancelled too; for a deleted trainee without the name', async () => {
    const t0 = clock('2026-12-11T10:00:00');
    const c = testCore({ now: t0.now });
    const a = await trainee(c);
    const b = await trainee(c, { firstName: 'Dawit', lastName: 'Bekele' });
    const docA = await c.call('documents.create', gestattung(a.id, { validUntil: '2027-01-10' }));
    await c.call('documents.create', gestattung(b.id, { validUntil: '2027-02-10' }));
    const first = await exportIcs(c, t0.now());
    const [ra, rb] = [renewalOf(first.events, 'Karimi'), renewalOf(first.events, 'Bekele')];

    // The document now lasts until after the training: no renewal needed any more.
    await c.call('documents.update', updateInput(docA.id, { type: 'aufenthaltsgestattung', validUntil: '2029-12-31' }));
    await c.call('trainees.delete', { id: b.id });
    const next = await exportIcs(c, t0.now());
    expect(next.changes).toEqual({ added: 0, updated: 0, cancelled: 2, unchanged: 0 });
    expect(next.events.map((e) => [e.uid, e.status, e.sequence, e.summary])).toEqual([
      [ra.uid, 'CANCELLED', 1, 'Entfällt: Verlängerung beantragen – Karimi, Mohammad'],
      [rb.uid, 'CANCELLED', 1, 'Entfällt: Verlängerung beantragen'],
    ]);
    expect(next.events.every((e) => !e.description.includes('Bekele'))).toBe(true);
  });
});

describe('calendar alarms', () => {
  it('ring at 9 o’clock on the prepare and the urgent day of the lead times, never before the export', async () => {
    const now = new Date('2026-12-11T10:00:00');
    const c = testCore({ now: () => now });
    const t = await trainee(c);
    // Default lead times: prepare 8 weeks, urgent 2 weeks before the end of validity.
    await c.call('documents.create', gestattung(t.id, { validUntil: '2027-03-01' }));
    // The firm's own lead time for passports: 12 and 4 weeks.
    await c.call('immigration.saveLeadTimes', { leadTimes: { pass: { prepareWeeks: 12, urgentWeeks: 4 } } });
    await c.call('documents.create', docInput(t.id, { type: 'pass', workNote: null, validUntil: '2027-06-30' }));
    // Prepare day today (9 o'clock has passed), urgent day in six weeks.
    const u = await trainee(c, { firstName: 'Ölçin', lastName: 'Ağaoğlu' });
    await c.call('documents.create', gestattung(u.id, { validUntil: '2027-02-05' }));
    // Across the change to summer time (28.03.2027): still 9 o'clock local time.
    await c.call('documents.create', gestattung(u.id, { number: 'G-2', validUntil: '2027-04-15' }));
    // Overdue: no alarm at all.
    await c.call('documents.create', docInput(u.id, { type: 'pass', workNote: null, validUntil: '2026-12-01' }));

    const { events } = await exportIcs(c, now);
    const alarms = (e: ParsedEvent) => e.alarms.map((a) => [a.at.toString(), a.description]);
    const local = (y: number, m: number, d: number) => new Date(y, m - 1, d, 9, 0).toString();
    const byStart = new Map(events.map((e) => [e.start, e]));
    expect(alarms(byStart.get('2027-03-01')!)).toEqual([
      [local(2027, 1, 4), 'Vorbereiten: Verlängerung beantragen – Mohammad Karimi, bis 01.03.2027'],
      [local(2027, 2, 15), 'Dringend: Verlängerung beantragen – Mohammad Karimi, bis 01.03.2027'],
    ]);
    expect(byStart.get('2027-03-01')!.description).toContain('Vorbereiten ab 04.01.2027, dringend ab 15.02.2027.');
    expect(alarms(byStart.get('2027-06-30')!).map(([at]) => at)).toEqual([local(2027, 4, 7), local(2027, 6, 2)]);
    expect(alarms(byStart.get('2027-02-05')!)).toEqual([[local(2027, 1, 22), 'Dringend: Verlängerung beantragen – Ölçin Ağaoğlu, bis 05.02.2027']]);
    expect(alarms(byStart.get('2027-04-15')!).map(([at]) => at)).toEqual([local(2027, 2, 18), local(2027, 4, 1)]);
    expect(byStart.get('2026-12-01')!.alarms).toEqual([]);
    for (const e of events) for (const a of e.alarms) expect(a.at.getTime()).toBeGreaterThan(now.getTime());
  });

  it('the demo workspace: unique UIDs without their date, no alarm before the export time, none for overdue deadlines', async () => {
    const c = testCore();
    const now = new Date();
    createDemo(c.store, now);
    const { events } = await exportIcs(c, now);
    expect(events.length).toBeGreaterThan(3);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
    for (const e of events) {
      expect(e.uid).not.toContain(e.start);
      for (const a of e.alarms) expect(a.at.getTime()).toBeGreaterThan(now.getTime());
      if (new Date(`${e.start}T00:00:00`) < today) expect(e.alarms).toEqual([]);
    }
  });
});

describe('RFC 5545 lines', () => {
  it('CRLF, folding at 75 octets between characters, escaped commas, semicolons, backslashes and line breaks', async () => {
    const now = new Date('2026-12-11T10:00:00');
    const c = testCore({ now: () => now });
    const t = await trainee(c, { firstName: 'Ölçin Ğülşen; "Nur"', lastName: 'Ağaoğlu, Jr. \\ Öztürk-Çelebi-Şahin-Ünal' });
    await c.call('documents.create', gestattung(t.id, { validUntil: '2027-03-01' }));
    const file = await runExport(c.store, { kind: 'fristen-ics' }, now);
    const text = new TextDecoder().decode(file.bytes);
    expect(text).toContain('SUMMARY:Frist: Verlängerung beantragen – Ağaoğlu\\, Jr. \\\\ Ö');
    expect(text).toMatch(/\r\n [^\r\n]/);
    const { events } = readCalendar(file.bytes);
    expect(events[0]!.summary).toBe('Frist: Verlängerung beantragen – Ağaoğlu, Jr. \\ Öztürk-Çelebi-Şahin-Ünal, Ölçin Ğülşen; "Nur"');
    // A Gestattung's certificate is extended under the AsylG (no Fiktion under § 81 Abs. 4 AufenthG).
    expect(events[0]!.description.split('\n')[0]).toBe('Bescheinigung über die Aufenthaltsgestattung von Ölçin Ğülşen; "Nur" Ağaoğlu, Jr. \\ Öztürk-Çelebi-Şahin-Ünal gilt bis 01.03.2027: vorher verlängern lassen (§ 63 AsylG).');
    expect(events[0]!.description).toContain('\n\nQuelle: § 63 AsylG');
  });

  it('an empty workspace gives a valid calendar without events', async () => {
    const c = testCore();
    const file = await c.call('exports.create', { kind: 'fristen-ics' });
    expect(file.calendar).toEqual({ added: 0, updated: 0, cancelled: 0, unchanged: 0 });
    expect(readCalendar(Buffer.from(file.base64, 'base64')).events).toEqual([]);
  });
});

describe('the calendar file kept in a folder', () => {
  it('is written when the folder is chosen and after every change, atomically, and read back by a calendar parser', async () => {
    const t0 = clock('2026-12-11T10:00:00');
    const c = testCore({ now: t0.now });
    const folder = tempDir('wb-cal-');
    const t = await trainee(c);
    const doc = await c.call('documents.create', gestattung(t.id, { validUntil: '2027-01-10' }));

    const set = await c.call('calendar.setFolder', { folder });
    const file = path.join(folder, CALENDAR_FILE_NAME);
    expect(set).toMatchObject({ folder, file, fileUrl: pathToFileURL(file).href, available: true, lastWrite: { ok: true, error: null, changes: { added: 1 } } });
    const first = renewalOf(readCalendar(fs.readFileSync(file)).events, 'Karimi');
    expect(first).toMatchObject({ start: '2027-01-10', sequence: 0 });

    t0.set('2026-12-12T10:00:00');
    await c.call('documents.update', updateInput(doc.id, { type: 'aufenthaltsgestattung', validUntil: '2027-01-20' }));
    const second = renewalOf(readCalendar(fs.readFileSync(file)).events, 'Karimi');
    expect(second).toMatchObject({ uid: first.uid, start: '2027-01-20', sequence: 1 });
    expect((await c.call('calendar.folder')).lastWrite).toMatchObject({ at: t0.now().toISOString(), ok: true, changes: { updated: 1 } });
    // Only the file itself: the temp file was renamed over it.
    expect(fs.readdirSync(folder)).toEqual([CALENDAR_FILE_NAME]);

    const [deadline] = (await c.call('deadlines.list', {})).open;
    await c.call('deadlines.complete', { key: deadline!.key, doneOn: '2026-12-12', doneBy: 'Karl Sonnenholz', note: null });
    expect(readCalendar(fs.readFileSync(file)).events.map((e) => [e.uid, e.status])).toEqual([[first.uid, 'CANCELLED']]);

    // A call that changes nothing leaves the file as it is.
    const mtime = fs.statSync(file).mtimeMs;
    fs.utimesSync(file, new Date(2000, 0, 1), new Date(2000, 0, 1));
    await c.call('deadlines.list', {});
    expect(fs.statSync(file).mtimeMs).toBe(new Date(2000, 0, 1).getTime());
    expect(mtime).toBeGreaterThan(0);

    // Stop keeping it.
    expect(await c.call('calendar.setFolder', { folder: null })).toEqual({ folder: null, file: null, fileUrl: null, available: false, lastWrite: null });
  });

  it('catches up when the core starts after changes made without it (command line, restore)', async () => {
    const dataDir = tempDir();
    const folder = tempDir('wb-cal-');
    const first = testCore({ dataDir });
    await first.call('calendar.setFolder', { folder });
    // Written around the registry, as the command line does: the kept file does not know yet.
    createDemo(first.store);
    const file = path.join(folder, CALENDAR_FILE_NAME);
    expect(readCalendar(fs.readFileSync(file)).events).toEqual([]);
    await first.close();
    testCore({ dataDir });
    expect(readCalendar(fs.readFileSync(file)).events.length).toBeGreaterThan(3);
  });

  it('a folder that is not a full path or does not exist is refused next to the field; a folder that vanished later is reported', async () => {
    const c = testCore();
    expect(await c.fail('calendar.setFolder', { folder: 'kalender' })).toMatchObject({ code: 'validation', issues: [{ path: ['folder'], key: 'folder_not_absolute' }] });
    const missing = path.join(tempDir(), 'nicht-da');
    expect(await c.fail('calendar.setFolder', { folder: missing })).toMatchObject({ code: 'validation', issues: [{ path: ['folder'], key: 'calendar_folder_missing' }] });
    expect((await c.call('calendar.folder')).folder).toBeNull();

    const folder = tempDir('wb-cal-');
    await c.call('calendar.setFolder', { folder });
    fs.rmSync(folder, { recursive: true });
    expect((await c.call('calendar.folder')).available).toBe(false);
    // The change itself is saved; the file could not be written, and the settings say so.
    const t = await trainee(c);
    expect((await c.call('trainees.get', { id: t.id })).lastName).toBe('Karimi');
    expect((await c.call('calendar.folder')).lastWrite).toMatchObject({ ok: false, error: 'calendar_folder_missing' });
    expect(fs.existsSync(folder)).toBe(false);
  });
});
