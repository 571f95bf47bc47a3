// Case files (issue 12) on two real workspaces: firm → mediator → firm, idempotent import, passphrases,
// delete-by dates, append-only entries from a reply.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readCasefileZip } from '../../electron/core/casefile/format';
import { b64, bytes, decryptWith, firmWithCase, keyFileOf, mediator, NOW, sharedCount } from './casefileHelpers';
import { pdfText } from './pdfText';

async function sentAndOpened(opts: Parameters<typeof firmWithCase>[0] = {}, medNow = () => NOW) {
  const s = await firmWithCase(opts);
  const med = await mediator('Netzwerk Vermittlung Nord', medNow);
  const keyFile = await keyFileOf(med);
  const exp = await s.firm.call('casefile.export', { traineeId: s.t.id, consentId: s.consent.id, from: '2026-07-01', to: '2026-09-01', encryption: { mode: 'recipient', keyFile } });
  return { ...s, med, keyFile, exp };
}

describe('case file round trip firm → mediator → firm', () => {
  it('exports under the consent (disclosure recorded), the mediator opens it read-only, replies, the firm imports once', async () => {
    const { firm, med, t, consent, conflictCase, exp, keyFile } = await sentAndOpened();
    const medKeys = await med.call('casefile.keys', {});
    expect(exp.fingerprint).toBe(medKeys.fingerprint);
    expect(medKeys.fingerprint).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
    expect((await firm.call('casefile.readKeyFile', { keyFile })).fingerprint).toBe(medKeys.fingerprint);
    expect(exp.fileName).toBe('Fallakte_Yousef_Amina_2026-09-01.wbfall');
    expect(exp.deleteBy).toBe('2026-11-30');
    const overview = await firm.call('network.overview', { traineeId: t.id });
    expect(overview.disclosures).toHaveLength(1);
    expect(overview.disclosures[0]).toMatchObject({ consentId: consent.id, disclosedOn: '2026-09-01', categories: ['moderation_log', 'master_data'], sha256: createHash('sha256').update(bytes(exp.base64)).digest('hex') });

    const opened = await med.call('casefile.open', { base64: exp.base64 });
    expect(opened.alreadyOpen).toBe(false);
    expect(opened.case).toMatchObject({ firmName: 'Tischlerei Muster', subject: 'Amina Yousef', recipient: 'Sara Berater', purpose: 'Konfliktmoderation', consentUuid: consent.uuid, consentVersion: 1, deleteBy: '2026-11-30',
      included: ['moderation_log', 'master_data'], periodFrom: '2026-07-01', periodTo: '2026-09-01' });
    expect(opened.case.withheld).toContain('counselling_notes');
    expect(opened.case.firmFingerprint).toBe((await firm.call('casefile.keys', {})).fingerprint);
    expect((await med.call('casefile.open', { base64: exp.base64 })).alreadyOpen).toBe(true);
    const list = await med.call('casefile.cases', {});
    expect(list.cases.map((c) => c.id)).toEqual([opened.case.id]);

    const detail = await med.call('casefile.case', { id: opened.case.id });
    expect(detail.entries.map((e) => e.name)).toEqual(['data/master.json', 'data/moderation.json', 'docs/moderationsprotokoll-1.pdf']);
    const mod = detail.data['data/moderation.json'] as { items: { uuid: string; occasion: string; steps: unknown[] }[] };
    expect(mod.items).toMatchObject([{ uuid: conflictCase.uuid, occasion: 'Dreimal zu spät in zwei Wochen' }]);
    const pdf = await med.call('casefile.document', { id: opened.case.id, name: 'docs/moderationsprotokoll-1.pdf' });
    expect(pdf.mimeType).toBe('application/pdf');
    expect(await pdfText(Buffer.from(pdf.base64, 'base64'))).toContain('Dreimal zu spät');
    expect((await med.fail('casefile.document', { id: opened.case.id, name: 'data/master.json' })).code).toBe('not_found');

    const bad = await med.fail('casefile.saveSession', { sharedCaseId: opened.case.id, conflictCaseUuid: conflictCase.uuid, heldOn: '2026-08-10', notes: 'x', agreements: [] });
    expect(bad.issues?.[0]).toMatchObject({ path: ['heldOn'], key: 'step_before_case' });
    expect((await med.fail('casefile.reply', { id: opened.case.id })).code).toBe('casefile_reply_empty');
    const session = await med.call('casefile.saveSession', {
      sharedCaseId: opened.case.id, conflictCaseUuid: conflictCase.uuid, heldOn: '2026-08-29', place: 'Beratungsstelle', notes: 'Gespräch mit beiden Seiten, Dolmetscher anwesend.',
      firmView: 'Pünktlichkeit ist für die Baustelle entscheidend.', traineeView: 'Der Bus fährt nur stündlich.', agreements: [{ what: 'Frühere Busverbindung nehmen', who: 'Amina Yousef', dueOn: '2026-09-15', reviewOn: '2026-09-30' }],
    });
    expect(session.agreements[0]).toMatchObject({ what: 'Frühere Busverbindung nehmen', status: 'open' });
    const reply = await med.call('casefile.reply', { id: opened.case.id });
    expect(reply.sessions).toBe(1);
    expect(reply.fileName).toBe('Antwort_Amina_Yousef_2026-09-01.wbfall');
    // The mediator cannot open its own reply as a case; the firm cannot open its own case file as a reply.
    expect((await firm.fail('casefile.import', { base64: exp.base64 })).code).toBe('casefile_not_for_us');

    const imported = await firm.call('casefile.import', { base64: reply.base64 });
    expect(imported).toMatchObject({ alreadyImported: false, sessions: 1, agreements: 1, mediator: 'Netzwerk Vermittlung Nord', traineeId: t.id });
    const steps = (await firm.call('network.overview', { traineeId: t.id })).cases[0]!.steps;
    expect(steps).toHaveLength(2);
    const fromMediator = steps[1]!;
    expect(fromMediator).toMatchObject({ uuid: session.uuid, kind: 'moderated', heldOn: '2026-08-29', place: 'Beratungsstelle', facts: 'Gespräch mit beiden Seiten, Dolmetscher anwesend.', participants: [{ name: 'Netzwerk Vermittlung Nord', role: 'mediator' }] });
    expect(fromMediator.views.map((v) => [v.side, v.text])).toEqual([['firm', 'Pünktlichkeit ist für die Baustelle entscheidend.'], ['trainee', 'Der Bus fährt nur stündlich.']]);
    expect(fromMediator.agreements).toMatchObject([{ uuid: session.agreements[0]!.uuid, what: 'Frühere Busverbindung nehmen', dueOn: '2026-09-15', reviewOn: '2026-09-30', status: 'open' }]);
    // The agreement's date is on the dashboard, like every moderation agreement.
    expect((await firm.call('network.dashboard', {})).agreements).toMatchObject([{ traineeId: t.id, what: 'Frühere Busverbindung nehmen', date: '2026-09-15', dateKind: 'due' }]);

    // Importing the same reply again changes nothing.
    const total = () => firm.store.db.prepare('SELECT (SELECT count(*) FROM conflict_steps) + (SELECT count(*) FROM conflict_views) + (SELECT count(*) FROM conflict_agreements) + (SELECT count(*) FROM casefile_replies)').pluck().get();
    const before = total();
    expect(await firm.call('casefile.import', { base64: reply.base64 })).toMatchObject({ alreadyImported: true, sessions: 0, agreements: 0 });
    expect(total()).toBe(before);

    // Append-only: the firm cannot change what came from the mediator; it may track the agreement's status.
    expect((await firm.fail('network.saveView', { stepId: fromMediator.id, side: 'firm', text: 'anders' })).code).toBe('imported_entry');
    expect((await firm.fail('network.saveStep', { id: fromMediator.id, caseId: fromMediator.caseId, kind: 'moderated', heldOn: '2026-08-29', participants: [] })).code).toBe('imported_entry');
    const a = fromMediator.agreements[0]!;
    expect((await firm.fail('network.saveAgreement', { id: a.id, stepId: fromMediator.id, what: 'etwas anderes', who: a.who, dueOn: a.dueOn, reviewOn: a.reviewOn })).code).toBe('imported_entry');
    const kept = await firm.call('network.saveAgreement', { id: a.id, stepId: fromMediator.id, what: a.what, who: a.who, dueOn: a.dueOn, reviewOn: a.reviewOn, status: 'done' });
    expect(kept.steps[1]!.agreements[0]!.status).toBe('done');
    expect(() => firm.store.db.prepare("UPDATE conflict_steps SET facts = 'x' WHERE id = ?").run(fromMediator.id)).toThrow(/imported moderation entry/);

    // A second reply with the same session plus a new one adds only the new one.
    await med.call('casefile.saveSession', { sharedCaseId: opened.case.id, conflictCaseUuid: conflictCase.uuid, heldOn: '2026-09-01', notes: 'Kurzer Nachtermin.', agreements: [] });
    const reply2 = await med.call('casefile.reply', { id: opened.case.id });
    expect(reply2.sessions).toBe(2);
    expect(await firm.call('casefile.import', { base64: reply2.base64 })).toMatchObject({ alreadyImported: false, sessions: 1, agreements: 0 });
    expect((await firm.call('network.overview', { traineeId: t.id })).cases[0]!.steps).toHaveLength(3);
  });

  it('a passphrase of words opens the file; a wrong one is refused and nothing is stored', async () => {
    const s = await firmWithCase();
    const med = await mediator();
    const { passphrase, words, bits } = await s.firm.call('casefile.passphrase', {});
    expect(passphrase.split('-')).toHaveLength(words);
    expect(bits).toBeGreaterThanOrEqual(60);
    expect(passphrase).toMatch(/^[A-Za-z]+(-[A-Za-z]+){6}$/);
    const short = await s.firm.fail('casefile.export', { traineeId: s.t.id, consentId: s.consent.id, from: '2026-07-01', to: '2026-09-01', encryption: { mode: 'passphrase', passphrase: 'kurz' } });
    expect(short.issues?.[0]).toMatchObject({ key: 'passphrase_too_short' });
    const exp = await s.firm.call('casefile.export', { traineeId: s.t.id, consentId: s.consent.id, from: '2026-07-01', to: '2026-09-01', categories: ['moderation_log'], pdfs: false, encryption: { mode: 'passphrase', passphrase } });
    expect(exp.fingerprint).toBeNull();
    expect((await med.fail('casefile.open', { base64: exp.base64 })).code).toBe('casefile_passphrase_needed');
    expect((await med.fail('casefile.open', { base64: exp.base64, passphrase: `${passphrase}-Adler` })).code).toBe('casefile_wrong_passphrase');
    expect(sharedCount(med)).toBe(0);
    // Read out on the phone: spaces instead of hyphens, any case.
    const opened = await med.call('casefile.open', { base64: exp.base64, passphrase: passphrase.toLowerCase().replaceAll('-', ' ') });
    expect(opened.case).toMatchObject({ subject: 'A. Y.', included: ['moderation_log'] });
    // The reply is encrypted to the firm's key from the case file; the first reply pins the mediator's key.
    await med.call('casefile.saveSession', { sharedCaseId: opened.case.id, conflictCaseUuid: s.conflictCase.uuid, heldOn: '2026-08-30', notes: 'Termin', agreements: [] });
    const reply = await med.call('casefile.reply', { id: opened.case.id });
    expect((await s.firm.call('casefile.import', { base64: reply.base64 })).sessions).toBe(1);
    const pinned = s.firm.store.db.prepare('SELECT recipient_signing_key FROM casefile_exports').pluck().get();
    expect(pinned).toBe((await med.call('casefile.keys', {})).signingKey);
  });

  it('refuses an export outside the consent: other categories, a revoked consent, a delete-by date after its end', async () => {
    const s = await firmWithCase({ categories: ['moderation_log'] });
    const base = { traineeId: s.t.id, consentId: s.consent.id, from: '2026-07-01', to: '2026-09-01', encryption: { mode: 'recipient' as const, keyFile: await keyFileOf(await mediator()) } };
    expect((await s.firm.fail('casefile.export', { ...base, categories: ['moderation_log', 'counselling_notes'] })).issues?.[0]).toMatchObject({ path: ['categories'], key: 'category_not_consented' });
    expect((await s.firm.fail('casefile.export', { ...base, deleteBy: '2027-09-01' })).issues?.[0]).toMatchObject({ path: ['deleteBy'], key: 'delete_by_after_consent' });
    expect((await s.firm.fail('casefile.export', { ...base, encryption: { mode: 'recipient', keyFile: '{"format":"x"}' } })).code).toBe('casefile_bad_keyfile');
    await s.firm.call('network.revokeConsent', { id: s.consent.id, revokedOn: '2026-08-31' });
    expect((await s.firm.fail('casefile.export', base)).issues?.[0]).toMatchObject({ path: ['consentId'], key: 'consent_not_active' });
    expect(s.firm.store.db.prepare('SELECT (SELECT count(*) FROM disclosures) + (SELECT count(*) FROM casefile_exports)').pluck().get()).toBe(0);
  });

  it('removes a case at the mediator once its delete-by date has passed, and says so', async () => {
    let now = NOW;
    const { med, exp } = await sentAndOpened({}, () => now);
    const opened = await med.call('casefile.open', { base64: exp.base64 });
    // Another mediator's workspace cannot open a file encrypted to this one.
    expect((await (await mediator('Netzwerk Süd')).fail('casefile.open', { base64: exp.base64 })).code).toBe('casefile_not_for_us');
    now = new Date('2026-11-30T20:00:00Z');
    expect((await med.call('casefile.cases', {})).cases).toHaveLength(1);
    now = new Date('2026-12-01T08:00:00Z');
    const list = await med.call('casefile.cases', {});
    expect(list.cases).toEqual([]);
    expect(list.removed).toMatchObject([{ uuid: opened.case.uuid, firmName: 'Tischlerei Muster', subject: 'Amina Yousef', deleteBy: '2026-11-30' }]);
    expect(sharedCount(med)).toBe(0);
    expect((await med.fail('casefile.open', { base64: exp.base64 })).code).toBe('casefile_expired');
    expect(sharedCount(med)).toBe(0);
  });

  it('reads only what the manifest lists, from memory', async () => {
    const { med, exp } = await sentAndOpened();
    const { zip } = await decryptWith(med, bytes(exp.base64));
    const o = readCasefileZip(zip);
    expect([...o.entries.keys()]).toEqual(o.manifest.entries.map((e) => e.name));
    expect(Object.keys(o.data).sort()).toEqual(['data/master.json', 'data/moderation.json']);
    expect(b64(zip).length).toBeGreaterThan(0);
  });
});

