// Training plan and Ausbildungsnachweis: the record PDF of a whole 3.5-year training (182 signed weeks with
// realistic text) against bare pdfmake rendering the same texts in one plain table (same fonts, same process),
// and the progress view of one trainee.
import { performance } from 'node:perf_hooks';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { FirmInput } from '../../../shared/firm';
import { RecordContent, type RecordContentInput } from '../../../shared/nachweis';
import { formatDate, formatDateTime, toIsoDate } from '../../../shared/format';
import { addDays, mondayOf } from '../../../shared/trainingCalendar';
import { TraineeInput } from '../../../shared/trainees';
import { saveFirm } from '../../core/firm/service';
import { nachweisDocument, nachweisPdf, recordsInRange } from '../../core/nachweis/pdf';
import { recordTraineeSignature, saveRecord, signRecord } from '../../core/nachweis/service';
import { forgetHyphenation, hyphenateDocument } from '../../core/pdf/hyphenate';
import { forgetSharedMeasures } from '../../core/pdf/measure';
import { renderPdfBare, renderPdfStock } from '../../core/pdf/render';
import { planProgress } from '../../core/plan/progress';
import { createPlan, itemRows, setStatus } from '../../core/plan/service';
import { openStore, type Db } from '../../core/store/db';
import { createTrainee, getTrainee } from '../../core/trainees/service';
import { median, round } from './util';

// About one page of keywords a week, as the BIBB recommends: site work, workshop, instruction, school topics.
const WORK = [
  'Badsanierung im Altbau: alte Stahlleitungen zurückgebaut, Wandschlitze gestemmt, Trinkwasserleitungen aus Mehrschichtverbundrohr nach Plan verlegt und verpresst, Befestigungsabstände geprüft',
  'Heizungswartung beim Kunden: Brenner gereinigt, Abgasmessung durchgeführt, Ausdehnungsgefäß geprüft und Vordruck eingestellt, Wartungsprotokoll ausgefüllt und mit dem Kunden besprochen',
  'Vorwandinstallation gestellt, WC-Element und Waschtischelement montiert, Abwasserleitungen mit Gefälle angeschlossen, Dichtheitsprüfung vorbereitet und dokumentiert',
  'Wärmepumpe mit dem Gesellen aufgestellt, Pufferspeicher angeschlossen, Heizungsleitungen gedämmt, hydraulischen Abgleich vorbereitet (Heizlast je Raum aus der Berechnung übernommen)',
  'Heizkörper getauscht, Thermostatventile montiert und voreingestellt, Anlage befüllt, entlüftet und auf Dichtheit geprüft, Baustelle sauber übergeben',
  'Werkstatt: Rohre nach Maß abgelängt, entgratet, Gewinde geschnitten, Flansche vorbereitet, Material für die nächste Baustelle nach Liste kommissioniert und Fahrzeug beladen',
  'Kundendienst: tropfende Armatur ausgetauscht, Eckventile erneuert, Spülkasten eingestellt, Arbeitszeit und Material auf dem Arbeitsbericht eingetragen',
];
const INSTRUCTION = [
  'Unterweisung Pressmaschine: Pressbacken prüfen, Einstecktiefe markieren, Sichtkontrolle der Verpressung, Fehler erkennen',
  'Überbetriebliche Lehrlingsunterweisung: Hartlöten und Weichlöten von Kupferrohr, Gefährdungen durch offene Flamme, Brandwache',
  'Kundengespräch geübt: Termin ankündigen, Arbeiten erklären, Rückfragen stellen, Übergabe mit Bedienungsanleitung',
];
const SCHOOL = [
  'Lernfeld 5: Trinkwasseranlagen installieren; hygienische Anforderungen, Legionellen, Rohrweitenberechnung',
  'Lernfeld 7: Wärmeverteilanlagen einbauen; Wärmebedarf, Heizkörperauslegung, Fachrechnen mit Volumenströmen',
  'Lernfeld 9: Sanitärräume ausstatten; barrierefreie Bäder, Normen und Abstandsmaße',
  'Deutsch und Kommunikation: Arbeitsbericht schreiben, Fachbegriffe der Woche; Wirtschafts- und Sozialkunde: Ausbildungsvertrag',
];

