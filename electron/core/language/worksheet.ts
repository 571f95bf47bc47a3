// "Arbeitsblatt": a learning task printed for the trainee (A4, large clear type, space to write), with the
// glossary in the trainee's language, exercises generated from the task (same task + seed = same sheet) and a
// separate answer-key page for the supervisor. Every text goes through the bidi layout (bidi.ts), so Arabic,
// Dari/Farsi and Pashto print right to left; Tigrinya and Ukrainian get fonts that cover them. Characters no
// shipped font can print stop the export with a message that names them.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { ExportRequest } from '../../../shared/exports';
import { formatDate } from '../../../shared/format';
import { isRtl } from '../../../shared/languages';
import type { PhraseKind, ScenarioSkill, Task } from '../../../shared/tasks';
import { AppError } from '../errors';
import { fileSlug, languageNameDe } from '../exports/text';
import type { AddressForm } from '../../../shared/firm';
import { getFirm } from '../firm/service';
import { occupationPositions } from '../plan/occupations';
import { COLORS, buildDocument } from '../pdf/layout';
import { renderPdf } from '../pdf/render';
import type { Store } from '../store/db';
import { paragraph } from './bidi';
import { generateExercises, type Exercise, type ExerciseTerm } from './exercises';
import { unprintableChars } from './fonts';
import { printablePicture, readPicture, type PictureMime } from './pictures';
import { getTask } from './tasks';
import { withArticle } from './text';

type Req = Extract<ExportRequest, { kind: 'arbeitsblatt' }>;

/** Width of the text area on A4 portrait with the letterhead's margins. */
const W = 515;
const BODY = 12;
const SMALL = 10;
const PAD = 5;
export const ARTICLE_COLORS = { der: '#1f5fbf', die: '#b3261e', das: '#1e7b34' } as const;
const SKILL: Record<ScenarioSkill, string> = { listen: 'hören', speak: 'sprechen', read: 'lesen', write: 'schreiben' };
const PHRASE: Record<PhraseKind, string> = { ask_back: 'Nachfragen', confirm: 'Bestätigen', report_problem: 'Problem melden', safety: 'Sicherheit', other: 'Weitere Sätze' };
const CHECK: Record<Task['checks'][number]['method'], string> = { explain_back: 'Erklärt es mit eigenen Worten', show: 'Zeigt es vor', write: 'Schreibt es auf' };

interface Term extends ExerciseTerm {
  pictureData: string | null;
}

export interface WorksheetData {
  task: Task;
  language: string | null;
  /** Whether unchecked (suggested) translations are printed too. */
  suggestions: boolean;
  terms: Term[];
  positions: { number: string; title: string | null }[];
  exercises: Exercise[];
}

/** Everything the sheet shows, read once (also used by tests to check the exercises). */
/** Only translations the firm has checked are printed, unless the request asks for the suggestions too. */
export function worksheetData(store: Store, req: Pick<Req, 'taskId' | 'language' | 'suggestions'>): WorksheetData {
  const task = getTask(store.db, req.taskId);
  const language = req.language === 'de' ? null : (req.language ?? task.effectiveLanguage);
  const rows = store.db
    .prepare(
      `SELECT e.id, e.term, e.article, e.plural, e.word_class, e.explanation, e.example, e.picture_file, e.picture_mime,
         (SELECT text FROM glossary_translations g WHERE g.entry_id = e.id AND g.language = ? AND (g.review = 'checked' OR ?)) AS translation
       FROM learning_task_terms tt JOIN glossary_entries e ON e.id = tt.entry_id WHERE tt.task_id = ? ORDER BY tt.sort`,
    )
    .all(language ?? '', req.suggestions ? 1 : 0, task.id) as {
    id: number;
    term: string;
    article: Term['article'];
    plural: string | null;
    word_class: string;
    explanation: string | null;
    example: string | null;
    picture_file: string | null;
    picture_mime: string | null;
    translation: string | null;
  }[];
  const terms: Term[] = rows.map((r) => {
    const bytes = readPicture(store, r.picture_file);
    return {
      id: r.id,
      term: r.term,
      article: r.article,
      plural: r.plural,
      wordClass: r.word_class,
      explanation: r.explanation,
      example: r.example,
      translation: r.translation,
      picture: bytes ? r.picture_file : null,
      pictureData: bytes ? `data:${r.picture_mime};base64,${bytes.toString('base64')}` : null,
    };
  });
  let titles = new Map<string, string>();
  try {
    titles = new Map(occupationPositions(store.db, task.occupationId).map((p) => [p.number, p.title]));
  } catch {
    // No usable template for the occupation: the numbers are printed without titles.
  }
  const exercises = generateExercises({ terms, workSteps: task.workSteps, scenarioSteps: task.scenarioSteps, phrases: task.phrases }, task.seed);
  return { task, language, suggestions: req.suggestions === true, terms, positions: task.positions.map((n) => ({ number: n, title: titles.get(n) ?? null })), exercises };
}