describe('opening by double-click', () => {
  it('electron-builder associates .wbfall with Werkbrücke; the shell hands the path to the running window', async () => {
    const fs = await import('node:fs');
    const { parse } = await import('yaml');
    const { ROOT } = await import('./helpers');
    const yml = parse(fs.readFileSync(`${ROOT}/electron-builder.yml`, 'utf8')) as { fileAssociations: { ext: string; name: string }[] };
    expect(yml.fileAssociations).toMatchObject([{ ext: 'wbfall', name: 'Werkbrücke-Fallakte' }]);
    const main = fs.readFileSync(`${ROOT}/electron/main.ts`, 'utf8');
    expect(main).toMatch(/app\.on\('second-instance', \(_e, argv\)/);
    expect(main).toContain('#/netzwerk/datei/');
  });

  it('opens a case file by its path (only .wbfall files), as after a double-click', async () => {
    const { med, exp } = await sentAndOpened();
    const fs = await import('node:fs');
    const { tempDir } = await import('./helpers');
    const dir = tempDir();
    fs.writeFileSync(`${dir}/Fallakte.wbfall`, bytes(exp.base64));
    fs.writeFileSync(`${dir}/Fallakte.txt`, bytes(exp.base64));
    expect((await med.fail('casefile.openPath', { path: `${dir}/Fallakte.txt` })).code).toBe('casefile_not_casefile');
    expect((await med.fail('casefile.openPath', { path: `${dir}/fehlt.wbfall` })).code).toBe('casefile_file_missing');
    expect(sharedCount(med)).toBe(0);
    expect((await med.call('casefile.openPath', { path: `${dir}/Fallakte.wbfall` })).case.subject).toBe('Amina Yousef');
  });
});

describe('for a recipient without Werkbrücke', () => {
  it('writes an AES-256 password-protected PDF summary with the same content rules; it does not open without the password', async () => {
    const { spawnSync } = await import('node:child_process');
    const fs = await import('node:fs');
    const { tempDir } = await import('./helpers');
    const s = await firmWithCase({ categories: ['moderation_log'] });
    const pass = 'Adler-Ofen-Birke-Zange-Kompass';
    // Poppler compares only 32 bytes of such a password: longer ones are refused rather than made unopenable there.
    expect((await s.firm.fail('casefile.export', { traineeId: s.t.id, consentId: s.consent.id, from: '2026-07-01', to: '2026-09-01', format: 'pdf', encryption: { mode: 'passphrase', passphrase: `${pass}-Hafen-Wolke` } })).issues?.[0]).toMatchObject({ key: 'pdf_passphrase_too_long' });
    const base = { traineeId: s.t.id, consentId: s.consent.id, from: '2026-07-01', to: '2026-09-01', format: 'pdf' as const };
    expect((await s.firm.fail('casefile.export', { ...base, encryption: { mode: 'recipient', keyFile: await keyFileOf(await mediator()) } })).issues?.[0]).toMatchObject({ key: 'pdf_needs_passphrase' });
    const r = await s.firm.call('casefile.export', { ...base, encryption: { mode: 'passphrase', passphrase: pass } });
    expect(r).toMatchObject({ fileName: 'Fallakte_Yousef_Amina_2026-09-01.pdf', mimeType: 'application/pdf' });
    const file = `${tempDir()}/zusammenfassung.pdf`;
    fs.writeFileSync(file, bytes(r.base64));
    const raw = Buffer.from(bytes(r.base64)).toString('latin1');
    expect(raw).toMatch(/\/V 5/);
    // AES-256 as pdfkit writes it: AESV3, revision 5 (PDF 1.7, Adobe extension level 3).
    expect(raw).toMatch(/\/CFM \/AESV3/);
    expect(raw).toMatch(/\/R 5\b/);
    const ok = spawnSync('qpdf', ['--check', `--password=${pass.toLowerCase()}`, file], { encoding: 'utf8' });
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/R = 5/);
    const without = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
    expect(without.status).not.toBe(0);
    expect(without.stderr + without.stdout).toMatch(/invalid password/i);
    const text = spawnSync('pdftotext', ['-upw', pass.toLowerCase(), file, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('Dreimal zu spät in zwei Wochen');
    expect(text).toContain('A. Y.');
    expect(text).not.toContain('Yousef');
    // The disclosure is recorded; a PDF gets no reply, so nothing is kept for one.
    expect((await s.firm.call('network.overview', { traineeId: s.t.id })).disclosures[0]!.note).toMatch(/^Fallakte als PDF/);
    expect(s.firm.store.db.prepare('SELECT count(*) FROM casefile_exports').pluck().get()).toBe(0);
  });
});
