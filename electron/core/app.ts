// The core as one object: the workspace store, the job runner and the handler registry.
// The Electron main process, browser mode, the CLI and the tests all start it the same way.
import { handlers } from './api/handlers';
import { createRegistry, type Registry } from './api/registry';
import { inlineRunner, workerRunner, type JobRunner } from './jobs/runner';
import { toIsoDate } from '../../shared/format';
import { openStore, type Store } from './store/db';
import { settleEnds } from './trainees/service';
import { APP_VERSION } from './version';

export interface CoreOptions {
  dataDir: string;
  transport: 'ipc' | 'http';
  /** Path of the built worker (dist/worker.cjs); without it jobs run inline. */
  workerFile?: string;
  now?: () => Date;
}

export interface Core {
  store: Store;
  jobs: JobRunner;
  registry: Registry;
  close(): Promise<void>;
}

export function startCore(o: CoreOptions): Core {
  const store = openStore(o.dataDir);
  const jobs = o.workerFile ? workerRunner(o.dataDir, o.workerFile) : inlineRunner(store);
  const now = o.now ?? (() => new Date());
  // An end of training recorded in advance takes effect on its day: checked before every call, once per day and process.
  let settled = '';
  const settle = () => {
    const today = toIsoDate(now());
    if (today === settled) return;
    settleEnds(store.db, today, now());
    settled = today;
  };
  const registry = createRegistry(handlers, { store, jobs, transport: o.transport, appVersion: APP_VERSION, now }, console.error, settle);
  return {
    store,
    jobs,
    registry,
    async close() {
      await jobs.close();
      store.close();
    },
  };
}
