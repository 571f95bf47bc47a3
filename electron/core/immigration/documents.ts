// Residence documents per trainee: create, edit, renew (the old version stays as "replaced"), delete, and their copies.
// A copy is written inside the transaction that stores its row, so an error leaves neither a row without its file
// nor (thanks to the cleanup below) a file without its row. Old files are removed only after the commit.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { Deadline, DocumentInput, DocumentOverview, DocumentRenewal, DocumentUpdate, ResidenceDocument } from '../../../shared/immigration';
import { AppError, fieldError, notFound } from '../errors';
import type { Db, Store } from '../store/db';
import { getTrainee, traineeFilesDir } from '../trainees/service';
import { checkCopy, copyAbsPath, copyRelPath, readChecked, removeQuietly, writeFileAtomic, type CheckedCopy } from './copies';
import { completeDeadline, deadlineKey, traineeDeadlines } from './deadlines';
import { documentState, mayTrain, missingItems, traineeFacts, type DocFacts } from './evaluate';
import { leadTimes, loadRules } from './rules';

export interface DocRow extends DocFacts {
  trainee_id: number;
  type_detail: string | null;
  number: string | null;
  authority: string | null;
  work_note_text: string | null;
  residence_obligation: string | null;
  file_number: string | null;
  copy_path: string | null;
  copy_name: string | null;
  copy_mime: 'application/pdf' | 'image/jpeg' | 'image/png' | null;
  copy_size: number | null;
  copy_sha256: string | null;
  created_at: string;
  updated_at: string;
}

type Fields = Omit<z.output<typeof DocumentInput>, 'traineeId' | 'copy'>;

export function getDocRow(db: Db, id: number): DocRow {
  const row = db.prepare('SELECT * FROM residence_documents WHERE id = ?').get(id) as DocRow | undefined;
  if (!row) throw notFound('document', id);
  return row;
}

export function docRows(db: Db, traineeId: number): DocRow[] {
  return db
    .prepare(
      `SELECT * FROM residence_documents WHERE trainee_id = ?
       ORDER BY replaced_by_id IS NOT NULL, CASE type WHEN 'pass' THEN 1 WHEN 'beschaeftigungserlaubnis' THEN 1 ELSE 0 END, valid_until DESC, id DESC`,
    )
    .all(traineeId) as DocRow[];
}

/** The document's own deadlines (renewal, extension); others only refer to it. */
const ownDeadline = (d: Deadline, documentId: number) => d.documentId === documentId && (d.kind === 'renewal' || d.kind === 'extension');

export function toDocument(db: Db, r: DocRow, today: string): ResidenceDocument {
  const rules = loadRules();
  const lead = leadTimes(db)[r.type];
  const { state, urgent } = documentState(r, today, lead, rules, traineeFacts(getTrainee(db, r.trainee_id)).early_end_on);
  const next = r.replaced_by_id === null ? traineeDeadlines(db, r.trainee_id, today).find((d) => ownDeadline(d, r.id)) : undefined;
  return toView(r, state, urgent, next ? { kind: next.kind, dueOn: next.dueOn } : null);
}

