// Issue 10 §1: the notice after an end of training never goes missing. Fixed cases through the API on real SQLite;
// every expected date is computed by hand in the comment next to it, with its source (resources/rules/immigration.json).
import { describe, expect, it } from 'vitest';
import { runExport } from '../../electron/core/exports/registry';
import { firmInput, testCore, traineeInput, type TestCore } from './helpers';
import { docInput, png, renewInput, upload } from './immigrationFixtures';
import { pdfText } from './pdfText';

function clock(start: string) {
  const c = { today: start, now: () => new Date(`${c.today}T12:00:00`) };
  return c;
}

async function withAbh(c: TestCore, traineeId: number) {
  const abh = await c.call('contacts.create', { kind: 'auslaenderbehoerde', organisation: 'Amt für Migration Hamburg', department: null, person: null, phone: null, email: null, street: 'Hammer Straße 10', zip: '22041', city: 'Hamburg', notes: null });
  await c.call('contacts.setForTrainee', { traineeId, contactIds: [abh.id] });
}

const letterText = async (c: TestCore, traineeId: number, now: Date, withReason?: boolean) =>
  (await pdfText((await runExport(c.store, { kind: 'mitteilung-abh', traineeId, ...(withReason === undefined ? {} : { withReason }) }, now)).bytes)).replace(/\u00a0/g, ' ');

