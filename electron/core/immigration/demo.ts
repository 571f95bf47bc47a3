// Demo data for immigration paperwork: documents for every demo trainee (relative to "now", so one always expires
// within 60 days), a renewal history, an expired separate work permission, and the address book.
// Called inside createDemo's transaction, before the early end of training is recorded (so the hook creates the task).
import type { Trainee } from '../../../shared/trainees';
import type { Db } from '../store/db';
import { toIsoDate } from '../../../shared/format';
import { addDays } from './dates';

type Doc = {
  type: string;
  type_detail?: string;
  number: string;
  authority: string;
  issued_on: string;
  valid_until: string;
  work_note: string | null;
  work_note_text?: string;
  file_number?: string;
  residence_obligation?: string;
  renewal_applied_on?: string;
  replaces?: boolean;
};

const ABH = 'Freie und Hansestadt Hamburg, Amt für Migration';

export function seedImmigrationDemo(db: Db, trainees: Trainee[], now: Date): void {
  const today = toIsoDate(now);
  const rel = (days: number) => addDays(today, days);
  const firm = 'Tischlerei & Haustechnik Krämer GmbH';
  const byName = (last: string) => trainees.find((t) => t.lastName === last)!;
  const plan: [Trainee, Doc[]][] = [
    [
      byName('Rahimi'),
      [
        // History: the Duldung before the training, replaced by the Ausbildungsduldung.
        { type: 'duldung', number: 'D-HH-2024-33187', authority: ABH, issued_on: '2024-09-02', valid_until: '2025-09-01', work_note: 'beschaeftigung_nur_mit_erlaubnis', residence_obligation: 'Wohnsitzauflage Hamburg' },
        {
          type: 'ausbildungsduldung',
          number: 'D-HH-2025-40211',
          authority: ABH,
          issued_on: '2025-07-14',
          valid_until: '2028-07-31',
          work_note: 'ausbildung_bei_betrieb',
          work_note_text: `Beschäftigung nur als Auszubildender zum Tischler bei ${firm} gestattet`,
          file_number: 'ABH-HH 23.4-0815/25',
          residence_obligation: 'Wohnsitzauflage Hamburg',
          replaces: true,
        },
      ],
    ],
    [
      byName('Haddad'),
      [
        { type: 'ae_25', number: 'Y7K3M9P2L', authority: ABH, issued_on: rel(-3 * 365 + 40), valid_until: rel(40), work_note: 'erwerbstaetigkeit_erlaubt', residence_obligation: 'Wohnsitzauflage Hamburg (§ 12a AufenthG)' },
        { type: 'pass', number: 'N012345678', authority: 'Syrische Arabische Republik', issued_on: '2021-03-10', valid_until: '2027-03-09', work_note: null },
      ],
    ],
    [
      byName('Tesfay'),
      [
        { type: 'aufenthaltsgestattung', number: 'G-HH-2025-1187', authority: 'Bundesamt für Migration und Flüchtlinge / Ausländerbehörde Hamburg', issued_on: rel(-100), valid_until: rel(83), work_note: 'beschaeftigung_nur_mit_erlaubnis' },
        // The separate permission expired a few days ago: the demo's red "may not train today".
        { type: 'beschaeftigungserlaubnis', number: 'BE-HH-2026-0311', authority: ABH, issued_on: rel(-180), valid_until: rel(-3), work_note: 'ausbildung_bei_betrieb', work_note_text: `Ausbildung zur Elektronikerin bei ${firm}` },
      ],
    ],
    [
      byName('Kovalenko'),
      [
        {
          type: 'sonstiges',
          type_detail: 'Aufenthaltserlaubnis § 24 AufenthG (vorübergehender Schutz)',
          number: 'Y4R8T2Q1Z',
          authority: ABH,
          issued_on: '2025-03-05',
          valid_until: rel(20),
          work_note: 'erwerbstaetigkeit_erlaubt',
          renewal_applied_on: rel(-6),
        },
      ],
    ],
    [
      byName('Karimi'),
      [
        {
          type: 'ausbildungsduldung',
          number: 'D-HH-2025-40377',
          authority: ABH,
          issued_on: '2025-07-20',
          valid_until: '2029-01-31',
          work_note: 'ausbildung_bei_betrieb',
          work_note_text: `Beschäftigung nur als Auszubildender zum Elektroniker bei ${firm} gestattet`,
          file_number: 'ABH-HH 23.4-1207/25',
        },
      ],
    ],
  ];
  const ts = now.toISOString();
  const insert = db.prepare(
    `INSERT INTO residence_documents (trainee_id, type, type_detail, number, authority, issued_on, valid_until, work_note, work_note_text,
       residence_obligation, renewal_applied_on, file_number, created_at, updated_at)
     VALUES (@trainee_id, @type, @type_detail, @number, @authority, @issued_on, @valid_until, @work_note, @work_note_text,
       @residence_obligation, @renewal_applied_on, @file_number, @ts, @ts)`,
  );
  for (const [t, docs] of plan) {
    let previous: number | null = null;
    for (const { replaces, ...d } of docs) {
      const id = Number(
        insert.run({ trainee_id: t.id, type_detail: null, work_note_text: null, residence_obligation: null, renewal_applied_on: null, file_number: null, ...d, ts }).lastInsertRowid,
      );
      if (replaces && previous !== null) db.prepare('UPDATE residence_documents SET replaced_by_id = ? WHERE id = ?').run(id, previous);
      previous = id;
    }
  }
  seedContacts(db, trainees, ts);
}

