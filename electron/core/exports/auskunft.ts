// Art. 15 GDPR: everything stored about one trainee, as a PDF to read and a JSON file (schema-versioned) to keep.
// The rows are found from the schema itself: every table with a `trainee_id` column, and every table that refers
// (by foreign key) to one of those, so a table added later cannot be left out silently — it must be given a
// domain in TABLES below, or the export fails (tests/core/auskunft.test.ts).
import type { Content } from 'pdfmake/interfaces';
import { formatDate } from '../../../shared/format';
import { getFirm } from '../firm/service';
import { paragraph } from '../language/bidi';
import { retentionRules } from '../network/retention';
import { COLORS, buildDocument, fieldTable } from '../pdf/layout';
import { renderPdf } from '../pdf/render';
import type { Db, Store } from '../store/db';
import { getTraineeFile as getTrainee } from '../trainees/service';
import { fileSlug } from './text';

/** Version of the JSON layout below; raise it when the layout changes (not when a table gains a column). */
export const AUSKUNFT_SCHEMA_VERSION = 1;
export const AUSKUNFT_FORMAT = 'werkbruecke-auskunft';

const DOMAINS = {
  master_data: 'Stammdaten',
  training_plan: 'Ausbildungsplan und Fortschritt',
  training_record: 'Ausbildungsnachweis',
  learning_tasks: 'Lernaufgaben',
  residence: 'Aufenthaltsstatus, Dokumente und Fristen',
  document_copies: 'Gespeicherte Kopien von Dokumenten',
  network: 'Netzwerk: Personen und Maßnahmen',
  moderation_log: 'Konfliktmoderation',
  counselling_notes: 'Beratungs- und Coachingnotizen',
  competences: 'Mitgebrachte Kompetenzen',
  consents: 'Einwilligungen und Weitergaben',
} as const;
type Domain = keyof typeof DOMAINS;

/** Each table that holds data about a trainee: its domain and its German name in the PDF. */
const TABLES: Record<string, [Domain, string]> = {
  trainees: ['master_data', 'Stammdaten'],
  trainee_contacts: ['master_data', 'Zugeordnete Stellen aus dem Adressbuch'],
  training_plans: ['training_plan', 'Betrieblicher Ausbildungsplan'],
  plan_positions: ['training_plan', 'Positionen des Ausbildungsplans'],
  plan_items: ['training_plan', 'Zeitliche Gliederung und Fortschritt'],
  plan_changes: ['training_plan', 'Änderungen am Ausbildungsplan'],
  nachweis_settings: ['training_record', 'Einstellungen des Ausbildungsnachweises'],
  nachweis_records: ['training_record', 'Ausbildungsnachweis'],
  nachweis_amendments: ['training_record', 'Nachträge zum Ausbildungsnachweis'],
  learning_tasks: ['learning_tasks', 'Lernaufgabe'],
  learning_task_terms: ['learning_tasks', 'Begriffe einer Lernaufgabe'],
  learning_task_positions: ['learning_tasks', 'Planpositionen einer Lernaufgabe'],
  residence_documents: ['residence', 'Aufenthaltsdokument'],
  deadline_tasks: ['residence', 'Frist'],
  calendar_events: ['residence', 'Frist im Kalender'],
  network_people: ['network', 'Person im Netzwerk'],
  measures: ['network', 'Maßnahme'],
  conflict_cases: ['moderation_log', 'Moderationsfall'],
  conflict_steps: ['moderation_log', 'Gespräch'],
  conflict_views: ['moderation_log', 'Sicht einer Seite'],
  conflict_agreements: ['moderation_log', 'Vereinbarung'],
  network_notes: ['counselling_notes', 'Notiz'],
  competences: ['competences', 'Kompetenz'],
  consents: ['consents', 'Einwilligung'],
  consent_texts: ['consents', 'Text der Einwilligung'],
  disclosures: ['consents', 'Weitergabe'],
  network_deletions: ['consents', 'Gelöscht nach Ablauf der Aufbewahrungsfrist'],
  casefile_exports: ['consents', 'Fallakte für eine Vermittlung'],
  casefile_replies: ['moderation_log', 'Antwort einer Vermittlung'],
  trainee_pins: ['training_record', 'Persönliche PIN (nur als gesalzener Hash gespeichert)'],
  trainee_pin_events: ['training_record', 'Verlauf der persönlichen PIN'],
};

