// Residence documents: copies on disk (type by content, size, hash, atomic with the row), bad input, states,
// renewal history, "may this trainee train today?", privacy (deleting copies), the address book.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { traineeFilesDir } from '../../electron/core/trainees/service';
import { testCore, traineeInput, type TestCore } from './helpers';
import { at, docInput, JPEG, pdf, png, renewInput, updateInput, upload } from './immigrationFixtures';

function clock(start: string) {
  const c = { today: start, now: () => new Date(`${c.today}T12:00:00`) };
  return c;
}

const docCount = (c: TestCore) => (c.store.db.prepare('SELECT count(*) AS n FROM residence_documents').get() as { n: number }).n;
const filesOf = (c: TestCore, traineeId: number) => {
  const dir = path.join(traineeFilesDir(c.store, traineeId), 'documents');
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
};

describe('document copies', () => {
  it('keeps PDF, JPEG and PNG copies inside the workspace with size and content hash, and gives them back unchanged', async () => {
    const c = testCore({ now: at('2026-11-24') });
    const t = await c.call('trainees.create', traineeInput());
    const files: [string, Buffer, string][] = [
      ['Duldung Scan.PDF', await pdf(), 'application/pdf'],
      ['foto.jpeg', JPEG, 'image/jpeg'],
      ['pass.png', png(), 'image/png'],
    ];
    for (const [name, bytes, mime] of files) {
      const d = await c.call('documents.create', { ...docInput(t.id), copy: upload(name, bytes) });
      expect(d.copy).toEqual({ fileName: name, mimeType: mime, size: bytes.length, sha256: crypto.createHash('sha256').update(bytes).digest('hex') });
      const back = await c.call('documents.copy', { id: d.id });
      expect(Buffer.from(back.base64, 'base64').equals(bytes)).toBe(true);
      expect(back.mimeType).toBe(mime);
    }
    const stored = filesOf(c, t.id);
    expect(stored).toHaveLength(3);
    expect(stored.every((f) => /^\d+-[0-9a-f]{16}\.(pdf|jpg|png)$/.test(f))).toBe(true);
    // A copy changed on disk is reported, not handed out.
    const first = (await c.call('documents.list', { traineeId: t.id })).documents[0]!;
    const file = path.join(traineeFilesDir(c.store, t.id), c.store.db.prepare('SELECT copy_path FROM residence_documents WHERE id = ?').pluck().get(first.id) as string);
    fs.appendFileSync(file, 'x');
    expect((await c.fail('documents.copy', { id: first.id })).code).toBe('copy_damaged');
  });

  it('rejects a copy that is not what its name says, too large, unreadable or of another type; nothing is saved', async () => {
    const c = testCore({ now: at('2026-11-24') });
    const t = await c.call('trainees.create', traineeInput());
    const full = await pdf();
    const cases: [ReturnType<typeof upload>, string][] = [
      [upload('duldung.pdf', png()), 'file_type_mismatch'],
      [upload('scan.jpg', full), 'file_type_mismatch'],
      [upload('brief.docx', full), 'file_type_not_allowed'],
      [upload('kaputt.pdf', full.subarray(0, full.length - 200)), 'file_unreadable'],
      [upload('leer.png', Buffer.alloc(0)), 'file_unreadable'],
      [{ fileName: 'x.pdf', base64: 'nicht base64!' }, 'file_unreadable'],
      // One byte over 20 MB passes the size of the contract's base64 and is caught on the decoded bytes …
      [upload('gross.pdf', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(20 * 1024 * 1024 - 15), Buffer.from('\n%%EOF\n')])), 'file_too_large'],
      // … a much larger one by the contract already.
      [upload('riesig.pdf', Buffer.alloc(24 * 1024 * 1024)), 'file_too_large'],
    ];
    for (const [copy, key] of cases) {
      const e = await c.fail('documents.create', { ...docInput(t.id), copy });
      expect(e.code, key).toBe('validation');
      expect(e.issues?.[0]?.path[0], key).toBe('copy');
      expect(e.issues?.[0]?.key, `${copy.fileName}: ${key}`).toBe(key);
    }
    expect(docCount(c)).toBe(0);
    expect(filesOf(c, t.id)).toEqual([]);
  });

  it('rejects inconsistent dates and a missing work note, and an end of training before its start', async () => {
    const c = testCore({ now: at('2026-11-24') });
    const t = await c.call('trainees.create', traineeInput());
    const e = await c.fail('documents.create', { ...docInput(t.id, { issuedOn: '2026-06-01', validUntil: '2026-05-31', workNote: null }), copy: upload('a.png', png()) });
    expect(e.issues?.map((i) => [i.path.join('.'), i.key])).toEqual([
      ['validUntil', 'valid_before_issued'],
      ['workNote', 'required'],
    ]);
    expect((await c.fail('documents.create', docInput(t.id, { type: 'sonstiges', validUntil: null }))).issues?.map((i) => i.key)).toEqual(['required']);
    expect(docCount(c)).toBe(0);
    expect(filesOf(c, t.id)).toEqual([]);
    const end = await c.fail('trainees.end', { id: t.id, kind: 'early', date: '2026-07-31', reason: 'x' });
    expect(end.issues?.[0]).toMatchObject({ path: ['date'], key: 'end_before_start' });
    expect((await c.call('trainees.get', { id: t.id })).status).toBe('active');
    expect((c.store.db.prepare('SELECT count(*) AS n FROM deadline_tasks').get() as { n: number }).n).toBe(0);
  });

  it('writes the file and its row together: a failing write leaves no row, a failing row leaves no file', async () => {
    const c = testCore({ now: at('2026-11-24') });
    const t = await c.call('trainees.create', traineeInput());
    // The folder for copies cannot be created (a file is in the way): no row is stored.
    const dir = traineeFilesDir(c.store, t.id);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'documents'), 'im Weg');
    expect((await c.fail('documents.create', { ...docInput(t.id), copy: upload('a.png', png()) })).code).toBe('internal');
    expect(docCount(c)).toBe(0);
    fs.rmSync(path.join(dir, 'documents'));
    // The database refuses the row after the file was written: the file is removed again.
    c.store.db.exec(`CREATE TRIGGER no_copies BEFORE UPDATE OF copy_path ON residence_documents WHEN NEW.copy_path IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    // (the envelope has the generic internal message; the cause, "disk full", is logged: hostile.test.ts)
    expect((await c.fail('documents.create', { ...docInput(t.id), copy: upload('a.png', png()) })).code).toBe('internal');
    expect(docCount(c)).toBe(0);
    expect(filesOf(c, t.id)).toEqual([]);
    // Replacing a copy that fails keeps the old copy and its file.
    c.store.db.exec('DROP TRIGGER no_copies');
    const d = await c.call('documents.create', { ...docInput(t.id), copy: upload('a.png', png()) });
    c.store.db.exec(`CREATE TRIGGER no_copies BEFORE UPDATE OF copy_path ON residence_documents WHEN NEW.copy_path IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    await c.fail('documents.update', { ...updateInput(d.id, { number: 'NEU' }), copy: upload('b.jpg', JPEG) });
    const after = (await c.call('documents.list', { traineeId: t.id })).documents[0]!;
    expect(after).toMatchObject({ number: 'D-123456', copy: { fileName: 'a.png' } });
    expect(filesOf(c, t.id)).toHaveLength(1);
    c.store.db.exec('DROP TRIGGER no_copies');
    // A successful replacement removes the old file after the commit.
    await c.call('documents.update', { ...updateInput(d.id), copy: upload('b.jpg', JPEG) });
    expect(filesOf(c, t.id)).toEqual([expect.stringMatching(/\.jpg$/)]);
    await c.call('documents.update', { ...updateInput(d.id), removeCopy: true });
    expect(filesOf(c, t.id)).toEqual([]);
  });
});