function toView(r: DocRow, state: ResidenceDocument['state'], urgent: boolean, nextDeadline: ResidenceDocument['nextDeadline']): ResidenceDocument {
  return {
    id: r.id,
    traineeId: r.trainee_id,
    type: r.type,
    typeDetail: r.type_detail,
    number: r.number,
    authority: r.authority,
    issuedOn: r.issued_on,
    validUntil: r.valid_until,
    workNote: r.work_note,
    workNoteText: r.work_note_text,
    residenceObligation: r.residence_obligation,
    safeOrigin: r.safe_origin === 1,
    fileNumber: r.file_number,
    renewalAppliedOn: r.renewal_applied_on,
    replacedById: r.replaced_by_id,
    copy: r.copy_path && r.copy_name && r.copy_mime && r.copy_size && r.copy_sha256 ? { fileName: r.copy_name, mimeType: r.copy_mime, size: r.copy_size, sha256: r.copy_sha256 } : null,
    state,
    urgent,
    nextDeadline,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Everything the trainee's "Dokumente" tab and the "Dokumentenstand" PDF show. */
export function documentOverview(db: Db, traineeId: number, today: string): DocumentOverview {
  const t = getTrainee(db, traineeId);
  const rules = loadRules();
  const lead = leadTimes(db);
  const rows = docRows(db, traineeId);
  const deadlines = traineeDeadlines(db, traineeId, today);
  const facts = traineeFacts(t);
  const documents = rows.map((r) => {
    const { state, urgent } = documentState(r, today, lead[r.type], rules, facts.early_end_on);
    const next = r.replaced_by_id === null ? deadlines.find((d) => ownDeadline(d, r.id)) : undefined;
    return toView(r, state, urgent, next ? { kind: next.kind, dueOn: next.dueOn } : null);
  });
  return {
    documents,
    mayTrain: mayTrain(facts, rows, today, rules),
    missing: missingItems(facts, rows, today, lead, rules),
    deadlines,
    // Copies are kept for the duration of the employment: offered for deletion only once it has actually ended
    // (an end recorded in advance keeps the trainee active until that day).
    proposeDeleteCopies: t.status !== 'active' && rows.some((r) => r.copy_path !== null),
    retention: rules.file.rules.retention.source,
  };
}

function fieldParams(f: Fields) {
  return {
    type: f.type,
    type_detail: f.typeDetail,
    number: f.number,
    authority: f.authority,
    issued_on: f.issuedOn,
    valid_until: f.validUntil,
    // A passport carries no work note.
    work_note: f.type === 'pass' ? null : f.workNote,
    work_note_text: f.type === 'pass' ? null : f.workNoteText,
    residence_obligation: f.residenceObligation,
    safe_origin: f.safeOrigin && loadRules().type(f.type).safeOriginExclusion ? 1 : 0,
    file_number: f.fileNumber,
  };
}

/**
 * Runs `write` in a transaction that may write copies; when anything fails, the files written so far are removed,
 * so no copy is left without its row. Files a change makes obsolete are removed by the caller after the commit.
 */
function withCopies<T>(store: Store, write: (put: (traineeId: number, documentId: number, c: CheckedCopy) => string) => T): T {
  const written: string[] = [];
  const put = (traineeId: number, documentId: number, c: CheckedCopy) => {
    const rel = copyRelPath(documentId, c);
    const abs = copyAbsPath(store, traineeId, rel);
    if (!fs.existsSync(abs)) {
      writeFileAtomic(abs, c.bytes);
      written.push(abs);
    }
    return rel;
  };
  try {
    return store.db.transaction(() => write(put))();
  } catch (e) {
    for (const f of written) removeQuietly(f);
    throw e;
  }
}

const setCopy = (db: Db, id: number, rel: string, c: CheckedCopy) =>
  db
    .prepare('UPDATE residence_documents SET copy_path = ?, copy_name = ?, copy_mime = ?, copy_size = ?, copy_sha256 = ? WHERE id = ?')
    .run(rel, c.name, c.mime, c.size, c.sha256, id);

function insertDoc(db: Db, traineeId: number, f: Fields, ts: string): number {
  const p = fieldParams(f);
  const cols = Object.keys(p);
  const info = db
    .prepare(`INSERT INTO residence_documents (trainee_id, ${cols.join(', ')}, created_at, updated_at) VALUES (@traineeId, ${cols.map((c) => `@${c}`).join(', ')}, @ts, @ts)`)
    .run({ ...p, traineeId, ts });
  return Number(info.lastInsertRowid);
}

export function createDocument(store: Store, input: z.output<typeof DocumentInput>, now: Date, today: string): ResidenceDocument {
  const { traineeId, copy, ...fields } = input;
  getTrainee(store.db, traineeId);
  const checked = copy ? checkCopy(copy) : null;
  const id = withCopies(store, (put) => {
    const id = insertDoc(store.db, traineeId, fields, now.toISOString());
    if (checked) setCopy(store.db, id, put(traineeId, id, checked), checked);
    return id;
  });
  return toDocument(store.db, getDocRow(store.db, id), today);
}

export function updateDocument(store: Store, input: z.output<typeof DocumentUpdate>, now: Date, today: string): ResidenceDocument {
  const { id, copy, removeCopy, ...fields } = input;
  const before = getDocRow(store.db, id);
  if (copy && removeCopy) throw fieldError(['copy'], 'copy_conflict', 'Either a new copy or removing the copy, not both');
  const checked = copy ? checkCopy(copy) : null;
  const newRel = withCopies(store, (put): string | null => {
    const p = fieldParams(fields);
    store.db
      .prepare(`UPDATE residence_documents SET ${Object.keys(p).map((c) => `${c} = @${c}`).join(', ')}, updated_at = @ts WHERE id = @id`)
      .run({ ...p, ts: now.toISOString(), id });
    if (checked) {
      const rel = put(before.trainee_id, id, checked);
      setCopy(store.db, id, rel, checked);
      return rel;
    }
    if (removeCopy) {
      store.db.prepare('UPDATE residence_documents SET copy_path = NULL, copy_name = NULL, copy_mime = NULL, copy_size = NULL, copy_sha256 = NULL WHERE id = ?').run(id);
    }
    return null;
  });
  if (before.copy_path && (removeCopy || (newRel !== null && newRel !== before.copy_path))) removeQuietly(copyAbsPath(store, before.trainee_id, before.copy_path));
  return toDocument(store.db, getDocRow(store.db, id), today);
}

/** A new version of a document; the old one is kept (with its copy) and shown as replaced. */
export function renewDocument(store: Store, input: z.output<typeof DocumentRenewal>, now: Date, today: string): ResidenceDocument {
  const { replacesId, copy, ...fields } = input;
  const old = getDocRow(store.db, replacesId);
  if (old.replaced_by_id !== null) throw new AppError('already_replaced', `Document ${replacesId} has already been replaced`);
  const checked = copy ? checkCopy(copy) : null;
  const id = withCopies(store, (put) => {
    const ts = now.toISOString();
    const id = insertDoc(store.db, old.trainee_id, fields, ts);
    if (checked) setCopy(store.db, id, put(old.trainee_id, id, checked), checked);
    store.db.prepare('UPDATE residence_documents SET replaced_by_id = ?, updated_at = ? WHERE id = ?').run(id, ts, replacesId);
    return id;
  });
  return toDocument(store.db, getDocRow(store.db, id), today);
}

/** Records that renewal was applied for; completes the renewal deadline (who and when) if there is one. */
export function recordRenewalApplied(store: Store, input: { id: number; appliedOn: string; doneBy: string }, now: Date, today: string): ResidenceDocument {
  const { db } = store;
  const doc = getDocRow(db, input.id);
  if (doc.replaced_by_id !== null) throw new AppError('already_replaced', `Document ${input.id} has already been replaced`);
  if (input.appliedOn > today) throw fieldError(['appliedOn'], 'date_in_future', 'The date lies in the future');
  if (doc.issued_on && input.appliedOn < doc.issued_on) throw fieldError(['appliedOn'], 'applied_before_issued', 'Renewal cannot be applied for before the document was issued');
  db.transaction(() => {
    const key = doc.valid_until ? deadlineKey('renewal', doc.trainee_id, doc.id, doc.valid_until) : null;
    const open = key ? traineeDeadlines(db, doc.trainee_id, today).some((d) => d.key === key) : false;
    if (open && key) completeDeadline(db, { key, doneOn: input.appliedOn, doneBy: input.doneBy, note: null }, today, now);
    db.prepare('UPDATE residence_documents SET renewal_applied_on = ?, updated_at = ? WHERE id = ?').run(input.appliedOn, now.toISOString(), input.id);
  })();
  return toDocument(db, getDocRow(db, input.id), today);
}

export function deleteDocument(store: Store, id: number): void {
  const doc = getDocRow(store.db, id);
  store.db.prepare('DELETE FROM residence_documents WHERE id = ?').run(id);
  if (doc.copy_path) removeQuietly(copyAbsPath(store, doc.trainee_id, doc.copy_path));
}

/** The stored copy, checked against its hash. */
export function readCopy(store: Store, id: number): { fileName: string; mimeType: string; bytes: Buffer } {
  const doc = getDocRow(store.db, id);
  if (!doc.copy_path || !doc.copy_mime || !doc.copy_name) throw new AppError('copy_missing', `Document ${id} has no stored copy`);
  const bytes = readChecked(store, doc.trainee_id, doc.copy_path, doc.copy_sha256, `The copy of document ${id}`);
  return { fileName: doc.copy_name, mimeType: doc.copy_mime, bytes };
}

/** After the end of the training: deletes every stored copy of the trainee (the document rows stay). */
export function deleteCopies(store: Store, traineeId: number, now: Date): number {
  const t = getTrainee(store.db, traineeId);
  if (t.status === 'active') throw new AppError('training_active', 'Copies must be kept for the duration of the employment (§ 4a Abs. 5 S. 3 Nr. 2 AufenthG)');
  const rows = store.db.prepare('SELECT id, copy_path FROM residence_documents WHERE trainee_id = ? AND copy_path IS NOT NULL').all(traineeId) as { id: number; copy_path: string }[];
  store.db
    .prepare(
      `UPDATE residence_documents SET copy_path = NULL, copy_name = NULL, copy_mime = NULL, copy_size = NULL, copy_sha256 = NULL, updated_at = ?
       WHERE trainee_id = ? AND copy_path IS NOT NULL`,
    )
    .run(now.toISOString(), traineeId);
  for (const r of rows) removeQuietly(copyAbsPath(store, traineeId, r.copy_path));
  fs.rmSync(path.join(traineeFilesDir(store, traineeId), 'documents'), { recursive: true, force: true });
  return rows.length;
}

/** The authority's file number (Aktenzeichen) of the trainee's current documents, the newest first; null without one. */
export function fileNumber(db: Db, traineeId: number): string | null {
  const row = db
    .prepare('SELECT file_number FROM residence_documents WHERE trainee_id = ? AND file_number IS NOT NULL ORDER BY replaced_by_id IS NOT NULL, id DESC LIMIT 1')
    .get(traineeId) as { file_number: string } | undefined;
  return row?.file_number ?? null;
}
