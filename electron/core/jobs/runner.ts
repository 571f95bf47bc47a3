// Runs jobs either in a worker thread (the app and browser mode: the UI thread stays free) or inline
// (the CLI, which has no UI to keep responsive, and unit tests).
import { Worker } from 'node:worker_threads';
import { AppError } from '../errors';
import type { Store } from '../store/db';
import { JOBS, type JobName } from './jobs';

export interface JobRunner {
  run(name: JobName, args: unknown): Promise<unknown>;
  close(): Promise<void>;
}

/** Runs jobs on the calling thread, on the store the getter gives (it changes after a restore). */
export function inlineRunner(store: () => Store): JobRunner {
  return {
    run: (name, args) => JOBS[name](store(), args),
    close: async () => {},
  };
}

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

export interface WorkerReply {
  id: number;
  ok: boolean;
  result?: unknown;
  error?: { code: string; message: string; params?: Record<string, string | number>; issues?: AppError['issues'] };
}

/** One worker thread (the machine has two cores; the other serves the UI), started on first use. */
export function workerRunner(dataDir: string, workerFile: string): JobRunner {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const failAll = (e: unknown) => {
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };

  function get(): Worker {
    if (worker) return worker;
    const w = new Worker(workerFile, { workerData: { dataDir } });
    w.on('message', (m: WorkerReply) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if (m.ok) p.resolve(m.result);
      else p.reject(new AppError(m.error!.code, m.error!.message, m.error!.params, m.error!.issues));
    });
    w.on('error', (e) => {
      failAll(e);
      worker = null;
    });
    w.on('exit', (code) => {
      if (pending.size) failAll(new Error(`job worker exited with code ${code}`));
      worker = null;
    });
    w.unref();
    worker = w;
    return w;
  }

  return {
    run(name, args) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        const w = get();
        w.ref();
        w.postMessage({ id, name, args });
      }).finally(() => {
        if (pending.size === 0) worker?.unref();
      });
    },
    async close() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
