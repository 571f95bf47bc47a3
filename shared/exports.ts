// Files the app exports (PDFs for the chamber and authorities, worksheets, calendar files).
// Each kind has its own input; the CLI's `export <kind>` and the UI's export dialog both send an ExportRequest.
import { z } from 'zod';
import { id } from './common';
import { FileResult } from './system';

export const ExportRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('stammblatt'), traineeId: id }).strict(),
]);
export type ExportRequest = z.input<typeof ExportRequest>;
export type ExportKind = ExportRequest['kind'];
export const EXPORT_KINDS = ExportRequest.options.map((o) => o.shape.kind.value) as ExportKind[];

export const exportsContract = {
  'exports.create': { input: ExportRequest, output: FileResult },
} as const;
