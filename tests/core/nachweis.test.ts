import { describe, expect, it } from 'vitest';
import type { RecordContentInput } from '../../shared/nachweis';
import { copyDayEntries } from '../../shared/nachweis';
import { firmInput, testCore, traineeInput } from './helpers';

/** The trainee's PIN in these tests (set in setup). */
const PIN = '2468';

const at = (iso: string) => () => new Date(`${iso}T10:00:00Z`);

const week = (over: Partial<RecordContentInput> = {}): RecordContentInput => ({
  entries: [
    { kind: 'work', day: null, text: 'Korpus für Kundenküche zugeschnitten, Kanten angeleimt', hours: 22, positions: ['9', '11'] },
    { kind: 'instruction', day: null, text: 'Unterweisung Formatkreissäge durch Meister', hours: 2, positions: ['3'] },
    { kind: 'school', day: '2026-08-11', text: 'Lernfeld 1: Einfache Produkte aus Holz herstellen', hours: 8, positions: [] },
  ],
  absences: [],
  remarks: null,
  ...over,
});

async function setup(now = '2026-09-20') {
  const c = testCore({ now: at(now) });
  const firm = await c.call('firm.save', firmInput());
  const t = await c.call('trainees.create', traineeInput());
  await c.call('plan.create', { traineeId: t.id });
  await c.call('nachweis.setPin', { traineeId: t.id, pin: PIN, currentPin: null });
  return { c, t, trainerId: firm.trainers[0]!.id };
}

