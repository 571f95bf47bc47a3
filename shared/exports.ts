// Files the app exports (PDFs for the chamber and authorities, worksheets, calendar files).
// Each kind has its own input; the CLI's `export <kind>` and the UI's export dialog both send an ExportRequest.
import { z } from 'zod';
import { CalendarChanges } from './calendar';
import { id, isoDate, userText } from './common';
import { LANGUAGE_CODES } from './languages';
import { FileResult } from './system';

export const ExportRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('stammblatt'), traineeId: id }).strict(),
  z.object({ kind: z.literal('ausbildungsplan'), traineeId: id }).strict(),
  z
    .object({ kind: z.literal('ausbildungsnachweis'), traineeId: id, from: isoDate.optional(), to: isoDate.optional() })
    .strict()
    .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ['to'], params: { key: 'end_before_start' } }),
  z.object({ kind: z.literal('ausbildungsstand'), traineeId: id }).strict(),
  // withReason: name the recorded reason for the end in the notice (default yes).
  z.object({ kind: z.literal('mitteilung-abh'), traineeId: id, withReason: z.boolean().optional() }).strict(),
  z.object({ kind: z.literal('ausbildungsbestaetigung'), traineeId: id }).strict(),
  z.object({ kind: z.literal('dokumentenstand'), traineeId: id }).strict(),
  z.object({ kind: z.literal('fristen-ics') }).strict(),
  z.object({ kind: z.literal('moderationsprotokoll'), caseId: id }).strict(),
  z.object({ kind: z.literal('einwilligung'), consentId: id }).strict(),
  // Art. 15 GDPR: everything stored about the trainee, readable (PDF) and complete, schema-versioned (JSON).
  z.object({ kind: z.literal('auskunft'), traineeId: id }).strict(),
  z.object({ kind: z.literal('auskunft-json'), traineeId: id }).strict(),
  // Worksheet of a learning task; language: the translations to print ('de': none), default the task's language.
  // suggestions: also print translations not yet checked by the firm (shipped suggestions); default only checked.
  z
    .object({ kind: z.literal('arbeitsblatt'), taskId: id, language: z.enum(LANGUAGE_CODES).optional(), articleColors: z.boolean().optional(), suggestions: z.boolean().optional() })
    .strict(),
  // The glossary as CSV (the import format): filter 'all', 'general' (firm-wide entries) or an occupation id.
  z.object({ kind: z.literal('glossar'), filter: userText().min(1).max(64).optional() }).strict(),
]);
export type ExportRequest = z.input<typeof ExportRequest>;
export type ExportKind = ExportRequest['kind'];
export const EXPORT_KINDS = ExportRequest.options.map((o) => o.shape.kind.value) as ExportKind[];

/** Kinds that are not PDFs (nothing to open in a PDF viewer or print). */
const NOT_PDF: readonly ExportKind[] = ['fristen-ics', 'glossar', 'auskunft-json'];
export const isPdfExport = (kind: ExportKind) => !NOT_PDF.includes(kind);

/** The file, and for a calendar what changed since the export before. */
export const ExportResult = FileResult.extend({ calendar: CalendarChanges.optional() });

export const exportsContract = {
  'exports.create': { input: ExportRequest, output: ExportResult },
} as const;
