// Demo data for the plan and the training record (called from core/demo.ts inside its transaction): every
// trainee in training gets a plan with what is past marked done (one part at an inter-company course, one part
// overdue), and the last weeks of records: most signed, one waiting for the trainer, one missing.
import { toIsoDate } from '../../../shared/format';
import type { EntryKind, RecordContentInput } from '../../../shared/nachweis';
import { RecordContent, daysOf } from '../../../shared/nachweis';
import { addDays, mondayOf } from '../../../shared/trainingCalendar';
import type { Db } from '../store/db';
import { getTrainee } from '../trainees/service';
import { getFirm } from '../firm/service';
import { publicHolidays } from '../nachweis/holidays';
import { DEMO_PIN, setPin } from '../nachweis/pin';
import { recordTraineeSignature, saveRecord, signRecord } from '../nachweis/service';
import { createPlan, itemRows, setStatus } from './service';

const TRAINER_BY_OCCUPATION: Record<string, string> = {
  tischler: 'Jens Krämer',
  'elektroniker-eg': 'Aylin Demir',
  'anlagenmechaniker-shk': 'Piotr Nowak',
};

const PLACE_BY_OCCUPATION: Record<string, string> = {
  tischler: 'Überbetriebliche Lehrlingsunterweisung, Bildungszentrum der Tischler-Innung Hamburg',
  'elektroniker-eg': 'Überbetriebliche Lehrlingsunterweisung, Elektro-Innung Hamburg',
  'anlagenmechaniker-shk': 'Überbetriebliche Lehrlingsunterweisung, SHK-Innung Hamburg',
};

interface Week {
  entries: { kind: EntryKind; text: string; hours: number; positions: string[] }[];
}