/** Every text the sheet prints, with where it comes from (for the check of printable characters). */
function printedTexts(d: WorksheetData): { where: string; text: string }[] {
  const t = d.task;
  const out: { where: string; text: string }[] = [
    { where: 'Titel', text: t.title },
    { where: 'Ziel', text: t.vocationalGoal },
    ...t.workSteps.map((s, i) => ({ where: `Arbeitsschritt ${i + 1}`, text: s })),
    { where: 'Situation', text: t.scenario ?? '' },
    ...t.scenarioSteps.map((s, i) => ({ where: `Situation, Schritt ${i + 1}`, text: s.text })),
    ...t.phrases.flatMap((p, i) => [
      { where: `Satz ${i + 1}`, text: p.text },
      { where: `Übersetzung von Satz ${i + 1}`, text: (d.language && p.translations[d.language]) || '' },
    ]),
    ...t.checks.map((c, i) => ({ where: `Verständnisprüfung ${i + 1}`, text: c.text })),
    ...Object.values(trOf(d) ?? {}).flat().map((text, i) => ({ where: `Übersetzung der Aufgabe (${d.language}, ${i + 1})`, text: text ?? '' })),
    { where: 'Name', text: t.traineeName ?? '' },
    ...d.positions.map((p) => ({ where: `Position ${p.number}`, text: `${p.number} ${p.title ?? ''}` })),
  ];
  for (const e of d.terms) {
    out.push({ where: `„${e.term}“`, text: [e.term, e.plural, e.explanation, e.example].filter(Boolean).join(' ') });
    if (e.translation) out.push({ where: `Übersetzung von „${e.term}“ (${d.language})`, text: e.translation });
  }
  return out;
}

/** Refuses to print characters that no shipped font has (they would come out as empty boxes). */
export function assertPrintable(d: WorksheetData) {
  const chars = new Map<string, string>();
  const places: string[] = [];
  for (const { where, text } of printedTexts(d)) {
    const bad = unprintableChars(text);
    if (bad.length === 0) continue;
    places.push(where);
    for (const b of bad) chars.set(b.char, b.codePoint);
  }
  if (chars.size === 0) return;
  const list = [...chars].slice(0, 12).map(([c, cp]) => `${c} (${cp})`).join(', ');
  const where = places.slice(0, 3).join('; ') + (places.length > 3 ? ' …' : '');
  throw new AppError('unprintable_characters', `These characters cannot be printed with the fonts of the app: ${list} — in: ${where}`, {
    chars: list,
    where,
    count: chars.size,
  });
}

const txt = (
  text: string,
  o: { width?: number; fontSize?: number; bold?: boolean; color?: string; rtl?: boolean; alignment?: 'left' | 'right'; margin?: [number, number, number, number] } = {},
) =>
  paragraph(text, {
    width: o.width ?? W,
    fontSize: o.fontSize ?? BODY,
    bold: o.bold ?? false,
    ...(o.color ? { color: o.color } : {}),
    ...(o.rtl ? { direction: 'rtl' as const } : {}),
    ...(o.alignment ? { alignment: o.alignment } : {}),
    ...(o.margin ? { margin: o.margin } : {}),
    lineHeight: 1.3,
  });

