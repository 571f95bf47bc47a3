// Heavy work that must not block the thread answering the UI: PDF rendering, imports, backups.
// Each job gets the store and plain (structured-cloneable) arguments and returns a cloneable result.
import type { ExportRequest } from '../../../shared/exports';
import { stageRestore, writeBackup, type BackupKind } from '../store/backup';
import type { Store } from '../store/db';
import { runExport } from '../exports/registry';
import { importGlossaryCsv } from '../language/glossaryCsv';
import { exportJob, openJob, sealJob, type ExportJobArgs } from '../casefile/service';

export const JOBS = {
  /** A complete backup (database and files) into backups/, or into `out`. */
  backup: (store: Store, args: unknown) => {
    const a = (args ?? {}) as { kind?: BackupKind; out?: string };
    return writeBackup(store, { kind: a.kind ?? 'manual', ...(a.out ? { out: a.out } : {}) });
  },
  /** Verifies a backup into a staging folder of the workspace (restore's first half; nothing in place changes). */
  restoreStage: (store: Store, args: unknown) => stageRestore(store.dataDir, (args as { from: string }).from),
  export: (store: Store, args: unknown) => runExport(store, args as ExportRequest),
  /** Case files (issue 12): build, sign and encrypt; decrypt and check everything; seal a reply. */
  casefileExport: (store: Store, args: unknown) => exportJob(store, args as ExportJobArgs),
  casefileOpen: (store: Store, args: unknown) => openJob(store, args as Parameters<typeof openJob>[1]),
  casefileSeal: (store: Store, args: unknown) => sealJob(store, args as Parameters<typeof sealJob>[1]),
  glossaryImport: async (store: Store, args: unknown) => importGlossaryCsv(store.db, args as { occupationId: string | null; base64: string }),
} satisfies Record<string, (store: Store, args: unknown) => Promise<unknown>>;

export type JobName = keyof typeof JOBS;
