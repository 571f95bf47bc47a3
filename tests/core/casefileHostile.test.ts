// Hostile case files and replies: each class refused with its own translated code, nothing written. And the
// redaction test: markers in every field of every withheld category are nowhere in the decrypted file.
import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import type { Manifest } from '../../shared/casefile';
import { encrypt } from '../../electron/core/casefile/format';
import { workspaceKeys } from '../../electron/core/casefile/keys';
import { resources } from '../../renderer/i18n/index';
import { b64, bytes, declareSize, decryptWith, firmWithCase, forged, keyFileOf, mediator, reencrypt, sharedCount } from './casefileHelpers';
import type { TestCore } from './helpers';
import { pdfText } from './pdfText';

async function sent() {
  const s = await firmWithCase();
  const med = await mediator();
  const exp = await s.firm.call('casefile.export', { traineeId: s.t.id, consentId: s.consent.id, from: '2026-07-01', to: '2026-09-01', encryption: { mode: 'recipient', keyFile: await keyFileOf(med) } });
  return { ...s, med, file: bytes(exp.base64) };
}

async function refused(core: TestCore, file: Uint8Array, code: string, call: 'casefile.open' | 'casefile.import' = 'casefile.open') {
  const before = sharedCount(core) + (core.store.db.prepare('SELECT count(*) FROM conflict_steps').pluck().get() as number);
  const e = await core.fail(call, { base64: b64(file) });
  expect(e.code).toBe(code);
  expect((resources.de.errors as Record<string, unknown>)[code], `German text for ${code}`).toBeTypeOf('string');
  expect((resources.en.errors as Record<string, unknown>)[code], `English text for ${code}`).toBeTypeOf('string');
  expect(sharedCount(core) + (core.store.db.prepare('SELECT count(*) FROM conflict_steps').pluck().get() as number)).toBe(before);
}

const manifestOf = (entries: Record<string, Uint8Array>) => JSON.parse(new TextDecoder().decode(entries['manifest.json'])) as Manifest;

