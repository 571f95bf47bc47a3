// Used by `npm run bench` (open_ms): time from process start until the workspace is open and the list loaded.
import { performance } from 'node:perf_hooks';
import { openStore } from '../core/store/db';
import { listTrainees } from '../core/trainees/service';

const store = openStore(process.argv[2]!);
const rows = listTrainees(store.db, { status: 'all', offset: 0 }, { today: new Date().toISOString().slice(0, 10) }).items;
store.close();
console.log(JSON.stringify({ ms: performance.now(), rows: rows.length }));