/** The task's own texts in the sheet's language (goal, steps, situation), if any were typed. */
const trOf = (d: WorksheetData) => (d.language ? d.task.translations[d.language] : undefined);

/** A German text with its translation full-width underneath (right-aligned for a right-to-left language). */
function withTranslation(german: Content, tr: string | null | undefined, lang: string | null, width = W): Content {
  if (!tr || !lang) return german;
  return { stack: [german, txt(tr, { width, rtl: isRtl(lang), color: COLORS.muted, margin: [0, 1, 0, 2] })] };
}

const h2 = (text: string): Content => ({ text, fontSize: 14, bold: true, color: COLORS.accent, margin: [0, 14, 0, 6] });
const h3 = (text: string): Content => ({ text, fontSize: 12.5, bold: true, margin: [0, 12, 0, 4], unbreakable: true });
const lines = (n: number, width = W): Content => ({
  margin: [0, 4, 0, 4],
  canvas: Array.from({ length: n }, (_, i) => ({ type: 'line' as const, x1: 0, y1: 22 * (i + 1), x2: width, y2: 22 * (i + 1), lineWidth: 0.5, lineColor: COLORS.line })),
});
const BOX = '☐';

const grid = (widths: number[], body: TableCell[][], header = false): Content => ({
  table: { widths, body, headerRows: header ? 1 : 0, dontBreakRows: true },
  layout: {
    hLineWidth: () => 0.5,
    vLineWidth: () => 0.5,
    hLineColor: () => COLORS.line,
    vLineColor: () => COLORS.line,
    paddingLeft: () => PAD,
    paddingRight: () => PAD,
    paddingTop: () => 4,
    paddingBottom: () => 4,
    fillColor: (row: number) => (header && row === 0 ? COLORS.fill : null),
  },
});

/** Column widths that fill the text area: the last column takes what is left after padding and lines. */
function fill(widths: number[]): number[] {
  const used = widths.reduce((a, b) => a + b, 0) + (widths.length + 1) * (2 * PAD) + widths.length + 1;
  return [...widths, W - used];
}

function termCell(e: Pick<Term, 'term' | 'article' | 'explanation'>, width: number, colors: boolean): Content {
  const stack: Content[] = [
    e.article
      ? {
          text: [
            { text: `${e.article} `, bold: true, color: colors ? ARTICLE_COLORS[e.article] : COLORS.text, font: 'Sans' },
            { text: e.term, bold: true, font: 'Sans' },
          ],
          fontSize: BODY,
        }
      : txt(e.term, { width, bold: true }),
  ];
  if (e.explanation) stack.push(txt(e.explanation, { width, fontSize: SMALL, color: COLORS.muted }));
  return { stack };
}

function glossaryTable(d: WorksheetData, colors: boolean, lang: string | null, images: Record<string, string>): Content {
  const pics = d.terms.some((t) => t.pictureData);
  const widths = fill(pics ? [60, 170, 95] : [210, 120]);
  const trW = widths[widths.length - 1]!;
  const head: TableCell[] = [
    ...(pics ? [{ text: 'Bild', bold: true }] : []),
    { text: 'Wort', bold: true },
    { text: 'Mehrzahl', bold: true },
    lang ? { text: languageNameDe(lang), bold: true, alignment: isRtl(lang) ? 'right' : 'left' } : { text: 'Übersetzung', bold: true },
  ];
  const body: TableCell[][] = [head];
  for (const e of d.terms) {
    const pic: TableCell[] = pics ? [e.pictureData ? { image: `pic${e.id}`, fit: [widths[0]!, 45] } : { text: '' }] : [];
    if (e.pictureData) images[`pic${e.id}`] = e.pictureData;
    body.push([
      ...pic,
      termCell(e, widths[pics ? 1 : 0]!, colors),
      e.plural ? txt(e.article || e.wordClass === 'noun' ? `die ${e.plural}` : e.plural, { width: widths[pics ? 2 : 1]! }) : { text: '—', color: COLORS.muted },
      e.translation ? txt(e.translation, { width: trW, rtl: lang ? isRtl(lang) : false }) : { text: '' },
    ]);
  }
  return grid(widths, body, true);
}