describe('Ausbildungsnachweis', () => {
  it('records a week, signs it off by trainee and trainer and then locks it', async () => {
    const { c, t, trainerId } = await setup();
    const r = await c.call('nachweis.save', { traineeId: t.id, from: '2026-08-10', to: '2026-08-14', content: week() });
    expect(r).toMatchObject({ status: 'draft', week: 33, weekYear: 2026, trainingYear: 1, totalHours: 32, warnings: [] });
    const e1 = await c.fail('nachweis.sign', { id: r.id, as: 'trainer', trainerId });
    expect(e1.code).toBe('trainee_not_signed');
    const s1 = await c.call('nachweis.sign', { id: r.id, as: 'trainee', pin: PIN });
    expect(s1).toMatchObject({ status: 'trainee_signed', traineeSignedName: 'Amina Yousef', traineeSignedAt: '2026-09-20T10:00:00.000Z' });
    // after the trainee's sign-off the text is fixed; the sign-off can be taken back before the trainer signs
    expect((await c.fail('nachweis.save', { traineeId: t.id, id: r.id, from: '2026-08-10', to: '2026-08-14', content: week({ remarks: 'x' }) })).code).toBe('record_locked');
    await c.call('nachweis.withdrawSignature', { id: r.id });
    await c.call('nachweis.save', { traineeId: t.id, id: r.id, from: '2026-08-10', to: '2026-08-14', content: week({ remarks: 'Berichtsheft mit Meister besprochen' }) });
    await c.call('nachweis.sign', { id: r.id, as: 'trainee', pin: PIN });
    const s2 = await c.call('nachweis.sign', { id: r.id, as: 'trainer', trainerId });
    expect(s2).toMatchObject({ status: 'signed', trainerName: 'Meister Muster', trainerSignedAt: '2026-09-20T10:00:00.000Z' });
    expect((await c.fail('nachweis.save', { traineeId: t.id, id: r.id, from: '2026-08-10', to: '2026-08-14', content: week() })).code).toBe('record_locked');
    expect((await c.fail('nachweis.withdrawSignature', { id: r.id })).code).toBe('record_locked');
    expect((await c.fail('nachweis.delete', { id: r.id })).code).toBe('record_locked');
    expect((await c.fail('nachweis.sign', { id: r.id, as: 'trainer', trainerId })).code).toBe('already_signed');
    // the database refuses too, whatever the code does
    expect(() => c.store.db.prepare("UPDATE nachweis_records SET content = '{}' WHERE id = ?").run(r.id)).toThrow(/locked/);
    expect(() => c.store.db.prepare('UPDATE nachweis_records SET trainer_id = NULL, trainer_signed_at = NULL WHERE id = ?').run(r.id)).toThrow(/locked/);
  });

  it('corrects a signed week by an amendment with reason and date; the signed text is kept', async () => {
    const { c, t, trainerId } = await setup();
    const r = await c.call('nachweis.save', { traineeId: t.id, from: '2026-08-10', to: '2026-08-14', content: week() });
    expect((await c.fail('nachweis.amend', { id: r.id, reason: 'zu früh', content: week() })).code).toBe('not_signed');
    await c.call('nachweis.sign', { id: r.id, as: 'trainee', pin: PIN });
    await c.call('nachweis.sign', { id: r.id, as: 'trainer', trainerId });
    const corrected = week();
    corrected.entries[0] = { ...corrected.entries[0]!, hours: 20, text: 'Korpus für Kundenküche zugeschnitten; Kanten angeleimt und verputzt' };
    const a = await c.call('nachweis.amend', { id: r.id, reason: 'Stunden falsch übertragen', trainerId, content: corrected });
    expect(a.amendments).toHaveLength(1);
    expect(a.amendments[0]).toMatchObject({ author: 'Meister Muster', reason: 'Stunden falsch übertragen', createdAt: '2026-09-20T10:00:00.000Z' });
    expect(a.content.entries[0]!.hours).toBe(20);
    expect(a.original.entries[0]!.hours).toBe(22);
    expect(a.status).toBe('signed');
    expect((await c.fail('nachweis.amend', { id: r.id, reason: 'nochmal', content: corrected })).code).toBe('no_change');
    const e = await c.fail('nachweis.amend', { id: r.id, reason: 'falsche Position', content: week({ entries: [{ kind: 'work', day: null, text: 'x', hours: 1, positions: ['77'] }] }) });
    expect(e.issues?.[0]).toMatchObject({ path: ['content', 'entries', 0, 'positions', 0], key: 'unknown_plan_position' });
    expect(() => c.store.db.prepare("UPDATE nachweis_amendments SET reason = 'x'").run()).toThrow(/never changed/);
    expect((await c.call('nachweis.get', { id: r.id })).amendments).toHaveLength(1);
  });

  it('refuses overlapping and duplicate weeks, weeks outside the contract and days outside the week', async () => {
    const { c, t } = await setup();
    const r = await c.call('nachweis.save', { traineeId: t.id, from: '2026-08-10', to: '2026-08-14', content: week() });
    const dup = await c.fail('nachweis.save', { traineeId: t.id, from: '2026-08-10', to: '2026-08-14', content: week() });
    expect(dup.issues?.[0]).toMatchObject({ path: ['from'], key: 'week_exists', params: { from: '2026-08-10', to: '2026-08-14', id: r.id } });
    const overlap = await c.fail('nachweis.save', { traineeId: t.id, from: '2026-08-13', to: '2026-08-16', content: week({ entries: [] }) });
    expect(overlap.issues?.[0]).toMatchObject({ key: 'week_overlaps', params: { from: '2026-08-10', to: '2026-08-14' } });
    const before = await c.fail('nachweis.save', { traineeId: t.id, from: '2026-07-27', to: '2026-07-31', content: week({ entries: [] }) });
    expect(before.issues?.[0]).toMatchObject({ path: ['from'], key: 'week_outside_contract', params: { start: '2026-08-01' } });
    const after = await c.fail('nachweis.save', { traineeId: t.id, from: '2029-07-30', to: '2029-08-03', content: week({ entries: [] }) });
    expect(after.issues?.[0]).toMatchObject({ path: ['to'], key: 'week_outside_contract', params: { end: '2029-07-31' } });
    const twoWeeks = await c.fail('nachweis.save', { traineeId: t.id, from: '2026-08-17', to: '2026-08-25', content: week({ entries: [] }) });
    expect(twoWeeks.issues?.[0]).toMatchObject({ path: ['to'], key: 'not_same_week' });
    const day = await c.fail('nachweis.save', { traineeId: t.id, from: '2026-08-17', to: '2026-08-21', content: week() });
    expect(day.issues?.[0]).toMatchObject({ path: ['content', 'entries', 2, 'day'], key: 'day_outside_week' });
    const pos = await c.fail('nachweis.save', { traineeId: t.id, from: '2026-08-17', to: '2026-08-21', content: week({ entries: [{ kind: 'work', day: null, text: 'x', hours: 8, positions: ['A6'] }] }) });
    expect(pos.issues?.[0]).toMatchObject({ path: ['content', 'entries', 0, 'positions', 0], key: 'unknown_plan_position', params: { number: 'A6' } });
    const bad = await c.fail('nachweis.save', { traineeId: t.id, from: '2026-08-17', to: '2026-08-21', content: week({ entries: [{ kind: 'work', day: null, text: '', hours: 0, positions: [] }] }) });
    expect(bad.issues?.map((i) => i.path.join('.'))).toEqual(['content.entries.0.text', 'content.entries.0.hours']);
    expect((await c.call('nachweis.list', { traineeId: t.id })).weeks.filter((w) => w.recordIds.length > 0)).toHaveLength(1);
  });

  it('warns, without blocking, when the hours are not plausible for the week', async () => {
    const { c, t } = await setup();
    const tooMuch = await c.call('nachweis.save', {
      traineeId: t.id,
      from: '2026-08-17',
      to: '2026-08-21',
      content: week({ entries: [{ kind: 'work', day: '2026-08-17', text: 'Montage beim Kunden bis spät', hours: 12, positions: ['14'] }, { kind: 'work', day: null, text: 'Werkstatt', hours: 40, positions: [] }] }),
    });
    expect(tooMuch.warnings.map((w) => w.key)).toEqual(['hours_above_contract', 'day_above_limit']);
    expect(tooMuch.warnings[0]!.params).toEqual({ total: 52, expected: 39 });
    const tooLittle = await c.call('nachweis.save', { traineeId: t.id, from: '2026-08-24', to: '2026-08-28', content: week({ entries: [{ kind: 'work', day: null, text: 'Lager aufgeräumt', hours: 6, positions: [] }] }) });
    expect(tooLittle.warnings.map((w) => w.key)).toEqual(['hours_below_contract']);
    // absences explain a short week: holiday on four days
    const holiday = await c.call('nachweis.save', {
      traineeId: t.id,
      from: '2026-08-31',
      to: '2026-09-04',
      content: week({
        entries: [{ kind: 'work', day: '2026-09-04', text: 'Werkstatt aufgeräumt', hours: 7.8, positions: [] }],
        absences: ['2026-08-31', '2026-09-01', '2026-09-02', '2026-09-03'].map((day) => ({ day, kind: 'holiday' as const })),
      }),
    });
    expect(holiday).toMatchObject({ totalHours: 39, warnings: [] });
  });

  it('lists missing and unsigned weeks for the supervisor and copies a week as a start for the next one', async () => {
    const { c, t, trainerId } = await setup('2026-09-02');
    const w1 = await c.call('nachweis.save', { traineeId: t.id, from: '2026-08-03', to: '2026-08-07', content: week({ entries: [{ kind: 'work', day: null, text: 'Einführung in den Betrieb', hours: 39, positions: ['2'] }] }) });
    await c.call('nachweis.sign', { id: w1.id, as: 'trainee', pin: PIN });
    await c.call('nachweis.sign', { id: w1.id, as: 'trainer', trainerId });
    const w2 = await c.call('nachweis.save', { traineeId: t.id, from: '2026-08-10', to: '2026-08-14', content: week() });
    await c.call('nachweis.sign', { id: w2.id, as: 'trainee', pin: PIN });
    const copy = await c.call('nachweis.copyWeek', { id: w2.id });
    expect(copy).toMatchObject({ from: '2026-08-17', to: '2026-08-21', status: 'draft' });
    expect(copy.content.entries.map((e) => [e.text, e.day])).toEqual([
      [week().entries[0]!.text, null],
      [week().entries[1]!.text, null],
      [week().entries[2]!.text, '2026-08-18'],
    ]);
    expect((await c.fail('nachweis.copyWeek', { id: w2.id })).issues?.[0]).toMatchObject({ key: 'week_exists' });
    const list = await c.call('nachweis.list', { traineeId: t.id });
    // the contract starts on Saturday 1 August 2026: that weekend needs no sheet, the first week is 3-9 August
    expect(list.weeks[0]).toMatchObject({ monday: '2026-08-03', from: '2026-08-03', to: '2026-08-09', state: 'signed' });
    expect(list.weeks.map((w) => w.state)).toEqual(['signed', 'trainee_signed', 'draft', 'missing', 'open', 'open']);
    expect(list.counts).toEqual({ missing: 1, draft: 1, traineeSigned: 1, signed: 1 });
    expect(list.positions[0]).toEqual({ number: '1', title: 'Berufsbildung, Arbeits- und und Tarifrecht' });
    const overview = await c.call('nachweis.overview', {});
    expect(overview).toEqual([expect.objectContaining({ traineeId: t.id, missing: 1, firstMissing: '2026-08-24', draft: 1, traineeSigned: 1, signed: 1 })]);
  });

  it('keeps daily records with a day on every entry, and copies a day onto the next', async () => {
    const { c, t } = await setup();
    await c.call('nachweis.setMode', { traineeId: t.id, mode: 'daily' });
    const e = await c.fail('nachweis.save', { traineeId: t.id, from: '2026-08-10', to: '2026-08-14', content: week() });
    expect(e.issues?.[0]).toMatchObject({ path: ['content', 'entries', 0, 'day'], key: 'required' });
    const monday = [{ kind: 'work' as const, day: '2026-08-10', text: 'Schubkästen gefertigt', hours: 8, positions: ['11'] }];
    const entries = copyDayEntries(monday, '2026-08-10', '2026-08-11');
    expect(entries.map((x) => x.day)).toEqual(['2026-08-10', '2026-08-11']);
    const r = await c.call('nachweis.save', { traineeId: t.id, from: '2026-08-10', to: '2026-08-14', content: { entries, absences: [], remarks: null } });
    expect(r.mode).toBe('daily');
    expect(r.content.entries).toHaveLength(2);
  });

  it('is removed with the trainee', async () => {
    const { c, t, trainerId } = await setup();
    const r = await c.call('nachweis.save', { traineeId: t.id, from: '2026-08-10', to: '2026-08-14', content: week() });
    await c.call('nachweis.sign', { id: r.id, as: 'trainee', pin: PIN });
    await c.call('nachweis.sign', { id: r.id, as: 'trainer', trainerId });
    await c.call('trainees.delete', { id: t.id });
    expect((c.store.db.prepare('SELECT count(*) AS n FROM nachweis_records').get() as { n: number }).n).toBe(0);
  });
});
