// Builds dist/ when it is missing or older than any source file, so `npm start`, `npm run cli` and
// `npm run bench` always run the current code. Prints nothing when the build is current.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const stamp = path.join(path.resolve(root, process.env.WERKBRUECKE_DIST ?? 'dist'), '.build-stamp');

function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else t = Math.max(t, fs.statSync(p).mtimeMs);
  }
  return t;
}

export function isBuildCurrent() {
  if (!fs.existsSync(stamp)) return false;
  const built = fs.statSync(stamp).mtimeMs;
  const sources = ['electron', 'renderer', 'shared'].map((d) => newest(path.join(root, d)));
  const files = ['package.json', 'vite.config.ts'].map((f) => fs.statSync(path.join(root, f)).mtimeMs);
  return Math.max(...sources, ...files) <= built;
}

if (!isBuildCurrent()) {
  const r = spawnSync(process.execPath, [path.join(root, 'electron/scripts/build.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
