// The trainee's network (issue 11) on a real SQLite workspace: people, measures and gaps, dashboard,
// conflict moderation, consents and disclosures, notes, competences, cascade on delete.
import { describe, expect, it } from 'vitest';
import type { CallInput } from '../../shared/api';
import { createDemo } from '../../electron/core/demo';
import { networkDashboard } from '../../electron/core/network/service';
import { testCore, traineeInput, type TestCore } from './helpers';
import { pdfText } from './pdfText';

const NOW = new Date('2026-09-01T10:00:00Z');

async function setup() {
  const core = testCore({ now: () => NOW });
  const t = await core.call('trainees.create', traineeInput());
  const org = await core.call('contacts.create', { kind: 'beratung', organisation: 'Flüchtlingsberatung Nord' });
  return { core, t, org };
}

const measure = (traineeId: number, over: Partial<CallInput<'network.saveMeasure'>> = {}) =>
  ({ traineeId, type: 'praktikum', startOn: '2026-03-01', endOn: '2026-03-31', status: 'done', ...over }) as CallInput<'network.saveMeasure'>;

async function caseWithStep(core: TestCore, traineeId: number) {
  const c = await core.call('network.saveCase', { traineeId, category: 'attendance', occasion: 'Dreimal zu spät in zwei Wochen', raisedBy: 'firm', raisedOn: '2026-08-20', earlierWarnings: 'Gespräch am 15.08.' });
  const withStep = await core.call('network.saveStep', {
    caseId: c.id,
    kind: 'moderated',
    heldOn: '2026-08-27',
    place: 'Werkstatt',
    participants: [
      { name: 'Meister Muster', role: 'firm' },
      { name: 'Amina Yousef', role: 'trainee' },
      { name: 'Sara Berater', role: 'mediator' },
      { name: 'Omar Haddad', role: 'interpreter', language: 'ar' },
    ],
    facts: 'Verspätungen am 12., 14. und 19.08.',
  });
  return { c, step: withStep.steps[0]! };
}

describe('people around the trainee', () => {
  it('records a person with organisation from the address book, with uuid and times; dates in order', async () => {
    const { core, t, org } = await setup();
    const p = await core.call('network.savePerson', { traineeId: t.id, name: 'Sara Berater', role: 'mediator', contactId: org.id, partnerType: 'operative', since: '2026-01-01', phone: '040 2' });
    expect(p).toMatchObject({ organisation: 'Flüchtlingsberatung Nord', partnerType: 'operative', until: null, createdAt: NOW.toISOString() });
    expect(p.uuid).toMatch(/^[0-9a-f-]{36}$/);
    const bad = await core.fail('network.savePerson', { traineeId: t.id, name: 'X', role: 'mentor', since: '2026-05-01', until: '2026-04-01' });
    expect(bad.issues).toEqual([{ path: ['until'], key: 'end_before_start', params: {} }]);
    const badRole = await core.fail('network.savePerson', { traineeId: t.id, name: 'X', role: 'boss' });
    expect(badRole.issues?.[0]).toMatchObject({ path: ['role'], key: 'invalid_choice' });
    expect((await core.fail('network.savePerson', { traineeId: t.id, name: 'X', role: 'mentor', contactId: 999 })).issues?.[0]?.key).toBe('unknown_contact');
    expect((await core.call('network.overview', { traineeId: t.id })).people).toHaveLength(1);
  });
});

