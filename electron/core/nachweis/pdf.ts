// "Ausbildungsnachweis" for the chamber: one sheet per week (name, training year, period, activities with hours
// and plan position numbers, school topics, absences and public holidays, sign-off record or signature lines),
// for a date range or the whole training. Every week from the training start appears in order: a past week
// without a sheet is printed as "nicht erfasst". A sheet uses about one A4 page (its sections have a minimum
// height). Long weeks continue on the next page: table rows may break (never dontBreakRows, which drops a row
// taller than a page), and the week's heading row repeats on the continuation page.
import type { Content, CustomTableLayout, TableCell } from 'pdfmake/interfaces';
import { ABSENCE_KINDS, type Absence, type Entry, type NachweisRecord, type PublicHoliday, type RecordContent, type WeekRow } from '../../../shared/nachweis';
import type { Firm } from '../../../shared/firm';
import { formatDate, formatDateTime, toIsoDate } from '../../../shared/format';
import { isoWeekday } from '../../../shared/trainingCalendar';
import type { Trainee } from '../../../shared/trainees';
import { AppError } from '../errors';
import { fileSlug } from '../exports/text';
import { getFirm } from '../firm/service';
import { buildDocument, COLORS, signatureLines } from '../pdf/layout';
import { renderPdf } from '../pdf/render';
import { counted } from '../pdf/words';
import type { Store } from '../store/db';
import { getTrainee } from '../trainees/service';
import { RECORD_SELECT, toRecord, trainingEnd, type AmendmentRow, type RecordRow } from './service';
import { weekRows } from './weeks';

/** The record is kept electronically: what the sheet says about it, with its legal basis. */
export const ELECTRONIC_NOTE =
  'Dieser Ausbildungsnachweis wird elektronisch geführt (§ 13 Satz 2 Nr. 7 BBiG: schriftlich oder elektronisch). ' +
  'Die Abzeichnungen sind so wiedergegeben, wie sie in Werkbrücke erfasst wurden: Name, Datum und Uhrzeit.';
const FOOTER_NOTE = 'Elektronisch geführter Ausbildungsnachweis (§ 13 S. 2 Nr. 7 BBiG)';

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

function absenceText(a: Absence, holiday?: PublicHoliday) {
  // A day off on a public holiday is a "Feiertag", also where it was entered as holiday ("Urlaub").
  const label = holiday && (a.kind === 'holiday' || a.kind === 'public_holiday') ? `Feiertag (${holiday.name})` : ABSENCE_LABELS[a.kind];
  return `${dayLabel(a.day)} ${label}${a.hours ? ` (${hours(a.hours)} Std.)` : ''}${a.note ? `: ${a.note}` : ''}`;
}

