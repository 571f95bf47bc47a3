// Speed at scale (issue 14): API calls on a workspace of 1,000 trainees (createScaleDemo: weeks and documents
// copied from the demo's trainees), and the cold load of the built renderer in Chromium (browser mode, 300 trainees)
// until the first trainee row shows.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startCore } from '../../core/app';
import { createScaleDemo } from '../../core/demoScale';
import { openStore } from '../../core/store/db';
import type { CallInput, CallName } from '../../../shared/api';
import { TRAINEE_PAGE_SIZE } from '../../../shared/paging';
import { medianAndBest, round } from './util';

function seed(dir: string, n: number) {
  const store = openStore(dir);
  try {
    createScaleDemo(store, n);
  } finally {
    store.close();
  }
}

async function apiFigures(dir: string) {
  seed(dir, 1000);
  const core = startCore({ dataDir: dir, transport: 'http', lockPurpose: 'bench' });
  const timeBoth = <K extends CallName>(name: K, input: CallInput<K>, runs = 21) =>
    medianAndBest(async () => {
      const r = await core.registry.invoke(name, input);
      if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
    }, runs);
  const time = async <K extends CallName>(name: K, input: CallInput<K>, runs = 21) => (await timeBoth(name, input, runs)).median;
  try {
    return {
      scale_trainees: 1000,
      scale_records: (core.store.db.prepare('SELECT count(*) FROM nachweis_records').pluck().get() as number),
      // Through the registry, as the renderer calls them; median and best of 21 (main: 6143 ms).
      ...(await timeBoth('nachweis.overview', {}).then((t) => ({ nachweis_overview_ms: t.median, nachweis_overview_best_ms: t.best }))),
      // The list's first page as the start page asks for it (main, before paging: the whole list, 5.18 ms).
      ...(await timeBoth('trainees.list', { limit: TRAINEE_PAGE_SIZE }).then((t) => ({ trainee_list_ms: t.median, trainee_list_best_ms: t.best }))),
      trainee_list_filtered_ms: await time('trainees.list', { limit: TRAINEE_PAGE_SIZE, occupationId: 'tischler', trainingYear: 2, status: 'active' }),
      trainee_list_search_ms: await time('trainees.list', { limit: TRAINEE_PAGE_SIZE, search: 'haddad' }),
      // Needs today's to-do list of everyone (deadlines, documents, weeks), so it costs what today.overview costs.
      trainee_list_attention_ms: await time('trainees.list', { limit: TRAINEE_PAGE_SIZE, attention: true }, 7),
      today_overview_ms: await time('today.overview', {}, 7),
    };
  } finally {
    await core.close();
  }
}

/** Cold load (fresh browser context, nothing cached) of the app in browser mode to the first trainee row; median of 7. */
async function uiFigures(dir: string) {
  seed(dir, 300);
  const cli = path.join(import.meta.dirname, 'cli.cjs');
  const server = spawn(process.execPath, [cli, 'serve', '--data-dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const openUrl = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const runs: number[] = [];
    try {
      for (let i = 0; i < 8; i++) {
        const context = await browser.newContext({ locale: 'de-DE' });
        const page = await context.newPage();
        // Measured in the page: from the start of the navigation to the moment the first row is in the document.
        await page.addInitScript(() => {
          const w = window as unknown as { firstRowMs?: number };
          new MutationObserver((_m, o) => {
            if (!document.querySelector('table.data tbody tr')) return;
            w.firstRowMs = performance.now();
            o.disconnect();
          }).observe(document, { childList: true, subtree: true });
        });
        await page.goto(openUrl);
        await page.locator('table.data tbody tr').first().waitFor();
        const ms = await page.evaluate(() => (window as unknown as { firstRowMs: number }).firstRowMs);
        if (i > 0) runs.push(ms); // the first run warms the server's process, not the browser's cache
        await context.close();
      }
    } finally {
      await browser.close();
    }
    runs.sort((a, b) => a - b);
    return { ui_first_rows_ms: round(runs[Math.floor(runs.length / 2)]!, 0), ui_first_rows_best_ms: round(runs[0]!, 0) };
  } finally {
    server.kill('SIGTERM');
  }
}

export async function benchScale(dir: string) {
  const api = path.join(dir, 'api');
  const ui = path.join(dir, 'ui');
  fs.mkdirSync(api);
  fs.mkdirSync(ui);
  return { ...(await apiFigures(api)), ...(await uiFigures(ui)) };
}
