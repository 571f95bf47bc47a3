// Each test gets a fresh workspace and its own browser-mode server (the built app: dist/cli.cjs serve),
// which it can restart like a user closing and reopening the app.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DIST = path.resolve(ROOT, process.env.WERKBRUECKE_DIST ?? 'dist');

export interface AppServer {
  dataDir: string;
  url: string;
  /** Address with the token, as printed at start. */
  openUrl: string;
  /** Stops and starts the server again (a new token); `samePort` keeps the address but for the token. */
  restart(o?: { samePort?: boolean }): Promise<void>;
  stop(): Promise<void>;
}

async function startServer(dataDir: string, port?: number): Promise<{ proc: ChildProcess; openUrl: string }> {
  const args = [path.join(DIST, 'cli.cjs'), 'serve', '--data-dir', dataDir, ...(port ? ['--port', String(port)] : [])];
  const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const openUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    proc.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  return { proc, openUrl };
}

async function stopProc(proc: ChildProcess) {
  // Already gone (stopped before, or ended by a signal): its 'exit' event will not come again.
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    proc.once('exit', () => resolve());
    proc.kill('SIGTERM');
  });
}

export const test = base.extend<{ app: AppServer }>({
  app: async ({}, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-e2e-'));
    let current = await startServer(dataDir);
    const app: AppServer = {
      dataDir,
      get openUrl() {
        return current.openUrl;
      },
      get url() {
        return current.openUrl.replace(/#.*$/, '');
      },
      async restart(o = {}) {
        const port = o.samePort ? Number(new URL(current.openUrl).port) : undefined;
        await stopProc(current.proc);
        current = await startServer(dataDir, port);
      },
      stop: () => stopProc(current.proc),
    };
    await use(app);
    await stopProc(current.proc);
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

/** Opens the app and waits for its ready signal (no sleeps). */
export async function openApp(page: Page, app: AppServer, path = '/') {
  await page.goto(app.openUrl);
  await expect(page.locator('[data-ready="true"]')).toBeVisible();
  if (path !== '/') await page.evaluate((p) => (window.location.hash = `#${p}`), path);
}

export { expect };

/** A second workspace with its own server (e.g. a mediator's beside the firm's); stop it at the end of the test. */
export async function startSecondApp(): Promise<{ dataDir: string; openUrl: string; stop: () => Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-e2e-second-'));
  const s = await startServer(dataDir);
  return {
    dataDir,
    openUrl: s.openUrl,
    stop: async () => {
      await stopProc(s.proc);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Calls the API of a running server as the page does (for setting up data a test is not about). */
export async function apiCall<T = unknown>(openUrl: string, name: string, input: unknown): Promise<T> {
  const url = new URL(openUrl);
  const token = url.hash.replace(/^#token=/, '');
  const r = await fetch(`${url.origin}/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-werkbruecke-token': token }, body: JSON.stringify(input) });
  const env = (await r.json()) as { ok: boolean; data?: T; error?: unknown };
  if (!env.ok) throw new Error(`${name} failed: ${JSON.stringify(env.error)}`);
  return env.data as T;
}
