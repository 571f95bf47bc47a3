// Deadline computation on fixed cases: month ends, leap years, the law's periods, lead times, done and reopen.
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addWeeks, daysBetween } from '../../electron/core/immigration/dates';
import { takeDailyReminder } from '../../electron/core/immigration/reminder';
import { reminderText } from '../../electron/reminderText';
import { testCore, traineeInput } from './helpers';
import { docInput, renewInput } from './immigrationFixtures';

function clock(start: string) {
  const c = { today: start, now: () => new Date(`${c.today}T12:00:00`) };
  return c;
}

describe('calendar arithmetic', () => {
  it('adds months like § 188 BGB: same day, or the last day of a shorter month', () => {
    expect(addMonths('2027-08-01', -7)).toBe('2027-01-01');
    expect(addMonths('2027-08-31', -7)).toBe('2027-01-31');
    expect(addMonths('2027-09-30', -7)).toBe('2027-02-28');
    expect(addMonths('2028-09-30', -7)).toBe('2028-02-29');
    expect(addMonths('2028-03-31', -1)).toBe('2028-02-29');
    expect(addMonths('2027-03-31', -1)).toBe('2027-02-28');
    expect(addMonths('2026-12-15', 2)).toBe('2027-02-15');
    expect(addMonths('2027-01-31', 13)).toBe('2028-02-29');
  });

  it('adds days and weeks across month ends, year ends and 29 February', () => {
    expect(addDays('2026-12-10', 14)).toBe('2026-12-24');
    expect(addDays('2026-12-24', 14)).toBe('2027-01-07');
    expect(addDays('2028-02-20', 14)).toBe('2028-03-05');
    expect(addDays('2027-02-20', 14)).toBe('2027-03-06');
    expect(addDays('2026-01-31', 28)).toBe('2026-02-28');
    expect(addWeeks('2028-03-01', -8)).toBe('2028-01-05');
    expect(addWeeks('2027-03-01', -8)).toBe('2027-01-04');
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2027-02-28', '2027-03-01')).toBe(1);
    // Daylight saving changes (29 March, 25 October 2026) do not shift whole days.
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
  });
});

