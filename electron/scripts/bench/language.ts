// worksheet_pdf_ms: a worksheet with 40 glossary entries translated into Arabic and 5 exercises, in a warm
// process (budget 500 ms); glossary_import_ms: a CSV with 10,000 rows into a fresh workspace (budget 1,000 ms).
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { GlossaryEntryInput } from '../../../shared/glossary';
import { TaskInput } from '../../../shared/tasks';
import { TraineeInput } from '../../../shared/trainees';
import { createEntry } from '../../core/language/glossary';
import { importGlossaryCsv } from '../../core/language/glossaryCsv';
import { ensureStarters } from '../../core/language/starters';
import { createTask } from '../../core/language/tasks';
import { worksheetData, worksheetPdf } from '../../core/language/worksheet';
import { openStore } from '../../core/store/db';
import { createTrainee } from '../../core/trainees/service';
import { median, round } from './util';

const WORDS = ['أنبوب', 'صمام', 'صنبور', 'ضغط', 'تسرب', 'مفتاح أنابيب', 'مطرقة', 'منشار', 'مثقاب', 'برغي', 'سلم', 'خوذة', 'قفاز', 'نظارة واقية', 'خرطوم', 'مضخة', 'غلاية', 'مقياس الضغط', 'ماء', 'غاز'];
const TERMS = ['Rohrstück', 'Ventilkopf', 'Hahn', 'Druckstufe', 'Tropfstelle', 'Spannzange', 'Hammer', 'Bügelsäge', 'Bohrer', 'Schraube', 'Leiter', 'Helm', 'Handschuh', 'Schutzbrille', 'Schlauch', 'Pumpe', 'Kessel', 'Druckmesser', 'Wasser', 'Gas'];
const ARTICLES = ['das', 'der', 'der', 'die', 'die', 'die', 'der', 'die', 'der', 'die', 'die', 'der', 'der', 'die', 'der', 'die', 'der', 'der', 'das', 'das'] as const;

export async function benchLanguage(dir: string) {
  const store = openStore(path.join(dir, 'worksheet'));
  const trainee = createTrainee(
    store.db,
    TraineeInput.parse({
      firstName: 'Yusuf',
      lastName: 'Haddad',
      firstLanguages: ['ar'],
      otherLanguages: [],
      occupationId: 'anlagenmechaniker-shk',
      contractStart: '2026-08-01',
      contractEndPlanned: '2030-01-31',
      probationMonths: 4,
      weeklyHours: 39,
      schoolDays: [1],
      payPerYear: [1000],
    }),
  );
  const ids: number[] = [];
  for (let i = 0; i < 40; i++) {
    const k = i % 20;
    const term = `${TERMS[k]}${i >= 20 ? ' B' : ''}`;
    ids.push(
      createEntry(
        store.db,
        GlossaryEntryInput.parse({
          occupationId: 'anlagenmechaniker-shk',
          term,
          article: ARTICLES[k],
          plural: `${TERMS[k]}e`,
          wordClass: 'noun',
          explanation: `Ein Teil oder Werkzeug aus der Werkstatt (Nummer ${i + 1}), das man bei der Montage braucht.`,
          example: `Bring mir bitte ${ARTICLES[k] === 'der' ? 'den' : ARTICLES[k]} ${term} aus dem Lager.`,
          tags: ['tool'],
          translations: { ar: `${WORDS[k]} ${i >= 20 ? 'الكبير' : ''}`.trim(), en: `item ${i + 1}` },
        }),
      ).id,
    );
  }
  const task = createTask(
    store.db,
    TaskInput.parse({
      traineeId: trainee.id,
      title: 'Heizkörper tauschen',
      vocationalGoal: 'Sie tauschen einen Heizkörper aus und prüfen die Anlage auf Dichtheit.',
      workSteps: ['Heizung ausschalten', 'Ventile schließen', 'Wasser ablassen', 'Heizkörper abnehmen', 'Neuen Heizkörper montieren', 'Anlage füllen und entlüften'],
      termIds: ids,
      phrases: [
        { kind: 'ask_back', text: 'Welcher Heizkörper soll getauscht werden?', translations: { ar: 'أي مشعاع يجب تغييره؟' } },
        { kind: 'report_problem', text: 'Das Ventil ist undicht.', translations: { ar: 'الصمام يسرب' } },
        { kind: 'safety', text: 'Vorsicht, heißes Wasser!', translations: { ar: 'انتبه، ماء ساخن' } },
      ],
      level: 'A2',
      scenario: 'Ein Kunde meldet, dass ein Heizkörper nicht warm wird.',
      scenarioSteps: [
        { skill: 'listen', text: 'Der Kunde beschreibt das Problem.' },
        { skill: 'speak', text: 'Fragen Sie nach, welcher Raum betroffen ist.' },
        { skill: 'write', text: 'Notieren Sie den Auftrag.' },
      ],
      checks: [{ method: 'explain_back', text: 'Erklärt, warum die Anlage entlüftet wird.' }],
      assignedOn: '2026-09-01',
    }),
  );
  const req = { kind: 'arbeitsblatt' as const, taskId: task.id };
  const exercises = worksheetData(store, req).exercises.length;
  if (exercises !== 5) throw new Error(`expected 5 exercises, got ${exercises}`);
  const now = new Date();
  const worksheet_pdf_ms = await median(() => worksheetPdf(store, req, now), 9, 3);
  const worksheet_pages = (await worksheetPdf(store, req, now)).bytes.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
  store.close();

  // 10,000 rows with an Arabic and an English column, each run into a fresh workspace (starters already there).
  const rows = ['Begriff;Artikel;Plural;Wortart;Erklärung;Beispielsatz;Schlagwörter;Arabisch (ar);Englisch (en)'];
  for (let i = 0; i < 10_000; i++) {
    rows.push(`Bauteil ${i};das;Bauteile;Nomen;Ein Bauteil mit der Nummer ${i}.;Das Bauteil ${i} liegt im Regal.;Material;قطعة ${i};part ${i}`);
  }
  const base64 = Buffer.from(`\uFEFF${rows.join('\r\n')}\r\n`, 'utf8').toString('base64');
  const runs: number[] = [];
  for (let r = 0; r < 5; r++) {
    const d = path.join(dir, `import-${r}`);
    const s = openStore(d);
    ensureStarters(s.db);
    const t0 = performance.now();
    const result = importGlossaryCsv(s.db, { occupationId: 'anlagenmechaniker-shk', base64 });
    runs.push(performance.now() - t0);
    if (result.created !== 10_000) throw new Error(`import created ${result.created}`);
    s.close();
    fs.rmSync(d, { recursive: true, force: true });
  }
  runs.sort((a, b) => a - b);
  return { worksheet_pdf_ms, worksheet_pages, glossary_import_ms: round(runs[2]!, 1) };
}
