// "Ausbildungsnachweis" for the chamber: one sheet per week (name, training year, period, activities with hours
// and plan position numbers, school topics, absences, sign-off record or signature lines), for a date range or
// the whole training. Long weeks continue on the next page: table rows may break (never dontBreakRows, which
// drops a row taller than a page), and the week's heading row repeats on the continuation page.
import type { Content, CustomTableLayout, TableCell } from 'pdfmake/interfaces';
import { ABSENCE_KINDS, type Absence, type Entry, type NachweisRecord, type RecordContent } from '../../../shared/nachweis';
import { formatDate, formatDateTime } from '../../../shared/format';
import { isoWeekday } from '../../../shared/trainingCalendar';
import type { Trainee } from '../../../shared/trainees';
import { AppError } from '../errors';
import { fileSlug } from '../exports/text';
import { getFirm } from '../firm/service';
import { buildDocument, COLORS, signatureLines } from '../pdf/layout';
import { renderPdf } from '../pdf/render';
import type { Store } from '../store/db';
import { getTrainee } from '../trainees/service';
import { RECORD_SELECT, toRecord, trainingEnd, type AmendmentRow, type RecordRow } from './service';

const WD = ['', 'Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'];
const KIND_TITLES = {
  work: 'Betriebliche Tätigkeiten',
  instruction: 'Unterweisungen, Lehrgänge',
  school: 'Berufsschule',
} as const;
const ABSENCE_LABELS: Record<(typeof ABSENCE_KINDS)[number], string> = {
  school: 'Berufsschule',
  holiday: 'Urlaub',
  illness: 'Krankheit',
  public_holiday: 'Feiertag',
  other: 'Sonstige Abwesenheit',
};

const HOURS = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });
const hours = (n: number) => HOURS.format(n);

export const dayLabel = (d: string) => `${WD[isoWeekday(d)]} ${formatDate(d).slice(0, 6)}`;

function absenceText(a: Absence) {
  return `${dayLabel(a.day)} ${ABSENCE_LABELS[a.kind]}${a.hours ? ` (${hours(a.hours)} Std.)` : ''}${a.note ? `: ${a.note}` : ''}`;
}

const entryLine = (e: Entry) => `${e.day ? `${dayLabel(e.day)}: ` : ''}${e.text} (${hours(e.hours)} Std.${e.positions.length ? `, Pos. ${e.positions.join(', ')}` : ''})`;