const WEEKS: Record<string, Week[]> = {
  tischler: [
    {
      entries: [
        { kind: 'work', text: 'Einbauschrank für eine Dachschräge aufgemessen, Skizze mit Maßen angefertigt und mit dem Meister die Konstruktion besprochen (Mittelwand, Einlegeböden, Drehtüren).', hours: 14, positions: ['6', '7'] },
        { kind: 'work', text: 'Zuschnitt der Korpusteile aus melaminbeschichteter Spanplatte an der Formatkreissäge nach Zuschnittliste, Kanten mit dem Kantenanleimer beschichtet und nachbearbeitet.', hours: 13, positions: ['9', '10'] },
        { kind: 'instruction', text: 'Unterweisung Formatkreissäge: Spaltkeil, Schutzhaube, Schiebestock, Verhalten bei Rückschlag.', hours: 1.5, positions: ['3'] },
        { kind: 'school', text: 'Lernfeld 5: Schubkästen und Auszüge herstellen; Werkstoffkunde Holzwerkstoffe (Spanplatte, MDF, Sperrholz).', hours: 8, positions: [] },
      ],
    },
    {
      entries: [
        { kind: 'work', text: 'Korpusse verleimt und verschraubt, Rückwände eingenutet, Beschläge (Topfbänder, Bodenträger) nach Bohrbild gesetzt.', hours: 16, positions: ['11'] },
        { kind: 'work', text: 'Montage beim Kunden: Schrank eingepasst, an die Schräge angeglichen, Türen eingestellt, Baustelle sauber übergeben.', hours: 12, positions: ['14', '16'] },
        { kind: 'school', text: 'Lernfeld 6: Einbaumöbel herstellen und montieren; Fachrechnen Verschnitt und Materialbedarf.', hours: 8, positions: [] },
      ],
    },
    {
      entries: [
        { kind: 'work', text: 'Massivholz-Tischplatte aus Eiche verleimt: Bretter ausgesucht, abgerichtet, gedickt, Fugen gefügt, mit Flachdübeln verleimt.', hours: 17, positions: ['9'] },
        { kind: 'work', text: 'Oberfläche geschliffen (Körnung 120 bis 240) und mit Hartwachsöl in zwei Gängen behandelt.', hours: 8, positions: ['12'] },
        { kind: 'instruction', text: 'Gefahrstoffe im Betrieb: Sicherheitsdatenblatt Hartwachsöl gelesen, Selbstentzündung ölgetränkter Lappen besprochen.', hours: 1, positions: ['3', '4'] },
        { kind: 'school', text: 'Lernfeld 5: Oberflächen behandeln; Deutsch: Arbeitsbericht schreiben.', hours: 8, positions: [] },
      ],
    },
  ],
  'elektroniker-eg': [
    {
      entries: [
        { kind: 'work', text: 'Baustelle Einfamilienhaus: Schlitze gefräst, Unterputzdosen gesetzt, Leerrohre verlegt nach Installationsplan.', hours: 20, positions: ['A10'] },
        { kind: 'work', text: 'Mit dem Gesellen Leitungen eingezogen und beschriftet, Verteilung vorbereitet.', hours: 7, positions: ['A10', 'A2'] },
        { kind: 'instruction', text: 'Die fünf Sicherheitsregeln geübt: freischalten, gegen Wiedereinschalten sichern, Spannungsfreiheit feststellen.', hours: 2, positions: ['A6', 'D2'] },
        { kind: 'school', text: 'Lernfeld 2: Elektrische Installationen planen und ausführen; Ohmsches Gesetz, Reihen- und Parallelschaltung.', hours: 8, positions: [] },
      ],
    },
    {
      entries: [
        { kind: 'work', text: 'Unterverteilung bestückt: Fehlerstromschutzschalter, Leitungsschutzschalter, Klemmen; Verdrahtung nach Stromlaufplan.', hours: 18, positions: ['A10', 'A12'] },
        { kind: 'work', text: 'Messungen nach DIN VDE 0100-600 mit dem Meister: Isolationswiderstand, Schleifenimpedanz, Auslösezeit RCD, Protokoll ausgefüllt.', hours: 9, positions: ['A6', 'A8'] },
        { kind: 'school', text: 'Lernfeld 3: Steuerungen analysieren und anpassen; Schütze und Relais.', hours: 8, positions: [] },
      ],
    },
  ],
  'anlagenmechaniker-shk': [
    {
      entries: [
        { kind: 'work', text: 'Badsanierung: alte Leitungen zurückgebaut, Trinkwasserleitungen aus Mehrschichtverbundrohr verlegt und verpresst.', hours: 20, positions: ['A8', 'A2'] },
        { kind: 'work', text: 'Druckprüfung der Trinkwasserinstallation mit Druckluft, Protokoll mit dem Gesellen ausgefüllt.', hours: 6, positions: ['A1', 'A14'] },
        { kind: 'school', text: 'Lernfeld 3: Trinkwasseranlagen installieren; Rohrwerkstoffe und Verbindungstechniken.', hours: 8, positions: [] },
      ],
    },
  ],
};

const FIRST_DAYS =
  'Erster Tag im Betrieb: Rundgang durch Werkstatt und Lager, Vorstellung im Team, Unterweisung in Arbeitsschutz und Brandschutz, persönliche Schutzausrüstung und Werkzeug ausgegeben, Ausbildungsplan und Ausbildungsnachweis besprochen.';
const FIRST_POSITIONS: Record<string, string[]> = { tischler: ['2', '3'], 'elektroniker-eg': ['D1', 'D2'], 'anlagenmechaniker-shk': ['B2', 'B3'] };

function trainerId(db: Db, name: string): number | null {
  const row = db.prepare('SELECT id FROM trainers WHERE name = ?').get(name) as { id: number } | undefined;
  return row?.id ?? null;
}

function week(occupationId: string, n: number, monday: string, schoolDays: number[]): RecordContentInput {
  const list = WEEKS[occupationId] ?? WEEKS.tischler!;
  const w = list[n % list.length]!;
  const school = schoolDays[0] ?? 2;
  return {
    entries: w.entries.map((e) => ({
      kind: e.kind,
      day: e.kind === 'school' ? addDays(monday, school - 1) : null,
      text: e.text,
      hours: e.hours,
      positions: e.positions,
    })),
    absences: [],
    remarks: null,
  };
}