describe('document states and work permission', () => {
  it('goes valid → expiring → expired; renewal applied in time continues (§ 81 Abs. 4) for a permit, not for a Duldung', async () => {
    const clk = clock('2026-11-24');
    const c = testCore({ now: clk.now });
    const t = await c.call('trainees.create', traineeInput({ contractStart: '2026-08-01', contractEndPlanned: '2029-07-31' }));
    const permit = await c.call('documents.create', docInput(t.id, { type: 'ae_25', workNote: 'erwerbstaetigkeit_erlaubt', validUntil: '2027-03-31' }));
    const state = async (id: number) => (await c.call('documents.list', { traineeId: t.id })).documents.find((d) => d.id === id)!;
    expect((await state(permit.id)).state).toBe('valid');
    clk.today = '2027-02-03'; // 8 weeks before the end
    expect(await state(permit.id)).toMatchObject({ state: 'expiring', urgent: false });
    clk.today = '2027-03-17'; // 2 weeks before
    expect(await state(permit.id)).toMatchObject({ state: 'expiring', urgent: true });
    await c.call('documents.renewalApplied', { id: permit.id, appliedOn: '2027-03-17', doneBy: 'Jens Krämer' });
    clk.today = '2027-04-15';
    expect(await state(permit.id)).toMatchObject({ state: 'renewal_applied', renewalAppliedOn: '2027-03-17' });
    expect(await c.call('immigration.mayTrain', { traineeId: t.id })).toMatchObject({ verdict: 'allowed', reason: 'allowed_continuing' });
    // The renewal deadline was completed with who and when.
    expect((await c.call('deadlines.list', {})).done[0]).toMatchObject({ kind: 'renewal', documentId: permit.id, done: { doneBy: 'Jens Krämer', doneOn: '2027-03-17' } });

    const u = await c.call('trainees.create', traineeInput({ firstName: 'Dawit', lastName: 'Bekele', contractStart: '2026-08-01', contractEndPlanned: '2029-07-31' }));
    const duldung = await c.call('documents.create', docInput(u.id, { issuedOn: '2026-11-01', validUntil: '2027-04-30' }));
    clk.today = '2027-04-20';
    await c.call('documents.renewalApplied', { id: duldung.id, appliedOn: '2027-04-20', doneBy: 'Aylin Demir' });
    expect((await c.call('documents.list', { traineeId: u.id })).documents[0]!.state).toBe('renewal_applied');
    clk.today = '2027-05-02';
    expect((await c.call('documents.list', { traineeId: u.id })).documents[0]!.state).toBe('expired');
    expect(await c.call('immigration.mayTrain', { traineeId: u.id })).toMatchObject({ verdict: 'not_allowed', reason: 'expired', reasonDate: '2027-04-30', documentType: 'duldung' });
    // Applied after expiry: no continuation, for any type.
    expect((await c.fail('documents.renewalApplied', { id: duldung.id, appliedOn: '2027-05-03', doneBy: 'X' })).issues?.[0]?.key).toBe('date_in_future');
  });

  it('a renewal keeps history: the old version is shown as replaced; deleting the new one makes the old one current again', async () => {
    const c = testCore({ now: at('2026-11-24') });
    const t = await c.call('trainees.create', traineeInput());
    const old = await c.call('documents.create', { ...docInput(t.id, { validUntil: '2026-12-31' }), copy: upload('alt.png', png()) });
    const neu = await c.call('documents.renew', { ...renewInput(old.id, { type: 'ausbildungsduldung', workNote: 'ausbildung_bei_betrieb', issuedOn: '2026-11-20', validUntil: '2029-07-31' }), copy: upload('neu.jpg', JPEG) });
    const list = (await c.call('documents.list', { traineeId: t.id })).documents;
    expect(list.map((d) => [d.id, d.state])).toEqual([
      [neu.id, 'valid'],
      [old.id, 'replaced'],
    ]);
    expect(list[1]!.replacedById).toBe(neu.id);
    expect(list[1]!.copy?.fileName).toBe('alt.png');
    expect((await c.fail('documents.renew', renewInput(old.id))).code).toBe('already_replaced');
    // The replaced Duldung no longer has a renewal deadline.
    expect((await c.call('deadlines.list', {})).open.filter((d) => d.kind === 'renewal')).toEqual([]);
    await c.call('documents.delete', { id: neu.id });
    const back = (await c.call('documents.list', { traineeId: t.id })).documents;
    expect(back.map((d) => [d.id, d.state])).toEqual([[old.id, 'expiring']]);
    expect(filesOf(c, t.id)).toHaveLength(1);
  });

  it('answers "may this trainee train today?" from the documents and their work notes', async () => {
    const clk = clock('2026-11-24');
    const c = testCore({ now: clk.now });
    const t = await c.call('trainees.create', traineeInput({ contractStart: '2026-08-01', contractEndPlanned: '2029-07-31' }));
    const may = () => c.call('immigration.mayTrain', { traineeId: t.id });
    expect(await may()).toMatchObject({ verdict: 'not_allowed', reason: 'no_document' });
    const g = await c.call('documents.create', docInput(t.id, { type: 'aufenthaltsgestattung', workNote: 'beschaeftigung_nur_mit_erlaubnis', validUntil: '2027-05-31' }));
    expect(await may()).toMatchObject({ verdict: 'not_allowed', reason: 'permission_missing', documentId: g.id });
    const p = await c.call('documents.create', docInput(t.id, { type: 'beschaeftigungserlaubnis', workNote: 'ausbildung_bei_betrieb', validUntil: '2026-12-31' }));
    expect(await may()).toMatchObject({ verdict: 'allowed', reason: 'allowed', documentId: p.id, reasonDate: '2026-12-31' });
    clk.today = '2027-01-01';
    expect(await may()).toMatchObject({ verdict: 'not_allowed', reason: 'permission_missing', reasonDate: '2026-12-31' });
    const blocked = (await c.call('deadlines.list', {})).blocked;
    expect(blocked).toEqual([expect.objectContaining({ traineeId: t.id, lastName: 'Yousef', reason: 'permission_missing' })]);
    const ov = await c.call('documents.list', { traineeId: t.id });
    expect(ov.missing.map((m) => m.code)).toEqual(expect.arrayContaining(['copy_missing', 'renewal_overdue', 'permission_missing']));

    await c.call('documents.update', updateInput(g.id, { type: 'aufenthaltsgestattung', workNote: 'erwerbstaetigkeit_nicht_gestattet', validUntil: '2027-05-31' }));
    expect(await may()).toMatchObject({ verdict: 'not_allowed', reason: 'work_forbidden' });
    await c.call('documents.update', updateInput(g.id, { type: 'aufenthaltsgestattung', workNote: 'sonstige', workNoteText: 'Beschäftigung nur bis 20 Std.', validUntil: '2027-05-31' }));
    expect(await may()).toMatchObject({ verdict: 'unclear', reason: 'note_unclear' });

    // Before the start the answer is for the first day; after the end there is nothing to check.
    const f = await c.call('trainees.create', traineeInput({ firstName: 'Dawit', lastName: 'Bekele', contractStart: '2027-08-01', contractEndPlanned: '2030-07-31' }));
    await c.call('documents.create', docInput(f.id, { type: 'duldung', workNote: 'beschaeftigung_erlaubt', validUntil: '2027-06-30' }));
    expect(await c.call('immigration.mayTrain', { traineeId: f.id })).toMatchObject({ verdict: 'not_started', date: '2027-08-01', reason: 'expired', reasonDate: '2027-06-30' });
    await c.call('trainees.end', { id: t.id, kind: 'regular', date: '2027-01-01', reason: null });
    expect(await may()).toMatchObject({ verdict: 'ended' });
  });
});

