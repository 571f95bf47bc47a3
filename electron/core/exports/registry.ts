// Every export kind, keyed by ExportRequest.kind (shared/exports.ts). Used by the API (through the job
// runner, off the UI thread) and by the CLI. Add a kind: shared/exports.ts + one entry here.
import type { ExportKind, ExportRequest } from '../../../shared/exports';
import { AppError } from '../errors';
import type { Store } from '../store/db';
import { stammblattPdf } from './stammblatt';

export interface ExportFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

type Req<K extends ExportKind> = Extract<ExportRequest, { kind: K }>;
type Builders = { [K in ExportKind]: (store: Store, req: Req<K>, now: Date) => Promise<ExportFile> };

const builders: Builders = {
  stammblatt: (store, req, now) => stammblattPdf(store, req.traineeId, now),
};

export async function runExport(store: Store, req: ExportRequest, now = new Date()): Promise<ExportFile> {
  const build = builders[req.kind] as (s: Store, r: ExportRequest, n: Date) => Promise<ExportFile>;
  if (!build) throw new AppError('unknown_export', `Unknown export ${req.kind}`, { kind: req.kind });
  return build(store, req, now);
}
