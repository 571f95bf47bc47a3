// Issue 10 §2–§4: the rule catalogue says what the law says (checked against shared/brief/DOMAIN.md), as data with
// its source. Fixed cases through the API on real SQLite; expected dates computed by hand in the comments.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogueFile, loadRules } from '../../electron/core/immigration/rules';
import { DOCUMENT_TYPES } from '../../shared/immigration';
import { testCore, traineeInput } from './helpers';
import { docInput } from './immigrationFixtures';

function clock(start: string) {
  const c = { today: start, now: () => new Date(`${c.today}T12:00:00`) };
  return c;
}

describe('rule catalogue', () => {
  it('cites § 4a Abs. 5 S. 3 Nr. 3 for no status outside §§ 18–21; a recommendation cites no paragraph; no "[?]" anywhere', () => {
    const rules = loadRules();
    // DOMAIN.md: § 4a Abs. 5 S. 3 Nr. 3 covers titles of Kapitel 2 Abschnitt 4 only (§§ 18–21); not Duldung, Gestattung,
    // § 25, § 104c, a Fiktionsbescheinigung, nor § 16a (Abschnitt 3).
    for (const t of ['duldung', 'aufenthaltsgestattung', 'ae_25', 'chancen_104c', 'fiktionsbescheinigung', 'ae_16a', 'sonstiges'] as const) {
      expect(rules.type(t).notifyRule, t).toBe('notify_recommended');
    }
    expect(rules.file.rules.notify_recommended).toMatchObject({ binding: 'recommendation', cite: null, days: 28 });
    expect(rules.file.rules.notify_recommended.source.de).not.toMatch(/§/);
    // § 60c Abs. 5, § 16g, § 60d: two weeks.
    for (const id of ['notify_60c', 'notify_16g', 'notify_60d'] as const) expect(rules.file.rules[id]).toMatchObject({ days: 14, binding: 'law', from: 'end' });
    expect(rules.file.rules.notify_4a).toMatchObject({ days: 28, from: 'knowledge' });
    // … and it is applied to the titles of §§ 18–21 (document type ae_18_21) and to no other type.
    expect(DOCUMENT_TYPES.filter((t) => rules.type(t).notifyRule === 'notify_4a')).toEqual(['ae_18_21']);
    expect(rules.type('ae_18_21')).toMatchObject({ status: true, continuesWhenRenewalApplied: true, trainingTitle: false, lapseRule: null });
    expect(rules.file.rules.notify_4a.source.de).toContain('§§ 18–21');
    // Uncertainty is a field, not an editorial marker in a sentence.
    expect(rules.file.rules.notify_60d.uncertain).not.toBeNull();
    expect(rules.file.rules.notify_16g.uncertain).not.toBeNull();
    expect(fs.readFileSync(catalogueFile(), 'utf8')).not.toContain('[?]');
    // Nor in the screens' wording; and the rules page does not call every rule a statutory period.
    for (const lang of ['de', 'en']) {
      const ui = fs.readFileSync(new URL(`../../renderer/i18n/${lang}/immigration.ts`, import.meta.url), 'utf8');
      expect(ui).not.toContain('[?]');
      expect(ui).not.toMatch(/gesetzliche Fristen nicht\.|periods set by law cannot be changed\./);
      expect(ui).not.toMatch(/'(Ja|Nein|Yes|No): /);
    }
    // § 81 Abs. 4 is not cited as keeping a Duldung, a Gestattung or a passport in force.
    expect(rules.file.rules.renewal_passport.source.de).not.toContain('§ 81');
    expect(rules.file.rules.renewal_passport.source.de).toContain('Botschaft oder das Konsulat');
    expect(rules.file.rules.renewal_gestattung.source.de).toContain('§ 63 AsylG');
  });

  it('§ 104c: not extendable; the reminder says to apply for another title; applied for in time, it continues (§ 81 Abs. 4 S. 1)', async () => {
    const clk = clock('2027-02-20');
    const c = testCore({ now: clk.now });
    const t = await c.call('trainees.create', traineeInput({ contractStart: '2026-08-01', contractEndPlanned: '2029-07-31' }));
    const d = await c.call('documents.create', docInput(t.id, { type: 'chancen_104c', workNote: 'erwerbstaetigkeit_erlaubt', issuedOn: '2025-09-30', validUntil: '2027-03-31' }));
    const r = (await c.call('deadlines.list', {})).open.find((x) => x.documentId === d.id)!;
    // 2027-02-20 → 2027-03-31: 8 days to the end of February (28 days, 2027 is no leap year) + 31 = 39 days.
    expect(r).toMatchObject({ kind: 'renewal', ruleId: 'renewal_104c', dueOn: '2027-03-31', daysLeft: 39 });
    expect(r.text.de).toContain('kann nicht verlängert werden: vorher einen anderen Aufenthaltstitel beantragen (§ 25a, § 25b AufenthG oder einen anderen)');
    expect(r.source).toContain('§ 81 Abs. 4 S. 1 AufenthG');
    clk.today = '2027-03-01';
    await c.call('documents.renewalApplied', { id: d.id, appliedOn: '2027-03-01', doneBy: 'Jens Krämer' });
    clk.today = '2027-04-10';
    const ov = await c.call('documents.list', { traineeId: t.id });
    expect(ov.documents[0]).toMatchObject({ state: 'renewal_applied' });
    expect(ov.mayTrain).toMatchObject({ verdict: 'allowed', reason: 'allowed_continuing', source: { de: expect.stringContaining('§ 81 Abs. 4 S. 1') } });
  });

  it('a Duldung or Gestattung applied for in time still expires (no Fiktion); the Gestattung is extended under § 63 AsylG', async () => {
    const clk = clock('2027-01-10');
    const c = testCore({ now: clk.now });
    const t = await c.call('trainees.create', traineeInput({ contractStart: '2026-08-01', contractEndPlanned: '2029-07-31' }));
    const du = await c.call('documents.create', docInput(t.id, { type: 'duldung', issuedOn: '2026-08-01', validUntil: '2027-01-31' }));
    const u = await c.call('trainees.create', traineeInput({ firstName: 'Dawit', lastName: 'Bekele', contractStart: '2026-08-01', contractEndPlanned: '2029-07-31' }));
    const ge = await c.call('documents.create', docInput(u.id, { type: 'aufenthaltsgestattung', issuedOn: '2026-08-01', validUntil: '2027-01-31' }));
    const open = (await c.call('deadlines.list', {})).open;
    expect(open.find((x) => x.documentId === du.id)).toMatchObject({ ruleId: 'renewal_duldung', source: expect.stringContaining('§ 60a AufenthG') });
    expect(open.find((x) => x.documentId === ge.id)).toMatchObject({ ruleId: 'renewal_gestattung', text: { de: expect.stringContaining('(§ 63 AsylG)') } });
    clk.today = '2027-01-20';
    await c.call('documents.renewalApplied', { id: du.id, appliedOn: '2027-01-20', doneBy: 'Jens Krämer' });
    await c.call('documents.renewalApplied', { id: ge.id, appliedOn: '2027-01-20', doneBy: 'Jens Krämer' });
    clk.today = '2027-02-01';
    for (const [tid, id] of [[t.id, du.id], [u.id, ge.id]] as const) {
      const ov = await c.call('documents.list', { traineeId: tid });
      expect(ov.documents.find((x) => x.id === id)!.state).toBe('expired');
      expect(ov.mayTrain).toMatchObject({ verdict: 'not_allowed', reason: 'expired', reasonDate: '2027-01-31' });
    }
  });

  it('a passport is renewed at the embassy or consulate, never with a § 81 Abs. 4 reference', async () => {
    const c = testCore({ now: clock('2026-12-11').now });
    const t = await c.call('trainees.create', traineeInput());
    await c.call('documents.create', docInput(t.id, { type: 'ae_16g', validUntil: '2029-07-31' }));
    const p = await c.call('documents.create', docInput(t.id, { type: 'pass', workNote: null, validUntil: '2027-01-15' }));
    const r = (await c.call('deadlines.list', {})).open.find((x) => x.documentId === p.id)!;
    expect(r).toMatchObject({ ruleId: 'renewal_passport', binding: 'hint' });
    expect(r.text.de).toBe('Pass von Amina Yousef läuft am 15.01.2027 ab: rechtzeitig bei der Botschaft oder dem Konsulat des Herkunftsstaats erneuern lassen.');
    expect(`${r.text.de} ${r.source}`).not.toContain('§ 81');
  });

  it('Aufenthaltsgestattung of a national of a safe country of origin (asylum after 31.08.2015): recorded and warned, § 61 Abs. 2 S. 4 AsylG', async () => {
    const c = testCore({ now: clock('2026-12-11').now });
    const t = await c.call('trainees.create', traineeInput());
    const g = await c.call('documents.create', { ...docInput(t.id, { type: 'aufenthaltsgestattung', workNote: 'beschaeftigung_erlaubt', validUntil: '2027-06-30' }), safeOrigin: true });
    expect(g.safeOrigin).toBe(true);
    const ov = await c.call('documents.list', { traineeId: t.id });
    expect(ov.mayTrain).toMatchObject({ verdict: 'unclear', reason: 'safe_origin', source: { de: expect.stringContaining('§ 61 Abs. 2 S. 4 AsylG') } });
    expect(ov.mayTrain.uncertain!.de).toBe('unsicher – bei der Ausländerbehörde nachfragen');
    expect(ov.missing.find((m) => m.code === 'safe_origin')).toMatchObject({ documentId: g.id, source: { de: expect.stringContaining('31.08.2015') } });
    // The flag belongs to the Aufenthaltsgestattung only.
    const d = await c.call('documents.create', { ...docInput(t.id, { type: 'duldung', validUntil: '2027-06-30' }), safeOrigin: true });
    expect(d.safeOrigin).toBe(false);
  });

  it('Ausbildungsduldung window: apply 7 months, granted 6 months before the start; 3 months of Duldung first; never "overdue" once training runs', async () => {
    const c = testCore({ now: clock('2026-12-11').now });
    // Start 31.08.2027: 7 months before is 31.01.2027, 6 months before 28.02.2027 (§ 188 Abs. 3 BGB: no 31 February).
    // The Duldung was first issued 15.12.2026: 3 months (§ 60c Abs. 2 Nr. 2) are reached on 15.03.2027, after the window opens.
    const t = await c.call('trainees.create', traineeInput({ contractStart: '2027-08-31', contractEndPlanned: '2030-08-30' }));
    await c.call('documents.create', docInput(t.id, { type: 'duldung', issuedOn: '2026-12-15', validUntil: '2027-06-14' }));
    const w = (await c.call('documents.list', { traineeId: t.id })).deadlines.find((d) => d.kind === 'ausbildungsduldung')!;
    expect(w).toMatchObject({ dueOn: '2027-08-31', fromOn: '2027-03-15' });
    expect(w.text.de).toContain('Antrag frühestens ab 15.03.2027, Erteilung frühestens ab 28.02.2027');
    expect(w.text.de).toContain('seit 3 Monaten geduldet – nach den erfassten Dokumenten erst ab 15.03.2027');
    expect(w.source).toContain('§ 60c Abs. 3 AufenthG');
    expect(w.source).toContain('§ 60c Abs. 2 Nr. 2 AufenthG');
    // Leap year: start 31.08.2028 → window 31.01.2028, grant 29.02.2028; a Duldung since 2026 does not move the window.
    const u = await c.call('trainees.create', traineeInput({ firstName: 'Dawit', lastName: 'Bekele', contractStart: '2028-08-31', contractEndPlanned: '2031-08-30' }));
    await c.call('documents.create', docInput(u.id, { type: 'duldung', issuedOn: '2026-01-10', validUntil: '2028-06-30' }));
    const v = (await c.call('documents.list', { traineeId: u.id })).deadlines.find((d) => d.kind === 'ausbildungsduldung')!;
    expect(v).toMatchObject({ fromOn: '2028-01-31', dueOn: '2028-08-31' });
    expect(v.text.de).toContain('Erteilung frühestens ab 29.02.2028');
    expect(v.text.de).not.toContain('geduldet');
    // Already in training since 2024 with a Duldung: the window is a planning date, not a deadline "overdue for 862 days".
    const x = await c.call('trainees.create', traineeInput({ firstName: 'Hamid', lastName: 'Ahmadi', contractStart: '2024-08-01', contractEndPlanned: '2027-07-31' }));
    await c.call('documents.create', docInput(x.id, { type: 'duldung', issuedOn: '2024-01-01', validUntil: '2027-07-31' }));
    const all = (await c.call('deadlines.list', { horizonDays: 3000 })).open;
    expect(all.filter((d) => d.traineeId === x.id && d.kind === 'ausbildungsduldung')).toEqual([]);
    expect(all.filter((d) => d.kind === 'ausbildungsduldung' || d.kind === 'start_check').every((d) => d.daysLeft >= 0)).toBe(true);
  });

  it('Ausbildungsduldung after the asylum refusal: training begun with an Aufenthaltsgestattung needs no 3 months of Duldung (§ 60c Abs. 1 S. 1 Nr. 1)', async () => {
    const c = testCore({ now: clock('2026-12-11').now });
    // Began 01.08.2025 with an Aufenthaltsgestattung (in force then); asylum refused, Duldung since 01.12.2026 until 28.02.2027.
    const t = await c.call('trainees.create', traineeInput({ contractStart: '2025-08-01', contractEndPlanned: '2028-07-31' }));
    const g = await c.call('documents.create', docInput(t.id, { type: 'aufenthaltsgestattung', workNote: 'beschaeftigung_nur_mit_erlaubnis', issuedOn: '2025-02-01', validUntil: '2026-11-30' }));
    const { traineeId: _t, ...duldung } = docInput(t.id, { type: 'duldung', workNote: 'ausbildung_bei_betrieb', issuedOn: '2026-12-01', validUntil: '2027-02-28' });
    const d = await c.call('documents.renew', { ...duldung, replacesId: g.id });
    const w = (await c.call('documents.list', { traineeId: t.id })).deadlines.filter((x) => x.kind === 'ausbildungsduldung');
    // Not "from 01.03.2027" (01.12.2026 + 3 months, § 60c Abs. 2 Nr. 2): that precondition is for a training begun with a
    // Duldung. Due before the Duldung ends, 28.02.2027 (2027 no leap year): 20 (11.–31.12.) + 31 + 28 = 79 days ahead.
    expect(w).toEqual([expect.objectContaining({ ruleId: 'ausbildungsduldung_gestattung', documentId: d.id, fromOn: '2026-12-01', dueOn: '2027-02-28', daysLeft: 79, binding: 'law' })]);
    expect(w[0]!.text.de).toContain('mit Aufenthaltsgestattung begonnen');
    expect(w[0]!.text.de).toContain('spätestens vor dem Ende der Duldung am 28.02.2027');
    expect(w[0]!.text.de).toContain('Die 3 Monate Duldung (§ 60c Abs. 2 Nr. 2 AufenthG) gelten hier nicht.');
    expect(w[0]!.text.de).not.toContain('frühestens');
    expect(w[0]!.source).toContain('§ 60c Abs. 1 S. 1 Nr. 1 AufenthG');
    // "Without delay" has no number of days in the sources: marked uncertain, not invented.
    expect(w[0]!.uncertain!.de).toContain('unverzüglich');
    // Once the Ausbildungsduldung is recorded, the reminder is gone.
    const { traineeId: _u, ...ad } = docInput(t.id, { type: 'ausbildungsduldung', workNote: 'ausbildung_bei_betrieb', issuedOn: '2027-01-10', validUntil: '2028-07-31' });
    await c.call('documents.renew', { ...ad, replacesId: d.id });
    expect((await c.call('documents.list', { traineeId: t.id })).deadlines.filter((x) => x.kind === 'ausbildungsduldung')).toEqual([]);

    // A Gestattung that had ended before the training began (31.07.2025 < 01.08.2025) does not count: a training already
    // running with a plain Duldung gets no reminder here (the window before the start is a planning date, never "overdue").
    const u = await c.call('trainees.create', traineeInput({ firstName: 'Dawit', lastName: 'Bekele', contractStart: '2025-08-01', contractEndPlanned: '2028-07-31' }));
    const ug = await c.call('documents.create', docInput(u.id, { type: 'aufenthaltsgestattung', workNote: 'beschaeftigung_nur_mit_erlaubnis', issuedOn: '2025-01-01', validUntil: '2025-07-31' }));
    const { traineeId: _v, ...ud } = docInput(u.id, { type: 'duldung', workNote: 'ausbildung_bei_betrieb', issuedOn: '2025-08-01', validUntil: '2027-02-28' });
    await c.call('documents.renew', { ...ud, replacesId: ug.id });
    expect((await c.call('documents.list', { traineeId: u.id })).deadlines.filter((x) => x.kind === 'ausbildungsduldung')).toEqual([]);
    // The catalogue names the exception beside the 3-month precondition, as data.
    const rules = loadRules();
    expect(rules.file.rules.ausbildungsduldung_gestattung.startedUnder).toEqual(['aufenthaltsgestattung']);
    expect(rules.file.rules.ausbildungsduldung.source.de).toContain('nicht, wenn die Ausbildung schon mit Aufenthaltsgestattung begonnen wurde');
  });

  it('the dashboard takes its buckets and horizon from the catalogue; the check before the start shows from the day it is known', async () => {
    const c = testCore({ now: clock('2026-12-11').now });
    // Start 01.08.2027 is 233 days ahead (20 days of December + 31+28+31+30+31+30+31 = 232, + 1): beyond the 60-day horizon.
    const t = await c.call('trainees.create', traineeInput({ contractStart: '2027-08-01', contractEndPlanned: '2030-07-31' }));
    const list = await c.call('deadlines.list', {});
    expect(list).toMatchObject({ soonDays: 14, upcomingDays: 60, horizonDays: 60 });
    expect(list.open.find((d) => d.traineeId === t.id)).toMatchObject({ kind: 'start_check', daysLeft: 233, bucket: 'later' });
    expect(list.open.find((d) => d.traineeId === t.id)!.text.de).toContain('Nach den erfassten Dokumenten fehlt für Amina Yousef zum Ausbildungsbeginn am 01.08.2027');
  });

  it('the catalogue view names every rule in German and English, with its kind and what is uncertain', async () => {
    const c = testCore();
    const cat = await c.call('immigration.catalogue');
    expect(cat.disclaimer.en).toContain('not legal advice');
    const r60d = cat.rules.find((r) => r.id === 'notify_60d')!;
    expect(r60d).toMatchObject({ binding: 'law', days: 14, name: { en: expect.stringContaining('Notice') } });
    expect(r60d.uncertain!.en).toContain('every end');
    expect(cat.rules.find((r) => r.id === 'notify_recommended')).toMatchObject({ binding: 'recommendation' });
    expect(cat.documentTypes.find((d) => d.id === 'duldung')!.label.en).toBe('Duldung (tolerated stay)');
  });
});
