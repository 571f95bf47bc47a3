// backup_ms / backup_peak_mb: a complete backup of a workspace holding 200 MB of scans (streamed, so memory stays
// flat); restore_ms: verifying that backup into a staging folder and swapping it in.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { TraineeInput } from '../../../shared/trainees';
import { commitRestore, stageRestore, writeBackup } from '../../core/store/backup';
import { openStore } from '../../core/store/db';
import { createTrainee } from '../../core/trainees/service';
import { round } from './util';

const FILES = 40;
const FILE_MB = 5;

export async function benchBackup(dir: string) {
  const work = path.join(dir, 'workspace');
  const store = openStore(work);
  const t = createTrainee(
    store.db,
    TraineeInput.parse({ firstName: 'Saba', lastName: 'Tesfay', occupationId: 'tischler', contractStart: '2026-08-01', contractEndPlanned: '2029-07-31', firstLanguages: ['ti'], otherLanguages: [], schoolDays: [2], payPerYear: [1000, 1100, 1200], probationMonths: 4, weeklyHours: 39 }),
  );
  const scans = path.join(store.filesDir, 'trainees', String(t.id));
  fs.mkdirSync(scans, { recursive: true });
  // Random (incompressible) content, written a megabyte at a time so that the set-up itself holds no 200 MB.
  const chunk = crypto.randomBytes(1024 * 1024);
  for (let i = 0; i < FILES; i++) {
    const fd = fs.openSync(path.join(scans, `scan-${i}.pdf`), 'w');
    for (let m = 0; m < FILE_MB; m++) {
      chunk.writeUInt32LE(i * FILE_MB + m, 0);
      fs.writeSync(fd, chunk);
    }
    fs.closeSync(fd);
  }

  // Memory the backup holds: JS heap plus buffers outside it (stream chunks), sampled while it runs.
  const held = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.external + m.arrayBuffers;
  };
  const before = held();
  const rssBefore = process.memoryUsage().rss;
  let peak = before;
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    peak = Math.max(peak, held());
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }, 2);
  const t0 = performance.now();
  const b = await writeBackup(store, { kind: 'manual' });
  const backup_ms = performance.now() - t0;
  clearInterval(sampler);
  store.close();

  const target = path.join(dir, 'restored');
  fs.mkdirSync(target);
  const t1 = performance.now();
  commitRestore(target, await stageRestore(target, b.file));
  const restore_ms = performance.now() - t1;
  const restoredFiles = fs.readdirSync(path.join(target, 'files', 'trainees', String(t.id))).length;
  if (restoredFiles !== FILES) throw new Error(`restore brought back ${restoredFiles} of ${FILES} files`);
  return {
    backup_ms: round(backup_ms, 0),
    backup_files_mb: FILES * FILE_MB,
    backup_peak_mb: round((peak - before) / 1024 / 1024, 1),
    backup_rss_growth_mb: round((rssPeak - rssBefore) / 1024 / 1024, 1),
    restore_ms: round(restore_ms, 0),
  };
}