describe('privacy', () => {
  it('proposes deleting the copies once the training has ended, deletes them on request, and a deleted trainee leaves no files', async () => {
    const c = testCore({ now: at('2026-11-24') });
    const t = await c.call('trainees.create', traineeInput());
    await c.call('documents.create', { ...docInput(t.id), copy: upload('a.png', png()) });
    await c.call('documents.create', { ...docInput(t.id, { type: 'pass', workNote: null }), copy: upload('b.pdf', await pdf()) });
    expect((await c.call('documents.list', { traineeId: t.id })).proposeDeleteCopies).toBe(false);
    expect((await c.fail('documents.deleteCopies', { traineeId: t.id })).code).toBe('training_active');
    expect(filesOf(c, t.id)).toHaveLength(2);
    await c.call('trainees.end', { id: t.id, kind: 'regular', date: '2026-11-20', reason: null });
    expect((await c.call('documents.list', { traineeId: t.id })).proposeDeleteCopies).toBe(true);
    expect(await c.call('documents.deleteCopies', { traineeId: t.id })).toEqual({ deleted: 2 });
    const after = await c.call('documents.list', { traineeId: t.id });
    expect(after.documents.map((d) => d.copy)).toEqual([null, null]);
    expect(after.proposeDeleteCopies).toBe(false);
    expect(filesOf(c, t.id)).toEqual([]);

    const u = await c.call('trainees.create', traineeInput({ firstName: 'Dawit', lastName: 'Bekele' }));
    await c.call('documents.create', { ...docInput(u.id), copy: upload('a.png', png()) });
    expect(fs.existsSync(traineeFilesDir(c.store, u.id))).toBe(true);
    await c.call('trainees.delete', { id: u.id });
    expect(fs.existsSync(traineeFilesDir(c.store, u.id))).toBe(false);
    expect((c.store.db.prepare('SELECT count(*) AS n FROM residence_documents WHERE trainee_id = ?').get(u.id) as { n: number }).n).toBe(0);
  });

  it('has no field for reasons of flight or asylum', () => {
    const cols = (table: string) => (testCore().store.db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).join(' ');
    expect(`${cols('residence_documents')} ${cols('trainees')}`).not.toMatch(/flucht|flight|asyl|reason_for|grund/i);
  });
});

