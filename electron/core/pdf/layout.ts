// The frame every printed document shares: A4, firm letterhead, title block, "Seite X von Y" and the date of creation.
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { DIRECTOR_FORMS, REGISTERED_FORMS, type Firm, type LegalForm } from '../../../shared/firm';
import { formatDate, toIsoDate } from '../../../shared/format';

export const COLORS = { text: '#1f2328', muted: '#5b6570', line: '#b8c0c8', accent: '#1d4e89', fill: '#eef2f6' };

export interface DocumentOptions {
  firm: Firm | null;
  title: string;
  /** Lines under the title, e.g. trainee and period. */
  subtitle?: string[];
  content: Content[];
  createdAt: Date;
  landscape?: boolean;
  /** Shown left in the footer before the date of creation. */
  footerNote?: string;
}

/** Millimetres in PDF points. */
export const mm = (v: number) => (v * 72) / 25.4;

/** How the legal form is written after the name where the name does not carry it. */
const LEGAL_FORM_LABEL: Record<LegalForm, string> = {
  einzelunternehmen: 'Einzelunternehmen',
  ek: 'e. K.',
  gbr: 'GbR',
  ohg: 'OHG',
  kg: 'KG',
  gmbh: 'GmbH',
  ug: 'UG (haftungsbeschränkt)',
  gmbh_co_kg: 'GmbH & Co. KG',
  ag: 'AG',
  sonstige: '',
};

/**
 * What a business letter must show about the firm, in three groups for the footer: name (with legal form) and
 * address; seat, register court and number, managing directors (GmbH, UG, GmbH & Co. KG: § 35a GmbHG) or the
 * proprietor ("Inhaber/in" only for a sole proprietorship or e. K.); contact, chamber and VAT id.
 */
export function firmLegalLines(firm: Firm | null): string[][] {
  if (!firm) return [['Firmenprofil nicht ausgefüllt']];
  const form = firm.legalForm;
  const label = form ? LEGAL_FORM_LABEL[form] : '';
  const name = label && form !== 'einzelunternehmen' && !firm.name.includes(label.split(' ')[0]!) ? `${firm.name} ${label}` : firm.name;
  const legal: string[] = [];
  if (form && REGISTERED_FORMS.includes(form)) {
    if (firm.city && form !== 'ek') legal.push(`Sitz: ${firm.city}`);
    if (firm.registerCourt || firm.registerNumber) legal.push(`Registergericht: ${[firm.registerCourt, firm.registerNumber].filter(Boolean).join(', ')}`);
  }
  if (form && DIRECTOR_FORMS.includes(form) && firm.managingDirectors) {
    const names = firm.managingDirectors.split(/\n|;/).map((n) => n.trim()).filter(Boolean);
    legal.push(`${names.length > 1 ? 'Geschäftsführer/innen' : 'Geschäftsführung'}: ${names.join(', ')}`);
  }
  if ((form === 'einzelunternehmen' || form === 'ek') && firm.owner) legal.push(`Inhaber/in: ${firm.owner}`);
  const contact = [
    firm.phone && `Tel. ${firm.phone}`,
    firm.email,
    firm.chamber && `${firm.chamber}${firm.chamberMemberNo ? `, Mitgliedsnr. ${firm.chamberMemberNo}` : ''}`,
    firm.vatId && `USt-IdNr. ${firm.vatId}`,
  ].filter((l): l is string => Boolean(l));
  return [[name, firm.street, [firm.zip, firm.city].filter(Boolean).join(' ')].filter((l): l is string => Boolean(l)), legal, contact].filter((c) => c.length > 0);
}

export function firmAddressLine(firm: Firm | null): string {
  if (!firm) return '';
  return [firm.street, [firm.zip, firm.city].filter(Boolean).join(' ')].filter(Boolean).join(' · ');
}

function letterhead(firm: Firm | null): Content {
  const contact = firm ? [firm.phone && `Tel. ${firm.phone}`, firm.email].filter(Boolean).join(' · ') : '';
  const chamber = firm?.chamber ? `${firm.chamber}${firm.chamberMemberNo ? `, Mitgliedsnr. ${firm.chamberMemberNo}` : ''}` : '';
  return {
    margin: [40, 24, 40, 0],
    stack: [
      {
        columns: [
          { text: firm?.name ?? 'Ausbildungsbetrieb (Firmenprofil nicht ausgefüllt)', bold: true, fontSize: 12, color: COLORS.accent },
          {
            width: 'auto',
            alignment: 'right',
            fontSize: 8,
            color: COLORS.muted,
            stack: [firmAddressLine(firm), contact, chamber].filter(Boolean),
          },
        ],
      },
      { canvas: [{ type: 'line', x1: 0, y1: 6, x2: 515, y2: 6, lineWidth: 0.7, lineColor: COLORS.line }] },
    ],
  };
}