function seedContacts(db: Db, trainees: Trainee[], ts: string) {
  const contacts = [
    { kind: 'auslaenderbehoerde', organisation: 'Amt für Migration Hamburg', department: 'Ausländerbehörde, Abteilung Aufenthalt und Beschäftigung', person: 'Frau Schulze', phone: '040 428 39-0', email: 'auslaenderbehoerde@example.hamburg.de', street: 'Hammer Straße 10', zip: '22041', city: 'Hamburg' },
    { kind: 'agentur_fuer_arbeit', organisation: 'Agentur für Arbeit Hamburg', department: 'Arbeitgeber-Service', person: 'Herr Brandt', phone: '0800 4 5555 20', email: null, street: 'Kurt-Schumacher-Allee 16', zip: '20097', city: 'Hamburg' },
    { kind: 'handwerkskammer', organisation: 'Handwerkskammer Hamburg', department: 'Ausbildungsberatung', person: 'Frau Petersen (Willkommenslotsin)', phone: '040 35905-0', email: 'ausbildung@example-hwk-hamburg.de', street: 'Holstenwall 12', zip: '20355', city: 'Hamburg' },
    { kind: 'berufsschule', organisation: 'Berufliche Schule Holz, Farbe, Textil', department: null, person: 'Herr Yilmaz (Klassenlehrer)', phone: null, email: null, street: 'Billwerder Billdeich 614', zip: '21033', city: 'Hamburg' },
    { kind: 'asa_flex', organisation: 'AsA flex – Bildungsträger Nord', department: null, person: 'Frau Okafor (Ausbildungsbegleitung)', phone: '040 555 123', email: 'asa@example-bildungstraeger.de', street: null, zip: null, city: 'Hamburg' },
    { kind: 'sprachkurs', organisation: 'Berufssprachkurs B2 – Sprachschule am Hafen', department: null, person: null, phone: '040 555 987', email: null, street: null, zip: null, city: 'Hamburg' },
    { kind: 'beratung', organisation: 'Beratungsstelle Flucht und Arbeit', department: null, person: 'Herr Mahmoud', phone: '040 555 456', email: 'beratung@example-flucht-arbeit.de', street: null, zip: null, city: 'Hamburg' },
  ];
  const insert = db.prepare(
    `INSERT INTO contacts (kind, organisation, department, person, phone, email, street, zip, city, notes, created_at, updated_at)
     VALUES (@kind, @organisation, @department, @person, @phone, @email, @street, @zip, @city, NULL, @ts, @ts)`,
  );
  const ids = contacts.map((c) => Number(insert.run({ ...c, ts }).lastInsertRowid));
  const link = db.prepare('INSERT INTO trainee_contacts (trainee_id, contact_id) VALUES (?, ?)');
  // Everyone shares the ABH, the chamber and the employment agency; school and support differ per person.
  for (const t of trainees) {
    for (const i of [0, 1, 2]) link.run(t.id, ids[i]);
    if (t.occupationId === 'tischler') link.run(t.id, ids[3]);
    if (t.germanLevel === 'A2') link.run(t.id, ids[4]);
    if (t.lastName === 'Kovalenko' || t.lastName === 'Rahimi') link.run(t.id, ids[5]);
    if (t.lastName === 'Karimi' || t.lastName === 'Tesfay') link.run(t.id, ids[6]);
  }
}
