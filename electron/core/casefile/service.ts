// Case files between a firm and a network mediator. Firm: export under a valid consent (recorded as a disclosure)
// and import of the mediator's reply into the moderation log (append-only, once). Mediator: open a case file and
// keep it read-only until its delete-by date, record sessions, write the reply. Encryption, PDFs and checks run
// as jobs (worker thread in the app); what they return is written here in one transaction.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { CASEFILE_FORMAT, CASEFILE_VERSION, type ExportInput, type Manifest, type MediatorSession, type ModerationCase, type Removal, type SessionInput, type SharedCase } from '../../../shared/casefile';
import { toIsoDate } from '../../../shared/format';
import { DATA_CATEGORIES, type DataCategory } from '../../../shared/network';
import { addDays } from '../../../shared/trainingCalendar';
import { AppError, fieldError, notFound } from '../errors';
import type { JobRunner } from '../jobs/runner';
import { getConsent, recordDisclosure } from '../network/service';
import type { Db, Store } from '../store/db';
import { getTrainee } from '../trainees/service';
import { buildContent, subjectOf, type ContentRequest } from './content';
import { LIMITS, openCasefile, sealCasefile, sha256, type Sealing } from './format';
import { ensureKeys, parseKeyFile, publicKeys, workspaceKeys } from './keys';
import { normalisePassphrase } from './passphrase';
import { summaryPdf } from './summary';

type Row = Record<string, unknown>;
/** How long a mediator keeps a case when the consent runs longer (or has no end). */
export const DEFAULT_KEEP_DAYS = 90;
/** Longest PDF password every viewer accepts (poppler compares only 32 bytes of an AES-256 revision-5 password). */
export const PDF_PASSWORD_MAX = 32;

const fileName = (prefix: string, name: string, day: string) => `${prefix}_${name.normalize('NFKD').replace(/[^\w.-]+/g, '_').replace(/_+/g, '_').replace(/^_|_$/g, '') || 'Fall'}_${day}.wbfall`;

// Jobs (run in the worker thread in the app; inline in the CLI and tests) ----------------------------------
export interface ExportJobArgs { content: ContentRequest; manifest: Omit<Manifest, 'entries'>; sealing: Sealing; format: 'wbfall' | 'pdf' }
export async function exportJob(store: Store, a: ExportJobArgs) {
  const content = await buildContent(store, a.content, new Date(a.manifest.created));
  if (a.format === 'pdf' && a.sealing.mode === 'passphrase') return { bytes: await summaryPdf(store, a.manifest, content.entries, a.sealing.passphrase, new Date(a.manifest.created)), caseUuids: content.caseUuids };
  const sealed = await sealCasefile(a.manifest, content.entries, workspaceKeys(store.db), a.sealing);
  return { bytes: sealed.bytes, caseUuids: content.caseUuids };
}
export async function openJob(store: Store, a: { bytes: Uint8Array; passphrase?: string }) {
  const o = await openCasefile(a.bytes, { passphrase: a.passphrase, identity: workspaceKeys(store.db).ageIdentity });
  return { manifest: o.manifest, entries: [...o.entries], data: o.data };
}
export async function sealJob(store: Store, a: { manifest: Omit<Manifest, 'entries'>; entries: Record<string, Uint8Array>; sealing: Sealing }) {
  return (await sealCasefile(a.manifest, a.entries, workspaceKeys(store.db), a.sealing)).bytes;
}
type Opened = Awaited<ReturnType<typeof openJob>>;