describe('measures on one timeline', () => {
  it('shows a gap where a measure ends with nothing after it, and none once something follows', async () => {
    const { core, t } = await setup();
    await core.call('network.saveMeasure', measure(t.id));
    await core.call('network.saveMeasure', measure(t.id, { type: 'eq', startOn: '2026-04-01', endOn: '2026-07-31', status: 'done' }));
    const kurs = await core.call('network.saveMeasure', measure(t.id, { type: 'sprachkurs', startOn: '2026-05-01', endOn: '2026-09-30', status: 'running', level: 'B2', hours: 400, provider: 'VHS' }));
    let ms = (await core.call('network.overview', { traineeId: t.id })).measures;
    expect(ms.map((m) => [m.type, m.gap])).toEqual([['praktikum', false], ['eq', false], ['sprachkurs', true]]);
    expect(kurs).toMatchObject({ level: 'B2', hours: 400, gap: true });
    const dash = await core.call('network.dashboard', {});
    expect(dash.gaps).toEqual([{ traineeId: t.id, firstName: 'Amina', lastName: 'Yousef', measureId: kurs.id, type: 'sprachkurs', endOn: '2026-09-30' }]);
    // A broken-off follow-up does not close the gap; a planned one does.
    const a = await core.call('network.saveMeasure', measure(t.id, { type: 'ausbildung', startOn: '2026-10-01', endOn: '2026-11-30', status: 'broken_off' }));
    // (the broken-off training is a gap of its own)
    expect((await core.call('network.dashboard', {})).gaps.map((g) => g.measureId)).toEqual([kurs.id, a.id]);
    await core.call('network.saveMeasure', { ...measure(t.id, { type: 'ausbildung', startOn: '2026-10-01', endOn: '2029-09-30', status: 'planned' }), id: a.id });
    ms = (await core.call('network.overview', { traineeId: t.id })).measures;
    expect(ms.find((m) => m.id === kurs.id)?.gap).toBe(false);
    // …but the training itself now ends with nothing after it, until the end is planned.
    // The tab shows it; the dashboard only from 120 days before.
    expect((await core.call('network.overview', { traineeId: t.id })).measures.filter((m) => m.gap).map((m) => m.type)).toEqual(['ausbildung']);
    expect((await core.call('network.dashboard', {})).gaps).toEqual([]);
    expect(networkDashboard(core.store.db, '2029-06-15').gaps.map((g) => g.type)).toEqual(['ausbildung']);
    await core.call('network.saveMeasure', measure(t.id, { type: 'ende', startOn: '2029-09-30', endOn: '2029-09-30', status: 'planned' }));
    expect((await core.call('network.overview', { traineeId: t.id })).measures.filter((m) => m.gap)).toEqual([]);
    expect(networkDashboard(core.store.db, '2029-06-15').gaps).toEqual([]);
  });

  it('validates dates in order, the EQ duration and level only for a language course', async () => {
    const { core, t } = await setup();
    expect((await core.fail('network.saveMeasure', measure(t.id, { startOn: '2026-05-01', endOn: '2026-04-01' }))).issues?.[0]).toMatchObject({ path: ['endOn'], key: 'end_before_start' });
    expect((await core.fail('network.saveMeasure', measure(t.id, { type: 'eq', startOn: '2026-04-01', endOn: '2026-06-30' }))).issues?.[0]).toMatchObject({ path: ['endOn'], key: 'eq_duration' });
    expect((await core.fail('network.saveMeasure', measure(t.id, { type: 'eq', startOn: '2026-04-01', endOn: '2027-04-30' }))).issues?.[0]?.key).toBe('eq_duration');
    await core.call('network.saveMeasure', measure(t.id, { type: 'eq', startOn: '2026-04-01', endOn: '2027-03-31' }));
    expect((await core.fail('network.saveMeasure', measure(t.id, { level: 'B1' }))).issues?.[0]?.key).toBe('level_only_language');
    expect((await core.fail('network.saveMeasure', measure(t.id, { startOn: '2026-02-30' }))).issues?.[0]?.key).toBe('invalid_date');
    expect((await core.call('network.overview', { traineeId: t.id })).measures).toHaveLength(1);
  });
});

