// Entry of the job worker thread (bundled to dist/worker.cjs). Opens its own connection to the workspace.
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../errors';
import { openStore, type Store } from '../store/db';
import { JOBS, type JobName } from './jobs';
import type { WorkerReply } from './runner';

const { dataDir } = workerData as { dataDir: string };
let store: Store | null = null;

parentPort!.on('message', async (m: { id: number; name: JobName; args: unknown }) => {
  let reply: WorkerReply;
  try {
    store ??= openStore(dataDir, { migrate: false });
    const job = JOBS[m.name];
    if (!job) throw new AppError('unknown_job', `Unknown job ${m.name}`);
    reply = { id: m.id, ok: true, result: await job(store, m.args) };
  } catch (e) {
    const err = e instanceof AppError ? e : null;
    reply = {
      id: m.id,
      ok: false,
      error: { code: err?.code ?? 'internal', message: (e as Error)?.message ?? String(e), params: err?.params, issues: err?.issues },
    };
  }
  parentPort!.postMessage(reply);
});
