// The address book: institutions (authorities, chamber, school, support) and which trainees they belong to.
import type { z } from 'zod';
import type { Contact, ContactInput, ContactKind, ContactUpdate } from '../../../shared/contacts';
import { AppError, fieldError, notFound } from '../errors';
import type { Db } from '../store/db';
import { getTrainee } from '../trainees/service';

interface ContactRow {
  id: number;
  kind: ContactKind;
  organisation: string;
  department: string | null;
  person: string | null;
  phone: string | null;
  email: string | null;
  street: string | null;
  zip: string | null;
  city: string | null;
  notes: string | null;
  trainee_ids: string | null;
}

const SELECT = `SELECT c.*, (SELECT group_concat(trainee_id) FROM trainee_contacts tc WHERE tc.contact_id = c.id) AS trainee_ids FROM contacts c`;

function toContact(r: ContactRow): Contact {
  return {
    id: r.id,
    kind: r.kind,
    organisation: r.organisation,
    department: r.department,
    person: r.person,
    phone: r.phone,
    email: r.email,
    street: r.street,
    zip: r.zip,
    city: r.city,
    notes: r.notes,
    traineeIds: r.trainee_ids ? r.trainee_ids.split(',').map(Number).sort((a, b) => a - b) : [],
  };
}

export function getContact(db: Db, id: number): Contact {
  const row = db.prepare(`${SELECT} WHERE c.id = ?`).get(id) as ContactRow | undefined;
  if (!row) throw notFound('contact', id);
  return toContact(row);
}

/** All contacts, or those linked to one trainee; by kind, then name. */
export function listContacts(db: Db, traineeId?: number): Contact[] {
  if (traineeId !== undefined) getTrainee(db, traineeId);
  const where = traineeId !== undefined ? 'WHERE c.id IN (SELECT contact_id FROM trainee_contacts WHERE trainee_id = @tid)' : '';
  const rows = db.prepare(`${SELECT} ${where} ORDER BY c.kind, c.organisation COLLATE NOCASE, c.id`).all(traineeId !== undefined ? { tid: traineeId } : {}) as ContactRow[];
  return rows.map(toContact);
}

const params = (i: z.output<typeof ContactInput>) => ({
  kind: i.kind,
  organisation: i.organisation,
  department: i.department,
  person: i.person,
  phone: i.phone,
  email: i.email,
  street: i.street,
  zip: i.zip,
  city: i.city,
  notes: i.notes,
});

export function createContact(db: Db, input: z.output<typeof ContactInput>, now: Date): Contact {
  const p = params(input);
  const cols = Object.keys(p);
  const info = db
    .prepare(`INSERT INTO contacts (${cols.join(', ')}, created_at, updated_at) VALUES (${cols.map((c) => `@${c}`).join(', ')}, @ts, @ts)`)
    .run({ ...p, ts: now.toISOString() });
  return getContact(db, Number(info.lastInsertRowid));
}

export function updateContact(db: Db, input: z.output<typeof ContactUpdate>, now: Date): Contact {
  const { id, ...rest } = input;
  getContact(db, id);
  const p = params(rest);
  db.prepare(`UPDATE contacts SET ${Object.keys(p).map((c) => `${c} = @${c}`).join(', ')}, updated_at = @ts WHERE id = @id`).run({ ...p, ts: now.toISOString(), id });
  return getContact(db, id);
}

export function deleteContact(db: Db, id: number): void {
  getContact(db, id);
  // A consent or disclosure record names this institution as recipient: it stays on record (network, issue 11).
  const consents = (db.prepare('SELECT count(*) AS n FROM consents WHERE contact_id = ?').get(id) as { n: number }).n;
  if (consents > 0) throw new AppError('contact_has_consents', `Contact ${id} is the recipient of ${consents} consent(s)`, { count: consents });
  db.prepare('DELETE FROM contacts WHERE id = ?').run(id);
}

/** Replaces the set of institutions linked to a trainee. */
export function setTraineeContacts(db: Db, traineeId: number, contactIds: number[]): Contact[] {
  return db.transaction(() => {
    getTrainee(db, traineeId);
    const exists = db.prepare('SELECT 1 FROM contacts WHERE id = ?');
    contactIds.forEach((cid, i) => {
      if (!exists.get(cid)) throw fieldError(['contactIds', i], 'unknown_contact', `Contact ${cid} does not exist`, { id: cid });
    });
    db.prepare('DELETE FROM trainee_contacts WHERE trainee_id = ?').run(traineeId);
    const link = db.prepare('INSERT INTO trainee_contacts (trainee_id, contact_id) VALUES (?, ?)');
    for (const cid of contactIds) link.run(traineeId, cid);
    return listContacts(db, traineeId);
  })();
}

/** The recipient for a letter: the institution of that kind linked to the trainee, else the only one in the address book. */
export function recipientFor(db: Db, traineeId: number, kind: ContactKind): Contact | null {
  const linked = listContacts(db, traineeId).filter((c) => c.kind === kind);
  if (linked.length > 0) return linked[0]!;
  const all = db.prepare(`${SELECT} WHERE c.kind = ? ORDER BY c.id`).all(kind) as ContactRow[];
  return all.length === 1 ? toContact(all[0]!) : null;
}
