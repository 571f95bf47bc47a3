// open_ms (cold process: open the workspace and load the trainee list), list/search times, renderer size.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { TraineeInput } from '../../../shared/trainees';
import { openStore } from '../../core/store/db';
import { createTrainee, listTrainees } from '../../core/trainees/service';
import { median, round } from './util';

const FIRST = ['Ahmad', 'Yusuf', 'Saba', 'Olena', 'Mohammad', 'Fatima', 'Amina', 'Dawit', 'Oksana', 'Hamid'];
const LAST = ['Rahimi', 'Haddad', 'Tesfay', 'Kovalenko', 'Karimi', 'Yousef', 'Ahmadi', 'Bekele', 'Shevchenko', 'Noori'];
const OCC = ['tischler', 'elektroniker-eg', 'anlagenmechaniker-shk'];

export async function benchFoundation(dir: string) {
  const store = openStore(dir);
  store.db.transaction(() => {
    for (let i = 0; i < 50; i++) {
      createTrainee(
        store.db,
        TraineeInput.parse({
          firstName: FIRST[i % 10],
          lastName: `${LAST[(i * 7) % 10]}${i}`,
          dateOfBirth: '2002-01-01',
          nationality: 'syrisch',
          firstLanguages: ['ar'],
          otherLanguages: [],
          occupationId: OCC[i % 3],
          contractStart: '2026-08-01',
          contractEndPlanned: '2029-07-31',
          probationMonths: 4,
          weeklyHours: 39,
          schoolDays: [2],
          payPerYear: [1000, 1100, 1200],
          priorExperience: 'Erfahrung aus dem Herkunftsland '.repeat(5),
        }),
      );
    }
  })();
  const list_trainees_ms = await median(() => listTrainees(store.db, { status: 'all', offset: 0 }, { today: '2026-12-01' }));
  const search_trainees_ms = await median(() => listTrainees(store.db, { status: 'all', offset: 0, search: 'haddad' }, { today: '2026-12-01' }));
  store.close();

  // Cold process: a fresh node that loads the bundled core, opens the workspace and lists the trainees.
  const probe = path.join(import.meta.dirname, 'open-probe.cjs');
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const r = spawnSync(process.execPath, [probe, dir], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`open probe failed: ${r.stderr}`);
    runs.push(Number(JSON.parse(r.stdout).ms));
  }
  runs.sort((a, b) => a - b);

  const assets = path.join(import.meta.dirname, 'renderer', 'assets');
  const js = fs.readdirSync(assets).filter((f) => f.endsWith('.js'));
  const gz = js.reduce((n, f) => n + zlib.gzipSync(fs.readFileSync(path.join(assets, f)), { level: 9 }).length, 0);
  return {
    open_ms: round(runs[2]!),
    list_trainees_ms,
    search_trainees_ms,
    renderer_js_gzip_kb: round(gz / 1024, 1),
  };
}
