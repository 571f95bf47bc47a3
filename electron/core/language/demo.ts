// Demo data of the language domain: Arabic translations typed into the glossary (common technical words only),
// a learning task for Yusuf Haddad (first language Arabic), a reviewed task for Olena Kovalenko with Ukrainian
// translations, and a template. Called inside createDemo's transaction.
import { GlossaryEntryUpdate } from '../../../shared/glossary';
import { TaskInput, TaskUpdate } from '../../../shared/tasks';
import type { Trainee } from '../../../shared/trainees';
import type { Db } from '../store/db';
import { listEntries, markChecked, updateEntry } from './glossary';
import { createTask, updateTask } from './tasks';

/** As a supervisor or a colleague would type them: everyday words whose translation is not in doubt. */
const TRANSLATIONS: Record<string, Record<string, Record<string, string>>> = {
  'anlagenmechaniker-shk': {
    Rohr: { ar: 'أنبوب' },
    Rohrzange: { ar: 'مفتاح أنابيب' },
    Ventil: { ar: 'صمام' },
    Wasserhahn: { ar: 'صنبور' },
    Druck: { ar: 'ضغط' },
    Leck: { ar: 'تسرب' },
    Manometer: { ar: 'مقياس الضغط' },
    Heizung: { ar: 'تدفئة' },
    Waschbecken: { ar: 'مغسلة' },
  },
  general: {
    Kunde: { ar: 'زبون' },
    Auftrag: { ar: 'طلب' },
    Handschuh: { ar: 'قفاز', uk: 'рукавиця' },
    Schutzbrille: { ar: 'نظارة واقية', uk: 'захисні окуляри' },
  },
  tischler: {
    Leim: { uk: 'клей' },
    Schraubzwinge: { uk: 'струбцина' },
    Brett: { uk: 'дошка' },
    Dübel: { uk: 'дюбель' },
    Schraube: { uk: 'шуруп' },
  },
};

function entries(db: Db, filter: string, now: Date) {
  return new Map(listEntries(db, { filter, withGeneral: false, offset: 0, limit: 1000 }, now).entries.map((e) => [e.term, e]));
}