function phraseTable(d: WorksheetData, lang: string | null): Content {
  const widths = fill(lang ? [95, 210] : [95]);
  const body: TableCell[][] = [[{ text: 'Wofür?', bold: true }, { text: 'Deutsch', bold: true }, ...(lang ? [{ text: languageNameDe(lang), bold: true, alignment: isRtl(lang) ? 'right' : 'left' } as TableCell] : [])]];
  for (const p of d.task.phrases) {
    const tr = lang ? (p.translations[lang] ?? '') : '';
    body.push([
      { text: PHRASE[p.kind], fontSize: SMALL, color: COLORS.muted },
      txt(p.text, { width: widths[1]! }),
      ...(lang ? [tr ? txt(tr, { width: widths[2]!, rtl: isRtl(lang) }) : ({ text: '' } as Content)] : []),
    ]);
  }
  return grid(widths, body, true);
}

/** The instructions to the trainee, in the firm's one form of address (firm profile: "du" or "Sie"). */
const ADDRESS: Record<AddressForm, Record<'match' | 'gap' | 'orderTitle' | 'order' | 'article' | 'practise' | 'phrasesHelp', string>> = {
  sie: {
    match: 'Schreiben Sie den passenden Buchstaben in das Kästchen.',
    gap: 'Schreiben Sie das richtige Wort in die Lücke. Diese Wörter helfen:',
    orderTitle: 'In welcher Reihenfolge arbeiten Sie?',
    order: 'Schreiben Sie 1, 2, 3 … in die Kästchen.',
    article: 'Kreuzen Sie den richtigen Artikel an.',
    practise: 'Üben Sie mit Ihrer Ausbilderin oder Ihrem Ausbilder.',
    phrasesHelp: 'Die „Wichtigen Sätze“ oben helfen.',
  },
  du: {
    match: 'Schreib den passenden Buchstaben in das Kästchen.',
    gap: 'Schreib das richtige Wort in die Lücke. Diese Wörter helfen:',
    orderTitle: 'In welcher Reihenfolge arbeitest du?',
    order: 'Schreib 1, 2, 3 … in die Kästchen.',
    article: 'Kreuz den richtigen Artikel an.',
    practise: 'Übe mit deiner Ausbilderin oder deinem Ausbilder.',
    phrasesHelp: 'Die „Wichtigen Sätze“ oben helfen.',
  },
};

