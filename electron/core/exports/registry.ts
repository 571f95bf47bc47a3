// Every export kind, keyed by ExportRequest.kind (shared/exports.ts). Used by the API (through the job
// runner, off the UI thread) and by the CLI. Add a kind: shared/exports.ts + one entry here.
import type { CalendarChanges } from '../../../shared/calendar';
import type { ExportKind, ExportRequest } from '../../../shared/exports';
import { AppError } from '../errors';
import type { Store } from '../store/db';
import { stammblattPdf } from './stammblatt';
import { auskunftJson, auskunftPdf } from './auskunft';
import { exportGlossaryCsv } from '../language/glossaryCsv';
import { worksheetPdf } from '../language/worksheet';
import { dokumentenstandPdf } from '../immigration/dokumentenstand';
import { fristenIcs } from '../immigration/calendar';
import { ausbildungsbestaetigungPdf, mitteilungAbhPdf } from '../immigration/letters';
import { nachweisPdf } from '../nachweis/pdf';
import { consentFormPdf, moderationProtocolPdf } from '../network/pdf';
import { planPdf, standPdf } from '../plan/pdf';

export interface ExportFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
  /** A calendar export: what changed since the export before. */
  calendar?: CalendarChanges;
}

type Req<K extends ExportKind> = Extract<ExportRequest, { kind: K }>;
type Builders = { [K in ExportKind]: (store: Store, req: Req<K>, now: Date) => Promise<ExportFile> };

const builders: Builders = {
  stammblatt: (store, req, now) => stammblattPdf(store, req.traineeId, now),
  arbeitsblatt: (store, req, now) => worksheetPdf(store, req, now),
  glossar: async (store, req, now) => exportGlossaryCsv(store.db, req.filter ?? 'all', now),
  'mitteilung-abh': (store, req, now) => mitteilungAbhPdf(store, req.traineeId, now, req.withReason ?? true),
  ausbildungsbestaetigung: (store, req, now) => ausbildungsbestaetigungPdf(store, req.traineeId, now),
  dokumentenstand: (store, req, now) => dokumentenstandPdf(store, req.traineeId, now),
  'fristen-ics': (store, _req, now) => fristenIcs(store, now),
  ausbildungsplan: (store, req, now) => planPdf(store, req.traineeId, now),
  ausbildungsnachweis: (store, req, now) => nachweisPdf(store, req.traineeId, { from: req.from, to: req.to }, now),
  ausbildungsstand: (store, req, now) => standPdf(store, req.traineeId, now),
  moderationsprotokoll: (store, req, now) => moderationProtocolPdf(store, req.caseId, now),
  einwilligung: (store, req, now) => consentFormPdf(store, req.consentId, now),
  auskunft: (store, req, now) => auskunftPdf(store, req.traineeId, now),
  'auskunft-json': async (store, req, now) => auskunftJson(store, req.traineeId, now),
};

export async function runExport(store: Store, req: ExportRequest, now = new Date()): Promise<ExportFile> {
  const build = builders[req.kind] as (s: Store, r: ExportRequest, n: Date) => Promise<ExportFile>;
  if (!build) throw new AppError('unknown_export', `Unknown export ${req.kind}`, { kind: req.kind });
  return build(store, req, now);
}