function week(n: number, monday: string): RecordContentInput {
  const pick = <T>(list: T[], k: number) => list[(n * 5 + k * 3) % list.length]!;
  return {
    entries: [
      { kind: 'work', day: null, text: `${pick(WORK, 1)}.`, hours: 11, positions: ['A8', 'A2'] },
      { kind: 'work', day: null, text: `${pick(WORK, 2)}.`, hours: 9, positions: ['A9', 'A11'] },
      { kind: 'work', day: null, text: `${pick(WORK, 3)}.`, hours: 7.5, positions: ['A12'] },
      { kind: 'instruction', day: null, text: `${pick(INSTRUCTION, 1)}.`, hours: 2, positions: ['B3'] },
      { kind: 'school', day: addDays(monday, 1), text: `${pick(SCHOOL, 1)}.`, hours: 4, positions: [] },
      { kind: 'school', day: addDays(monday, 1), text: `${pick(SCHOOL, 2)}.`, hours: 4, positions: [] },
    ],
    absences: n % 9 === 4 ? [{ day: addDays(monday, 4), kind: 'holiday', hours: null, note: null }] : [],
    remarks: null,
  };
}

const pageCount = (pdf: Uint8Array) => (Buffer.from(pdf).toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;

/** A whole 3.5-year training: firm, trainee, plan mostly done, 182 signed weeks (also the case-file bench's case). */
export function seedFullTraining(db: Db, now: Date): { traineeId: number; trainer: number } {
  let traineeId = 0;
  let trainerId = 0;
  db.transaction(() => {
    const firm = saveFirm(
      db,
      FirmInput.parse({ name: 'Haustechnik Bench GmbH', street: 'Rohrweg 1', zip: '20095', city: 'Hamburg', trainers: [{ name: 'Petra Meister', role: 'Installateurmeisterin', aevo: true }] }),
    );
    const trainer = firm.trainers[0]!.id;
    trainerId = trainer;
    const t = createTrainee(
      db,
      TraineeInput.parse({
        firstName: 'Yusuf',
        lastName: 'Haddad',
        firstLanguages: ['ar'],
        otherLanguages: [],
        occupationId: 'anlagenmechaniker-shk',
        contractStart: '2026-08-03',
        contractEndPlanned: '2030-01-31',
        probationMonths: 4,
        weeklyHours: 39,
        schoolDays: [2],
        payPerYear: [1000, 1080, 1180, 1250],
      }),
      now,
    );
    traineeId = t.id;
    createPlan(db, t.id, now);
    for (const r of itemRows(db, t.id).filter((x) => x.planned_to < '2029-06-01')) {
      setStatus(db, { id: r.id, status: 'done', doneOn: r.planned_to, confirmedBy: trainer, place: null, note: null }, now);
    }
    let monday = mondayOf(t.contractStart);
    for (let n = 0; n < 182; n++, monday = addDays(monday, 7)) {
      const r = saveRecord(db, { traineeId: t.id, id: null, from: monday, to: addDays(monday, 4), content: RecordContent.parse(week(n, monday)) }, now);
      recordTraineeSignature(db, r.id, now);
      signRecord(db, { id: r.id, as: 'trainer', trainerId: trainer }, now);
    }
  })();
  return { traineeId, trainer: trainerId };
}

export async function benchPlan(dir: string) {
  const store = openStore(dir);
  const { db } = store;
  const now = new Date('2030-02-15T10:00:00Z');
  const { traineeId } = seedFullTraining(db, now);

  const plan_progress_ms = await median(() => planProgress(db, traineeId, now));

  // The same week texts, bare: one plain table, the same fonts, no letterhead, no sheets, no hyphenation,
  // rendered by pdfmake's own printer (renderPdfBare), not by ours.
  const t = getTrainee(db, traineeId);
  const records = recordsInRange(store, t);
  const baselineDoc = (): TDocumentDefinitions => ({
    pageSize: 'A4',
    defaultStyle: { font: 'Sans', fontSize: 9.5 },
    content: [
      {
        table: {
          widths: ['*', 44, 36],
          body: records.flatMap((r) => [
            ...r.content.entries.map((e) => [e.text, e.positions.join(', '), String(e.hours)]),
            ...r.content.absences.map((a) => [`${a.day} ${a.kind} ${a.note ?? ''}`, '', String(a.hours ?? '')]),
            ...(r.content.remarks ? [[r.content.remarks, '', '']] : []),
          ]),
        },
      },
    ],
  });

  // For comparison only: every text the sheets print (week line, kind labels, entries, absence and sign-off line,
  // running header and footer), bare in the same kind of table. Shows what the sheet layout itself costs.
  const sheetTextsDoc = (): TDocumentDefinitions => ({
    pageSize: 'A4',
    defaultStyle: { font: 'Sans', fontSize: 9.5 },
    content: [
      {
        table: {
          widths: ['*', 44, 36],
          body: records.flatMap((r, n) => [
            [`Nr. ${n + 1} · KW ${r.week}/${r.weekYear} · ${formatDate(r.from)} – ${formatDate(r.to)} · ${r.trainingYear}. Ausbildungsjahr`, 'Pos.', 'Std.'],
            ...r.content.entries.map((e, i) => [`${i === 0 || r.content.entries[i - 1]!.kind !== e.kind ? `${e.kind} ` : ''}${e.text}`, e.positions.join(', '), String(e.hours)]),
            [`Abwesenheit: keine Abgezeichnet: Auszubildende/r ${r.traineeSignedName}, mit persönlicher PIN bestätigt am ${formatDateTime(r.traineeSignedAt)} · Ausbilder/in ${r.trainerName}, ${formatDateTime(r.trainerSignedAt)}`, 'Summe', String(r.totalHours)],
            [`Haustechnik Bench GmbH   Ausbildungsnachweis ${t.firstName} ${t.lastName}`, '', ''],
            [`Erstellt am ${formatDate(toIsoDate(now))} mit Werkbrücke`, '', `Seite ${n + 1} von ${records.length}`],
          ]),
        },
      },
    ],
  });

  let pdf: Uint8Array = new Uint8Array();
  const timeOnce = async (fn: () => Promise<unknown>) => {
    const t0 = performance.now();
    await fn();
    return performance.now() - t0;
  };
  // Warm both once (fonts, code paths), then alternate the runs so both see the same machine state.
  // Also for comparison: our sheets drawn by pdfmake's own printer instead of printer.ts (what joining the words
  // of a line into one text run saves).
  const stockSheets = () => renderPdfStock(nachweisDocument(store, traineeId, {}, now).doc);
  await renderPdfBare(baselineDoc());
  pdf = (await nachweisPdf(store, traineeId, {}, now)).bytes;
  const ours: number[] = [];
  const base: number[] = [];
  const sheet: number[] = [];
  const stock: number[] = [];
  const hyph: number[] = [];
  const first: number[] = [];
  for (let i = 0; i < 9; i++) {
    base.push(await timeOnce(() => renderPdfBare(baselineDoc())));
    ours.push(await timeOnce(async () => (pdf = (await nachweisPdf(store, traineeId, {}, now)).bytes)));
    // The same, as a first export: nothing kept from the documents before (text widths, glyph runs and hyphenated
    // words are kept per font file across documents; here the same document is rendered again and again).
    forgetSharedMeasures();
    forgetHyphenation();
    first.push(await timeOnce(() => nachweisPdf(store, traineeId, {}, now)));
    sheet.push(await timeOnce(() => renderPdfBare(sheetTextsDoc())));
    hyph.push(await timeOnce(async () => hyphenateDocument(nachweisDocument(store, traineeId, {}, now).doc)));
    stock.push(await timeOnce(stockSheets));
  }
  // Best of the interleaved runs for both: other processes on this two-core machine only ever add time.
  const best = (xs: number[]) => Math.min(...xs);
  store.close();
  const nachweis_pdf_ms = round(best(ours), 1);
  const nachweis_pdf_baseline_ms = round(best(base), 1);
  return {
    nachweis_pdf_ms,
    nachweis_pdf_pages: pageCount(pdf),
    nachweis_pdf_baseline_ms,
    nachweis_pdf_ratio: round(nachweis_pdf_ms / nachweis_pdf_baseline_ms, 2),
    nachweis_pdf_first_export_ms: round(best(first), 1),
    nachweis_pdf_first_export_ratio: round(best(first) / nachweis_pdf_baseline_ms, 2),
    nachweis_pdf_sheet_texts_baseline_ms: round(best(sheet), 1),
    nachweis_pdf_sheet_texts_ratio: round(nachweis_pdf_ms / best(sheet), 2),
    nachweis_pdf_pdfmake_printer_ms: round(best(stock), 1),
    nachweis_pdf_kb: round(pdf.length / 1024, 0),
    // Building the sheets' document and putting soft hyphens into it (part of nachweis_pdf_ms).
    nachweis_pdf_hyphenate_ms: round(best(hyph), 1),
    plan_progress_ms,
  };
}