/** Plans and records for the demo trainees (run inside createDemo's transaction). */
export function seedTrainingDemo(db: Db, now: Date) {
  const today = toIsoDate(now);
  const trainees = db.prepare('SELECT id FROM trainees ORDER BY id').all() as { id: number }[];
  for (const { id } of trainees) {
    const t = getTrainee(db, id);
    if (t.status !== 'active') continue;
    const trainer = trainerId(db, TRAINER_BY_OCCUPATION[t.occupationId] ?? '') ?? trainerId(db, 'Jens Krämer');
    createPlan(db, id, now);
    if (!trainer) continue;
    // Each demo trainee has set the PIN DEMO_PIN on the first day and signs the past weeks with it.
    setPin(db, { traineeId: id, pin: DEMO_PIN, currentPin: null }, new Date(`${t.contractStart}T08:00:00Z`));
    // Past content is done, except one part that is overdue; one part was taught at an inter-company course.
    const past = itemRows(db, id).filter((r) => r.planned_to < today && r.template_period !== null);
    past.forEach((r, i) => {
      if (i === past.length - 1) {
        setStatus(db, { id: r.id, status: 'in_progress', doneOn: null, confirmedBy: null, place: null, note: 'Noch nicht alle Fertigkeiten sicher; wird bei der nächsten Baustelle nachgeholt.' }, now);
        return;
      }
      const place = i === 1 ? (PLACE_BY_OCCUPATION[t.occupationId] ?? null) : null;
      setStatus(db, { id: r.id, status: 'done', doneOn: r.planned_to, confirmedBy: trainer, place, note: null }, now);
    });
    // Every week since the start is written and signed (Christmas weeks as holiday, the public holidays in them
    // as such); of the last six weeks before this one, one (three weeks ago) is left unwritten on purpose, so the
    // overview and the printed record show a missing week, and the last one waits for the trainer's sign-off.
    const thisMonday = mondayOf(today);
    const holidays = new Set(publicHolidays(getFirm(db)?.federalState ?? null, t.contractStart, today).map((h) => h.day));
    let n = 0;
    for (let monday = mondayOf(t.contractStart); monday < thisMonday; monday = addDays(monday, 7), n++) {
      const weeksAgo = Math.round((Date.parse(thisMonday) - Date.parse(monday)) / (7 * 86_400_000));
      if (weeksAgo === 3) continue;
      const from = monday < t.contractStart ? t.contractStart : monday;
      const friday = addDays(monday, 4);
      const to = friday > t.contractEndPlanned ? t.contractEndPlanned : friday;
      if (to < from) continue;
      const days = daysOf(from, to);
      const christmas = monday.slice(5) >= '12-22' || monday.slice(5) <= '01-02';
      const input = christmas
        ? {
            entries: [],
            absences: days.map((day) => ({ day, kind: holidays.has(day) ? ('public_holiday' as const) : ('holiday' as const) })),
            remarks: 'Betriebsferien zwischen den Jahren.',
          }
        : days.length < 3
          ? { entries: [{ kind: 'work' as const, day: null, text: FIRST_DAYS, hours: (t.weeklyHours / 5) * days.length, positions: FIRST_POSITIONS[t.occupationId] ?? [] }], absences: [], remarks: null }
          : week(t.occupationId, n, monday, t.schoolDays);
      const content = RecordContent.parse({ ...input, entries: input.entries.filter((e) => !e.day || (e.day >= from && e.day <= to)) });
      // Signed when the week was over: the trainee on Friday afternoon, the trainer on the next Monday.
      const r = saveRecord(db, { traineeId: id, id: null, from, to, content }, new Date(`${to}T13:30:00Z`));
      recordTraineeSignature(db, r.id, new Date(`${to}T14:30:00Z`));
      if (weeksAgo !== 1) signRecord(db, { id: r.id, as: 'trainer', trainerId: trainer }, new Date(`${addDays(monday, 7)}T06:45:00Z`));
    }
  }
}
