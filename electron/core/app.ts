// The core as one object: the workspace store, the job runner and the handler registry.
// The Electron main process, browser mode, the CLI and the tests all start it the same way.
// The core holds the workspace's lock (one writer per workspace) for as long as it runs.
import { handlers } from './api/handlers';
import { createRegistry, type Context, type Registry } from './api/registry';
import { afterCommit } from './hooks';
import { inlineRunner, workerRunner, type JobRunner } from './jobs/runner';
import { getBackupRetention } from './system/backups';
import { restoreWorkspace, type RestoreResult } from './system/restore';
import { cleanLeftovers, dailyBackupDue, rotateBackups, type BackupInfo } from './store/backup';
import { openStore, type Store } from './store/db';
import { acquireLock, type WorkspaceLock } from './store/lock';
import { toIsoDate } from '../../shared/format';
import { settleEnds } from './trainees/service';
import { APP_VERSION } from './version';

export interface CoreOptions {
  dataDir: string;
  transport: 'ipc' | 'http';
  /** Path of the built worker (dist/worker.cjs); without it jobs run inline. */
  workerFile?: string;
  now?: () => Date;
  /** Who holds the workspace lock ("app", "browser", "test"); default from the transport. */
  lockPurpose?: string;
  /** Make the day's automatic backup at start if there is none yet (the desktop app and browser mode). */
  dailyBackup?: boolean;
  log?: (msg: string, e: unknown) => void;
}

export interface Core {
  readonly store: Store;
  jobs: JobRunner;
  registry: Registry;
  /** Settles when the start's automatic backup and rotation are done (or failed and were logged). */
  ready: Promise<BackupInfo | null>;
  close(): Promise<void>;
}

export function startCore(o: CoreOptions): Core {
  const log = o.log ?? ((msg: string, e: unknown) => console.error(`Werkbrücke: ${msg}:`, e));
  const lock: WorkspaceLock = acquireLock(o.dataDir, o.lockPurpose ?? (o.transport === 'ipc' ? 'app' : 'browser'));
  let store: Store;
  try {
    cleanLeftovers(o.dataDir);
    store = openStore(o.dataDir);
  } catch (e) {
    lock.release();
    throw e;
  }
  const jobs = o.workerFile ? workerRunner(o.dataDir, o.workerFile) : inlineRunner(() => store);
  const now = o.now ?? (() => new Date());

  const restore = async (from: string): Promise<RestoreResult> => {
    try {
      return await restoreWorkspace(o.dataDir, from, {
        store,
        jobs,
        close: async () => {
          await jobs.close();
          store.close();
        },
      });
    } finally {
      // Reopen whatever is in place now: the restored state (migrated if it is older), or the unchanged one.
      if (!store.db.open) store = openStore(o.dataDir);
      afterCommit(store, now());
    }
  };

  const context: Context = {
    get store() {
      return store;
    },
    jobs,
    transport: o.transport,
    appVersion: APP_VERSION,
    now,
    restore,
  };
  // An end of training recorded in advance takes effect on its day: checked before every call, once per day and process.
  let settled = '';
  const settle = () => {
    const today = toIsoDate(now());
    if (today === settled) return;
    settleEnds(store.db, today, now());
    settled = today;
  };
  const registry = createRegistry(handlers, context, log, (ctx) => afterCommit(ctx.store, ctx.now()), settle);
  // Files kept outside the workspace catch up with changes made while the app was closed (CLI, restore, a new day).
  afterCommit(store, now());

  let closing = false;
  const ready = (async () => {
    if (!o.dailyBackup || store.created) return null;
    try {
      if (!(await dailyBackupDue(store.backupsDir, now()))) return null;
      const made = (await jobs.run('backup', { kind: 'daily' })) as BackupInfo;
      await rotateBackups(store.backupsDir, getBackupRetention(store.db), now());
      return made;
    } catch (e) {
      if (!closing) log('automatic backup failed', e);
      return null;
    }
  })();

  return {
    get store() {
      return store;
    },
    jobs,
    registry,
    ready,
    async close() {
      // A daily backup still running is cut off (its partial file is removed at the next start), so closing never waits.
      closing = true;
      await jobs.close();
      await ready;
      store.close();
      lock.release();
    },
  };
}