describe('conflict moderation', () => {
  it('records a case with a moderated session, both views confirmed, three agreements; the first date is on the dashboard', async () => {
    const { core, t } = await setup();
    const { c, step } = await caseWithStep(core, t.id);
    expect(step.participants[3]).toEqual({ name: 'Omar Haddad', role: 'interpreter', language: 'ar' });
    await core.call('network.saveView', { stepId: step.id, side: 'firm', text: 'Pünktlichkeit ist Pflicht.', confirmedOn: '2026-08-27' });
    await core.call('network.saveView', { stepId: step.id, side: 'trainee', text: 'Der Bus fährt zu spät.', confirmedOn: '2026-08-28' });
    const firmAgain = await core.call('network.saveView', { stepId: step.id, side: 'firm', text: 'Pünktlichkeit ist Pflicht; Bus bekannt.', confirmedOn: '2026-08-27' });
    expect(firmAgain.steps[0]!.views.map((v) => [v.side, v.confirmedOn])).toEqual([['firm', '2026-08-27'], ['trainee', '2026-08-28']]);
    await core.call('network.saveAgreement', { stepId: step.id, what: 'Früheren Bus nehmen', who: 'Amina Yousef', dueOn: '2026-09-07', reviewOn: '2026-09-21' });
    await core.call('network.saveAgreement', { stepId: step.id, what: 'Arbeitsbeginn 7:30 prüfen', who: 'Meister Muster', dueOn: '2026-09-14' });
    const full = await core.call('network.saveAgreement', { stepId: step.id, what: 'Nachgespräch', who: 'Sara Berater', dueOn: '2026-12-01' });
    expect(full.steps[0]!.agreements.map((a) => a.dueOn)).toEqual(['2026-09-07', '2026-09-14', '2026-12-01']);
    const dash = await core.call('network.dashboard', {});
    expect(dash.agreements.map((a) => [a.what, a.date, a.dateKind])).toEqual([['Früheren Bus nehmen', '2026-09-07', 'due'], ['Arbeitsbeginn 7:30 prüfen', '2026-09-14', 'due']]);
    // After the due date passes, the review date is what is listed.
    expect(networkDashboard(core.store.db, '2026-09-10').agreements.find((a) => a.what === 'Früheren Bus nehmen')).toMatchObject({ date: '2026-09-21', dateKind: 'review' });
    const closed = await core.call('network.saveCase', { id: c.id, traineeId: t.id, category: 'attendance', occasion: c.occasion, raisedBy: 'firm', raisedOn: '2026-08-20', outcome: 'termination_agreement', closedOn: '2026-09-01' });
    expect(closed.endsTraining).toBe(true);
  });

  it('refuses an agreement without who or due date, an interpreter without language, dates out of order — and writes nothing', async () => {
    const { core, t } = await setup();
    const { c, step } = await caseWithStep(core, t.id);
    expect((await core.fail('network.saveAgreement', { stepId: step.id, what: 'X', who: '', dueOn: '2026-09-07' })).issues?.[0]).toMatchObject({ path: ['who'], key: 'required' });
    expect((await core.fail('network.saveAgreement', { stepId: step.id, what: 'X', who: 'Y' })).issues?.[0]).toMatchObject({ path: ['dueOn'], key: 'required' });
    expect((await core.fail('network.saveAgreement', { stepId: step.id, what: 'X', who: 'Y', dueOn: '2026-08-01' })).issues?.[0]).toMatchObject({ path: ['dueOn'], key: 'due_before_step' });
    expect((await core.fail('network.saveStep', { caseId: c.id, kind: 'moderated', heldOn: '2026-08-28', participants: [{ name: 'O', role: 'interpreter' }] })).issues?.[0]).toMatchObject({ path: ['participants', 0, 'language'], key: 'interpreter_language' });
    expect((await core.fail('network.saveStep', { caseId: c.id, kind: 'schlichtung', heldOn: '2026-08-01', participants: [] })).issues?.[0]?.key).toBe('step_before_case');
    expect((await core.fail('network.saveCase', { traineeId: t.id, category: 'other', occasion: 'x', raisedBy: 'firm', raisedOn: '2026-08-20', closedOn: '2026-09-01' })).issues?.[0]?.key).toBe('outcome_required');
    expect((await core.fail('network.saveCase', { traineeId: t.id, category: 'weather', occasion: 'x', raisedBy: 'firm', raisedOn: '2026-08-20' })).issues?.[0]?.key).toBe('invalid_choice');
    const cases = (await core.call('network.overview', { traineeId: t.id })).cases;
    expect(cases).toHaveLength(1);
    expect(cases[0]!.steps).toHaveLength(1);
    expect(cases[0]!.steps[0]!.agreements).toHaveLength(0);
  });
});

