// A business letter after DIN 5008 form B on the firm's letterhead: letterhead in the top 45 mm; the address
// field 45 mm from the top and 25 mm from the left edge (85 × 45 mm: return address and note zone of 17.7 mm,
// then the address zone of 27.3 mm), the information block beside it (Ihr Zeichen, Ihre Nachricht, Unser
// Zeichen, contact, Datum), subject, body, closing with the signing trainer's name and role, fold marks
// (105 mm, 210 mm) and the hole mark (148.5 mm), and the firm's legal details in the footer.
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Contact } from '../../../shared/contacts';
import type { Firm } from '../../../shared/firm';
import { formatDate, toIsoDate } from '../../../shared/format';
import { COLORS, firmLegalLines, mm } from '../pdf/layout';

export interface LetterOptions {
  firm: Firm | null;
  /** The recipient; without one the letter carries `noRecipient` in the address field instead. */
  recipient: Contact | null;
  noRecipient?: string;
  subject: string;
  /** A line under the subject (e.g. the legal basis). */
  subjectNote?: string;
  body: Content[];
  createdAt: Date;
  footerNote?: string;
  /** The recipient's reference (e.g. the authority's Aktenzeichen): "Ihr Zeichen". */
  yourRef?: string | null | undefined;
  /** The date of the recipient's letter this one answers: "Ihre Nachricht vom". */
  yourMessage?: string | null | undefined;
  /** The firm's own reference: "Unser Zeichen". */
  ourRef?: string | null | undefined;
}

export function recipientLines(c: Contact): string[] {
  return [c.organisation, c.department, c.person && `z. Hd. ${c.person}`, c.street, [c.zip, c.city].filter(Boolean).join(' ')].filter((l): l is string => Boolean(l));
}

/** The person signing: the firm's first trainer (usually the owner or managing director), with role. */
export function signer(firm: Firm | null): { name: string; role: string | null } | null {
  const t = firm?.trainers[0];
  return t ? { name: t.name, role: t.role } : null;
}

/** DIN 5008 form B, in mm from the page's top-left corner. */
export const DIN_B = {
  left: 25,
  right: 20,
  addressTop: 45,
  noteZone: 17.7,
  addressZone: 27.3,
  addressWidth: 85,
  infoLeft: 125,
  infoTop: 50,
  infoWidth: 75,
  subjectTop: 103.4,
  foldMarks: [105, 210],
  holeMark: 148.5,
} as const;

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { left: mm(DIN_B.left), right: mm(DIN_B.right), top: 78, bottom: 74 };
const WIDTH = A4.width - MARGIN.left - MARGIN.right;

function letterhead(firm: Firm | null, page: number, subject: string): Content {
  if (page > 1) {
    return {
      margin: [MARGIN.left, 28, MARGIN.right, 0],
      stack: [
        { text: [{ text: firm?.name ?? '', bold: true, color: COLORS.accent }, { text: `   ${subject}`, color: COLORS.muted }], fontSize: 8.5 },
        { canvas: [{ type: 'line', x1: 0, y1: 5, x2: WIDTH, y2: 5, lineWidth: 0.5, lineColor: COLORS.line }] },
      ],
    };
  }
  const contact = firm ? [firm.phone && `Tel. ${firm.phone}`, firm.email].filter(Boolean) : [];
  return {
    margin: [MARGIN.left, mm(12), MARGIN.right, 0],
    columns: [
      { text: firm?.name ?? 'Ausbildungsbetrieb (Firmenprofil nicht ausgefüllt)', bold: true, fontSize: 14, color: COLORS.accent },
      { width: 'auto', alignment: 'right', fontSize: 8, color: COLORS.muted, stack: [firm?.street, [firm?.zip, firm?.city].filter(Boolean).join(' '), ...contact].filter((l): l is string => Boolean(l)) },
    ],
  };
}

/** Fold marks and the hole mark at the left edge of the first page. */
function marks(): Content {
  const line = (y: number, length: number) => ({ type: 'line' as const, x1: mm(4), y1: mm(y), x2: mm(4 + length), y2: mm(y), lineWidth: 0.5, lineColor: COLORS.muted });
  return { canvas: [...DIN_B.foldMarks.map((y) => line(y, 5)), line(DIN_B.holeMark, 7)] };
}

/** The firm's legal details in three columns (name and address · register and directors · contact and tax). */
function legalFooter(firm: Firm | null, page: number, count: number, note: string): Content {
  const cols = firmLegalLines(firm);
  return {
    margin: [MARGIN.left, 14, MARGIN.right, 0],
    fontSize: 6.8,
    color: COLORS.muted,
    stack: [
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: WIDTH, y2: 0, lineWidth: 0.4, lineColor: COLORS.line }] },
      { margin: [0, 4, 0, 0], columns: cols.map((lines) => ({ text: lines.join('\n'), width: '*' })), columnGap: 10 },
      { margin: [0, 4, 0, 0], columns: [{ text: note }, { text: `Seite ${page} von ${count}`, alignment: 'right', width: 'auto' }] },
    ],
  };
}