function exerciseContent(ex: Exercise, n: number, lang: string | null, images: Record<string, string>, terms: Term[], you: AddressForm): Content[] {
  switch (ex.kind) {
    case 'match': {
      const what = ex.mode === 'translation' ? languageNameDe(lang ?? '') : ex.mode === 'picture' ? 'Bild' : 'Erklärung';
      const half = (W - 20) / 2;
      const rows: TableCell[][] = [];
      for (let i = 0; i < Math.max(ex.left.length, ex.right.length); i++) {
        const l = ex.left[i];
        const r = ex.right[i];
        const pic = r?.picture ? terms.find((t) => t.picture === r.picture) : undefined;
        if (pic?.pictureData) images[`pic${pic.id}`] = pic.pictureData;
        rows.push([
          l ? { text: `${l.n}.  ${l.text}    ${BOX}`, fontSize: BODY } : { text: '' },
          r
            ? {
                columns: [
                  { text: `${r.letter})`, width: 18, fontSize: BODY, bold: true },
                  // Next to its letter, whatever the script's direction.
                  pic?.pictureData ? { image: `pic${pic.id}`, fit: [90, 60] } : txt(r.text, { width: half - 28, rtl: ex.mode === 'translation' && lang ? isRtl(lang) : false, alignment: 'left' }),
                ],
              }
            : { text: '' },
        ]);
      }
      return [
        h3(`Übung ${n}: Was passt zusammen? Deutsch – ${what}`),
        { text: ADDRESS[you].match, fontSize: SMALL, color: COLORS.muted, margin: [0, 0, 0, 4] },
        { table: { widths: [half, half], body: rows, dontBreakRows: true }, layout: 'noBorders' },
      ];
    }
    case 'gap':
      return [
        h3(`Übung ${n}: Welches Wort fehlt?`),
        { text: ADDRESS[you].gap, fontSize: SMALL, color: COLORS.muted, margin: [0, 0, 0, 4] },
        grid([W - 2 * PAD - 2], [[{ text: ex.wordBank.join('\u2003\u2003 '), fontSize: BODY, bold: true, alignment: 'center', lineHeight: 1.5 }]]),
        ...ex.items.map((g) => txt(`${g.n}.  ${g.before}________________${g.after}`, { margin: [0, 8, 0, 0] })),
      ];
    case 'order':
      return [
        h3(`Übung ${n}: ${ADDRESS[you].orderTitle}`),
        { text: ADDRESS[you].order, fontSize: SMALL, color: COLORS.muted, margin: [0, 0, 0, 4] },
        ...ex.steps.map((s) => ({ columns: [{ text: `${BOX}  ${s.letter})`, width: 50, fontSize: BODY }, txt(s.text, { width: W - 50 })], margin: [0, 4, 0, 0] }) as Content),
      ];
    case 'article': {
      const half = (W - 20) / 2;
      const cells: TableCell[] = ex.items.map((a) => ({
        columns: [
          { text: `${a.n}.`, width: 22 },
          { text: a.term, width: '*', bold: true },
          { text: `${BOX} der  ${BOX} die  ${BOX} das`, width: 'auto' },
        ],
        fontSize: BODY,
        margin: [0, 3, 0, 3],
      }));
      const rows: TableCell[][] = [];
      for (let i = 0; i < cells.length; i += 2) rows.push([cells[i]!, cells[i + 1] ?? { text: '' }]);
      return [
        h3(`Übung ${n}: der, die oder das?`),
        { text: ADDRESS[you].article, fontSize: SMALL, color: COLORS.muted, margin: [0, 0, 0, 4] },
        { table: { widths: [half, half], body: rows, dontBreakRows: true }, layout: 'noBorders' },
      ];
    }
    case 'prompts':
      return [
        h3(`Übung ${n}: Sprechen und Schreiben`),
        {
          text: ex.phrases.length ? `${ADDRESS[you].practise} ${ADDRESS[you].phrasesHelp}` : ADDRESS[you].practise,
          fontSize: SMALL,
          color: COLORS.muted,
          margin: [0, 0, 0, 4],
        },
        // A writing prompt stays on one page with its lines.
        ...ex.items.map(
          (p): Content => ({
            stack: [
              {
                columns: [
                  { text: `${p.n}.`, width: 22, fontSize: BODY },
                  { text: p.skill === 'speak' ? 'Sprechen:' : 'Schreiben:', width: 80, bold: true, fontSize: BODY },
                  txt(p.text, { width: W - 102 }),
                ],
                margin: [0, 8, 0, 0],
              },
              ...(p.skill === 'write' ? [lines(3)] : []),
            ],
            unbreakable: true,
          }),
        ),
      ];
  }
}

