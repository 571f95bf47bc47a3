// PDFs of the plan for the chamber: "Ausbildungsplan" (the firm's plan: positions with numbers, skills and
// planned periods, sachliche und zeitliche Gliederung) and "Ausbildungsstand" (progress: done and open per
// position and training year, overdue content, missing and unsigned training-record weeks).
import type { Content, TableCell } from 'pdfmake/interfaces';
import type { Plan, PlanChange, PlanItem, PlanPosition } from '../../../shared/plan';
import { formatDate, formatNumber } from '../../../shared/format';
import type { WeekRow } from '../../../shared/nachweis';
import { addDays, trainingYear } from '../../../shared/trainingCalendar';
import { AppError } from '../errors';
import { fileSlug } from '../exports/text';
import { getFirm } from '../firm/service';
import { listWeeks } from '../nachweis/weeks';
import { buildDocument, COLORS, fieldTable, rowsFitOnPage, signatureLines } from '../pdf/layout';
import { counted } from '../pdf/words';
import { renderPdf } from '../pdf/render';
import type { Store } from '../store/db';
import { getTrainee } from '../trainees/service';
import { planProgress } from './progress';
import { getPlan } from './service';

const STATUS = { planned: 'geplant', in_progress: 'in Arbeit', done: 'erledigt' } as const;
const monthYear = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

function requirePlan(store: Store, traineeId: number, now: Date): Plan {
  const plan = getPlan(store.db, traineeId, now);
  if (!plan) throw new AppError('no_plan', `Trainee ${traineeId} has no training plan yet`, { id: traineeId });
  return plan;
}

/** "08/2026 – 12/2026 (1.–5. Monat)". */
export function periodText(plan: Plan, i: PlanItem): string {
  const a = plan.months.find((m) => m.from <= i.plannedFrom && i.plannedFrom <= m.to)?.n;
  const b = plan.months.find((m) => m.from <= i.plannedTo && i.plannedTo <= m.to)?.n;
  return `${monthYear(i.plannedFrom)} – ${monthYear(i.plannedTo)}${a && b ? `\n(${a === b ? `${a}.` : `${a}.–${b}.`} Monat)` : ''}`;
}

function skillsText(p: PlanPosition, i: PlanItem): Content {
  if (i.text) return { text: [{ text: 'Betriebliche Ergänzung: ', italics: true }, i.text] };
  return {
    stack: i.itemKeys.map((k) => {
      const s = p.skills.find((x) => x.key === k);
      return {
        text: `${k}) ${s?.text ?? ''}${s?.subitems?.length ? `\n${s.subitems.map((x) => `   ${x.key}) ${x.text}`).join('\n')}` : ''}`,
        margin: [0, 0, 0, 1],
      } as Content;
    }),
  };
}

function statusText(i: PlanItem): string {
  if (i.status !== 'done') return `${STATUS[i.status]}${i.overdue ? ' (überfällig)' : ''}`;
  return [`erledigt am ${formatDate(i.doneOn)}`, i.confirmedByName && `bestätigt: ${i.confirmedByName}`, i.place && `Ort: ${i.place}`].filter(Boolean).join('\n');
}

/** "a–e" for skills in a row, else "a, c, f". */
export function keyRange(keys: string[], all: string[]): string {
  const idx = keys.map((k) => all.indexOf(k)).sort((a, b) => a - b);
  const contiguous = idx.every((x, n) => n === 0 || x === idx[n - 1]! + 1);
  return contiguous && keys.length > 2 ? `${all[idx[0]!]}–${all[idx[idx.length - 1]!]}` : idx.map((x) => all[x]).join(', ');
}