const SHEET_LAYOUT: CustomTableLayout = {
  hLineWidth: (i, node) => (i === 1 || i === node.table.body.length ? 0.9 : i === 0 ? 0 : 0.35),
  vLineWidth: () => 0,
  hLineColor: (i) => (i === 1 ? COLORS.accent : COLORS.line),
  paddingLeft: (i) => (i === 0 ? 0 : 4),
  paddingRight: (i, node) => (i === (node.table.widths?.length ?? 1) - 1 ? 0 : 4),
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

const KIND_LABEL = { bold: true, fontSize: 8.5, color: COLORS.accent } as const;

/**
 * Rows of the activities table: per kind its entries (by day in daily mode), the first one headed by the kind;
 * a kind without entries gets one row with "—". Few rows and text runs: the whole record stays fast to render.
 */
function entryRows(c: RecordContent, daily: boolean): TableCell[][] {
  const rows: TableCell[][] = [];
  for (const kind of ['work', 'instruction', 'school'] as const) {
    const list = c.entries.filter((e) => e.kind === kind);
    if (daily) list.sort((a, b) => (a.day ?? '').localeCompare(b.day ?? ''));
    if (list.length === 0) rows.push([{ text: [{ text: `${KIND_TITLES[kind]}\n`, ...KIND_LABEL }, '—'] }, '', '']);
    list.forEach((e, i) => {
      const text: Content[] = [];
      if (i === 0) text.push({ text: `${KIND_TITLES[kind]}\n`, ...KIND_LABEL });
      if (e.day) text.push({ text: `${dayLabel(e.day)}  `, bold: true });
      text.push(e.text);
      rows.push([{ text }, { text: e.positions.join(', '), alignment: 'center' }, { text: hours(e.hours), alignment: 'right' }]);
    });
  }
  return rows;
}

function amendmentBlock(r: NachweisRecord): Content[] {
  if (r.amendments.length === 0) return [];
  const out: Content[] = [{ text: 'Berichtigungen nach der Unterzeichnung', bold: true, fontSize: 10, margin: [0, 8, 0, 2] }];
  let previous = r.original;
  for (const a of r.amendments) {
    const before = new Set(previous.entries.map((e) => JSON.stringify(e)));
    const after = new Set(a.content.entries.map((e) => JSON.stringify(e)));
    const removed = previous.entries.filter((e) => !after.has(JSON.stringify(e)));
    const added = a.content.entries.filter((e) => !before.has(JSON.stringify(e)));
    const absences = JSON.stringify(previous.absences) !== JSON.stringify(a.content.absences);
    out.push({
      margin: [0, 2, 0, 4],
      stack: [
        { text: [{ text: `Berichtigung vom ${formatDateTime(a.createdAt)} durch ${a.author}. `, bold: true }, `Grund: ${a.reason}`] },
        ...removed.map((e) => ({ text: [{ text: 'bisher: ', color: COLORS.muted }, entryLine(e)], margin: [10, 1, 0, 0] }) as Content),
        ...added.map((e) => ({ text: [{ text: 'neu: ', color: COLORS.muted }, entryLine(e)], margin: [10, 1, 0, 0] }) as Content),
        ...(absences
          ? [
              { text: [{ text: 'Abwesenheiten bisher: ', color: COLORS.muted }, previous.absences.map(absenceText).join('; ') || '—'], margin: [10, 1, 0, 0] } as Content,
              { text: [{ text: 'Abwesenheiten neu: ', color: COLORS.muted }, a.content.absences.map(absenceText).join('; ') || '—'], margin: [10, 1, 0, 0] } as Content,
            ]
          : []),
        ...(previous.remarks !== a.content.remarks
          ? [{ text: [{ text: 'Bemerkungen neu: ', color: COLORS.muted }, a.content.remarks ?? '—'], margin: [10, 1, 0, 0] } as Content]
          : []),
      ],
    });
    previous = a.content;
  }
  return out;
}

/** The sign-off record of a fully signed sheet, as one line of text. */
function signedLine(r: NachweisRecord): string | null {
  if (!r.traineeSignedAt || !r.trainerSignedAt) return null;
  return `Abgezeichnet: Auszubildende/r ${r.traineeSignedName}, ${formatDateTime(r.traineeSignedAt)} · Ausbilder/in ${r.trainerName}, ${formatDateTime(r.trainerSignedAt)}`;
}

/** What is not signed off yet: the partial sign-off record and signature lines. */
function signatureBlock(r: NachweisRecord): Content {
  const note = r.traineeSignedAt
    ? `Von der/dem Auszubildenden abgezeichnet: ${r.traineeSignedName}, ${formatDateTime(r.traineeSignedAt)}. Abzeichnung durch die Ausbilderin / den Ausbilder steht aus.`
    : 'Noch nicht abgezeichnet.';
  return {
    unbreakable: true,
    stack: [{ text: note, style: 'small', margin: [0, 8, 0, 0] }, signatureLines(['Datum, Unterschrift Auszubildende/r', 'Datum, Unterschrift Ausbilder/in'])],
  };
}

function weekSheet(r: NachweisRecord, no: number, first: boolean): Content[] {
  const daily = r.mode === 'daily';
  const c = r.content;
  const signed = signedLine(r);
  const head = `Nr. ${no} · KW ${r.week}/${r.weekYear} · ${formatDate(r.from)} – ${formatDate(r.to)} · ${r.trainingYear}. Ausbildungsjahr`;
  const rows: TableCell[][] = [
    [
      { text: head, bold: true, color: COLORS.accent },
      { text: 'Pos.', bold: true, fontSize: 8.5, alignment: 'center' },
      { text: 'Std.', bold: true, fontSize: 8.5, alignment: 'right' },
    ],
    ...entryRows(c, daily),
    [
      {
        // The sign-off record shares the last row (fewer nodes: the whole record renders fast).
        text: [{ text: 'Abwesenheit: ', bold: true }, c.absences.length ? c.absences.map(absenceText).join('; ') : 'keine', ...(signed ? [`\n${signed}`] : [])],
      },
      { text: 'Summe', bold: true, alignment: 'center' },
      { text: hours(r.totalHours), bold: true, alignment: 'right' },
    ],
  ];
  if (c.remarks) rows.push([{ text: [{ text: 'Bemerkungen: ', bold: true }, c.remarks], colSpan: 3 }, {}, {}]);
  return [
    {
      ...(first ? {} : { pageBreak: 'before' as const }),
      table: { headerRows: 1, widths: ['*', 44, 36], body: rows },
      // Horizontal rules only (a strong one under the heading row and at the end): clear, and cheap to draw.
      layout: SHEET_LAYOUT,
    },
    ...(r.amendments.length ? [{ text: `Diese Fassung enthält Berichtigungen (zuletzt am ${formatDate(r.amendments[r.amendments.length - 1]!.createdAt)}); siehe unten.`, style: 'small', margin: [0, 3, 0, 0] } as Content] : []),
    ...amendmentBlock(r),
    ...(signed ? [] : [signatureBlock(r)]),
  ];
}

/** The sheets of a trainee that overlap [from, to] (the whole training without a range), oldest first. */
export function recordsInRange(store: Store, t: Trainee, from?: string, to?: string): NachweisRecord[] {
  const lo = from ?? '0000-01-01';
  const hi = to ?? '9999-12-31';
  const rows = store.db.prepare(`${RECORD_SELECT} WHERE r.trainee_id = ? AND r.period_from <= ? AND r.period_to >= ? ORDER BY r.period_from`).all(t.id, hi, lo) as RecordRow[];
  const amendments = store.db
    .prepare('SELECT a.* FROM nachweis_amendments a JOIN nachweis_records r ON r.id = a.record_id WHERE r.trainee_id = ? ORDER BY a.id')
    .all(t.id) as AmendmentRow[];
  return rows.map((r) => toRecord(r, amendments.filter((a) => a.record_id === r.id), t));
}

/** The document definition of the Ausbildungsnachweis (rendered by nachweisPdf). */
export function nachweisDocument(store: Store, traineeId: number, range: { from?: string | undefined; to?: string | undefined }, now: Date) {
  const t = getTrainee(store.db, traineeId);
  const all = recordsInRange(store, t);
  const records = all.filter((r) => r.from <= (range.to ?? '9999-12-31') && r.to >= (range.from ?? '0000-01-01'));
  if (records.length === 0) {
    throw new AppError('no_records_in_range', `No training records for ${t.firstName} ${t.lastName} in ${range.from ?? 'start'}..${range.to ?? 'end'}`, {
      from: range.from ? formatDate(range.from) : formatDate(t.contractStart),
      to: range.to ? formatDate(range.to) : formatDate(trainingEnd(t)),
    });
  }
  const number = new Map(all.map((r, i) => [r.id, i + 1]));
  const signed = records.filter((r) => r.status === 'signed').length;
  const doc = buildDocument({
    firm: getFirm(store.db),
    title: 'Ausbildungsnachweis',
    subtitle: [
      `${t.lastName}, ${t.firstName} · ${t.occupationName}`,
      `Ausbildungszeit ${formatDate(t.contractStart)} – ${formatDate(t.contractEndPlanned)} · Nachweise vom ${formatDate(records[0]!.from)} bis ${formatDate(records[records.length - 1]!.to)}: ${records.length} Blätter, davon ${signed} abgezeichnet`,
    ],
    createdAt: now,
    content: records.flatMap((r, i) => weekSheet(r, number.get(r.id)!, i === 0)),
  });
  // The full letterhead on the first page; every further page (one a week) carries the firm and the trainee's
  // name in one line in the same place. Keeps 182 sheets light to render.
  const letterhead = doc.header as (page: number, count: number, size: unknown) => Content;
  const firmName = getFirm(store.db)?.name ?? 'Ausbildungsbetrieb';
  doc.header = (page: number, count: number, size: unknown) =>
    page === 1
      ? letterhead(page, count, size)
      : {
          margin: [40, 24, 40, 0],
          stack: [
            { text: [{ text: firmName, bold: true, fontSize: 12, color: COLORS.accent }, { text: `   Ausbildungsnachweis ${t.firstName} ${t.lastName}`, fontSize: 8, color: COLORS.muted }] },
            { canvas: [{ type: 'line', x1: 0, y1: 6, x2: 515, y2: 6, lineWidth: 0.7, lineColor: COLORS.line }] },
          ],
        };
  return { doc, trainee: t };
}

export async function nachweisPdf(store: Store, traineeId: number, range: { from?: string | undefined; to?: string | undefined }, now: Date) {
  const { doc, trainee: t } = nachweisDocument(store, traineeId, range, now);
  const bytes = await renderPdf(doc);
  const span = range.from || range.to ? `_${range.from ?? ''}_${range.to ?? ''}` : '';
  return { fileName: `Ausbildungsnachweis_${fileSlug(t.lastName)}_${fileSlug(t.firstName)}${span}.pdf`, mimeType: 'application/pdf', bytes };
}