// Firm: export -----------------------------------------------------------------------------------------------
export async function exportCasefile(store: Store, jobs: JobRunner, input: z.output<typeof ExportInput>, now: Date) {
  const db = store.db;
  const today = toIsoDate(now);
  getTrainee(db, input.traineeId);
  const consent = getConsent(db, input.consentId);
  if (consent.traineeId !== input.traineeId) throw notFound('consent', input.consentId);
  if (!(today >= consent.givenOn && (consent.validUntil === null || today <= consent.validUntil) && (consent.revokedOn === null || today < consent.revokedOn))) {
    throw fieldError(['consentId'], 'consent_not_active', 'The consent is not in force today');
  }
  const categories = input.categories ?? consent.categories;
  const outside = categories.filter((c) => !consent.categories.includes(c));
  if (outside.length > 0) throw fieldError(['categories'], 'category_not_consented', `Not covered by the consent: ${outside.join(', ')}`, { categories: outside.join(', ') });
  if (categories.length === 0) throw fieldError(['categories'], 'category_required', 'Choose at least one category');
  const latest = consent.validUntil ?? addDays(today, DEFAULT_KEEP_DAYS);
  const deleteBy = input.deleteBy ?? (latest < addDays(today, DEFAULT_KEEP_DAYS) ? latest : addDays(today, DEFAULT_KEEP_DAYS));
  if (deleteBy < today) throw fieldError(['deleteBy'], 'delete_by_past', 'The delete-by date has passed');
  if (consent.validUntil !== null && deleteBy > consent.validUntil) throw fieldError(['deleteBy'], 'delete_by_after_consent', 'The delete-by date is after the consent ends', { date: consent.validUntil });
  if (input.caseIds) {
    const mine = new Set((db.prepare('SELECT id FROM conflict_cases WHERE trainee_id = ?').pluck().all(input.traineeId) as number[]));
    const bad = input.caseIds.find((c) => !mine.has(c));
    if (bad !== undefined) throw notFound('conflict case', bad);
  }
  const pdf = input.format === 'pdf';
  if (pdf && input.encryption.mode !== 'passphrase') throw fieldError(['encryption', 'mode'], 'pdf_needs_passphrase', 'A PDF summary is protected by a passphrase, not a key file');
  // Poppler (Evince, Okular; checked with 22.12) opens an AES-256 PDF only with a password of at most 32 bytes.
  if (pdf && input.encryption.mode === 'passphrase' && Buffer.byteLength(normalisePassphrase(input.encryption.passphrase)) > PDF_PASSWORD_MAX) {
    throw fieldError(['encryption', 'passphrase'], 'pdf_passphrase_too_long', 'A PDF password may have at most 32 characters', { max: PDF_PASSWORD_MAX });
  }
  const keys = await ensureKeys(db, now);
  const me = publicKeys(db, keys);
  const recipientKeys = input.encryption.mode === 'recipient' ? parseKeyFile(input.encryption.keyFile) : null;
  const sealing: Sealing = recipientKeys ? { mode: 'recipient', ageRecipient: recipientKeys.ageRecipient } : { mode: 'passphrase', passphrase: (input.encryption as { passphrase: string }).passphrase };
  const text = db.prepare('SELECT t.version FROM consents c JOIN consent_texts t ON t.id = c.text_id WHERE c.id = ?').pluck().get(consent.id) as number;
  const subject = subjectOf(store, input.traineeId, categories);
  const manifest: Omit<Manifest, 'entries'> = {
    format: CASEFILE_FORMAT, formatVersion: CASEFILE_VERSION, kind: 'case', uuid: randomUUID(), created: now.toISOString(), sender: me,
    recipient: { name: consent.recipient, fingerprint: recipientKeys?.fingerprint ?? null }, subject, purpose: consent.purpose,
    consent: { uuid: consent.uuid, textVersion: text, givenOn: consent.givenOn, validUntil: consent.validUntil, revokedOn: consent.revokedOn },
    included: categories, withheld: DATA_CATEGORIES.filter((c) => !categories.includes(c)), period: { from: input.from, to: input.to }, deleteBy, replyTo: null,
  };
  // PDFs print the trainee's master data: only with that category.
  const content: ContentRequest = { traineeId: input.traineeId, categories, from: input.from, to: input.to, caseIds: input.caseIds ?? null, pdfs: !pdf && input.pdfs && categories.includes('master_data') };
  const r = (await jobs.run('casefileExport', { content, manifest, sealing, format: input.format } satisfies ExportJobArgs)) as { bytes: Uint8Array; caseUuids: string[] };
  const digest = sha256(r.bytes);
  const disclosure = db.transaction(() => {
    const d = recordDisclosure(db, { consentId: consent.id, disclosedOn: today, categories, sha256: digest, note: `${pdf ? 'Fallakte als PDF' : 'Fallakte'} ${manifest.uuid}` }, now);
    // A PDF cannot be answered with a reply: only .wbfall exports are kept for replies.
    if (pdf) return d;
    db.prepare(`INSERT INTO casefile_exports (uuid, trainee_id, consent_id, disclosure_id, recipient, recipient_signing_key, case_uuids, delete_by, sha256, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(manifest.uuid, input.traineeId, consent.id, d.id, consent.recipient, recipientKeys?.signingKey ?? null, JSON.stringify(r.caseUuids), deleteBy, digest, now.toISOString());
    return d;
  })();
  const t = getTrainee(db, input.traineeId);
  const name = fileName('Fallakte', `${t.lastName}_${t.firstName}`, today);
  return { fileName: pdf ? name.replace(/\.wbfall$/, '.pdf') : name, mimeType: pdf ? 'application/pdf' : 'application/octet-stream', bytes: r.bytes, uuid: manifest.uuid, disclosureId: disclosure.id, fingerprint: recipientKeys?.fingerprint ?? null, deleteBy };
}

// Mediator: open, list, sessions, reply ----------------------------------------------------------------------
const SHARED_COLS = `id, uuid, firm_name AS firmName, firm_fingerprint AS firmFingerprint, subject, recipient, purpose, consent_uuid AS consentUuid, consent_version AS consentVersion,
  included, withheld, period_from AS periodFrom, period_to AS periodTo, created, delete_by AS deleteBy, opened_at AS openedAt`;
const toShared = (r: Row): SharedCase => ({ ...(r as unknown as SharedCase), included: JSON.parse(r.included as string), withheld: JSON.parse(r.withheld as string) });

function sharedCase(db: Db, id: number): SharedCase {
  const r = db.prepare(`SELECT ${SHARED_COLS} FROM shared_cases WHERE id = ?`).get(id) as Row | undefined;
  if (!r) throw notFound('shared case', id);
  return toShared(r);
}

export async function openShared(store: Store, jobs: JobRunner, bytes: Uint8Array, passphrase: string | undefined, now: Date) {
  const db = store.db;
  await ensureKeys(db, now);
  const o = (await jobs.run('casefileOpen', { bytes, ...(passphrase ? { passphrase } : {}) })) as Opened;
  return storeOpened(db, o, now);
}

/** A file given by path (the desktop app started by a double-click on a .wbfall): only such files, only up to the size limit. */
export async function openSharedPath(store: Store, jobs: JobRunner, file: string, passphrase: string | undefined, now: Date) {
  const { default: fs } = await import('node:fs');
  let st: import('node:fs').Stats;
  try {
    st = fs.statSync(file);
  } catch {
    throw new AppError('casefile_file_missing', 'The case file cannot be read', { name: file.split(/[\\/]/).pop()!.slice(0, 80) });
  }
  if (!file.toLowerCase().endsWith('.wbfall') || !st.isFile()) throw new AppError('casefile_not_casefile', 'This is not a Werkbrücke case file');
  if (st.size > LIMITS.fileBytes) throw new AppError('casefile_too_large', 'The file is larger than a case file may be', { limit: '200 MB' });
  return openShared(store, jobs, new Uint8Array(fs.readFileSync(file)), passphrase, now);
}

export function storeOpened(db: Db, o: Opened, now: Date): { case: SharedCase; alreadyOpen: boolean } {
  const m = o.manifest;
  if (m.kind !== 'case') throw new AppError('casefile_wrong_kind', 'This is a reply; import it in the trainee\'s network tab of the firm');
  if (m.deleteBy < toIsoDate(now)) throw new AppError('casefile_expired', 'The delete-by date of this case file has passed', { date: m.deleteBy });
  return db.transaction(() => {
    const had = db.prepare('SELECT id FROM shared_cases WHERE uuid = ?').pluck().get(m.uuid) as number | undefined;
    if (had !== undefined) return { case: sharedCase(db, had), alreadyOpen: true };
    const info = db.prepare(`INSERT INTO shared_cases (uuid, firm_name, firm_signing_key, firm_age_recipient, firm_fingerprint, subject, recipient, purpose, consent_uuid, consent_version,
      included, withheld, period_from, period_to, created, delete_by, manifest, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
      m.uuid, m.sender.name, m.sender.signingKey, m.sender.ageRecipient, m.sender.fingerprint, m.subject, m.recipient.name, m.purpose, m.consent.uuid, m.consent.textVersion,
      JSON.stringify(m.included), JSON.stringify(m.withheld), m.period.from, m.period.to, m.created, m.deleteBy, JSON.stringify(m), now.toISOString());
    const id = Number(info.lastInsertRowid);
    const put = db.prepare('INSERT INTO shared_case_entries (case_id, name, sha256, bytes) VALUES (?, ?, ?, ?)');
    for (const [name, b] of o.entries) put.run(id, name, sha256(b), Buffer.from(b));
    return { case: sharedCase(db, id), alreadyOpen: false };
  })();
}

/** Removes the cases whose delete-by date has passed (recorded without content) and lists the rest. */
export function listShared(db: Db, now: Date, o: { purge?: boolean } = {}) {
  const today = toIsoDate(now);
  if (o.purge !== false) db.transaction(() => {
    const due = db.prepare('SELECT id, uuid, firm_name, subject, delete_by FROM shared_cases WHERE delete_by < ?').all(today) as Row[];
    for (const c of due) {
      db.prepare('INSERT INTO shared_case_removals (uuid, firm_name, subject, delete_by, removed_at) VALUES (?, ?, ?, ?, ?)').run(c.uuid, c.firm_name, c.subject, c.delete_by, now.toISOString());
      db.prepare('DELETE FROM shared_cases WHERE id = ?').run(c.id);
    }
  })();
  return {
    cases: (db.prepare(`SELECT ${SHARED_COLS} FROM shared_cases WHERE delete_by >= ? ORDER BY created DESC, id DESC`).all(today) as Row[]).map(toShared),
    removed: db.prepare('SELECT uuid, firm_name AS firmName, subject, delete_by AS deleteBy, removed_at AS removedAt FROM shared_case_removals ORDER BY removed_at DESC, id DESC LIMIT 50').all() as z.infer<typeof Removal>[],
  };
}

const toSession = (r: Row): MediatorSession => ({ id: r.id as number, uuid: r.uuid as string, conflictCaseUuid: r.conflict_case_uuid as string, heldOn: r.held_on as string, ...JSON.parse(r.content as string), createdAt: r.created_at as string, updatedAt: r.updated_at as string });
const sessionsOf = (db: Db, caseId: number) => (db.prepare('SELECT * FROM mediator_sessions WHERE case_id = ? ORDER BY held_on, id').all(caseId) as Row[]).map(toSession);

function moderationOf(db: Db, caseId: number): ModerationCase[] {
  const b = db.prepare("SELECT bytes FROM shared_case_entries WHERE case_id = ? AND name = 'data/moderation.json'").pluck().get(caseId) as Buffer | undefined;
  return b ? (JSON.parse(b.toString('utf8')) as { items: ModerationCase[] }).items : [];
}

export function sharedDetail(db: Db, id: number, now: Date) {
  listShared(db, now);
  const c = sharedCase(db, id);
  const rows = db.prepare('SELECT name, bytes FROM shared_case_entries WHERE case_id = ? ORDER BY name').all(id) as { name: string; bytes: Buffer }[];
  return {
    ...c,
    entries: rows.map((r) => ({ name: r.name, size: r.bytes.byteLength })),
    data: Object.fromEntries(rows.filter((r) => r.name.startsWith('data/')).map((r) => [r.name, JSON.parse(r.bytes.toString('utf8'))])),
    sessions: sessionsOf(db, id),
  };
}

export function sharedDocument(db: Db, id: number, name: string, now: Date) {
  listShared(db, now);
  sharedCase(db, id);
  const b = db.prepare("SELECT bytes FROM shared_case_entries WHERE case_id = ? AND name = ? AND name LIKE 'docs/%'").pluck().get(id, name) as Buffer | undefined;
  if (!b) throw notFound('document', name);
  const mimeType = name.endsWith('.pdf') ? 'application/pdf' : name.endsWith('.png') ? 'image/png' : 'image/jpeg';
  return { fileName: name.slice(5), mimeType, bytes: new Uint8Array(b) };
}

export function saveSession(db: Db, input: z.output<typeof SessionInput>, now: Date): MediatorSession {
  return db.transaction(() => {
    listShared(db, now);
    const c = sharedCase(db, input.sharedCaseId);
    const mc = moderationOf(db, c.id).find((m) => m.uuid === input.conflictCaseUuid);
    if (!mc) throw fieldError(['conflictCaseUuid'], 'unknown_conflict_case', 'This moderation case is not in the case file');
    if (input.heldOn < mc.raisedOn) throw fieldError(['heldOn'], 'step_before_case', 'A session cannot be held before the case was raised');
    const old = input.id !== undefined ? sessionsOf(db, c.id).find((s) => s.id === input.id) : undefined;
    if (input.id !== undefined && !old) throw notFound('session', input.id);
    for (const [i, a] of input.agreements.entries()) {
      if (a.dueOn < input.heldOn) throw fieldError(['agreements', i, 'dueOn'], 'due_before_step', 'An agreement cannot be due before the session');
      if (a.reviewOn !== null && a.reviewOn < input.heldOn) throw fieldError(['agreements', i, 'reviewOn'], 'due_before_step', 'A review cannot be before the session');
    }
    const agreements = input.agreements.map((a, i) => ({ uuid: old?.agreements[i]?.uuid ?? randomUUID(), what: a.what, who: a.who, dueOn: a.dueOn, reviewOn: a.reviewOn, status: 'open' as const }));
    const content = JSON.stringify({ place: input.place, notes: input.notes, firmView: input.firmView, traineeView: input.traineeView, agreements });
    const ts = now.toISOString();
    if (old) {
      db.prepare('UPDATE mediator_sessions SET conflict_case_uuid = ?, held_on = ?, content = ?, updated_at = ? WHERE id = ?').run(input.conflictCaseUuid, input.heldOn, content, ts, old.id);
      return sessionsOf(db, c.id).find((s) => s.id === old.id)!;
    }
    const info = db.prepare('INSERT INTO mediator_sessions (uuid, case_id, conflict_case_uuid, held_on, content, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(randomUUID(), c.id, input.conflictCaseUuid, input.heldOn, content, ts, ts);
    return sessionsOf(db, c.id).find((s) => s.id === Number(info.lastInsertRowid))!;
  })();
}

/** The reply: every session of the case, encrypted to the firm's key from the case file, signed by this workspace. */
export async function writeReply(store: Store, jobs: JobRunner, id: number, now: Date) {
  const db = store.db;
  listShared(db, now);
  const c = sharedCase(db, id);
  const sessions = sessionsOf(db, id);
  if (sessions.length === 0) throw new AppError('casefile_reply_empty', 'Record a session before writing a reply');
  const caseRow = db.prepare('SELECT manifest, firm_age_recipient FROM shared_cases WHERE id = ?').get(id) as { manifest: string; firm_age_recipient: string };
  const m = JSON.parse(caseRow.manifest) as Manifest;
  const me = publicKeys(db, await ensureKeys(db, now));
  const items = sessions.map((s) => ({ uuid: s.uuid, conflictCaseUuid: s.conflictCaseUuid, heldOn: s.heldOn, place: s.place, notes: s.notes, firmView: s.firmView, traineeView: s.traineeView, agreements: s.agreements }));
  const manifest: Omit<Manifest, 'entries'> = {
    format: CASEFILE_FORMAT, formatVersion: CASEFILE_VERSION, kind: 'reply', uuid: randomUUID(), created: now.toISOString(), sender: me,
    recipient: { name: c.firmName, fingerprint: c.firmFingerprint }, subject: c.subject, purpose: c.purpose, consent: m.consent,
    included: ['moderation_log'], withheld: DATA_CATEGORIES.filter((k) => k !== 'moderation_log'), period: m.period, deleteBy: m.deleteBy, replyTo: c.uuid,
  };
  const entries = { 'data/reply.json': new TextEncoder().encode(JSON.stringify({ schema: 'reply', version: 1, items }, null, 1)) };
  const bytes = (await jobs.run('casefileSeal', { manifest, entries, sealing: { mode: 'recipient', ageRecipient: caseRow.firm_age_recipient } })) as Uint8Array;
  return { fileName: fileName('Antwort', c.subject, toIsoDate(now)), bytes, uuid: manifest.uuid, sessions: sessions.length };
}

// Firm: import a reply -----------------------------------------------------------------------------------------
export async function importReply(store: Store, jobs: JobRunner, bytes: Uint8Array, now: Date) {
  const db = store.db;
  await ensureKeys(db, now);
  const o = (await jobs.run('casefileOpen', { bytes })) as Opened;
  return storeReply(db, o, now);
}

type ReplyItem = { uuid: string; conflictCaseUuid: string; heldOn: string; place: string | null; notes: string; firmView: string | null; traineeView: string | null; agreements: ModerationCase['steps'][number]['agreements'] };

export function storeReply(db: Db, o: Opened, now: Date) {
  const m = o.manifest;
  if (m.kind !== 'reply' || m.replyTo === null) throw new AppError('casefile_wrong_kind', 'This is a case file, not a reply; open it in the mediator\'s workspace');
  const exp = db.prepare('SELECT * FROM casefile_exports WHERE uuid = ?').get(m.replyTo) as Row | undefined;
  if (!exp) throw new AppError('casefile_unknown_case', 'This reply answers a case file this workspace never sent');
  if (exp.recipient_signing_key !== null && exp.recipient_signing_key !== m.sender.signingKey) throw new AppError('casefile_wrong_signer', 'This reply is signed by another key than the one recorded for the case', { fingerprint: m.sender.fingerprint });
  const items = ((o.data['data/reply.json']?.items ?? []) as ReplyItem[]);
  const caseUuids = new Set(JSON.parse(exp.case_uuids as string) as string[]);
  const traineeId = exp.trainee_id as number;
  const base = { replyUuid: m.uuid, mediator: m.sender.name, traineeId };
  return db.transaction(() => {
    if (db.prepare('SELECT 1 FROM casefile_replies WHERE uuid = ?').get(m.uuid)) return { ...base, alreadyImported: true, sessions: 0, agreements: 0 };
    const cases = new Map<string, { id: number; raised_on: string }>();
    for (const it of items) {
      const c = db.prepare('SELECT id, raised_on FROM conflict_cases WHERE uuid = ? AND trainee_id = ?').get(it.conflictCaseUuid, traineeId) as { id: number; raised_on: string } | undefined;
      if (!caseUuids.has(it.conflictCaseUuid) || !c) throw new AppError('casefile_unknown_case', 'This reply refers to a moderation case that was not in the case file');
      if (it.heldOn < c.raised_on || it.agreements.some((a) => a.dueOn < it.heldOn || (a.reviewOn !== null && a.reviewOn < it.heldOn))) throw new AppError('casefile_invalid_content', 'The reply\'s dates are not possible', { entry: 'data/reply.json' });
      cases.set(it.uuid, c);
    }
    if (exp.recipient_signing_key === null) db.prepare('UPDATE casefile_exports SET recipient_signing_key = ? WHERE id = ?').run(m.sender.signingKey, exp.id);
    const ts = now.toISOString();
    const replyId = Number(db.prepare('INSERT INTO casefile_replies (uuid, export_id, mediator, signing_key, sessions, imported_at) VALUES (?, ?, ?, ?, ?, ?)').run(m.uuid, exp.id, m.sender.name, m.sender.signingKey, items.length, ts).lastInsertRowid);
    let sessions = 0;
    let agreements = 0;
    for (const it of items) {
      // A session already imported with an earlier reply stays as it was (append-only).
      if (db.prepare('SELECT 1 FROM conflict_steps WHERE uuid = ?').get(it.uuid)) continue;
      const participants = JSON.stringify([{ name: m.sender.name, role: 'mediator', language: null }]);
      const stepId = Number(db.prepare(`INSERT INTO conflict_steps (uuid, case_id, kind, held_on, place, participants, facts, summary_to, created_at, updated_at, from_reply_id)
        VALUES (?, ?, 'moderated', ?, ?, ?, ?, NULL, ?, ?, ?)`).run(it.uuid, cases.get(it.uuid)!.id, it.heldOn, it.place, participants, it.notes, ts, ts, replyId).lastInsertRowid);
      sessions++;
      for (const [side, text] of [['firm', it.firmView], ['trainee', it.traineeView]] as const) {
        if (text) db.prepare('INSERT INTO conflict_views (uuid, step_id, side, text, confirmed_on, created_at, updated_at) VALUES (?, ?, ?, ?, NULL, ?, ?)').run(randomUUID(), stepId, side, text, ts, ts);
      }
      for (const a of it.agreements) {
        if (db.prepare('SELECT 1 FROM conflict_agreements WHERE uuid = ?').get(a.uuid)) continue;
        db.prepare(`INSERT INTO conflict_agreements (uuid, step_id, what, who, due_on, review_on, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?)`).run(a.uuid, stepId, a.what, a.who, a.dueOn, a.reviewOn, ts, ts);
        agreements++;
      }
    }
    db.prepare('UPDATE casefile_replies SET sessions = ? WHERE id = ?').run(sessions, replyId);
    return { ...base, alreadyImported: false, sessions, agreements };
  })();
}