describe('address book', () => {
  it('stores institutions, links them to trainees and picks the letter recipient', async () => {
    const c = testCore();
    const t = await c.call('trainees.create', traineeInput());
    const abh = await c.call('contacts.create', { kind: 'auslaenderbehoerde', organisation: 'Amt für Migration', department: null, person: 'Frau Schulze', phone: '040 1', email: 'abh@example.org', street: 'Hammer Straße 10', zip: '22041', city: 'Hamburg', notes: null });
    const hwk = await c.call('contacts.create', { kind: 'handwerkskammer', organisation: 'Handwerkskammer Hamburg', department: null, person: null, phone: null, email: null, street: 'Holstenwall 12', zip: '20355', city: 'Hamburg', notes: null });
    expect((await c.fail('contacts.create', { kind: 'beratung', organisation: '', zip: '1', email: 'kein' })).issues?.map((i) => [i.path[0], i.key])).toEqual([
      ['organisation', 'required'],
      ['email', 'invalid_email'],
      ['zip', 'invalid_zip'],
    ]);
    await c.call('contacts.setForTrainee', { traineeId: t.id, contactIds: [abh.id, hwk.id] });
    expect((await c.call('contacts.list', { traineeId: t.id })).map((x) => x.organisation)).toEqual(['Amt für Migration', 'Handwerkskammer Hamburg']);
    expect((await c.call('contacts.list', {})).find((x) => x.id === abh.id)!.traineeIds).toEqual([t.id]);
    const bad = await c.fail('contacts.setForTrainee', { traineeId: t.id, contactIds: [hwk.id, 999] });
    expect(bad.issues?.[0]).toMatchObject({ path: ['contactIds', 1], key: 'unknown_contact' });
    expect((await c.call('contacts.list', { traineeId: t.id })).length).toBe(2);
    const { traineeIds: _ids, ...fields } = abh;
    await c.call('contacts.update', { ...fields, person: 'Herr Weber' });
    expect((await c.call('contacts.list', { traineeId: t.id }))[0]!.person).toBe('Herr Weber');
    await c.call('contacts.delete', { id: abh.id });
    expect((await c.call('contacts.list', { traineeId: t.id })).map((x) => x.id)).toEqual([hwk.id]);
  });
});