/** Columns that are credentials: named, never given out (a PIN's hash would let anyone try every PIN offline). */
const SECRET = new Set(['hash']);

type Row = Record<string, unknown>;
export interface Auskunft {
  format: typeof AUSKUNFT_FORMAT;
  schemaVersion: number;
  /** The workspace's database version (user_version) the rows come from. */
  databaseVersion: number;
  createdAt: string;
  trainee: { id: number; firstName: string; lastName: string };
  /** Per domain, per table: the stored rows, column names as in the database. */
  domains: Record<Domain, Record<string, Row[]>>;
  /** The stored files (copies, scans): name, type, size and checksum; the files themselves are in the workspace. */
  files: { table: string; id: number; fileName: string; mimeType: string; size: number; sha256: string }[];
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Tables in the order they can be read: first those with trainee_id, then their children (by foreign key). */
function traineeTables(db: Db) {
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  const cols = new Map(tables.map((t) => [t, (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(t) as { name: string }[]).map((c) => c.name)]));
  const fks = new Map(tables.map((t) => [t, db.prepare(`SELECT "table" AS parent, "from" AS col, coalesce("to", 'id') AS ref FROM pragma_foreign_key_list(?)`).all(t) as { parent: string; col: string; ref: string }[]]));
  const order: { table: string; via: { col: string; parent: string; ref: string }[] }[] = [{ table: 'trainees', via: [] }];
  const inSet = new Set(['trainees']);
  for (let grew = true; grew; ) {
    grew = false;
    for (const t of tables) {
      if (inSet.has(t)) continue;
      const via = (fks.get(t) ?? []).filter((f) => inSet.has(f.parent));
      const direct = cols.get(t)?.includes('trainee_id') && !via.some((f) => f.col === 'trainee_id');
      if (via.length === 0 && !direct) continue;
      order.push({ table: t, via: direct ? [...via, { col: 'trainee_id', parent: 'trainees', ref: 'id' }] : via });
      inSet.add(t);
      grew = true;
    }
  }
  return order;
}

/** JSON values are kept as stored (text); binary values are described by their size only. */
const plain = (r: Row): Row =>
  Object.fromEntries(Object.entries(r).map(([k, v]) => [k, SECRET.has(k) && v !== null ? '(geschützt, nicht ausgegeben)' : v instanceof Uint8Array ? { bytes: v.byteLength } : v]));

export function collectAuskunft(store: Store, traineeId: number, now: Date): Auskunft {
  const { db } = store;
  const t = getTrainee(db, traineeId);
  return db.transaction((): Auskunft => {
    const rows = new Map<string, Row[]>();
    const ids = (table: string, col: string) => JSON.stringify((rows.get(table) ?? []).map((r) => r[col]));
    for (const { table, via } of traineeTables(db)) {
      if (!TABLES[table]) throw new Error(`Table ${table} holds trainee data but has no domain in the Art. 15 export`);
      const where = table === 'trainees' ? 'id = ?' : via.map((f) => `${q(f.col)} IN (SELECT value FROM json_each(?))`).join(' OR ');
      const params = table === 'trainees' ? [traineeId] : via.map((f) => (f.parent === 'trainees' ? JSON.stringify([traineeId]) : ids(f.parent, f.ref)));
      const pk = (db.prepare('SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk').all(table) as { name: string }[]).map((c) => q(c.name));
      rows.set(table, (db.prepare(`SELECT * FROM ${q(table)} WHERE ${where}${pk.length ? ` ORDER BY ${pk.join(', ')}` : ''}`).all(...params) as Row[]).map(plain));
    }
    // The texts the trainee consented to (they are not the trainee's own rows, but what the consent says).
    rows.set('consent_texts', db.prepare('SELECT * FROM consent_texts WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id').all(ids('consents', 'text_id')) as Row[]);
    const domains = Object.fromEntries(Object.keys(DOMAINS).map((d) => [d, {}])) as Auskunft['domains'];
    for (const [table, list] of rows) domains[TABLES[table]![0]][table] = list;
    const files: Auskunft['files'] = [];
    for (const r of rows.get('residence_documents') ?? []) {
      if (r.copy_path) files.push({ table: 'residence_documents', id: r.id as number, fileName: r.copy_name as string, mimeType: r.copy_mime as string, size: r.copy_size as number, sha256: r.copy_sha256 as string });
    }
    for (const r of rows.get('consents') ?? []) {
      if (r.scan_path) files.push({ table: 'consents', id: r.id as number, fileName: r.scan_name as string, mimeType: r.scan_mime as string, size: r.scan_size as number, sha256: r.scan_sha256 as string });
    }
    domains.document_copies = { files: files as unknown as Row[] };
    return {
      format: AUSKUNFT_FORMAT,
      schemaVersion: AUSKUNFT_SCHEMA_VERSION,
      databaseVersion: store.schemaVersion(),
      createdAt: now.toISOString(),
      trainee: { id: t.id, firstName: t.firstName, lastName: t.lastName },
      domains,
      files,
    };
  })();
}

// PDF --------------------------------------------------------------------------------------------------------
/** German labels for the columns; a column without one is printed under its own name. */
const LABEL: Record<string, string> = {
  first_name: 'Vorname', last_name: 'Nachname', date_of_birth: 'Geburtsdatum', nationality: 'Staatsangehörigkeit', first_languages: 'Erstsprache(n)', other_languages: 'Weitere Sprachen',
  german_level: 'Deutschniveau', german_level_date: 'Deutschniveau vom', german_level_source: 'Nachweis Deutschniveau', phone: 'Telefon', email: 'E-Mail', address: 'Anschrift',
  occupation_id: 'Ausbildungsberuf', contract_start: 'Beginn der Ausbildung', contract_end_planned: 'Geplantes Ende', probation_months: 'Probezeit (Monate)', weekly_hours: 'Wochenstunden',
  school_days: 'Berufsschultage', pay_per_year: 'Vergütung je Ausbildungsjahr (€)', chamber_registration_date: 'Eintragung Kammer am', chamber_registration_no: 'Eintragungsnummer',
  prior_experience: 'Vorerfahrung', notes: 'Notizen', status: 'Status', ended_on: 'Beendet am', end_reason: 'Grund der Beendigung', end_known_on: 'Ende bekannt seit',
  scheduled_end_on: 'Vorgemerktes Ende', scheduled_end_kind: 'Art des vorgemerkten Endes', role: 'Rolle', name: 'Name', organisation: 'Organisation', title: 'Titel', type: 'Art',
  type_detail: 'Art (Freitext)', number: 'Nummer', authority: 'Behörde', issued_on: 'Ausgestellt am', valid_until: 'Gültig bis', work_note: 'Nebenbestimmung Beschäftigung',
  work_note_text: 'Wortlaut der Nebenbestimmung', residence_obligation: 'Wohnsitzauflage', renewal_applied_on: 'Verlängerung beantragt am', file_number: 'Aktenzeichen',
  copy_name: 'Kopie (Datei)', copy_mime: 'Dateityp', copy_size: 'Größe (Byte)', copy_sha256: 'Prüfsumme (SHA-256)', safe_origin: 'Sicheres Herkunftsland', kind: 'Art',
  due_on: 'Fällig am', done_on: 'Erledigt am', done_by: 'Erledigt von', done_note: 'Vermerk', note: 'Vermerk', period_from: 'von', period_to: 'bis', entries: 'Tätigkeiten',
  hours: 'Stunden', trainee_signed_at: 'Von der/dem Auszubildenden unterschrieben am', trainer_signed_at: 'Von der Ausbildungskraft unterschrieben am', trainee_signed_name: 'Unterschrieben von',
  reason: 'Grund', text: 'Text', body: 'Text', what: 'Was', who: 'Wer', since: 'seit', until: 'bis', partner_type: 'Art der Partnerschaft', reach: 'Erreichbarkeit',
  start_on: 'Beginn', end_on: 'Ende', provider: 'Träger', level: 'Niveau', next_step: 'Nächster Schritt', category: 'Kategorie', occasion: 'Anlass', raised_by: 'Angesprochen von',
  raised_on: 'Angesprochen am', earlier_warnings: 'Frühere Hinweise', outcome: 'Ergebnis', outcome_note: 'Zum Ergebnis', closed_on: 'Abgeschlossen am', held_on: 'Am', place: 'Ort',
  participants: 'Beteiligte', facts: 'Sachverhalt', summary_to: 'Zusammenfassung an', side: 'Seite', confirmed_on: 'Bestätigt am', review_on: 'Überprüfung am',
  purpose: 'Zweck', categories: 'Datenarten', given_on: 'Erteilt am', form: 'Form', revoked_on: 'Widerrufen am', disclosed_on: 'Weitergegeben am', recipient: 'Empfänger/in',
  sha256: 'Prüfsumme (SHA-256)', noted_on: 'Datum', author: 'Von', topic: 'Thema', confidential: 'Vertraulich', source: 'Woher', proof: 'Wie gezeigt', plan_positions: 'Planpositionen',
  count: 'Anzahl', deleted_at: 'Gelöscht am', version: 'Fassung', family: 'Textfamilie', language: 'Sprache', scenario: 'Situation', position_number: 'Position',
  at: 'Zeitpunkt', params: 'Angaben', skills: 'Fertigkeiten und Kenntnisse', throughout: 'während der gesamten Ausbildung', firm_specific: 'betriebsspezifisch', planned_from: 'Geplant von', planned_to: 'Geplant bis', scan_name: 'Scan (Datei)', scan_mime: 'Dateityp des Scans', scan_size: 'Größe des Scans (Byte)', scan_sha256: 'Prüfsumme des Scans (SHA-256)', created_at: 'Angelegt am', updated_at: 'Geändert am',
};
/** Technical columns not printed (they are in the JSON file). */
const HIDDEN = new Set(['id', 'uuid', 'trainee_id', 'copy_path', 'scan_path', 'path', 'content_hash', 'search_text', 'sort', 'sort_key', 'identity', 'sequence', 'last_modified', 'created_at', 'updated_at']);

/** A stored JSON value as lines: a list of plain values on one line, one line per object, an object as "key: value". */
function structured(j: unknown): string {
  const flat = (x: unknown): string => (x === null || typeof x !== 'object' ? String(x) : Array.isArray(x) ? x.map(flat).join(', ') : Object.entries(x).map(([k, v]) => `${k}: ${flat(v)}`).join('; '));
  if (Array.isArray(j)) return j.every((x) => x === null || typeof x !== 'object') ? j.join(', ') : j.map((x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.values(x).map(flat).join(' – ') : flat(x))).join('\n');
  return j && typeof j === 'object' ? Object.entries(j).map(([k, v]) => `${k}: ${flat(v)}`).join('\n') : String(j);
}

function show(v: unknown): string | null {
  if (v === null || v === undefined || v === '' || v === '[]' || v === '{}') return null;
  if (typeof v === 'object') return JSON.stringify(v);
  const s = String(v);
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return formatDate(s);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s)) return `${formatDate(s.slice(0, 10))} ${s.slice(11, 16)} UTC`;
  if (/^[[{]/.test(s)) {
    try {
      return structured(JSON.parse(s) as unknown);
    } catch {
      return s;
    }
  }
  return s;
}

const W = 515 - 150 - 10;

const printable = (r: Row) =>
  Object.entries(r)
    .filter(([k, v]) => !HIDDEN.has(k) && !(k.endsWith('_id') && typeof v === 'number'))
    .map(([k, v]) => [k, show(v)] as const)
    .filter((e): e is readonly [string, string] => e[1] !== null);

function recordTable(r: Row): Content {
  const body = printable(r).map(([k, v]) => [{ text: LABEL[k] ?? k, style: 'label' }, paragraph(v, { width: W, fontSize: 9 })]);
  return {
    table: { widths: [150, '*'], body },
    layout: { hLineWidth: () => 0.4, vLineWidth: () => 0, hLineColor: () => COLORS.line, paddingTop: () => 2, paddingBottom: () => 2 },
    margin: [0, 0, 0, 6],
  };
}

export async function auskunftPdf(store: Store, traineeId: number, now: Date) {
  const a = collectAuskunft(store, traineeId, now);
  const firm = getFirm(store.db);
  const retention = retentionRules(store.db);
  const recipients = [...new Set([...(a.domains.consents.disclosures ?? []).map((d) => d.recipient as string)])];
  const content: Content[] = [
    { text: 'Angaben nach Art. 15 Abs. 1 DSGVO', style: 'h2' },
    fieldTable([
      ['Verantwortlich', firm ? [firm.name, firm.street, [firm.zip, firm.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') : null],
      ['Zwecke', 'Durchführung der Berufsausbildung (Ausbildungsplan, Ausbildungsnachweis, Lernaufgaben); aufenthaltsrechtliche Pflichten des Betriebs (Dokumente, Fristen, Mitteilungen); Begleitung im Netzwerk (Maßnahmen, Moderation, Beratung) mit Einwilligung'],
      ['Datenarten', Object.entries(DOMAINS).filter(([d]) => Object.values(a.domains[d as Domain]).some((l) => l.length > 0)).map(([, n]) => n).join(', ')],
      ['Empfänger/innen (Weitergaben)', recipients.length > 0 ? recipients.join(', ') : 'keine Weitergabe erfasst'],
      ['Speicherdauer', retention.rules.map((r) => `${r.what.de}: ${r.id in retention.years ? `${retention.years[r.id as keyof typeof retention.years]} ` : ''}${r.keep.de}`).join('\n')],
      ['Herkunft der Daten', 'Angaben der/des Auszubildenden und Aufzeichnungen des Betriebs'],
      ['Ihre Rechte', 'Berichtigung (Art. 16), Löschung (Art. 17), Einschränkung (Art. 18), Widerspruch (Art. 21) und Beschwerde bei einer Datenschutz-Aufsichtsbehörde (Art. 77 DSGVO); eine Einwilligung kann jederzeit für die Zukunft widerrufen werden.'],
      ['Maschinenlesbar', `Dieselben Daten vollständig in der Datei Auskunft_…json (Format ${AUSKUNFT_FORMAT}, Version ${AUSKUNFT_SCHEMA_VERSION})`],
    ]),
  ];
  for (const [domain, heading] of Object.entries(DOMAINS) as [Domain, string][]) {
    content.push({ text: heading, style: 'h2' });
    if (domain === 'document_copies') {
      content.push(a.files.length === 0 ? { text: 'Keine Kopien gespeichert.' } : { ul: a.files.map((f) => `${f.fileName} (${f.mimeType}, ${f.size} Byte, SHA-256 ${f.sha256})`) });
      continue;
    }
    const tables = Object.entries(a.domains[domain]).filter(([, l]) => l.length > 0);
    if (tables.length === 0) content.push({ text: 'Nichts gespeichert.', style: 'small' });
    for (const [table, list] of tables) {
      if (list.every((r) => printable(r).length === 0)) {
        content.push({ text: TABLES[table]![1], bold: true, margin: [0, 4, 0, 2] }, { text: `${list.length} Verweise auf andere Einträge (vollständig in der JSON-Datei)`, style: 'small' });
        continue;
      }
      list.forEach((r, i) => {
        content.push({ text: list.length > 1 ? `${TABLES[table]![1]} (${i + 1} von ${list.length})` : TABLES[table]![1], bold: true, margin: [0, 4, 0, 2] });
        content.push(recordTable(r));
      });
    }
  }
  const doc = buildDocument({ firm, title: 'Auskunft über gespeicherte Daten (Art. 15 DSGVO)', subtitle: [`${a.trainee.lastName}, ${a.trainee.firstName}`], createdAt: now, content });
  return { fileName: `Auskunft_${fileSlug(a.trainee.lastName)}_${fileSlug(a.trainee.firstName)}.pdf`, mimeType: 'application/pdf', bytes: await renderPdf(doc) };
}

export function auskunftJson(store: Store, traineeId: number, now: Date) {
  const a = collectAuskunft(store, traineeId, now);
  return { fileName: `Auskunft_${fileSlug(a.trainee.lastName)}_${fileSlug(a.trainee.firstName)}.json`, mimeType: 'application/json', bytes: new TextEncoder().encode(`${JSON.stringify(a, null, 2)}\n`) };
}