function answerContent(ex: Exercise, n: number): Content[] {
  const head = (t: string) => ({ text: `Übung ${n}: ${t}`, bold: true, fontSize: BODY, margin: [0, 8, 0, 2] }) as Content;
  switch (ex.kind) {
    case 'match':
      return [head('Was passt zusammen?'), { text: ex.answers.map((a) => `${a.n} – ${a.letter}`).join('     '), fontSize: BODY }];
    case 'gap':
      return [head('Welches Wort fehlt?'), ...ex.items.map((g) => txt(`${g.n}. ${g.before}${g.answer}${g.after}`, { fontSize: SMALL + 1 }))];
    case 'order':
      return [head('Reihenfolge'), { text: ex.answer.map((l, i) => `${i + 1}. ${l})`).join('   '), fontSize: BODY }];
    case 'article': {
      const cells = ex.items.map((a) => ({ text: `${a.n}. ${withArticle(a.term, a.answer)}`, fontSize: SMALL + 1 }) as TableCell);
      const rows: TableCell[][] = [];
      for (let i = 0; i < cells.length; i += 3) rows.push([cells[i]!, cells[i + 1] ?? { text: '' }, cells[i + 2] ?? { text: '' }]);
      return [head('der, die oder das?'), { table: { widths: ['*', '*', '*'], body: rows }, layout: 'noBorders' }];
    }
    case 'prompts':
      return [
        head('Sprechen und Schreiben'),
        { text: 'Achten Sie darauf, dass die Sätze aus „Wichtige Sätze“ benutzt werden; bei Sicherheitshinweisen muss jedes Wort stimmen.', fontSize: SMALL + 1 },
        ...(ex.phrases.length ? [{ ul: ex.phrases.map((p) => txt(`${PHRASE[p.kind]}: ${p.text}`, { fontSize: SMALL + 1, width: W - 15 })), margin: [0, 2, 0, 0] } as Content] : []),
      ];
  }
}

