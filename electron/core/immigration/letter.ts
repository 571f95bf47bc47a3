// A business letter on the firm's letterhead (core/pdf/layout.ts): sender line, recipient's address from the
// address book, place and date, subject, body, closing and a signature line.
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Contact } from '../../../shared/contacts';
import type { Firm } from '../../../shared/firm';
import { formatDate, toIsoDate } from '../../../shared/format';
import { buildDocument, COLORS, firmAddressLine, signatureLines } from '../pdf/layout';

export interface LetterOptions {
  firm: Firm | null;
  /** The recipient; without one the letter carries `noRecipient` instead of an address. */
  recipient: Contact | null;
  noRecipient?: string;
  subject: string;
  /** A line under the subject (e.g. the legal basis). */
  subjectNote?: string;
  body: Content[];
  createdAt: Date;
  footerNote?: string;
}

export function recipientLines(c: Contact): string[] {
  return [c.organisation, c.department, c.person && `z. Hd. ${c.person}`, c.street, [c.zip, c.city].filter(Boolean).join(' ')].filter((l): l is string => Boolean(l));
}

/** The person signing: the firm's first trainer (usually the owner), with role. */
export function signer(firm: Firm | null): { name: string; role: string | null } | null {
  const t = firm?.trainers[0];
  return t ? { name: t.name, role: t.role } : null;
}

export function letterDocument(o: LetterOptions): TDocumentDefinitions {
  const place = o.firm?.city ?? '';
  const date = formatDate(toIsoDate(o.createdAt));
  const s = signer(o.firm);
  const head: Content[] = [
    {
      columns: [
        {
          width: '*',
          stack: [
            { text: [o.firm?.name, firmAddressLine(o.firm)].filter(Boolean).join(' · '), fontSize: 7, color: COLORS.muted, decoration: 'underline', margin: [0, 0, 0, 6] },
            ...(o.recipient ? recipientLines(o.recipient).map((l) => ({ text: l, fontSize: 10.5 })) : [{ text: o.noRecipient ?? '', fontSize: 10.5 }]),
          ],
        },
        { width: 'auto', text: [place, date].filter(Boolean).join(', '), alignment: 'right', margin: [0, 60, 0, 0] },
      ],
      margin: [0, 4, 0, 30],
    },
  ];
  const closing: Content[] = [
    { text: 'Mit freundlichen Grüßen', margin: [0, 16, 0, 0] },
    { text: o.firm?.name ?? '', bold: true, margin: [0, 2, 0, 0] },
    signatureLines([[s ? s.name : 'Name', s?.role, 'Unterschrift'].filter(Boolean).join(', ')]),
  ];
  const doc = buildDocument({
    firm: o.firm,
    title: o.subject,
    ...(o.subjectNote ? { subtitle: [o.subjectNote] } : {}),
    content: [...o.body, ...closing],
    createdAt: o.createdAt,
    ...(o.footerNote ? { footerNote: o.footerNote } : {}),
  });
  const content = Array.isArray(doc.content) ? doc.content : [doc.content];
  return { ...doc, content: [...head, ...content], styles: { ...doc.styles, title: { fontSize: 12.5, bold: true, margin: [0, 0, 0, 2] } } };
}