describe('hostile case files are refused and nothing is written', () => {
  it('any changed byte: in the encrypted file, in the manifest (signature), in an entry (checksum)', async () => {
    const { med, file } = await sent();
    const flipped = Uint8Array.from(file);
    flipped[flipped.length - 20]! ^= 1;
    await refused(med, flipped, 'casefile_damaged');
    // A changed recipient stanza that still parses (one base64 letter of the ephemeral share swapped for another):
    // no identity opens it. (A flipped bit can also make the header unparseable, which reads as damaged.)
    const header = Uint8Array.from(file);
    const at = Buffer.from(file).indexOf('-> X25519 ') + 10 + 5;
    expect(at).toBeGreaterThan(15);
    header[at] = header[at] === 0x41 ? 0x42 : 0x41;
    await refused(med, header, 'casefile_not_for_us');
    const { entries } = await decryptWith(med, file);
    const m = new TextDecoder().decode(entries['manifest.json']).replace('Konfliktmoderation', 'Konfliktmoderatiox');
    await refused(med, await reencrypt(med, { ...entries, 'manifest.json': new TextEncoder().encode(m) }), 'casefile_bad_signature');
    const mod = new TextDecoder().decode(entries['data/moderation.json']).replace('Dreimal', 'Viermal');
    await refused(med, await reencrypt(med, { ...entries, 'data/moderation.json': new TextEncoder().encode(mod) }), 'casefile_bad_checksum');
    await refused(med, new TextEncoder().encode('not a case file at all'), 'casefile_not_casefile');
    // Still opens unchanged.
    expect((await med.call('casefile.open', { base64: b64(file) })).alreadyOpen).toBe(false);
  });

  it('unsafe names (.., absolute, backslash) and entries not in the manifest', async () => {
    const { med, file } = await sent();
    const { entries } = await decryptWith(med, file);
    for (const name of ['../evil.json', 'docs/../../x.pdf', '/etc/passwd', 'C:/Windows/x.pdf', 'docs\\x.pdf', 'data/./master.json']) {
      await refused(med, await reencrypt(med, { ...entries, [name]: new Uint8Array([1]) }), 'casefile_unsafe_name');
    }
    await refused(med, await reencrypt(med, { ...entries, 'docs/extra.pdf': new Uint8Array([37, 80, 68, 70]) }), 'casefile_unlisted_entry');
  });

  it('too many entries, too large, an extreme compression ratio', async () => {
    const { med, file } = await sent();
    const { entries } = await decryptWith(med, file);
    const many: Record<string, Uint8Array> = { ...entries };
    for (let i = 0; i < 2001; i++) many[`docs/p${i}.pdf`] = new Uint8Array([i % 256]);
    await refused(med, await reencrypt(med, many), 'casefile_too_many_entries');
    const zip = zipSync(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, [v, { level: 6 }]])));
    const ageTo = { mode: 'recipient' as const, ageRecipient: workspaceKeys(med.store.db).ageRecipient };
    await refused(med, await encrypt(declareSize(zip, 'data/master.json', 201 * 1024 * 1024), ageTo), 'casefile_too_large');
    await refused(med, await encrypt(declareSize(zip, 'data/moderation.json', 150 * 1024 * 1024), ageTo), 'casefile_bomb');
    // A real bomb: 60 MB of zeros in a few kilobytes.
    const bomb = zipSync({ ...entries, 'docs/bomb.pdf': [new Uint8Array(60 * 1024 * 1024), { level: 9 }] });
    await refused(med, await encrypt(bomb, ageTo), 'casefile_bomb');
  });

  it('an unknown or newer format version; a consent revoked before the file was made; the wrong kind', async () => {
    const { firm, med, file } = await sent();
    await refused(med, await forged(firm, med, file, (m) => ({ ...m, formatVersion: 2 as 1 })), 'casefile_version');
    await refused(med, await forged(firm, med, file, (m) => ({ ...m, consent: { ...m.consent, revokedOn: '2026-08-15' } })), 'casefile_consent_not_active');
    await refused(med, await forged(firm, med, file, (m) => ({ ...m, kind: 'reply', replyTo: m.uuid })), 'casefile_wrong_kind');
    await refused(med, await forged(firm, med, file, (m) => ({ ...m, entries: m.entries.map((e) => (e.name === 'data/master.json' ? { ...e, name: 'data/unknown.json' } : e)) }), { 'data/unknown.json': new TextEncoder().encode('{}') }), 'casefile_invalid_content');
  });

  it('a reply for a case the firm never sent; a reply signed by another key than the one recorded', async () => {
    const { firm, med, file, conflictCase } = await sent();
    const opened = await med.call('casefile.open', { base64: b64(file) });
    await med.call('casefile.saveSession', { sharedCaseId: opened.case.id, conflictCaseUuid: conflictCase.uuid, heldOn: '2026-08-30', notes: 'Termin', agreements: [{ what: 'Wecker stellen', who: 'Amina', dueOn: '2026-09-05', reviewOn: null }] });
    const reply = bytes((await med.call('casefile.reply', { id: opened.case.id })).base64);
    await refused(firm, await forged(med, firm, reply, (m) => ({ ...m, replyTo: crypto.randomUUID() })), 'casefile_unknown_case', 'casefile.import');
    const other = await mediator('Jemand anderes');
    await other.call('casefile.keys', {});
    await refused(firm, await forged(other, firm, reply, (m) => ({ ...m, uuid: crypto.randomUUID(), sender: { ...m.sender, signingKey: Buffer.from(workspaceKeys(other.store.db).signingPublic).toString('base64') } })), 'casefile_wrong_signer', 'casefile.import');
    // The real reply still imports.
    expect((await firm.call('casefile.import', { base64: b64(reply) })).sessions).toBe(1);
  });
});

