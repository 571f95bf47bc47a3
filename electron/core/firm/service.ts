import type { z } from 'zod';
import type { Firm, FirmInput } from '../../../shared/firm';
import type { Db } from '../store/db';

interface FirmRow {
  name: string;
  street: string | null;
  zip: string | null;
  city: string | null;
  phone: string | null;
  email: string | null;
  betriebsnummer: string | null;
  chamber: string | null;
  chamber_member_no: string | null;
  federal_state: Firm['federalState'];
  legal_form: Firm['legalForm'];
  owner: string | null;
  register_court: string | null;
  register_number: string | null;
  managing_directors: string | null;
  vat_id: string | null;
  nachweis_signature_lines: number;
  address_form: Firm['addressForm'];
}

export function getFirm(db: Db): Firm | null {
  const row = db.prepare('SELECT * FROM firm WHERE id = 1').get() as FirmRow | undefined;
  if (!row) return null;
  const trainers = (db.prepare('SELECT id, name, role, aevo FROM trainers WHERE active = 1 ORDER BY id').all() as {
    id: number;
    name: string;
    role: string | null;
    aevo: number;
  }[]).map((t) => ({ ...t, aevo: t.aevo === 1 }));
  return {
    name: row.name,
    street: row.street,
    zip: row.zip,
    city: row.city,
    phone: row.phone,
    email: row.email,
    betriebsnummer: row.betriebsnummer,
    chamber: row.chamber,
    chamberMemberNo: row.chamber_member_no,
    federalState: row.federal_state,
    legalForm: row.legal_form,
    owner: row.owner,
    registerCourt: row.register_court,
    registerNumber: row.register_number,
    managingDirectors: row.managing_directors,
    vatId: row.vat_id,
    nachweisSignatureLines: row.nachweis_signature_lines === 1,
    addressForm: row.address_form,
    trainers,
  };
}

export function saveFirm(db: Db, input: z.output<typeof FirmInput>, now = new Date()): Firm {
  db.transaction(() => {
    db.prepare(
      `INSERT INTO firm (id, name, street, zip, city, phone, email, betriebsnummer, chamber, chamber_member_no, federal_state, legal_form, owner,
         register_court, register_number, managing_directors, vat_id, nachweis_signature_lines, address_form, updated_at)
       VALUES (1, @name, @street, @zip, @city, @phone, @email, @betriebsnummer, @chamber, @chamberMemberNo, @federalState, @legalForm, @owner,
         @registerCourt, @registerNumber, @managingDirectors, @vatId, @nachweisSignatureLines, @addressForm, @updatedAt)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, street = excluded.street, zip = excluded.zip, city = excluded.city,
         phone = excluded.phone, email = excluded.email, betriebsnummer = excluded.betriebsnummer, chamber = excluded.chamber,
         chamber_member_no = excluded.chamber_member_no, federal_state = excluded.federal_state, legal_form = excluded.legal_form,
         owner = excluded.owner, register_court = excluded.register_court, register_number = excluded.register_number,
         managing_directors = excluded.managing_directors, vat_id = excluded.vat_id,
         nachweis_signature_lines = excluded.nachweis_signature_lines, address_form = excluded.address_form, updated_at = excluded.updated_at`,
    ).run({ ...input, vatId: input.vatId?.replace(' ', '') ?? null, nachweisSignatureLines: input.nachweisSignatureLines ? 1 : 0, updatedAt: now.toISOString() });
    const keep = new Set<number>();
    const update = db.prepare('UPDATE trainers SET name = ?, role = ?, aevo = ?, active = 1 WHERE id = ?');
    const insert = db.prepare('INSERT INTO trainers (name, role, aevo) VALUES (?, ?, ?)');
    for (const t of input.trainers) {
      if (t.id !== undefined && update.run(t.name, t.role, t.aevo ? 1 : 0, t.id).changes === 1) keep.add(t.id);
      else keep.add(Number(insert.run(t.name, t.role, t.aevo ? 1 : 0).lastInsertRowid));
    }
    const deactivate = db.prepare('UPDATE trainers SET active = 0 WHERE id = ?');
    for (const { id } of db.prepare('SELECT id FROM trainers WHERE active = 1').all() as { id: number }[]) {
      if (!keep.has(id)) deactivate.run(id);
    }
  })();
  return getFirm(db)!;
}

/** Name of a trainer (also of one no longer active), for sign-off records. */
export function trainerName(db: Db, id: number): string | null {
  const row = db.prepare('SELECT name FROM trainers WHERE id = ?').get(id) as { name: string } | undefined;
  return row?.name ?? null;
}
