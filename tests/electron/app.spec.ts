// The desktop shell, driven by Playwright's Electron support. Runs where the Electron binary is installed
// (and, on Linux, a display or xvfb-run exists); elsewhere it reports one skipped test with the reason.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinary } from '../../electron/scripts/electronBinary.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DIST = path.resolve(ROOT, process.env.WERKBRUECKE_DIST ?? 'dist');

function skipReason(): string | null {
  const bin = electronBinary();
  if (bin.path === null) return bin.reason;
  if (process.platform === 'linux' && !process.env.DISPLAY) return 'no display: run the tests under xvfb-run (Debian package xvfb)';
  return null;
}

test('the desktop app opens the workspace in a locked-down window and keeps data across restarts', async () => {
  const reason = skipReason();
  test.skip(reason !== null, reason ?? '');
  const bin = electronBinary() as { path: string };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-electron-'));
  try {
    const launch = () => electron.launch({ executablePath: bin.path, args: [path.join(DIST, 'main.cjs'), '--data-dir', dataDir, '--no-sandbox'] });
    let app = await launch();
    let win = await app.firstWindow();
    await expect(win.locator('[data-ready="true"]')).toBeVisible();
    // The renderer sees window.api and nothing of Node.
    expect(await win.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await win.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe('undefined');
    expect(await win.evaluate(() => Object.keys((window as unknown as { api: object }).api).sort())).toEqual(['invoke', 'transport']);
    // Unknown calls are refused by the preload, navigation away is blocked.
    await expect(win.evaluate(() => (window as unknown as { api: { invoke(n: string, i: unknown): Promise<unknown> } }).api.invoke('fs.readFile', {}))).rejects.toThrow(/Unknown API call/);
    await win.evaluate(() => (window.location.href = 'https://example.org/'));
    await expect(win.locator('[data-ready="true"]')).toBeVisible();
    expect(win.url()).toMatch(/^app:\/\/werkbruecke\//);

    await win.getByRole('link', { name: 'Neue/n Auszubildende/n anlegen' }).click();
    await win.locator('input[name=firstName]').fill('Olena');
    await win.locator('input[name=lastName]').fill('Desktop');
    await win.locator('select[name=occupationId]').selectOption({ label: 'Tischler/-in' });
    await win.locator('input[name=contractStart]').fill('01.08.2026');
    await win.locator('input[name=contractEndPlanned]').fill('31.07.2029');
    await win.getByRole('button', { name: 'Speichern' }).click();
    await expect(win.getByRole('heading', { level: 1, name: 'Olena Desktop' })).toBeVisible();
    await app.close();

    app = await launch();
    win = await app.firstWindow();
    await expect(win.getByRole('link', { name: 'Desktop, Olena' })).toBeVisible();
    await app.close();
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