describe('consent and disclosures', () => {
  async function withConsent() {
    const s = await setup();
    const p = await s.core.call('network.savePerson', { traineeId: s.t.id, name: 'Sara Berater', role: 'mediator', contactId: s.org.id });
    const text = await s.core.call('network.saveConsentText', { title: 'Einwilligung Netzwerk', body: 'Ich willige ein …' });
    const consent = await s.core.call('network.saveConsent', {
      traineeId: s.t.id, textId: text.id, personId: p.id, purpose: 'Moderation des Konflikts', categories: ['master_data', 'moderation_log'], givenOn: '2026-08-25', form: 'paper_scan', validUntil: '2026-09-20',
    });
    return { ...s, p, text, consent };
  }

  it('records a consent for the mediator; a used text is not changed but versioned; expiring consents on the dashboard', async () => {
    const { core, text, consent } = await withConsent();
    expect(consent).toMatchObject({ recipient: 'Sara Berater (Flüchtlingsberatung Nord)', textVersion: 1, categories: ['master_data', 'moderation_log'], revokedOn: null });
    expect((await core.fail('network.saveConsentText', { id: text.id, title: 'Neu', body: 'Anders' })).code).toBe('consent_text_used');
    const v2 = await core.call('network.newConsentTextVersion', { id: text.id, title: 'Einwilligung Netzwerk', body: 'Ich willige ein (neu) …' });
    expect([v2.version, v2.family, v2.used]).toEqual([2, text.family, false]);
    const texts = await core.call('network.consentTexts', {});
    expect(texts.map((x) => [x.version, x.body, x.used])).toEqual([[1, 'Ich willige ein …', true], [2, 'Ich willige ein (neu) …', false]]);
    // The trigger keeps a used text as it is even when the service is bypassed.
    expect(() => core.store.db.prepare('UPDATE consent_texts SET body = ? WHERE id = ?').run('x', text.id)).toThrow(/in use/);
    expect((await core.call('network.dashboard', {})).consents).toEqual([{ traineeId: consent.traineeId, firstName: 'Amina', lastName: 'Yousef', consentId: consent.id, recipient: 'Sara Berater', validUntil: '2026-09-20' }]);
  });

  it('needs a recipient, a purpose and a category; a revoked consent cannot be edited; disclosures only within it', async () => {
    const { core, t, p, text, consent } = await withConsent();
    const base = { traineeId: t.id, textId: text.id, personId: p.id, purpose: 'Zweck', categories: ['master_data'], givenOn: '2026-08-25', form: 'electronic' } as const;
    expect((await core.fail('network.saveConsent', { ...base, categories: [] })).issues?.[0]).toMatchObject({ path: ['categories'], key: 'category_required' });
    expect((await core.fail('network.saveConsent', { ...base, purpose: ' ' })).issues?.[0]).toMatchObject({ path: ['purpose'], key: 'required' });
    expect((await core.fail('network.saveConsent', { ...base, personId: null })).issues?.[0]).toMatchObject({ path: ['personId'], key: 'consent_recipient' });
    const d = await core.call('network.recordDisclosure', { consentId: consent.id, disclosedOn: '2026-08-28', categories: ['moderation_log'], sha256: 'a'.repeat(64) });
    expect(d).toMatchObject({ recipient: 'Sara Berater (Flüchtlingsberatung Nord)', categories: ['moderation_log'] });
    expect((await core.fail('network.recordDisclosure', { consentId: consent.id, disclosedOn: '2026-08-28', categories: ['residence'] })).issues?.[0]?.key).toBe('category_not_consented');
    const revoked = await core.call('network.revokeConsent', { id: consent.id, revokedOn: '2026-09-01' });
    expect(revoked.revokedOn).toBe('2026-09-01');
    expect((await core.fail('network.saveConsent', { ...base, id: consent.id })).code).toBe('consent_revoked');
    expect((await core.fail('network.revokeConsent', { id: consent.id, revokedOn: '2026-09-02' })).code).toBe('consent_revoked');
    expect((await core.fail('network.recordDisclosure', { consentId: consent.id, disclosedOn: '2026-09-01', categories: ['master_data'] })).issues?.[0]?.key).toBe('consent_not_active');
    expect((await core.fail('network.deletePerson', { id: p.id })).code).toBe('person_has_consents');
    const toOrg = await core.call('network.saveConsent', { ...base, categories: ['master_data'], personId: null, contactId: p.contactId! });
    expect(toOrg.recipient).toBe('Flüchtlingsberatung Nord');
    expect((await core.fail('contacts.delete', { id: p.contactId! })).code).toBe('contact_has_consents');
    const o = await core.call('network.overview', { traineeId: t.id });
    expect(o.disclosures).toHaveLength(1);
    expect(o.consents.find((c) => c.id === consent.id)).toMatchObject({ purpose: 'Moderation des Konflikts', revokedOn: '2026-09-01' });
    expect((await core.call('network.dashboard', {})).consents).toEqual([]);
  });
});