describe('the notice after an end of training', () => {
  it('follows the status on the end date, even when a newer version of the document was recorded afterwards', async () => {
    const clk = clock('2027-01-12');
    const c = testCore({ now: clk.now });
    const t = await c.call('trainees.create', traineeInput({ contractStart: '2025-08-01', contractEndPlanned: '2028-07-31' }));
    const a = await c.call('documents.create', docInput(t.id, { type: 'ausbildungsduldung', workNote: 'ausbildung_bei_betrieb', issuedOn: '2025-08-01', validUntil: '2026-12-31' }));
    // Renewed on 5 January 2027, after the training had already ended (the end is recorded only now, on 12 January).
    await c.call('documents.renew', renewInput(a.id, { type: 'ausbildungsduldung', workNote: 'ausbildung_bei_betrieb', issuedOn: '2027-01-05', validUntil: '2028-07-31' }));
    await c.call('trainees.end', { id: t.id, kind: 'early', date: '2026-12-20', reason: 'Abbruch' });
    // § 60c Abs. 5 AufenthG: two weeks from the end: 20.12.2026 + 14 days = 03.01.2027 (December has 31 days);
    // on 12.01.2027 that is 9 days overdue. The document is the version in force on the end date (a).
    const n = (await c.call('deadlines.list', {})).open.filter((d) => d.kind === 'notify_end');
    expect(n).toEqual([expect.objectContaining({ traineeId: t.id, dueOn: '2027-01-03', eventOn: '2026-12-20', ruleId: 'notify_60c', documentId: a.id, daysLeft: -9, bucket: 'overdue', binding: 'law' })]);
    expect(n[0]!.text.de).toBe('Ende der Ausbildung von Amina Yousef am 20.12.2026 der Ausländerbehörde schriftlich oder elektronisch mitteilen, spätestens am 03.01.2027.');
  });

  it('an end in the future keeps the trainee active until that day; the letter says "endet am", afterwards "beendet"', async () => {
    const clk = clock('2027-01-15');
    const c = testCore({ now: clk.now });
    await c.call('firm.save', firmInput());
    const t = await c.call('trainees.create', traineeInput({ contractStart: '2026-08-01', contractEndPlanned: '2029-07-31' }));
    await withAbh(c, t.id);
    const doc = await c.call('documents.create', { ...docInput(t.id, { type: 'ausbildungsduldung', workNote: 'ausbildung_bei_betrieb', validUntil: '2029-07-31' }), copy: upload('scan.png', png()) });
    const ended = await c.call('trainees.end', { id: t.id, kind: 'early', date: '2027-01-31', reason: 'Kündigung durch den Auszubildenden' });
    expect(ended).toMatchObject({ status: 'active', endedOn: null, scheduledEnd: { kind: 'early', date: '2027-01-31' }, endKnownOn: '2027-01-31' });
    // Still active: the documents are checked as for any trainee in training, and the copies must be kept.
    const before = await c.call('documents.list', { traineeId: t.id });
    expect(before.mayTrain).toMatchObject({ verdict: 'allowed', reason: 'allowed' });
    expect(before.proposeDeleteCopies).toBe(false);
    expect((await c.fail('documents.deleteCopies', { traineeId: t.id })).code).toBe('training_active');
    // The notice is planned at once: 31.01.2027 + 14 days = 14.02.2027 (§ 60c Abs. 5 AufenthG).
    const notice = (await c.call('deadlines.list', {})).open.find((d) => d.kind === 'notify_end')!;
    expect(notice).toMatchObject({ dueOn: '2027-02-14', eventOn: '2027-01-31', fromOn: '2027-01-31', daysLeft: 30 });
    // The Ausbildungsduldung will lapse: "Was fehlt" already says so and what follows.
    expect(before.missing.find((m) => m.code === 'lapses')!.text!.de).toContain('erlischt mit ihrem vorzeitigen Ende am 31.01.2027');
    expect(before.documents.find((d) => d.id === doc.id)!.state).toBe('valid');
    const ahead = await letterText(c, t.id, clk.now());
    expect(ahead).toContain('am 31.01.2027 vorzeitig endet.');
    expect(ahead).toContain('Letzter Ausbildungstag 31.01.2027');
    expect(ahead).not.toContain('beendet wurde');
    const confirm = (await pdfText((await runExport(c.store, { kind: 'ausbildungsbestaetigung', traineeId: t.id }, clk.now())).bytes)).replace(/\u00a0/g, ' ');
    expect(confirm).toContain('Das Ausbildungsverhältnis endet am 31.01.2027.');
    expect(confirm).not.toContain('Voraussichtliches Ende');

    // On the end date the training has ended; the notice keeps its key and date; the letter speaks of the past.
    clk.today = '2027-01-31';
    expect(await c.call('trainees.get', { id: t.id })).toMatchObject({ status: 'ended_early', endedOn: '2027-01-31', scheduledEnd: null });
    expect((await c.call('deadlines.list', {})).open.filter((d) => d.kind === 'notify_end').map((d) => [d.key, d.dueOn])).toEqual([[notice.key, '2027-02-14']]);
    const after = await letterText(c, t.id, clk.now());
    expect(after).toContain('am 31.01.2027 vorzeitig beendet wurde.');
    expect(after).toContain('Tag der Beendigung 31.01.2027');
    const ov = await c.call('documents.list', { traineeId: t.id });
    expect(ov.documents.find((d) => d.id === doc.id)!.state).toBe('lapsed');
    // Now, and only now, the copies may be deleted, with the retention rule shown.
    expect(ov.proposeDeleteCopies).toBe(true);
    expect(ov.retention.de).toContain('§ 4a Abs. 5 S. 3 Nr. 2 AufenthG');
    expect((await c.call('documents.deleteCopies', { traineeId: t.id })).deleted).toBe(1);
  });

  it('an end recorded in advance can be taken back: the trainee stays active and the notice disappears', async () => {
    const c = testCore({ now: clock('2027-01-15').now });
    const t = await c.call('trainees.create', traineeInput({ contractStart: '2026-08-01', contractEndPlanned: '2029-07-31' }));
    await c.call('documents.create', docInput(t.id, { type: 'ausbildungsduldung', validUntil: '2029-07-31' }));
    await c.call('trainees.end', { id: t.id, kind: 'early', date: '2027-03-31', reason: 'Kündigung zum Quartalsende' });
    // 31.03.2027 + 14 days = 14.04.2027 (§ 60c Abs. 5 AufenthG); 89 days ahead, shown although beyond the 60-day horizon.
    expect((await c.call('deadlines.list', {})).open.map((d) => [d.kind, d.dueOn, d.daysLeft])).toEqual([['notify_end', '2027-04-14', 89]]);
    expect(await c.call('trainees.reopen', { id: t.id })).toMatchObject({ status: 'active', scheduledEnd: null, endReason: null });
    expect((await c.call('deadlines.list', { horizonDays: 3000 })).open.filter((d) => d.kind === 'notify_end')).toEqual([]);
    expect((await c.fail('exports.create', { kind: 'mitteilung-abh', traineeId: t.id })).code).toBe('not_ended_early');
  });

  it('a period "ab Kenntnis" runs from the day the firm learned of the end (default: the end date); § 60c runs from the end', async () => {
    const clk = clock('2028-02-21');
    const c = testCore({ now: clk.now });
    // A Duldung: no statutory duty found, the recommended 4 weeks run from knowledge.
    const d = await c.call('trainees.create', traineeInput({ contractStart: '2026-08-01', contractEndPlanned: '2029-07-31' }));
    await c.call('documents.create', docInput(d.id, { type: 'duldung', validUntil: '2029-07-31' }));
    expect((await c.fail('trainees.end', { id: d.id, kind: 'early', date: '2028-02-15', reason: 'Abbruch', knownOn: '2028-02-22' })).issues?.[0]).toMatchObject({ path: ['knownOn'], key: 'date_in_future' });
    await c.call('trainees.end', { id: d.id, kind: 'early', date: '2028-02-15', reason: 'Abbruch', knownOn: '2028-02-20' });
    // Leap year: 20.02.2028 + 28 days = 19.03.2028 (February 2028 has 29 days).
    const rec = (await c.call('deadlines.list', {})).open.find((x) => x.traineeId === d.id)!;
    expect(rec).toMatchObject({ ruleId: 'notify_recommended', fromOn: '2028-02-20', eventOn: '2028-02-15', dueOn: '2028-03-19' });
    // Without knownOn the period runs from the end date: 15.02.2028 + 28 = 14.03.2028.
    const e = await c.call('trainees.create', traineeInput({ firstName: 'Dawit', lastName: 'Bekele', contractStart: '2026-08-01', contractEndPlanned: '2029-07-31' }));
    await c.call('documents.create', docInput(e.id, { type: 'duldung', validUntil: '2029-07-31' }));
    await c.call('trainees.end', { id: e.id, kind: 'early', date: '2028-02-15', reason: 'Abbruch' });
    expect((await c.call('deadlines.list', {})).open.find((x) => x.traineeId === e.id)).toMatchObject({ fromOn: '2028-02-15', dueOn: '2028-03-14' });
    // § 60c Abs. 5: "unverzüglich, in der Regel innerhalb von zwei Wochen" after the end, whenever the firm learned of it:
    // 15.02.2028 + 14 = 29.02.2028 (leap day).
    const f = await c.call('trainees.create', traineeInput({ firstName: 'Fatima', lastName: 'Noori', contractStart: '2026-08-01', contractEndPlanned: '2029-07-31' }));
    await c.call('documents.create', docInput(f.id, { type: 'ausbildungsduldung', validUntil: '2029-07-31' }));
    await c.call('trainees.end', { id: f.id, kind: 'early', date: '2028-02-15', reason: 'Abbruch', knownOn: '2028-02-20' });
    expect((await c.call('deadlines.list', {})).open.find((x) => x.traineeId === f.id)).toMatchObject({ ruleId: 'notify_60c', fromOn: '2028-02-15', dueOn: '2028-02-29' });
  });

  it('sending the notice is recorded (date, how) and closes the deadline; undo reopens it', async () => {
    const c = testCore({ now: clock('2026-12-11').now });
    const t = await c.call('trainees.create', traineeInput());
    await c.call('documents.create', docInput(t.id, { type: 'ausbildungsduldung', validUntil: '2029-07-31' }));
    await c.call('trainees.end', { id: t.id, kind: 'early', date: '2026-12-10', reason: 'Abbruch' });
    const key = (await c.call('deadlines.list', {})).open[0]!.key;
    expect(key).toBe(`notify_end:${t.id}:-:2026-12-10`);
    const done = await c.call('deadlines.complete', { key, doneOn: '2026-12-11', doneBy: 'Jens Krämer', note: 'Az. 123', via: 'fax' });
    expect(done.done).toMatchObject({ doneOn: '2026-12-11', via: 'fax', note: 'Az. 123' });
    const list = await c.call('deadlines.list', {});
    expect(list.open.filter((d) => d.kind === 'notify_end')).toEqual([]);
    expect(list.done.find((d) => d.key === key)!.done!.via).toBe('fax');
    expect((await c.fail('deadlines.complete', { key, doneOn: '2026-12-11', doneBy: 'X', via: 'brieftaube' })).code).toBe('validation');
    await c.call('deadlines.reopen', { key });
    expect((await c.call('deadlines.list', {})).open.map((d) => d.key)).toEqual([key]);
  });

  it('the end-training dialog is told what to send, to which Ausländerbehörde, by when and why', async () => {
    const c = testCore({ now: clock('2026-12-11').now });
    const t = await c.call('trainees.create', traineeInput());
    await c.call('documents.create', docInput(t.id, { type: 'ausbildungsduldung', validUntil: '2029-07-31' }));
    await withAbh(c, t.id);
    // 10.12.2026 + 14 = 24.12.2026 (§ 60c Abs. 5 AufenthG).
    expect(await c.call('immigration.endNotice', { traineeId: t.id, kind: 'early', date: '2026-12-10' })).toMatchObject({
      due: true,
      ruleId: 'notify_60c',
      binding: 'law',
      cite: '§ 60c Abs. 5 AufenthG',
      dueOn: '2026-12-24',
      authority: { organisation: 'Amt für Migration Hamburg', city: 'Hamburg' },
      source: { de: expect.stringContaining('§ 60c Abs. 5 AufenthG') },
      uncertain: null,
    });
    // A regular end on the planned date needs no notice under § 60c.
    expect(await c.call('immigration.endNotice', { traineeId: t.id, kind: 'regular', date: '2029-07-31' })).toMatchObject({ due: false, dueOn: null });
    // § 60d: whether every end must be reported is open in the sources: the app reminds on a regular end too, marked uncertain.
    const b = await c.call('trainees.create', traineeInput({ firstName: 'Dawit', lastName: 'Bekele' }));
    await c.call('documents.create', docInput(b.id, { type: 'beschaeftigungsduldung', validUntil: '2029-07-31' }));
    const p = await c.call('immigration.endNotice', { traineeId: b.id, kind: 'regular', date: '2026-12-10' });
    expect(p).toMatchObject({ due: true, ruleId: 'notify_60d', dueOn: '2026-12-24' });
    expect(p.uncertain!.de).toContain('jedes Ende');
    await c.call('trainees.end', { id: b.id, kind: 'regular', date: '2026-12-10', reason: null });
    const n = (await c.call('deadlines.list', {})).open.find((d) => d.traineeId === b.id)!;
    expect(n).toMatchObject({ kind: 'notify_end', ruleId: 'notify_60d', dueOn: '2026-12-24' });
    expect(n.uncertain).not.toBeNull();
  });

  it('after an early end, § 16g and the Ausbildungsduldung show they lapse and "Was fehlt" says what follows', async () => {
    const c = testCore({ now: clock('2026-12-11').now });
    const t = await c.call('trainees.create', traineeInput());
    const g = await c.call('documents.create', docInput(t.id, { type: 'ae_16g', validUntil: '2029-07-31' }));
    const p = await c.call('documents.create', docInput(t.id, { type: 'pass', workNote: null, validUntil: '2030-01-01' }));
    await c.call('trainees.end', { id: t.id, kind: 'early', date: '2026-12-10', reason: 'Abbruch' });
    const ov = await c.call('documents.list', { traineeId: t.id });
    expect(ov.documents.find((d) => d.id === g.id)!.state).toBe('lapsed');
    expect(ov.documents.find((d) => d.id === p.id)!.state).toBe('valid');
    const lapse = ov.missing.find((m) => m.code === 'lapses')!;
    expect(lapse).toMatchObject({ documentId: g.id, source: { de: expect.stringContaining('§ 16g AufenthG') } });
    expect(lapse.text!.de).toContain('am 10.12.2026 vorzeitig endet. Es folgt:');
    expect(lapse.text!.en).toContain('What follows');
    // What follows for § 16g is not confirmed: marked uncertain, not written as a fact.
    expect(lapse.uncertain).not.toBeNull();
  });

  it('an Ausbildungsbestätigung for an ended training names its end, never a planned end or pay of years not reached', async () => {
    const c = testCore({ now: clock('2027-10-05').now });
    await c.call('firm.save', firmInput());
    const t = await c.call('trainees.create', traineeInput({ contractStart: '2026-08-01', contractEndPlanned: '2029-07-31', payPerYear: [1020, 1120, 1240] }));
    await c.call('trainees.end', { id: t.id, kind: 'early', date: '2027-09-30', reason: 'Abbruch' });
    const text = (await pdfText((await runExport(c.store, { kind: 'ausbildungsbestaetigung', traineeId: t.id }, new Date('2027-10-05T10:00:00'))).bytes)).replace(/\u00a0/g, ' ');
    expect(text).toContain('Das Ausbildungsverhältnis endete am 30.09.2027.');
    expect(text).toContain('Ende der Ausbildung 30.09.2027');
    expect(text).not.toContain('Voraussichtliches Ende');
    expect(text).not.toContain('31.07.2029');
    // Year 1 began 01.08.2026, year 2 on 01.08.2027 (before the end on 30.09.2027), year 3 would begin 01.08.2028.
    expect(text).toContain('2. Ausbildungsjahr: 1.120,00 €');
    expect(text).not.toContain('3. Ausbildungsjahr');
  });
  it('the Dokumentenstand names the actual end of an ended training (or one recorded in advance), not the planned end', async () => {
    const clk = clock('2027-02-10');
    const c = testCore({ now: clk.now });
    await c.call('firm.save', firmInput());
    // Planned 01.08.2026 – 31.07.2029; ended early on 31.01.2027 (January has 31 days).
    const t = await c.call('trainees.create', traineeInput({ contractStart: '2026-08-01', contractEndPlanned: '2029-07-31' }));
    await c.call('documents.create', docInput(t.id, { type: 'ausbildungsduldung', workNote: 'ausbildung_bei_betrieb', validUntil: '2029-07-31' }));
    const subtitle = async () => (await pdfText((await runExport(c.store, { kind: 'dokumentenstand', traineeId: t.id }, clk.now())).bytes)).replace(/\u00a0/g, ' ');
    expect(await subtitle()).toContain('Ausbildung 01.08.2026 – 31.07.2029 · Stand 10.02.2027');
    // Recorded in advance for 28.02.2027 (2027 is no leap year): the end to come, marked as early.
    await c.call('trainees.end', { id: t.id, kind: 'early', date: '2027-02-28', reason: 'Abbruch' });
    expect(await subtitle()).toContain('Ausbildung 01.08.2026 – 28.02.2027 (endet vorzeitig) · Stand 10.02.2027');
    clk.today = '2027-03-01';
    // The registry settles an end recorded in advance before the first call of the day.
    expect(await c.call('trainees.get', { id: t.id })).toMatchObject({ status: 'ended_early', endedOn: '2027-02-28' });
    const ended = await subtitle();
    expect(ended).toContain('Ausbildung 01.08.2026 – 28.02.2027 (vorzeitig beendet) · Stand 01.03.2027');
    expect(ended).not.toContain('– 31.07.2029');
  });
  it('§ 4a Abs. 5 S. 3 Nr. 3: a title of §§ 18–21 gets four weeks from the day the firm learned of the early end, in dialog, list and letter', async () => {
    const clk = clock('2028-03-01');
    const c = testCore({ now: clk.now });
    await c.call('firm.save', firmInput());
    const t = await c.call('trainees.create', traineeInput({ contractStart: '2026-08-01', contractEndPlanned: '2029-07-31' }));
    await withAbh(c, t.id);
    const doc = await c.call('documents.create', docInput(t.id, { type: 'ae_18_21', workNote: 'erwerbstaetigkeit_erlaubt', number: 'E-4711', validUntil: '2029-07-31' }));
    // Ended 31.01.2028, learned of on 03.02.2028. Four weeks "ab Kenntnis": 03.02.2028 + 28 days = 02.03.2028
    // (2028 is a leap year: February has 29 days, so 26 days reach 29.02. and 2 more 02.03.; in 2027 it would be 03.03.).
    expect(await c.call('immigration.endNotice', { traineeId: t.id, kind: 'early', date: '2028-01-31', knownOn: '2028-02-03' })).toMatchObject({
      due: true,
      ruleId: 'notify_4a',
      binding: 'law',
      cite: '§ 4a Abs. 5 S. 3 Nr. 3 AufenthG',
      days: 28,
      from: 'knowledge',
      fromOn: '2028-02-03',
      dueOn: '2028-03-02',
      documentId: doc.id,
      documentType: 'ae_18_21',
    });
    // Only an early end is to be reported (§ 4a Abs. 5 S. 3 Nr. 3: "vorzeitig beendet").
    expect(await c.call('immigration.endNotice', { traineeId: t.id, kind: 'regular', date: '2029-07-31', knownOn: null })).toMatchObject({ due: false });
    await c.call('trainees.end', { id: t.id, kind: 'early', date: '2028-01-31', reason: 'Kündigung', knownOn: '2028-02-03' });
    const n = (await c.call('deadlines.list', {})).open.filter((d) => d.kind === 'notify_end');
    // On 01.03.2028 the due day 02.03.2028 is one day ahead.
    expect(n).toEqual([expect.objectContaining({ traineeId: t.id, ruleId: 'notify_4a', fromOn: '2028-02-03', eventOn: '2028-01-31', dueOn: '2028-03-02', daysLeft: 1, binding: 'law', documentId: doc.id })]);
    expect(n[0]!.source).toContain('§ 4a Abs. 5 S. 3 Nr. 3 AufenthG');
    // Its own sentence: § 4a names no form (the general "schriftlich oder elektronisch" is § 60c Abs. 5), and the period runs from knowledge.
    expect(n[0]!.text.de).toBe('Vorzeitiges Ende der Beschäftigung (Ausbildung) von Amina Yousef am 31.01.2028 der Ausländerbehörde mitteilen, spätestens am 02.03.2028 (vier Wochen ab Kenntnis am 03.02.2028).');
    const letter = await letterText(c, t.id, clk.now());
    expect(letter).toContain('nach § 4a Abs. 5 S. 3 Nr. 3 AufenthG');
    expect(letter).toContain('Aufenthaltsdokument Aufenthaltstitel zur Erwerbstätigkeit (§§ 18–21 AufenthG)');
    expect(letter).toContain('Dokumentnummer E-4711');
    expect(letter).toContain('am 31.01.2028 vorzeitig beendet wurde.');
  });

  it('a § 16a permit (Abschnitt 3, not §§ 18–21) gets only the recommendation, without a paragraph', async () => {
    const c = testCore({ now: clock('2027-05-03').now });
    const a = await c.call('trainees.create', traineeInput());
    await c.call('documents.create', docInput(a.id, { type: 'ae_16a', workNote: 'beschaeftigung_erlaubt', validUntil: '2029-07-31' }));
    // Ended 30.04.2027 (April has 30 days); the recommendation also counts four weeks from knowledge: 30.04. + 28 = 28.05.2027.
    const rec = await c.call('immigration.endNotice', { traineeId: a.id, kind: 'early', date: '2027-04-30', knownOn: null });
    expect(rec).toMatchObject({ due: true, ruleId: 'notify_recommended', binding: 'recommendation', cite: null, dueOn: '2027-05-28' });
  });
});
