// Restore, for the app (through the handler registry) and the CLI alike: verify the backup completely into a
// staging folder (in the worker thread where there is one), keep the current state as a backup, then swap.
// A refusal at any point before the swap leaves the workspace exactly as it was.
import fs from 'node:fs';
import path from 'node:path';
import type { JobRunner } from '../jobs/runner';
import { commitRestore, keepUnreadable, stageRestore, writeBackup, type BackupInfo, type StagedRestore } from '../store/backup';
import type { Store } from '../store/db';

export interface RestoreResult {
  restoredFrom: string;
  /** The backup of the state before the restore (file name in backups/), if there was a state to keep. */
  previous: string | null;
  /** False for an old database-only backup: files/ was kept as it was. */
  withFiles: boolean;
}

export async function restoreWorkspace(
  dataDir: string,
  from: string,
  /** `jobs`: the app's worker; without it (the CLI) the work runs here. */
  o: { store: Store | null; jobs?: JobRunner; close: () => Promise<void> | void },
): Promise<RestoreResult> {
  const staged = o.jobs ? ((await o.jobs.run('restoreStage', { from })) as StagedRestore) : await stageRestore(dataDir, from);
  try {
    let previous: string | null;
    if (o.store) {
      const kind = 'before-restore' as const;
      previous = (o.jobs ? ((await o.jobs.run('backup', { kind })) as BackupInfo) : await writeBackup(o.store, { kind })).name;
    } else {
      const kept = keepUnreadable(dataDir);
      previous = kept ? path.basename(kept) : null;
    }
    await o.close();
    commitRestore(dataDir, staged);
    return { restoredFrom: path.basename(from), previous, withFiles: staged.withFiles };
  } finally {
    // Gone after a successful swap; after a refusal the staging folder must not stay behind.
    fs.rmSync(staged.staging, { recursive: true, force: true });
  }
}