describe('deadlines', () => {
  it('opens the Ausbildungsduldung window 7 months before the start (2027-08-01 → from 2027-01-01)', async () => {
    const c = testCore({ now: clock('2026-11-24').now });
    const cases: [string, string][] = [
      ['2027-08-01', '2027-01-01'],
      ['2027-09-30', '2027-02-28'],
      ['2028-09-30', '2028-02-29'],
      ['2027-10-31', '2027-03-31'],
    ];
    for (const [start, from] of cases) {
      const t = await c.call('trainees.create', traineeInput({ contractStart: start, contractEndPlanned: '2031-07-31' }));
      await c.call('documents.create', docInput(t.id, { validUntil: '2027-06-30' }));
      const { deadlines } = await c.call('documents.list', { traineeId: t.id });
      const ad = deadlines.find((d) => d.kind === 'ausbildungsduldung');
      expect(ad, start).toMatchObject({ fromOn: from, dueOn: start, ruleId: 'ausbildungsduldung' });
      expect(ad!.source).toContain('§ 60c');
    }
    // With an Ausbildungsduldung (or § 16g permit) there is nothing to apply for.
    const t = await c.call('trainees.create', traineeInput({ contractStart: '2027-08-01', contractEndPlanned: '2030-07-31' }));
    await c.call('documents.create', docInput(t.id, { type: 'ausbildungsduldung', workNote: 'ausbildung_bei_betrieb', validUntil: '2030-07-31' }));
    expect((await c.call('documents.list', { traineeId: t.id })).deadlines.map((d) => d.kind)).not.toContain('ausbildungsduldung');
  });

  it('an early end with § 60c creates the notice task due 2 weeks later (2026-12-10 → 2026-12-24); § 16a only a recommended 4 weeks', async () => {
    const clk = clock('2026-12-11');
    const c = testCore({ now: clk.now });
    const a = await c.call('trainees.create', traineeInput({ contractStart: '2026-08-01', contractEndPlanned: '2029-07-31' }));
    await c.call('documents.create', docInput(a.id, { type: 'ausbildungsduldung', workNote: 'ausbildung_bei_betrieb', validUntil: '2029-07-31' }));
    await c.call('trainees.end', { id: a.id, kind: 'early', date: '2026-12-10', reason: 'Aufhebungsvertrag' });
    const notice = (await c.call('deadlines.list', {})).open.find((d) => d.traineeId === a.id)!;
    expect(notice).toMatchObject({ kind: 'notify_end', dueOn: '2026-12-24', fromOn: '2026-12-10', ruleId: 'notify_60c', bucket: 'soon', daysLeft: 13, documentType: 'ausbildungsduldung' });
    expect(notice.source).toContain('§ 60c Abs. 5');

    const b = await c.call('trainees.create', traineeInput({ firstName: 'Dawit', lastName: 'Bekele', contractStart: '2026-08-01', contractEndPlanned: '2029-07-31' }));
    await c.call('documents.create', docInput(b.id, { type: 'ae_16a', workNote: 'beschaeftigung_erlaubt', validUntil: '2029-07-31' }));
    await c.call('trainees.end', { id: b.id, kind: 'early', date: '2026-12-10', reason: 'Kündigung' });
    // § 16a is Kapitel 2 Abschnitt 3, not Abschnitt 4 (§§ 18–21): § 4a Abs. 5 S. 3 Nr. 3 does not apply; the app recommends
    // telling the ABH within 4 weeks (2026-12-10 + 28 days = 2027-01-07), labelled as a recommendation, citing no paragraph.
    const rec = (await c.call('deadlines.list', {})).open.find((d) => d.traineeId === b.id)!;
    expect(rec).toMatchObject({ dueOn: '2027-01-07', ruleId: 'notify_recommended', binding: 'recommendation', bucket: 'upcoming' });
    expect(rec.source).not.toContain('§');
    expect(rec.text.de).toContain('Empfehlung');

    // Leap year: 20 February 2028 + 2 weeks is 5 March; the shorter period wins when two documents apply.
    const l = await c.call('trainees.create', traineeInput({ firstName: 'Fatima', lastName: 'Noori', contractStart: '2026-08-01', contractEndPlanned: '2029-07-31' }));
    await c.call('documents.create', docInput(l.id, { type: 'ae_16a', validUntil: '2029-07-31' }));
    await c.call('documents.create', docInput(l.id, { type: 'ae_16g', validUntil: '2029-07-31' }));
    clk.today = '2028-02-21';
    await c.call('trainees.end', { id: l.id, kind: 'early', date: '2028-02-20', reason: 'Abbruch' });
    expect((await c.call('deadlines.list', {})).open.find((d) => d.traineeId === l.id)).toMatchObject({ dueOn: '2028-03-05', ruleId: 'notify_16g' });

    // A regular end needs no notice; without any residence document there is nothing to notify either.
    const r = await c.call('trainees.create', traineeInput({ firstName: 'Hamid', lastName: 'Ahmadi', contractStart: '2026-08-01', contractEndPlanned: '2029-07-31' }));
    await c.call('documents.create', docInput(r.id, { type: 'ausbildungsduldung', validUntil: '2029-07-31' }));
    await c.call('trainees.end', { id: r.id, kind: 'regular', date: '2028-02-20', reason: null });
    const n = await c.call('trainees.create', traineeInput({ firstName: 'Oksana', lastName: 'Shevchenko', contractStart: '2026-08-01', contractEndPlanned: '2029-07-31' }));
    await c.call('trainees.end', { id: n.id, kind: 'early', date: '2028-02-20', reason: 'Umzug' });
    const ids = (await c.call('deadlines.list', { horizonDays: 3000 })).open.map((d) => d.traineeId);
    expect(ids).not.toContain(r.id);
    expect(ids).not.toContain(n.id);
  });

  it('reopening the training hides the notice; ending again on the same day brings back the same task', async () => {
    const c = testCore({ now: clock('2026-12-11').now });
    const t = await c.call('trainees.create', traineeInput());
    await c.call('documents.create', docInput(t.id, { type: 'ausbildungsduldung', validUntil: '2029-07-31' }));
    await c.call('trainees.end', { id: t.id, kind: 'early', date: '2026-12-10', reason: 'Abbruch' });
    const key = (await c.call('deadlines.list', {})).open[0]!.key;
    await c.call('trainees.reopen', { id: t.id });
    expect((await c.call('deadlines.list', {})).open.filter((d) => d.kind === 'notify_end')).toEqual([]);
    await c.call('trainees.end', { id: t.id, kind: 'early', date: '2026-12-10', reason: 'Abbruch' });
    expect((await c.call('deadlines.list', {})).open.filter((d) => d.kind === 'notify_end').map((d) => d.key)).toEqual([key]);
    const rows = c.store.db.prepare(`SELECT count(*) AS n FROM deadline_tasks WHERE kind = 'notify_end'`).get() as { n: number };
    expect(rows.n).toBe(1);    // Deleting the document does not delete the duty to notify.
    const doc = (await c.call('documents.list', { traineeId: t.id })).documents[0]!;
    await c.call('documents.delete', { id: doc.id });
    expect((await c.call('deadlines.list', {})).open.filter((d) => d.kind === 'notify_end')).toEqual([expect.objectContaining({ key, documentId: null, dueOn: '2026-12-24' })]);
  });

  it('sorts renewals into overdue / 14 days / 60 days, and uses the lead times from the settings', async () => {
    const c = testCore({ now: clock('2026-11-24').now });
    const t = await c.call('trainees.create', traineeInput({ contractStart: '2026-08-01', contractEndPlanned: '2029-07-31' }));
    const mk = (validUntil: string, type = 'duldung') => c.call('documents.create', docInput(t.id, { type, validUntil, issuedOn: '2026-01-01' }));
    const overdue = await mk('2026-11-23');
    const soon = await mk('2026-12-08');
    const upcoming = await mk('2027-01-20', 'ae_25');
    const far = await mk('2027-03-01', 'ae_16a');
    const list = await c.call('deadlines.list', {});
    const byDoc = new Map(list.open.filter((d) => d.kind === 'renewal').map((d) => [d.documentId, d]));
    expect(byDoc.get(overdue.id)).toMatchObject({ bucket: 'overdue', daysLeft: -1, urgent: true });
    expect(byDoc.get(soon.id)).toMatchObject({ bucket: 'soon', daysLeft: 14, urgent: true, fromOn: '2026-10-13' });
    expect(byDoc.get(upcoming.id)).toMatchObject({ bucket: 'upcoming', daysLeft: 57, urgent: false });
    expect(byDoc.has(far.id)).toBe(false);
    expect(overdue.state).toBe('expired');
    expect(soon.state).toBe('expiring');
    expect(upcoming.state).toBe('valid');

    // The firm wants 16 weeks for § 16a: the lead time has begun, so it shows (beyond 60 days: "later").
    await c.call('immigration.saveLeadTimes', { leadTimes: { ae_16a: { prepareWeeks: 16, urgentWeeks: 4 } } });
    const again = await c.call('deadlines.list', {});
    expect(again.open.find((d) => d.documentId === far.id)).toMatchObject({ bucket: 'later', fromOn: '2026-11-09', daysLeft: 97 });
    expect((await c.call('documents.list', { traineeId: t.id })).documents.find((d) => d.id === far.id)!.state).toBe('expiring');
    const cat = await c.call('immigration.catalogue');
    expect(cat.documentTypes.find((d) => d.id === 'ae_16a')).toMatchObject({ leadTime: { prepareWeeks: 16, urgentWeeks: 4 }, leadTimeChanged: true });
    expect(cat.documentTypes.find((d) => d.id === 'duldung')).toMatchObject({ leadTime: { prepareWeeks: 8, urgentWeeks: 2 }, leadTimeChanged: false });
    const bad = await c.fail('immigration.saveLeadTimes', { leadTimes: { duldung: { prepareWeeks: 2, urgentWeeks: 4 } } });
    expect(bad.issues).toEqual([expect.objectContaining({ path: ['leadTimes', 'duldung', 'urgentWeeks'], key: 'urgent_after_prepare' })]);
  });

  it('records who completed a deadline and when, and can take it back', async () => {
    const c = testCore({ now: clock('2026-11-24').now });
    const t = await c.call('trainees.create', traineeInput());
    const doc = await c.call('documents.create', docInput(t.id, { validUntil: '2026-12-20' }));
    const open = (await c.call('deadlines.list', {})).open;
    const renewal = open.find((d) => d.kind === 'renewal')!;
    expect((await c.fail('deadlines.complete', { key: renewal.key, doneOn: '2026-11-25', doneBy: 'Jens Krämer' })).issues?.[0]?.key).toBe('date_in_future');
    const done = await c.call('deadlines.complete', { key: renewal.key, doneOn: '2026-11-24', doneBy: 'Jens Krämer', note: 'Antrag per Post' });
    expect(done.done).toMatchObject({ doneOn: '2026-11-24', doneBy: 'Jens Krämer', note: 'Antrag per Post' });
    expect(done.done!.doneAt).toMatch(/^2026-11-24T/);
    const list = await c.call('deadlines.list', {});
    expect(list.open.map((d) => d.key)).not.toContain(renewal.key);
    expect(list.done.map((d) => d.key)).toContain(renewal.key);
    // Completing a renewal records the application on the document, which now shows "renewal applied".
    const after = (await c.call('documents.list', { traineeId: t.id })).documents.find((d) => d.id === doc.id)!;
    expect(after).toMatchObject({ state: 'renewal_applied', renewalAppliedOn: '2026-11-24' });
    expect((await c.fail('deadlines.complete', { key: renewal.key, doneOn: '2026-11-24', doneBy: 'X' })).code).toBe('deadline_done');
    expect((await c.fail('deadlines.complete', { key: 'renewal:999:1:2026-01-01', doneOn: '2026-11-24', doneBy: 'X' })).code).toBe('not_found');

    await c.call('deadlines.reopen', { key: renewal.key });
    expect((await c.call('deadlines.list', {})).open.map((d) => d.key)).toContain(renewal.key);
    expect((await c.call('documents.list', { traineeId: t.id })).documents.find((d) => d.id === doc.id)!.renewalAppliedOn).toBeNull();
  });

  it('warns before the start when no document allows the training, and after an extension of the training', async () => {
    const c = testCore({ now: clock('2026-11-24').now });
    const t = await c.call('trainees.create', traineeInput({ contractStart: '2027-01-04', contractEndPlanned: '2029-07-31' }));
    expect((await c.call('deadlines.list', {})).open.find((d) => d.traineeId === t.id)).toMatchObject({ kind: 'start_check', dueOn: '2027-01-04', bucket: 'upcoming' });
    await c.call('documents.create', docInput(t.id, { type: 'ae_25', workNote: 'erwerbstaetigkeit_erlaubt', validUntil: '2029-07-31' }));
    expect((await c.call('deadlines.list', {})).open.filter((d) => d.traineeId === t.id)).toEqual([]);

    // The training is extended by half a year: the Ausbildungsduldung issued until the old end must be extended.
    const u = await c.call('trainees.create', traineeInput({ firstName: 'Dawit', lastName: 'Bekele', contractStart: '2026-08-01', contractEndPlanned: '2027-01-31' }));
    const ad = await c.call('documents.create', docInput(u.id, { type: 'ausbildungsduldung', workNote: 'ausbildung_bei_betrieb', validUntil: '2027-01-31' }));
    await c.call('trainees.update', { ...traineeInput({ firstName: 'Dawit', lastName: 'Bekele', contractStart: '2026-08-01', contractEndPlanned: '2027-07-31' }), id: u.id });
    const ext = (await c.call('deadlines.list', { horizonDays: 100 })).open.filter((d) => d.traineeId === u.id);
    // One reminder, not two: the extension task replaces the renewal deadline of the same document.
    expect(ext.map((d) => [d.kind, d.dueOn])).toEqual([['extension', '2027-01-31']]);
    expect(ext[0]!.source).toContain('§ 21 Abs. 3 BBiG');
    expect(ext[0]!.source).toContain('§ 8 Abs. 2 BBiG');
    expect(ext[0]!.source).toContain('§ 27c Abs. 2 HwO');
    // A new version valid until the new end resolves both.
    await c.call('documents.renew', renewInput(ad.id, { type: 'ausbildungsduldung', workNote: 'ausbildung_bei_betrieb', validUntil: '2027-07-31' }));
    expect((await c.call('deadlines.list', { horizonDays: 1000 })).open.filter((d) => d.traineeId === u.id)).toEqual([]);
  });

  it('gives the desktop reminder for overdue and 14-day deadlines at most once a day', async () => {
    const clk = clock('2026-11-24');
    const c = testCore({ now: clk.now });
    const t = await c.call('trainees.create', traineeInput());
    expect(takeDailyReminder(c.store.db, clk.now())).toBeNull();
    await c.call('documents.create', docInput(t.id, { type: 'ae_16a', validUntil: '2026-12-20' }));
    expect(takeDailyReminder(c.store.db, clk.now())).toBeNull(); // 26 days: not yet
    await c.call('documents.create', docInput(t.id, { type: 'ae_25', validUntil: '2026-11-20' }));
    const r = takeDailyReminder(c.store.db, clk.now());
    expect(r).toMatchObject({ date: '2026-11-24', overdue: 1, soon: 0, first: { kind: 'renewal', dueOn: '2026-11-20' } });
    expect(takeDailyReminder(c.store.db, clk.now())).toBeNull();
    clk.today = '2026-12-07';
    const next = takeDailyReminder(c.store.db, clk.now())!;
    expect([next.overdue, next.soon]).toEqual([1, 1]);
    expect(await reminderText(next, 'de')).toEqual({
      title: 'Werkbrücke: Fristen',
      body: '2 Fristen sind überfällig oder in den nächsten 14 Tagen fällig. Als Erstes: Verlängerung beantragen (Amina Yousef, bis 20.11.2026).',
    });
    expect((await reminderText({ ...next, overdue: 1, soon: 0 }, 'en')).body).toBe('1 deadline is overdue or due within 14 days. First: Apply for renewal (Amina Yousef, by 20.11.2026).');
  });
});