export function letterDocument(o: LetterOptions): TDocumentDefinitions {
  const date = formatDate(toIsoDate(o.createdAt));
  const s = signer(o.firm);
  const f = o.firm;
  const returnLine = [f?.name, f?.street, [f?.zip, f?.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  const info: [string, string | null | undefined][] = [
    ['Ihr Zeichen', o.yourRef],
    ['Ihre Nachricht vom', o.yourMessage],
    ['Unser Zeichen', o.ourRef],
    ['Name', s?.name],
    ['Telefon', f?.phone],
    ['E-Mail', f?.email],
    ['Datum', date],
  ];
  const addressField: Content = {
    absolutePosition: { x: mm(DIN_B.left), y: mm(DIN_B.addressTop) },
    stack: [
      // The return address at the foot of the note zone (17.7 mm), read through the window.
      // (The field is 85 mm wide from 20 mm; its text runs from 25 mm, so 80 mm are left for a line.)
      { columns: [{ width: mm(DIN_B.addressWidth - 5), text: returnLine, fontSize: 6, color: COLORS.muted, decoration: 'underline' }], margin: [0, mm(DIN_B.noteZone) - 10, 0, 0] },
      {
        margin: [0, 2, 0, 0],
        columns: [{ width: mm(DIN_B.addressWidth - 5), stack: (o.recipient ? recipientLines(o.recipient) : [o.noRecipient ?? '']).map((l) => ({ text: l, fontSize: 10 })) }],
      },
    ],
  };
  const infoBlock: Content = {
    absolutePosition: { x: mm(DIN_B.infoLeft), y: mm(DIN_B.infoTop) },
    table: {
      widths: [70, mm(DIN_B.infoWidth) - 70 - 6],
      body: info.filter(([label, v]) => v || ['Ihr Zeichen', 'Ihre Nachricht vom', 'Unser Zeichen', 'Datum'].includes(label)).map(([l, v]) => [
        { text: l, fontSize: 7, color: COLORS.muted },
        { text: v || '—', fontSize: 8 },
      ]),
    },
    layout: { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 0, paddingRight: () => 3, paddingTop: () => 1, paddingBottom: () => 1 },
  };
  const closing: Content = {
    unbreakable: true,
    stack: [
      { text: 'Mit freundlichen Grüßen', margin: [0, 12, 0, 0] },
      { text: f?.name ?? '', margin: [0, 2, 0, 0] },
      // Room for the handwritten signature, then the signer typed (DIN 5008: name under the signature).
      { text: s ? s.name : 'Name', margin: [0, 30, 0, 0] },
      ...(s?.role ? [{ text: s.role, fontSize: 8.5, color: COLORS.muted }] : []),
    ],
  };
  const created = `Erstellt am ${date} mit Werkbrücke`;
  return {
    pageSize: 'A4',
    pageMargins: [MARGIN.left, MARGIN.top, MARGIN.right, MARGIN.bottom],
    info: { title: o.subject, author: f?.name ?? 'Werkbrücke', creator: 'Werkbrücke', producer: 'Werkbrücke', creationDate: o.createdAt },
    defaultStyle: { font: 'Sans', fontSize: 9.5, lineHeight: 1.2, color: COLORS.text },
    styles: {
      title: { fontSize: 11.5, bold: true, margin: [0, 0, 0, 2] },
      subtitle: { fontSize: 9.5, color: COLORS.muted },
      h2: { fontSize: 11, bold: true, color: COLORS.accent, margin: [0, 12, 0, 4] },
      th: { bold: true, fontSize: 8.5, fillColor: COLORS.fill },
      small: { fontSize: 8, color: COLORS.muted },
      label: { color: COLORS.muted },
    },
    header: (page: number) => letterhead(f, page, o.subject),
    footer: (page: number, count: number) => legalFooter(f, page, count, [o.footerNote, created].filter(Boolean).join(' · ')),
    background: (page: number) => (page === 1 ? marks() : null),
    content: [
      addressField,
      infoBlock,
      // The subject starts below the address field (DIN 5008 form B: about 103 mm from the top).
      { text: o.subject, style: 'title', margin: [0, mm(DIN_B.subjectTop) - MARGIN.top, 0, 2] },
      ...(o.subjectNote ? [{ text: o.subjectNote, style: 'subtitle', margin: [0, 0, 0, 6] } as Content] : []),
      ...o.body,
      closing,
    ],
  };
}