const tableLayout = {
  hLineWidth: () => 0.35,
  vLineWidth: () => 0.35,
  hLineColor: () => COLORS.line,
  vLineColor: () => COLORS.line,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

export function changeTextDe(h: PlanChange): string {
  const p = h.params;
  const d = (k: string) => formatDate(String(p[k] ?? ''));
  switch (h.kind) {
    case 'created':
      return `Plan aus dem Ausbildungsrahmenplan (${p.regulation}) erstellt, ${p.items} Abschnitte eingeplant.`;
    case 'contract':
      return [
        'Vertrag geändert:',
        p.startBefore !== p.start ? `Beginn ${d('startBefore')} → ${d('start')};` : '',
        p.endBefore !== p.end ? `Ende ${d('endBefore')} → ${d('end')};` : '',
        p.hoursBefore !== p.hours ? `Wochenstunden ${p.hoursBefore} → ${p.hours};` : '',
        p.occupation ? `Beruf ${p.occupationBefore} → ${p.occupation};` : '',
        `${p.rescheduled} offene Abschnitte neu eingeplant, ${p.kept} erledigte unverändert.`,
      ]
        .filter(Boolean)
        .join(' ');
    case 'moved':
      return `${p.item} verschoben: ${monthYear(String(p.fromBefore))}–${monthYear(String(p.toBefore))} → ${monthYear(String(p.from))}–${monthYear(String(p.to))}.`;
    case 'split':
      return `${p.item} geteilt: ${p.part} (${counted('weeks', Number(p.weeks))}) nach ${monthYear(String(p.from))}–${monthYear(String(p.to))}.`;
    case 'added':
      return `Betriebliche Ergänzung: ${p.item}.`;
    case 'removed':
      return `Betriebliche Ergänzung entfernt: ${p.item}.`;
    case 'status':
      return `${p.item}: ${STATUS[p.before as keyof typeof STATUS] ?? p.before} → ${STATUS[p.status as keyof typeof STATUS] ?? p.status}${p.doneOn ? ` am ${d('doneOn')}` : ''}${p.place ? ` (${p.place})` : ''}.`;
  }
}

export async function planPdf(store: Store, traineeId: number, now: Date) {
  const t = getTrainee(store.db, traineeId);
  const plan = requirePlan(store, traineeId, now);
  const firm = getFirm(store.db);
  const content: Content[] = [
    fieldTable([
      ['Auszubildende/r', `${t.firstName} ${t.lastName}`],
      ['Ausbildungsberuf', plan.occupationName],
      ['Ausbildungsordnung', [plan.regulation.name, plan.regulation.date && `vom ${formatDate(plan.regulation.date)}`, plan.regulation.reference && `(${plan.regulation.reference})`].filter(Boolean).join(' ')],
      ['Ausbildungszeit', `${formatDate(t.contractStart)} – ${formatDate(t.contractEndPlanned)} (${plan.months.length} Monate; Ausbildungsordnung: ${plan.templateMonths} Monate)`],
      ['Ausbilder/in', firm?.trainers.map((x) => `${x.name}${x.role ? ` (${x.role})` : ''}`).join(', ') ?? null],
    ]),
    {
      text: 'Sachliche und zeitliche Gliederung: Berufsbildpositionen mit den zu vermittelnden Fertigkeiten, Kenntnissen und Fähigkeiten, den zeitlichen Richtwerten der Ausbildungsordnung und dem im Betrieb geplanten Zeitraum.',
      style: 'small',
      margin: [0, 8, 0, 6],
    },
  ];
  const columnHeader: TableCell[] = [
    { text: 'Nr.', style: 'th' },
    { text: 'Fertigkeiten, Kenntnisse und Fähigkeiten', style: 'th' },
    { text: 'Wochen', style: 'th', alignment: 'right' },
    { text: 'Geplanter Zeitraum', style: 'th' },
    { text: 'Stand', style: 'th' },
  ];
  // One table per position, its heading (with the column header before the first, a section heading where a
  // section begins) as header rows kept with at least one row of skills: no position heading stands alone at
  // the foot of a page, and it repeats where its rows continue. The tables join into one.
  let section: string | null = null;
  plan.positions.forEach((p, n) => {
    const rows: TableCell[][] = n === 0 ? [columnHeader] : [];
    if (p.section && p.section !== section) {
      section = p.section;
      rows.push([{ text: `Abschnitt ${p.section}: ${p.sectionTitle ?? ''}`, colSpan: 5, bold: true, color: COLORS.accent, margin: [0, 4, 0, 0] }, {}, {}, {}, {}]);
    }
    rows.push([
      { text: p.number, bold: true },
      { text: `${p.title}${p.throughout ? ' (während der gesamten Ausbildung)' : ''}${p.firmSpecific ? ' (betriebliche Ergänzung)' : ''}`, bold: true, colSpan: 4, fillColor: COLORS.fill },
      {},
      {},
      {},
    ]);
    const headerRows = rows.length;
    for (const i of p.items) {
      rows.push([
        { text: '' },
        skillsText(p, i),
        { text: i.weeks ? formatNumber(i.weeks) : '—', alignment: 'right' },
        { text: p.throughout ? 'gesamte Ausbildung' : periodText(plan, i) },
        { text: statusText(i) },
      ]);
    }
    // A row stays whole where it fits on a page (the skills column holds about 4,000 characters a page).
    content.push({
      table: { headerRows: p.items.length ? headerRows : 0, keepWithHeaderRows: p.items.length ? 1 : 0, dontBreakRows: rowsFitOnPage(rows, 4000), widths: [26, '*', 44, 76, 84], body: rows },
      layout: tableLayout,
      fontSize: 8.5,
    });
  });

  // Zeitliche Gliederung at a glance: per training year, which positions are planned in which months.
  const years = new Map<number, string[]>();
  for (const p of plan.positions) {
    if (p.throughout) continue;
    for (const i of p.items) {
      const y = Math.max(1, trainingYear(t.contractStart, i.plannedFrom));
            const keys = i.itemKeys.length === 0 || i.itemKeys.length === p.skills.length ? '' : ` ${keyRange(i.itemKeys, p.skills.map((x) => x.key))}`;
      years.set(y, [...(years.get(y) ?? []), `${p.number}${keys} (${monthYear(i.plannedFrom)}–${monthYear(i.plannedTo)})`]);
    }
  }
  content.push({ text: 'Zeitliche Gliederung im Überblick', style: 'h2' });
  content.push({
    table: {
      widths: [90, '*'],
      body: [...years.entries()].sort((a, b) => a[0] - b[0]).map(([y, list]) => [{ text: `${y}. Ausbildungsjahr`, bold: true }, { text: list.join(' · ') }]),
    },
    layout: tableLayout,
  });
  const throughout = plan.positions.filter((p) => p.throughout).map((p) => `${p.number} ${p.title}`);
  if (throughout.length) content.push({ text: `Während der gesamten Ausbildung: ${throughout.join('; ')}.`, margin: [0, 6, 0, 0] });
  if (plan.history.length > 1) {
    content.push({ text: 'Änderungen des Plans', style: 'h2' });
    content.push({ ul: plan.history.slice().reverse().map((h) => `${formatDate(h.at)}: ${changeTextDe(h)}`), fontSize: 8.5 });
  }
  content.push(signatureLines(['Ort, Datum, Ausbildende/r bzw. Ausbilder/in', 'Ort, Datum, Auszubildende/r']));
  const doc = buildDocument({
    firm,
    title: 'Betrieblicher Ausbildungsplan',
    subtitle: [`${t.lastName}, ${t.firstName} · ${plan.occupationName}`],
    footerNote: `Ausbildungsplan ${t.firstName} ${t.lastName}`,
    createdAt: now,
    content,
  });
  return { fileName: `Ausbildungsplan_${fileSlug(t.lastName)}_${fileSlug(t.firstName)}.pdf`, mimeType: 'application/pdf', bytes: await renderPdf(doc) };
}

/** Consecutive weeks as one range: "KW 32/2025 – KW 41/2026 (01.08.2025 – 11.10.2026, 63 Wochen)". */
export function weekRanges(weeks: WeekRow[]): string[] {
  const runs: WeekRow[][] = [];
  for (const w of weeks) {
    const run = runs[runs.length - 1];
    if (run && addDays(run[run.length - 1]!.monday, 7) === w.monday) run.push(w);
    else runs.push([w]);
  }
  return runs.map((r) => {
    const a = r[0]!;
    const b = r[r.length - 1]!;
    if (r.length === 1) return `KW ${a.week}/${a.weekYear} (${formatDate(a.from)} – ${formatDate(a.to)})`;
    return `KW ${a.week}/${a.weekYear} – KW ${b.week}/${b.weekYear} (${formatDate(a.from)} – ${formatDate(b.to)}, ${counted('weeks', r.length)})`;
  });
}

const pct = (a: number, b: number) => (b === 0 ? '—' : `${Math.round((a / b) * 100)} %`);

export async function standPdf(store: Store, traineeId: number, now: Date) {
  const t = getTrainee(store.db, traineeId);
  const plan = requirePlan(store, traineeId, now);
  const pr = planProgress(store.db, traineeId, now);
  const weeks = listWeeks(store.db, traineeId, now);
  const countRow = (label: string, c: typeof pr.total): TableCell[] => [
    { text: label },
    { text: String(c.items), alignment: 'right' },
    { text: String(c.done), alignment: 'right' },
    { text: String(c.inProgress), alignment: 'right' },
    { text: String(c.items - c.done), alignment: 'right' },
    { text: String(c.overdue), alignment: 'right', ...(c.overdue ? { color: '#b42318', bold: true } : {}) },
    { text: `${formatNumber(c.weeksDone)} / ${formatNumber(c.weeks)}`, alignment: 'right' },
    { text: pct(c.weeksDone, c.weeks), alignment: 'right' },
  ];
  // A new header row per table: pdfmake annotates the cell objects it lays out.
  const head = (): TableCell[] =>
    ['', 'Abschnitte', 'erledigt', 'in Arbeit', 'offen', 'überfällig', 'Wochen erledigt', 'Anteil'].map((x, i) => ({ text: x, style: 'th', ...(i > 0 ? { alignment: 'right' } : {}) }) as TableCell);
  const widths = ['*', 56, 44, 46, 36, 54, 58, 40];
  const missing = weeks.weeks.filter((w) => w.state === 'missing');
  const unsigned = weeks.weeks.filter((w) => w.state === 'draft' || w.state === 'trainee_signed');
  const weekList = (list: typeof missing) => weekRanges(list).join('; ');
  const content: Content[] = [
    { text: 'Stand nach Ausbildungsjahren', style: 'h2' },
    {
      table: {
        headerRows: 1,
        keepWithHeaderRows: 1,
        dontBreakRows: true,
        widths,
        body: [head(), ...pr.years.map((y) => countRow(`${y.year}. Ausbildungsjahr (${formatDate(y.from)} – ${formatDate(y.to)})`, y)), countRow('Während der gesamten Ausbildung', pr.throughout), countRow('Insgesamt', pr.total).map((c) => ({ ...(c as object), bold: true }) as TableCell)],
      },
      layout: tableLayout,
      fontSize: 8.5,
    },
    { text: 'Stand nach Berufsbildpositionen', style: 'h2' },
    {
      table: {
        headerRows: 1,
        keepWithHeaderRows: 1,
        dontBreakRows: true,
        widths,
        body: [head(), ...pr.positions.map((p) => countRow(`${p.number} ${p.title}`, p))],
      },
      layout: tableLayout,
      fontSize: 8.5,
    },
    { text: `Überfällige Inhalte (geplantes Ende vor dem ${formatDate(pr.asOf)})`, style: 'h2' },
    pr.overdue.length
      ? {
          table: {
            headerRows: 1,
            keepWithHeaderRows: 1,
            dontBreakRows: true,
            widths: [30, '*', 70],
            body: [
              [{ text: 'Nr.', style: 'th' }, { text: 'Inhalt', style: 'th' }, { text: 'geplant bis', style: 'th' }],
              ...pr.overdue.map((o) => [o.positionNumber, `${o.title}: ${o.label}`, formatDate(o.plannedTo)]),
            ],
          },
          layout: tableLayout,
          fontSize: 8.5,
        }
      : { text: 'Keine.' },
    { text: 'Ausbildungsnachweise', style: 'h2' },
    fieldTable([
      ['Abgezeichnet', String(weeks.counts.signed)],
      ['Noch nicht abgezeichnet', `${unsigned.length}${unsigned.length ? `: ${weekList(unsigned)}` : ''}`],
      ['Fehlende Wochen', `${missing.length}${missing.length ? `: ${weekList(missing)}` : ''}`],
    ]),
  ];
  const doc = buildDocument({
    firm: getFirm(store.db),
    title: 'Ausbildungsstand',
    subtitle: [`${t.lastName}, ${t.firstName} · ${plan.occupationName}`, `Ausbildungszeit ${formatDate(t.contractStart)} – ${formatDate(t.contractEndPlanned)} · Stand ${formatDate(pr.asOf)}`],
    footerNote: `Ausbildungsstand ${t.firstName} ${t.lastName}`,
    createdAt: now,
    content,
  });
  return { fileName: `Ausbildungsstand_${fileSlug(t.lastName)}_${fileSlug(t.firstName)}.pdf`, mimeType: 'application/pdf', bytes: await renderPdf(doc) };
}
