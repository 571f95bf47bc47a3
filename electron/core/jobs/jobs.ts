// Heavy work that must not block the thread answering the UI: PDF rendering, imports, backups.
// Each job gets the store and plain (structured-cloneable) arguments and returns a cloneable result.
import path from 'node:path';
import type { ExportRequest } from '../../../shared/exports';
import { backupStore, type Store } from '../store/db';
import { runExport } from '../exports/registry';
import { importGlossaryCsv } from '../language/glossaryCsv';

export const JOBS = {
  backup: async (store: Store, _args: unknown) => {
    const file = path.join(store.backupsDir, `werkbruecke-${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`);
    return backupStore(store, file);
  },
  export: (store: Store, args: unknown) => runExport(store, args as ExportRequest),
  glossaryImport: async (store: Store, args: unknown) => importGlossaryCsv(store.db, args as { occupationId: string | null; base64: string }),
} satisfies Record<string, (store: Store, args: unknown) => Promise<unknown>>;

export type JobName = keyof typeof JOBS;