describe('notes, competences, deletion', () => {
  it('records notes and competences, and deleting the trainee removes everything of the network', async () => {
    const { core, t } = await setup();
    const n = await core.call('network.saveNote', { traineeId: t.id, notedOn: '2026-08-30', author: 'Sara Berater', topic: 'Wohnung', body: 'Sucht Wohnung näher am Betrieb.', confidential: true });
    expect(n.confidential).toBe(true);
    const k = await core.call('network.saveCompetence', { traineeId: t.id, traineeIdx: 1 } as never).catch(() => null);
    expect(k).toBeNull();
    const c = await core.call('network.saveCompetence', { traineeId: t.id, what: 'Möbelbau (Massivholz)', source: 'work', where: 'Tischlerei in Damaskus, 3 Jahre', proof: 'practical_trial', planPositions: ['A3', 'A5'] });
    expect(c).toMatchObject({ where: 'Tischlerei in Damaskus, 3 Jahre', planPositions: ['A3', 'A5'] });
    const { step } = await caseWithStep(core, t.id);
    await core.call('network.saveAgreement', { stepId: step.id, what: 'X', who: 'Y', dueOn: '2026-09-07' });
    await core.call('network.saveMeasure', measure(t.id));
    const p = await core.call('network.savePerson', { traineeId: t.id, name: 'Sara', role: 'mediator' });
    const text = await core.call('network.saveConsentText', { title: 'T', body: 'B' });
    const consent = await core.call('network.saveConsent', { traineeId: t.id, textId: text.id, personId: p.id, purpose: 'P', categories: ['master_data'], givenOn: '2026-08-25', form: 'electronic' });
    await core.call('network.recordDisclosure', { consentId: consent.id, disclosedOn: '2026-08-26', categories: ['master_data'] });
    await core.call('trainees.delete', { id: t.id });
    const db = core.store.db;
    for (const table of ['network_people', 'measures', 'conflict_cases', 'conflict_steps', 'conflict_views', 'conflict_agreements', 'consents', 'disclosures', 'network_notes', 'competences']) {
      expect([table, (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n]).toEqual([table, 0]);
    }
    expect((await core.fail('network.overview', { traineeId: t.id })).code).toBe('not_found');
  });
});

describe('competences on the Stammblatt', () => {
  it('prints what was brought along, where, how it was shown and the plan positions', async () => {
    const { core, t } = await setup();
    await core.call('network.saveCompetence', { traineeId: t.id, what: 'Möbelbau (Massivholz)', source: 'work', where: 'Tischlerei in Damaskus', proof: 'practical_trial', planPositions: ['A3', 'A5'] });
    const file = await core.call('exports.create', { kind: 'stammblatt', traineeId: t.id });
    const bytes = Buffer.from(file.base64, 'base64');
    const text = await pdfText(bytes);
    expect(text).toContain('Möbelbau (Massivholz)');
    expect(text).toContain('bei der Arbeit: Tischlerei in Damaskus');
    expect(text).toContain('praktische Probe');
    expect(text).toContain('A3, A5');
    if (process.env.WB_KEEP_PDF) (await import('node:fs')).writeFileSync(process.env.WB_KEEP_PDF, bytes);
  });
});

describe('demo data', () => {
  it('covers the network for two trainees: people, measures with a gap, moderation, consents, a disclosure, notes, competences', async () => {
    const core = testCore({ now: () => NOW });
    const demo = createDemo(core.store, NOW);
    const [ahmad, yusuf] = demo.trainees;
    for (const t of [ahmad!, yusuf!]) {
      const o = await core.call('network.overview', { traineeId: t.id });
      expect(o.people.length).toBeGreaterThanOrEqual(3);
      expect(o.cases[0]!.steps[0]!.views).toHaveLength(2);
      expect(o.cases[0]!.steps[0]!.agreements).toHaveLength(3);
      expect(o.consents.length).toBeGreaterThanOrEqual(1);
      expect(o.disclosures).toHaveLength(1);
      expect(o.notes).toHaveLength(1);
      expect(o.competences).toHaveLength(1);
    }
    const y = await core.call('network.overview', { traineeId: yusuf!.id });
    expect(y.measures.filter((m) => m.gap).map((m) => m.type)).toEqual(['sprachkurs']);
    expect(y.consents.some((c) => c.revokedOn !== null)).toBe(true);
    const dash = await core.call('network.dashboard', {});
    expect(dash.gaps.map((g) => g.lastName)).toEqual(['Haddad']);
    expect(dash.agreements.length).toBeGreaterThanOrEqual(4);
    expect(dash.consents.map((c) => c.lastName)).toEqual(['Rahimi']);
  });
});

describe('moderation protocol PDF', () => {
  it('prints the case, the session, both views, the agreements and signature lines, headings also in Arabic', async () => {
    const { core, t } = await setup();
    const { c, step } = await caseWithStep(core, t.id);
    await core.call('network.saveView', { stepId: step.id, side: 'firm', text: 'Pünktlichkeit ist Pflicht.', confirmedOn: '2026-08-27' });
    await core.call('network.saveView', { stepId: step.id, side: 'trainee', text: 'Der Bus fährt zu spät.' });
    await core.call('network.saveAgreement', { stepId: step.id, what: 'Früheren Bus nehmen', who: 'Amina Yousef', dueOn: '2026-09-07', reviewOn: '2026-09-21' });
    const file = await core.call('exports.create', { kind: 'moderationsprotokoll', caseId: c.id });
    expect(file.fileName).toBe('Moderationsprotokoll_Yousef_Amina.pdf');
    const bytes = Buffer.from(file.base64, 'base64');
    const text = await pdfText(bytes);
    for (const s of ['Protokoll der Konfliktmoderation', 'Anwesenheit und Pünktlichkeit', 'Moderiertes Gespräch', 'Omar Haddad', 'Dolmetschen, ar', 'Pünktlichkeit ist Pflicht.', 'Von dieser Seite bestätigt am 27.08.2026', 'Noch nicht bestätigt.', 'Früheren Bus nehmen', '07.09.2026', 'Unterschriften']) expect(text).toContain(s);
    expect(text).toMatch(/[\u0600-\u06ff]/);
    if (process.env.WB_KEEP_PROTOCOL) (await import('node:fs')).writeFileSync(process.env.WB_KEEP_PROTOCOL, bytes);
    expect((await core.fail('exports.create', { kind: 'moderationsprotokoll', caseId: 999 })).code).toBe('not_found');
  });
});

describe('consent form PDF', () => {
  it('says who gets what, why, for how long, that it is voluntary and revocable, and that statutory notices need none', async () => {
    const { core, t, org } = await setup();
    const p = await core.call('network.savePerson', { traineeId: t.id, name: 'Sara Berater', role: 'mediator', contactId: org.id });
    const text = await core.call('network.saveConsentText', { title: 'Einwilligung Netzwerk', body: 'Ich willige ein, dass die angekreuzten Daten weitergegeben werden.' });
    const c = await core.call('network.saveConsent', { traineeId: t.id, textId: text.id, personId: p.id, purpose: 'Moderation des Konflikts', categories: ['master_data', 'moderation_log'], givenOn: '2026-08-25', form: 'paper_scan', validUntil: '2027-08-24' });
    const file = await core.call('exports.create', { kind: 'einwilligung', consentId: c.id });
    const bytes = Buffer.from(file.base64, 'base64');
    const pdf = await pdfText(bytes);
    for (const s of ['Einwilligung in die Weitergabe personenbezogener Daten', 'Sara Berater (Flüchtlingsberatung Nord)', 'Moderation des Konflikts', 'Stammdaten', 'Moderationsprotokoll', 'Bis zum 24.08.2027', 'Ich willige ein', 'Fassung 1', 'jederzeit ohne Angabe von Gründen', 'brauchen keine Einwilligung']) expect(pdf).toContain(s);
    expect(pdf).toMatch(/[\u0600-\u06ff]/);
    if (process.env.WB_KEEP_CONSENT) (await import('node:fs')).writeFileSync(process.env.WB_KEEP_CONSENT, bytes);
  });
});

describe('retention', () => {
  it('lists closed cases past the period and notes of an ended training as due, deletes them per category and logs only the count', async () => {
    let now = new Date('2026-09-01T10:00:00Z');
    const core = testCore({ now: () => now });
    const t = await core.call('trainees.create', traineeInput());
    const other = await core.call('trainees.create', traineeInput({ firstName: 'Bilal', lastName: 'Ahmadi' }));
    const closed = await core.call('network.saveCase', { traineeId: t.id, category: 'other', occasion: 'Alt', raisedBy: 'firm', raisedOn: '2026-08-01', outcome: 'resolved', closedOn: '2026-09-01' });
    await core.call('network.saveCase', { traineeId: t.id, category: 'other', occasion: 'Neu', raisedBy: 'firm', raisedOn: '2027-08-01', outcome: 'resolved', closedOn: '2027-09-01' });
    await core.call('network.saveCase', { traineeId: t.id, category: 'other', occasion: 'Offen', raisedBy: 'firm', raisedOn: '2026-01-01' });
    await core.call('network.saveNote', { traineeId: t.id, notedOn: '2026-08-01', author: 'A', topic: 'T', body: 'vertraulicher Inhalt', confidential: true });
    // The other trainee is still in training: an old note of theirs is never due.
    await core.call('network.saveNote', { traineeId: other.id, notedOn: '2026-01-01', author: 'A', topic: 'T', body: 'laufend', confidential: false });
    await core.call('trainees.end', { id: t.id, kind: 'early', date: '2026-09-01', reason: 'Abbruch' });
    now = new Date('2028-09-02T10:00:00Z');
    expect(await core.call('network.dueForDeletion', {})).toEqual([
      { traineeId: t.id, firstName: 'Amina', lastName: 'Yousef', category: 'moderation', count: 1 },
      { traineeId: t.id, firstName: 'Amina', lastName: 'Yousef', category: 'counselling_notes', count: 1 },
    ]);
    expect(await core.call('network.deleteDue', { traineeId: t.id, category: 'moderation' })).toEqual({ deleted: 1 });
    const o = await core.call('network.overview', { traineeId: t.id });
    expect(o.cases.map((c) => c.occasion).sort()).toEqual(['Neu', 'Offen']);
    expect(o.cases.some((c) => c.id === closed.id)).toBe(false);
    expect(o.notes).toHaveLength(1);
    const log = core.store.db.prepare('SELECT * FROM network_deletions').all();
    expect(log).toEqual([{ id: 1, trainee_id: t.id, category: 'moderation', count: 1, deleted_at: now.toISOString() }]);
    expect(await core.call('network.deletionLog', {})).toEqual([{ id: 1, traineeId: t.id, firstName: 'Amina', lastName: 'Yousef', category: 'moderation', count: 1, deletedAt: now.toISOString() }]);
    expect(await core.call('network.deleteDue', { traineeId: t.id, category: 'moderation' })).toEqual({ deleted: 0 });
    expect((await core.call('network.dueForDeletion', {})).map((d) => d.category)).toEqual(['counselling_notes']);
  });

  it('takes the periods for moderation and counselling notes from the settings, with the rules and their source', async () => {
    const core = testCore({ now: () => new Date('2029-09-02T10:00:00Z') });
    const t = await core.call('trainees.create', traineeInput());
    await core.call('network.saveCase', { traineeId: t.id, category: 'other', occasion: 'Alt', raisedBy: 'firm', raisedOn: '2026-08-01', outcome: 'resolved', closedOn: '2026-09-01' });
    const r = await core.call('network.retention', {});
    expect(r.years).toEqual({ moderation: 2, counselling_notes: 2 });
    expect(r.defaults).toEqual(r.years);
    const mod = r.rules.find((x) => x.id === 'moderation')!;
    expect(mod.source).toMatch(/BIBB/);
    expect(mod.uncertain).toBe(true);
    expect(r.rules.find((x) => x.id === 'document_copies')!.source).toMatch(/AufenthG/);
    expect((await core.call('network.dueForDeletion', {})).map((d) => d.category)).toEqual(['moderation']);
    // Three years: closed 01.09.2026, due from 01.09.2029 (today is 02.09.2029); four years: not yet.
    expect((await core.call('network.saveRetention', { moderation: 3, counselling_notes: 2 })).years.moderation).toBe(3);
    expect(await core.call('network.dueForDeletion', {})).toHaveLength(1);
    await core.call('network.saveRetention', { moderation: 4, counselling_notes: 2 });
    expect(await core.call('network.dueForDeletion', {})).toEqual([]);
    expect(await core.call('network.deleteDue', { traineeId: t.id, category: 'moderation' })).toEqual({ deleted: 0 });
    for (const bad of [{ moderation: 0, counselling_notes: 2 }, { moderation: 2.5, counselling_notes: 2 }, { moderation: 11, counselling_notes: 2 }, { moderation: 2 }]) {
      expect((await core.fail('network.saveRetention', bad)).code).toBe('validation');
    }
    expect((await core.call('network.retention', {})).years.moderation).toBe(4);
  });
});