/** The week's absences and public holidays by day: a holiday without an absence entry is listed too. */
function absencesWithHolidays(absences: Absence[], holidays: PublicHoliday[]): string {
  const byDay = new Map(holidays.map((h) => [h.day, h]));
  const items = absences.map((a) => ({ day: a.day, text: absenceText(a, byDay.get(a.day)) }));
  const covered = new Set(absences.map((a) => a.day));
  for (const h of holidays) if (!covered.has(h.day)) items.push({ day: h.day, text: `${dayLabel(h.day)} Feiertag (${h.name})` });
  items.sort((a, b) => a.day.localeCompare(b.day));
  return items.length ? items.map((i) => i.text).join('; ') : 'keine';
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
 * Minimum heights (pt) of the three sections of a weekly sheet, so that a usual week fills about one A4 page
 * (BIBB recommendation) instead of a third of it. A section with more text grows; its rows may then break.
 */
const SECTION_MIN = { work: 300, instruction: 100, school: 130 } as const;
/** The first sheet shares its page with the title block. */
const FIRST_SHEET_FACTOR = 0.78;
/** A rough, generous height of a text cell in the first column (9.5 pt, ~75 characters a line). */
const estimatedHeight = (chars: number, extraLines = 0) => (Math.ceil(chars / 75) + extraLines) * 13.5 + 6;

/**
 * Rows of the activities table: per kind its entries (by day in daily mode), the first one headed by the kind;
 * a kind without entries gets one row with "—". Few rows and text runs: the whole record stays fast to render.
 */
function entryRows(c: RecordContent, daily: boolean, minHeights: Map<number, number>, offset: number, factor: number): TableCell[][] {
  const rows: TableCell[][] = [];
  for (const kind of ['work', 'instruction', 'school'] as const) {
    const list = c.entries.filter((e) => e.kind === kind);
    if (daily) list.sort((a, b) => (a.day ?? '').localeCompare(b.day ?? ''));
    // The section's last row takes up what the section's estimated text leaves of its minimum height.
    const used = list.slice(0, -1).reduce((sum, e, i) => sum + estimatedHeight(e.text.length + 12, i === 0 ? 1 : 0), 0);
    minHeights.set(offset + rows.length + Math.max(0, list.length - 1), Math.max(0, SECTION_MIN[kind] * factor - used));
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
              { text: [{ text: 'Abwesenheiten bisher: ', color: COLORS.muted }, previous.absences.map((x) => absenceText(x)).join('; ') || '—'], margin: [10, 1, 0, 0] } as Content,
              { text: [{ text: 'Abwesenheiten neu: ', color: COLORS.muted }, a.content.absences.map((x) => absenceText(x)).join('; ') || '—'], margin: [10, 1, 0, 0] } as Content,
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

/** The sign-off record of a fully signed sheet, as one line of text: who signed, and when. */
function signedLine(r: NachweisRecord): string | null {
  if (!r.traineeSignedAt || !r.trainerSignedAt) return null;
  return `Abgezeichnet: Auszubildende/r ${r.traineeSignedName}, ${traineeSignedWhen(r)} · Ausbilder/in ${r.trainerName}, ${formatDateTime(r.trainerSignedAt)}`;
}

/** When the trainee signed, and that it was with the personal PIN (sheets signed before PINs: the time only). */
const traineeSignedWhen = (r: NachweisRecord) =>
  r.traineeSignedBy === 'pin' ? `mit persönlicher PIN bestätigt am ${formatDateTime(r.traineeSignedAt)}` : formatDateTime(r.traineeSignedAt);

const INK_LABELS = ['Datum, Unterschrift Auszubildende/r', 'Datum, Unterschrift Ausbilder/in'];

/** What is not signed off yet: the partial sign-off record and signature lines. */
function signatureBlock(r: NachweisRecord): Content {
  const note = r.traineeSignedAt
    ? `Von der/dem Auszubildenden abgezeichnet: ${r.traineeSignedName}, ${traineeSignedWhen(r)}. Abzeichnung durch die Ausbilderin / den Ausbilder steht aus.`
    : 'Noch nicht abgezeichnet.';
  return { unbreakable: true, stack: [{ text: note, style: 'small', margin: [0, 8, 0, 0] }, signatureLines(INK_LABELS)] };
}

const headRow = (text: string): TableCell[] => [
  { text, bold: true, color: COLORS.accent },
  { text: 'Pos.', bold: true, fontSize: 8.5, alignment: 'center' },
  { text: 'Std.', bold: true, fontSize: 8.5, alignment: 'right' },
];

const weekHead = (w: Pick<WeekRow, 'week' | 'weekYear' | 'from' | 'to' | 'trainingYear'>, no: number) =>
  `Nr. ${no} · KW ${w.week}/${w.weekYear} · ${formatDate(w.from)} – ${formatDate(w.to)} · ${w.trainingYear}. Ausbildungsjahr`;

function weekSheet(r: NachweisRecord, no: number, first: boolean, holidays: PublicHoliday[], inkLines: boolean): Content[] {
  const daily = r.mode === 'daily';
  const c = r.content;
  const signed = signedLine(r);
  const minHeights = new Map<number, number>();
  const rows: TableCell[][] = [
    headRow(weekHead(r, no)),
    ...entryRows(c, daily, minHeights, 1, first ? FIRST_SHEET_FACTOR : 1),
    [
      {
        // The sign-off record shares the last row (fewer nodes: the whole record renders fast).
        text: [{ text: 'Abwesenheit: ', bold: true }, absencesWithHolidays(c.absences, holidays), ...(signed ? [`\n${signed}`] : [])],
      },
      { text: 'Summe', bold: true, alignment: 'center' },
      { text: hours(r.totalHours), bold: true, alignment: 'right' },
    ],
  ];
  if (c.remarks) rows.push([{ text: [{ text: 'Bemerkungen: ', bold: true }, c.remarks], colSpan: 3 }, {}, {}]);
  return [
    {
      ...(first ? {} : { pageBreak: 'before' as const }),
      // Rows may break (never dontBreakRows: it drops a row taller than a page, and it would double the layout time
      // of 180 sheets); a sheet starts on its own page, so its heading row never stands alone at a page's foot.
      table: { headerRows: 1, widths: ['*', 44, 36], body: rows, heights: (i: number) => minHeights.get(i) ?? 'auto' },
      // Horizontal rules only (a strong one under the heading row and at the end): clear, and cheap to draw.
      layout: SHEET_LAYOUT,
    },
    ...(r.amendments.length ? [{ text: `Diese Fassung enthält Berichtigungen (zuletzt am ${formatDate(r.amendments[r.amendments.length - 1]!.createdAt)}); siehe unten.`, style: 'small', margin: [0, 3, 0, 0] } as Content] : []),
    ...amendmentBlock(r),
    ...(signed ? (inkLines ? [signatureLines(INK_LABELS)] : []) : [signatureBlock(r)]),
  ];
}

/** A past week of the training without a sheet: it keeps its number and place, marked "nicht erfasst". */
function missingSheet(w: WeekRow, no: number, first: boolean): Content[] {
  return [
    {
      ...(first ? {} : { pageBreak: 'before' as const }),
      table: {
        headerRows: 1,
        widths: ['*', 44, 36],
        body: [
          headRow(weekHead(w, no)),
          [{ text: [{ text: 'Nicht erfasst. ', bold: true }, 'Für diese Woche liegt kein Ausbildungsnachweis vor.'], colSpan: 3 }, {}, {}],
          [{ text: [{ text: 'Feiertage: ', bold: true }, w.holidays.length ? w.holidays.map((h) => `${dayLabel(h.day)} ${h.name}`).join('; ') : 'keine'], colSpan: 3 }, {}, {}],
        ],
      },
      layout: SHEET_LAYOUT,
    },
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

/** A week to print: its sheets, or none ("nicht erfasst"), with its running number since the training start. */
interface PrintedWeek {
  week: WeekRow;
  no: number;
  records: NachweisRecord[];
}

/**
 * Every week of the training from its start to the last week of the range, in order: weeks with sheets and past
 * weeks without one (the current week without a sheet is not due yet). Numbered by week since the start.
 */
function printedWeeks(store: Store, t: Trainee, range: { from?: string | undefined; to?: string | undefined }, now: Date): PrintedWeek[] {
  const lo = range.from ?? '0000-01-01';
  const hi = range.to ?? '9999-12-31';
  const all = recordsInRange(store, t);
  const byId = new Map(all.map((r) => [r.id, r]));
  return weekRows(store.db, t, toIsoDate(now), all)
    .map((week, i) => ({ week, no: i + 1, records: week.recordIds.map((id) => byId.get(id)!).filter(Boolean) }))
    .filter((w) => (w.records.length > 0 || w.week.state === 'missing') && w.week.from <= hi && w.week.to >= lo)
    .map((w) => ({ ...w, records: w.records.filter((r) => r.from <= hi && r.to >= lo) }))
    .filter((w) => w.records.length > 0 || w.week.state === 'missing');
}

/** The document definition of the Ausbildungsnachweis (rendered by nachweisPdf). */
export function nachweisDocument(store: Store, traineeId: number, range: { from?: string | undefined; to?: string | undefined }, now: Date) {
  const t = getTrainee(store.db, traineeId);
  const firm: Firm | null = getFirm(store.db);
  const weeks = printedWeeks(store, t, range, now);
  const records = weeks.flatMap((w) => w.records);
  if (records.length === 0) {
    throw new AppError('no_records_in_range', `No training records for ${t.firstName} ${t.lastName} in ${range.from ?? 'start'}..${range.to ?? 'end'}`, {
      from: range.from ? formatDate(range.from) : formatDate(t.contractStart),
      to: range.to ? formatDate(range.to) : formatDate(trainingEnd(t)),
    });
  }
  const signed = records.filter((r) => r.status === 'signed').length;
  const missing = weeks.filter((w) => w.records.length === 0);
  const inkLines = firm?.nachweisSignatureLines ?? false;
  const content: Content[] = [];
  for (const w of weeks) {
    if (w.records.length === 0) content.push(...missingSheet(w.week, w.no, content.length === 0));
    for (const r of w.records) content.push(...weekSheet(r, w.no, content.length === 0, w.week.holidays.filter((h) => h.day >= r.from && h.day <= r.to), inkLines));
  }
  const name = `${t.firstName} ${t.lastName}`;
  const doc = buildDocument({
    firm,
    title: 'Ausbildungsnachweis',
    subtitle: [
      `${t.lastName}, ${t.firstName} · ${t.occupationName}`,
      `Ausbildungszeit ${formatDate(t.contractStart)} – ${formatDate(t.contractEndPlanned)} · Nachweise vom ${formatDate(weeks[0]!.week.from)} bis ${formatDate(weeks[weeks.length - 1]!.week.to)}: ${counted('sheets', records.length)}, ${counted('signed', signed)}${
        missing.length ? ` · ${counted('weeksMissing', missing.length)} (${missing.map((w) => `KW ${w.week.week}/${w.week.weekYear}`).join(', ')})` : ''
      }`,
      ELECTRONIC_NOTE,
    ],
    createdAt: now,
    footerNote: FOOTER_NOTE,
    content,
  });
  doc.info = { ...doc.info, title: `Ausbildungsnachweis ${name}` };
  // No h2 headings on the sheets: without the callback pdfmake need not track the nodes of 180 pages.
  delete doc.pageBreakBefore;
  // The full letterhead on the first page; every further page (one a week) carries the firm and the trainee's
  // name in one line in the same place. Keeps 182 sheets light to render.
  const letterhead = doc.header as (page: number, count: number, size: unknown) => Content;
  const firmName = firm?.name ?? 'Ausbildungsbetrieb';
  doc.header = (page: number, count: number, size: unknown) =>
    page === 1
      ? letterhead(page, count, size)
      : {
          margin: [40, 24, 40, 0],
          stack: [
            { text: [{ text: firmName, bold: true, fontSize: 12, color: COLORS.accent }, { text: `   Ausbildungsnachweis ${name}`, fontSize: 8, color: COLORS.muted }] },
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