describe('redaction', () => {
  it('a marker in every field of every withheld category appears nowhere in the decrypted file', async () => {
    const M = 'ZQXMARKERQZ';
    const s = await firmWithCase({
      categories: ['moderation_log'],
      trainee: { firstName: `${M}Vorname`, lastName: `${M}Nachname`, dateOfBirth: '2004-05-06', nationality: `${M}nat`, phone: `${M}tel`, email: 'zqxmarkerqz@example.org', address: `${M}adresse`, priorExperience: `${M}erfahrung`, notes: `${M}notiz`, germanLevelSource: `${M}quelle` },
    });
    const { firm, t } = s;
    const db = firm.store.db;
    const ts = new Date().toISOString();
    db.prepare("INSERT INTO nachweis_records (trainee_id, period_from, period_to, mode, content, created_at, updated_at) VALUES (?, '2026-08-03', '2026-08-09', 'weekly', ?, ?, ?)").run(t.id, JSON.stringify({ activities: `${M}woche`, hours: 39 }), ts, ts);
    db.prepare("INSERT INTO residence_documents (trainee_id, type, type_detail, number, authority, issued_on, valid_until, work_note, work_note_text, residence_obligation, created_at, updated_at) VALUES (?, 'duldung', ?, ?, ?, '2026-01-01', '2026-12-31', 'sonstige', ?, ?, ?, ?)").run(t.id, `${M}art`, `${M}nr`, `${M}behoerde`, `${M}vermerk`, `${M}auflage`, ts, ts);
    db.prepare("INSERT INTO learning_tasks (trainee_id, is_template, title, vocational_goal, cefr_level, scenario, assigned_on, feedback, evidence, seed, created_at, updated_at) VALUES (?, 0, ?, ?, 'A2', ?, '2026-08-10', ?, ?, 1, ?, ?)").run(t.id, `${M}aufgabe`, `${M}ziel`, `${M}szene`, `${M}feedback`, `${M}beleg`, ts, ts);
    await firm.call('network.saveNote', { traineeId: t.id, notedOn: '2026-08-15', author: `${M}autor`, topic: `${M}thema`, body: `${M}text`, confidential: false });
    await firm.call('network.saveCompetence', { traineeId: t.id, what: `${M}kann`, source: 'work', where: `${M}ort`, proof: 'own_account', planPositions: [`${M}pos`] });
    await firm.call('network.saveMeasure', { traineeId: t.id, type: 'sprachkurs', title: `${M}kurs`, provider: `${M}vhs`, startOn: '2026-05-01', endOn: '2026-09-30', status: 'running', nextStep: `${M}weiter` });
    const med = await mediator();
    // Even asking for the PDFs: they would print master data, which is withheld.
    const exp = await firm.call('casefile.export', { traineeId: t.id, consentId: s.consent.id, from: '2026-01-01', to: '2026-09-01', pdfs: true, encryption: { mode: 'recipient', keyFile: await keyFileOf(med) } });
    const { zip, entries } = await decryptWith(med, bytes(exp.base64));
    const needles = [M, M.toLowerCase()].map((x) => Buffer.from(x, 'utf8'));
    for (const n of needles) expect(Buffer.from(zip).includes(n)).toBe(false);
    expect(Object.keys(entries).sort()).toEqual(['data/moderation.json', 'manifest.json', 'manifest.sig']);
    for (const [name, b] of Object.entries(entries)) {
      for (const n of needles) expect(Buffer.from(b).includes(n), name).toBe(false);
      if (name.endsWith('.pdf')) expect(await pdfText(Buffer.from(b))).not.toMatch(new RegExp(M, 'i'));
    }
    expect(manifestOf(entries)).toMatchObject({ subject: 'Z. Z.', included: ['moderation_log'] });
    expect(manifestOf(entries).withheld).toEqual(expect.arrayContaining(['master_data', 'training_record', 'residence', 'counselling_notes', 'competences', 'learning_tasks']));
    // The test can fail: with the categories consented, the markers are there.
    const s2 = await firmWithCase({ categories: ['counselling_notes'] });
    await s2.firm.call('network.saveNote', { traineeId: s2.t.id, notedOn: '2026-08-15', author: 'A', topic: 'T', body: `${M}text`, confidential: false });
    const exp2 = await s2.firm.call('casefile.export', { traineeId: s2.t.id, consentId: s2.consent.id, from: '2026-01-01', to: '2026-09-01', encryption: { mode: 'recipient', keyFile: await keyFileOf(med) } });
    const { entries: e2 } = await decryptWith(med, bytes(exp2.base64));
    expect(Buffer.from(e2['data/notes.json']!).includes(Buffer.from(M))).toBe(true);
  });
});