export function seedLanguageDemo(db: Db, trainees: Trainee[], now: Date): void {
  const terms = new Map<string, number>();
  for (const [scope, words] of Object.entries(TRANSLATIONS)) {
    const found = entries(db, scope, now);
    for (const [term, tr] of Object.entries(words)) {
      const e = found.get(term);
      if (!e) continue;
      updateEntry(
        db,
        GlossaryEntryUpdate.parse({
          id: e.id,
          occupationId: e.occupationId,
          term: e.term,
          article: e.article,
          plural: e.plural,
          wordClass: e.wordClass,
          explanation: e.explanation,
          example: e.example,
          tags: e.tags,
          translations: { ...e.translations, ...tr },
        }),
        now,
      );
      // The demo firm has checked what it typed (a typed text that equals the shipped suggestion stays one until then).
      for (const lang of Object.keys(tr)) markChecked(db, e.id, lang, now);
    }
    for (const [term, e] of found) terms.set(`${scope}:${term}`, e.id);
  }
  const ids = (scope: string, ...names: string[]) => names.map((n) => terms.get(`${scope}:${n}`)).filter((x): x is number => x !== undefined);

  const yusuf = trainees.find((t) => t.lastName === 'Haddad');
  if (yusuf) {
    createTask(
      db,
      TaskInput.parse({
        traineeId: yusuf.id,
        title: 'Tropfenden Wasserhahn reparieren',
        vocationalGoal: 'Sie reparieren beim Kunden einen tropfenden Wasserhahn: Sie sperren das Wasser ab, tauschen die Dichtung und prüfen, ob alles dicht ist.',
        workSteps: [
          'Absperrhahn unter dem Waschbecken zudrehen',
          'Restwasser ablaufen lassen',
          'Wasserhahn mit der Rohrzange abschrauben',
          'Alte Dichtung herausnehmen und die neue einsetzen',
          'Wasserhahn montieren und Absperrhahn öffnen',
          'Prüfen, ob ein Leck da ist',
        ],
        positions: ['A12', 'A15'],
        termIds: [
          ...ids('anlagenmechaniker-shk', 'Wasserhahn', 'Dichtung', 'Absperrhahn', 'Rohrzange', 'Ventil', 'Rohr', 'Druck', 'Leck', 'Waschbecken', 'undicht'),
          ...ids('general', 'Kunde', 'Auftrag', 'Handschuh'),
        ],
        phrases: [
          { kind: 'ask_back', text: 'Welcher Wasserhahn tropft genau?' },
          { kind: 'ask_back', text: 'Habe ich richtig verstanden: zuerst das Wasser absperren?' },
          { kind: 'confirm', text: 'Alles klar, ich mache das sofort.' },
          { kind: 'report_problem', text: 'Die Dichtung passt nicht. Ich brauche eine andere Größe.' },
          { kind: 'safety', text: 'Vorsicht, das Wasser ist heiß!' },
        ],
        level: 'A2',
        scenario: 'Frau Becker ruft in der Firma an: Der Wasserhahn in ihrer Küche tropft seit gestern.',
        scenarioSteps: [
          { skill: 'listen', text: 'Frau Becker erklärt am Telefon das Problem.' },
          { skill: 'speak', text: 'Fragen Sie nach: Welcher Wasserhahn? Seit wann? Wann sind Sie zu Hause?' },
          { skill: 'write', text: 'Schreiben Sie Name, Adresse, Termin und Problem auf den Auftragszettel.' },
          { skill: 'speak', text: 'Melden Sie Herrn Nowak, dass der Wasserhahn repariert ist.' },
        ],
        checks: [
          { method: 'explain_back', text: 'Erklärt mit eigenen Worten, warum zuerst der Absperrhahn zugedreht wird.' },
          { method: 'show', text: 'Zeigt beim Kunden, wo der Absperrhahn ist.' },
          { method: 'write', text: 'Füllt den Auftragszettel vollständig aus.' },
        ],
        assignedOn: '2026-09-07',
        dueBy: '2026-09-18',
      }),
      now,
    );
  }

  const olena = trainees.find((t) => t.lastName === 'Kovalenko');
  if (olena) {
    const input = {
      traineeId: olena.id,
      title: 'Schrankkorpus verleimen',
      vocationalGoal: 'Sie verleimen den Korpus eines Schranks rechtwinklig und sauber.',
      workSteps: ['Teile nach Zeichnung bereitlegen', 'Dübel setzen', 'Leim auftragen', 'Korpus zusammenstecken', 'Mit Schraubzwingen spannen', 'Winkel prüfen', 'Leimreste entfernen'],
      positions: ['11'],
      termIds: ids('tischler', 'Leim', 'Schraubzwinge', 'Dübel', 'Brett', 'Winkel', 'Zeichnung', 'leimen', 'Schraube'),
      phrases: [
        { kind: 'ask_back', text: 'Soll ich die Rückwand auch schon einleimen?' },
        { kind: 'report_problem', text: 'Der Korpus ist nicht rechtwinklig. Können Sie mal schauen?' },
      ],
      level: 'B1',
      scenario: 'Die Meisterin gibt den Auftrag für einen Einbauschrank.',
      scenarioSteps: [
        { skill: 'read', text: 'Lesen Sie die Zeichnung und die Stückliste.' },
        { skill: 'speak', text: 'Erklären Sie der Meisterin, in welcher Reihenfolge Sie arbeiten.' },
        { skill: 'write', text: 'Tragen Sie die Arbeit in das Berichtsheft ein.' },
      ],
      checks: [{ method: 'show', text: 'Prüft den rechten Winkel mit dem Winkel und zeigt das Ergebnis.' }],
      assignedOn: '2026-10-05',
      dueBy: '2026-10-09',
    };
    const task = createTask(db, TaskInput.parse(input), now);
    updateTask(
      db,
      TaskUpdate.parse({
        ...input,
        id: task.id,
        status: 'reviewed',
        feedback: 'Sauber gearbeitet, Winkel stimmt. Fachwörter sicher benutzt; „Schraubzwinge“ noch üben.',
        evidence: 'Korpus am 09.10.2026 gemeinsam abgenommen; Reihenfolge mündlich erklärt.',
      }),
      new Date('2026-10-09T15:00:00Z'),
    );
  }

  createTask(
    db,
    TaskInput.parse({
      traineeId: null,
      occupationId: 'tischler',
      title: 'Kundenauftrag am Telefon annehmen',
      positions: ['16'],
      vocationalGoal: 'Sie nehmen einen Auftrag am Telefon an, fragen nach und schreiben alles auf den Auftragszettel.',
      workSteps: ['Firma und eigenen Namen nennen', 'Anliegen anhören', 'Nachfragen', 'Auftragszettel ausfüllen', 'Termin bestätigen'],
      termIds: ids('general', 'Kunde', 'Auftrag', 'Termin', 'nachfragen', 'Wie bitte?'),
      phrases: [
        { kind: 'ask_back', text: 'Können Sie das bitte buchstabieren?' },
        { kind: 'confirm', text: 'Ich wiederhole: Dienstag, 9 Uhr, in der Hauptstraße 3.' },
      ],
      level: 'A2',
      scenarioSteps: [
        { skill: 'listen', text: 'Ein Kunde ruft an und möchte eine neue Tür.' },
        { skill: 'speak', text: 'Fragen Sie nach Name, Adresse und Telefonnummer.' },
        { skill: 'write', text: 'Schreiben Sie den Auftrag auf.' },
      ],
      checks: [{ method: 'write', text: 'Der Auftragszettel ist vollständig und lesbar.' }],
    }),
    now,
  );
}