/** All text of a cell (or any content), for a size estimate. */
function textLength(c: unknown): number {
  if (typeof c === 'string') return c.length;
  if (Array.isArray(c)) return c.reduce((n: number, x) => n + textLength(x), 0);
  if (c && typeof c === 'object') {
    const o = c as Record<string, unknown>;
    return textLength(o.text) + textLength(o.stack) + textLength(o.ul) + textLength(o.ol);
  }
  return 0;
}

/**
 * Whether a table may keep each row on one page (`dontBreakRows`): only when no row can come near a page's
 * height. pdfmake silently drops a row taller than a page under dontBreakRows, so a table with a very long cell
 * keeps breakable rows (which continue on the next page without losing text). `charsPerPage` is how much text
 * the widest column holds on one page at a generous estimate.
 */
export function rowsFitOnPage(body: unknown[][], charsPerPage = 2000): boolean {
  return body.every((row) => row.every((cell) => textLength(cell) + (JSON.stringify(cell).match(/\\n/g)?.length ?? 0) * 60 < charsPerPage / 2));
}

/**
 * pdfmake's pageBreakBefore: a heading (style h2) in the last sixth of a page, or with nothing after it on its
 * page, moves to the next page with what follows.
 */
export const keepHeadingsWithNext: NonNullable<TDocumentDefinitions['pageBreakBefore']> = (node, nodes) => {
  const style = Array.isArray(node.style) ? node.style : [node.style];
  if (!style.includes('h2')) return false;
  return (node.startPosition?.verticalRatio ?? 0) > 0.83 || nodes.getFollowingNodesOnPage().length === 0;
};

export function buildDocument(o: DocumentOptions): TDocumentDefinitions {
  const created = formatDate(toIsoDate(o.createdAt));
  return {
    pageSize: 'A4',
    pageOrientation: o.landscape ? 'landscape' : 'portrait',
    pageMargins: [40, 78, 40, 50],
    info: { title: o.title, author: o.firm?.name ?? 'Werkbrücke', creator: 'Werkbrücke', producer: 'Werkbrücke', creationDate: o.createdAt },
    defaultStyle: { font: 'Sans', fontSize: 9.5, lineHeight: 1.2, color: COLORS.text },
    styles: {
      title: { fontSize: 16, bold: true, margin: [0, 0, 0, 4] },
      subtitle: { fontSize: 10, color: COLORS.muted },
      h2: { fontSize: 11.5, bold: true, color: COLORS.accent, margin: [0, 12, 0, 4] },
      th: { bold: true, fontSize: 8.5, fillColor: COLORS.fill },
      small: { fontSize: 8, color: COLORS.muted },
      label: { color: COLORS.muted },
    },
    header: () => letterhead(o.firm),
    pageBreakBefore: keepHeadingsWithNext,
    footer: (currentPage: number, pageCount: number) => ({
      margin: [40, 16, 40, 0],
      fontSize: 7.5,
      color: COLORS.muted,
      columns: [
        { text: [o.footerNote ? `${o.footerNote} · ` : '', `Erstellt am ${created} mit Werkbrücke`].join('') },
        { text: `Seite ${currentPage} von ${pageCount}`, alignment: 'right', width: 'auto' },
      ],
    }),
    content: [
      { text: o.title, style: 'title' },
      ...(o.subtitle?.length ? [{ text: o.subtitle.join('\n'), style: 'subtitle', margin: [0, 0, 0, 10] } as Content] : []),
      ...o.content,
    ],
  };
}

/** A two-column label/value table. Empty values print as "—". */
export function fieldTable(rows: [string, string | null | undefined][]): Content {
  return {
    table: {
      widths: [150, '*'],
      body: rows.map(([l, v]) => [
        { text: l, style: 'label' },
        { text: v && v.length > 0 ? v : '—' },
      ]),
    },
    layout: {
      hLineWidth: () => 0.4,
      vLineWidth: () => 0,
      hLineColor: () => COLORS.line,
      paddingTop: () => 2,
      paddingBottom: () => 2,
    },
  };
}

/** Signature lines with place/date, for letters and sign-off sheets. */
export function signatureLines(labels: string[]): Content {
  return {
    margin: [0, 36, 0, 0],
    unbreakable: true,
    columns: labels.map((l) => ({
      stack: [
        { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 220, y2: 0, lineWidth: 0.6, lineColor: COLORS.text }] },
        { text: l, fontSize: 8, color: COLORS.muted, margin: [0, 3, 0, 0] },
      ],
    })),
  };
}