export function worksheetDocument(store: Store, d: WorksheetData, now: Date, colors = true): TDocumentDefinitions {
  const { task: t, language: lang } = d;
  const firm = getFirm(store.db);
  const you: AddressForm = firm?.addressForm ?? 'sie';
  const images: Record<string, string> = {};
  const info: string[] = [
    t.traineeName ? `Für: ${t.traineeName}` : 'Vorlage',
    t.occupationName,
    `Sprachniveau der Aufgabe: ${t.level}`,
    ...(lang ? [`Übersetzungen: ${languageNameDe(lang)}${d.suggestions ? ' (auch ungeprüfte Vorschläge)' : ''}`] : []),
  ];
  const dates = [t.assignedOn && `Ausgegeben am ${formatDate(t.assignedOn)}`, t.dueBy && `Zu erledigen bis ${formatDate(t.dueBy)}`].filter(Boolean).join(' · ');
  const content: Content[] = [
    txt(info.join(' · '), { fontSize: SMALL, color: COLORS.muted }),
    ...(dates ? [txt(dates, { fontSize: SMALL, color: COLORS.muted })] : []),
    ...(d.positions.length
      ? [txt(`Ausbildungsrahmenplan: ${d.positions.map((p) => (p.title ? `Nr. ${p.number} ${p.title}` : `Nr. ${p.number}`)).join('; ')}`, { fontSize: SMALL, color: COLORS.muted })]
      : []),
    { text: 'Name: ______________________________      Datum: ________________', fontSize: SMALL, margin: [0, 8, 0, 0] },
    h2(you === 'du' ? 'Deine Aufgabe' : 'Ihre Aufgabe'),
    withTranslation(txt(t.vocationalGoal), trOf(d)?.vocationalGoal, lang),
  ];
  if (t.workSteps.length)
    content.push(h2('Arbeitsschritte'), {
      ol: t.workSteps.map((s, i) => ({ ...(withTranslation(txt(s, { width: W - 20 }), trOf(d)?.workSteps[i], lang, W - 20) as object), unbreakable: true }) as Content),
      fontSize: BODY,
      margin: [0, 0, 0, 0],
    });
  if (t.scenario || t.scenarioSteps.length) {
    content.push(h2('So läuft die Kommunikation'));
    if (t.scenario) content.push({ ...(withTranslation(txt(t.scenario), trOf(d)?.scenario, lang) as object), margin: [0, 0, 0, 4] } as Content);
    if (t.scenarioSteps.length) content.push({ ol: t.scenarioSteps.map((s) => txt(`(${SKILL[s.skill]}) ${s.text}`, { width: W - 20 })), fontSize: BODY });
  }
  if (t.phrases.length) content.push(h2('Wichtige Sätze'), phraseTable(d, lang));
  if (d.terms.length) content.push(h2('Wörter'), glossaryTable(d, colors, lang, images));
  if (d.exercises.length) {
    content.push(h2('Übungen'));
    d.exercises.forEach((ex, i) => {
      // The heading stays with the instruction and the first part of the exercise.
      const [a, b, c, ...rest] = exerciseContent(ex, i + 1, lang, images, d.terms, you);
      content.push({ stack: [{ stack: [a, b, c].filter((x): x is Content => x !== undefined), unbreakable: true }, ...rest] });
    });
  }
  // The answer key: always on a page of its own, for the supervisor.
  content.push({ text: 'Lösungen – für die Ausbilderin / den Ausbilder', fontSize: 15, bold: true, color: COLORS.accent, pageBreak: 'before', margin: [0, 0, 0, 2] });
  content.push(txt([`Aufgabe: ${t.title}`, t.traineeName].filter(Boolean).join(' · '), { fontSize: SMALL, color: COLORS.muted }));
  d.exercises.forEach((ex, i) => content.push(...answerContent(ex, i + 1)));
  if (!d.exercises.length) content.push({ text: 'Für diese Aufgabe wurden keine Übungen erzeugt (zu wenige Wörter, Beispielsätze oder Arbeitsschritte).', fontSize: BODY });
  // The check and the notes close the sheet together: the last page never holds only the notes' heading and lines.
  const closing: Content[] = [h2('Hat sie/er es verstanden?')];
  if (t.checks.length) {
    closing.push(
      grid(
        fill([150, 190]),
        [
          [{ text: 'Wie?', bold: true }, { text: 'Was?', bold: true }, { text: 'Ergebnis', bold: true }],
          ...t.checks.map((c): TableCell[] => [{ text: CHECK[c.method], fontSize: SMALL + 1 }, txt(c.text, { width: 190, fontSize: SMALL + 1 }), { text: `${BOX} verstanden\n${BOX} noch einmal üben`, fontSize: SMALL + 1 }]),
        ],
        true,
      ),
    );
  } else {
    closing.push({ text: 'Lassen Sie sich die Aufgabe mit eigenen Worten erklären, zeigen oder aufschreiben – Nicken heißt nicht verstanden.', fontSize: BODY });
  }
  closing.push({ stack: [h2('Notizen und Nachweis'), lines(3)], unbreakable: true });
  content.push({ stack: closing, unbreakable: t.checks.length <= 6 });

  const doc = buildDocument({ firm, title: `Arbeitsblatt: ${t.title}`, createdAt: now, content, footerNote: 'Arbeitsblatt' });
  // The title may hold any script: lay it out like every other text.
  const body = doc.content as Content[];
  body[0] = txt(`Arbeitsblatt: ${t.title}`, { fontSize: 17, bold: true, margin: [0, 0, 0, 4] });
  doc.defaultStyle = { ...doc.defaultStyle, fontSize: BODY, lineHeight: 1.3 };
  doc.images = images;
  return doc;
}

export async function worksheetPdf(store: Store, req: Req, now: Date) {
  const d = worksheetData(store, req);
  assertPrintable(d);
  // Pictures stored before they were normalised at import are scaled for print first (a 40-megapixel PNG of a few
  // hundred KB would otherwise take seconds and gigabytes in the PDF renderer).
  for (const t of d.terms) {
    if (!t.picture || !t.pictureData) continue;
    const mime = t.pictureData.slice(5, t.pictureData.indexOf(';')) as PictureMime;
    const printable = await printablePicture(t.picture, Buffer.from(t.pictureData.slice(t.pictureData.indexOf(',') + 1), 'base64'), mime);
    t.pictureData = printable ? `data:${mime};base64,${printable.toString('base64')}` : null;
  }
  const bytes = await renderPdf(worksheetDocument(store, d, now, req.articleColors ?? true));
  const who = d.task.traineeName ? `_${fileSlug(d.task.traineeName)}` : '_Vorlage';
  return { fileName: `Arbeitsblatt_${fileSlug(d.task.title)}${who}${d.language ? `_${d.language}` : ''}.pdf`, mimeType: 'application/pdf', bytes };
}
