// `npm test`: type check, build, unit/integration tests (vitest), end-to-end tests in browser mode on
// Chromium and the Electron shell tests (Playwright). Ends with one line "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electronBinary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const results = path.join(root, 'test-results');
fs.rmSync(results, { recursive: true, force: true });
fs.mkdirSync(results, { recursive: true });
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const totals = { passed: 0, failed: 0, skipped: 0 };
const notes = [];

function run(title, cmd, args, env = {}) {
  console.log(`\n=== ${title} ===`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  console.error(`Node ${process.version}: run the tests with "npm test" (it uses the Node 22 from devDependencies).`);
  process.exit(1);
}

// 1. Type check and build: each counts as one check.
for (const [title, cmd, args] of [
  ['type check', process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json']],
  ['build', process.execPath, [path.join(root, 'electron/scripts/build.mjs')]],
]) {
  if (run(title, cmd, args)) totals.passed++;
  else {
    totals.failed++;
    notes.push(`${title} failed`);
  }
}

// 2. Unit and integration tests.
run('unit and integration tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(results, 'vitest.json')}`]);
try {
  const v = JSON.parse(fs.readFileSync(path.join(results, 'vitest.json'), 'utf8'));
  totals.passed += v.numPassedTests;
  totals.failed += v.numFailedTests + (v.numFailedTestSuites > 0 && v.numFailedTests === 0 ? v.numFailedTestSuites : 0);
  totals.skipped += v.numPendingTests + (v.numTodoTests ?? 0);
} catch {
  totals.failed++;
  notes.push('vitest wrote no report');
}

// 3. End-to-end (browser mode, Chromium) and Electron shell tests.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!fs.existsSync(chromium)) notes.push(`Chromium not found at ${chromium}: install it (apt-get install chromium) or set CHROMIUM_PATH`);
const electron = electronBinary();
const useXvfb = electron.path && process.platform === 'linux' && !process.env.DISPLAY && spawnSync('which', ['xvfb-run']).status === 0;
const pw = [bin('playwright'), 'test'];
run('end-to-end tests (Playwright)', useXvfb ? 'xvfb-run' : pw[0], useXvfb ? ['-a', ...pw] : pw.slice(1), { PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(results, 'playwright.json') });
try {
  const p = JSON.parse(fs.readFileSync(path.join(results, 'playwright.json'), 'utf8'));
  totals.passed += p.stats.expected + p.stats.flaky;
  totals.failed += p.stats.unexpected;
  totals.skipped += p.stats.skipped;
  const walk = (suite) => {
    for (const s of suite.suites ?? []) walk(s);
    for (const spec of suite.specs ?? [])
      for (const t of spec.tests ?? [])
        for (const r of t.results ?? [])
          if (r.status === 'skipped') {
            const why = [...(t.annotations ?? []), ...(r.annotations ?? [])].find((a) => a.type === 'skip')?.description;
            notes.push(`skipped: ${spec.title}${why ? ` (${why})` : ''}`);
          }
  };
  for (const s of p.suites ?? []) walk(s);
  if ((p.errors ?? []).length) {
    totals.failed += p.errors.length;
    notes.push(...p.errors.map((e) => `playwright: ${e.message?.split('\n')[0]}`));
  }
} catch {
  totals.failed++;
  notes.push('playwright wrote no report');
}

console.log('\n=== summary ===');
for (const n of [...new Set(notes)]) console.log(`- ${n}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
