// The cold start (issue 14): the start script asks for the settings and the first rows itself, before React is
// loaded; each call is made once, the token never travels in a static file, a reload of the tab keeps working, and
// the renderer's files come compressed.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Request, Response } from '@playwright/test';
import { expect, test } from './fixtures';

test('the start asks for each call once, keeps the token out of files and the address, and survives a reload', async ({ page, app }) => {
  await app.stop();
  execFileSync(process.execPath, [path.resolve(process.env.WERKBRUECKE_DIST ?? 'dist', 'cli.cjs'), 'demo', '--data-dir', app.dataDir]);
  await app.restart();
  const token = new URL(app.openUrl).hash.replace(/^#token=/, '');
  const calls: string[] = [];
  const files: Response[] = [];
  page.on('request', (r: Request) => {
    if (r.url().includes('/api/')) calls.push(new URL(r.url()).pathname.replace('/api/', ''));
  });
  page.on('response', (r) => {
    if (!r.url().includes('/api/')) files.push(r);
  });

  await page.goto(app.openUrl);
  await expect(page.locator('table.data tbody tr').first()).toBeVisible();
  await expect(page.locator('header.topbar nav')).toHaveAttribute('data-counts', 'loaded');
  await expect(page.locator('section.today')).toBeVisible();
  // Asked for in advance by the start script and taken by the page: not a second time.
  for (const name of ['settings.get', 'trainees.list', 'firm.get', 'occupations.list', 'today.overview']) {
    expect(calls.filter((c) => c === name), name).toHaveLength(1);
  }
  // The token is not left in the address bar, and no file the server sent contains it.
  await expect(page).toHaveURL(/#\/$/);
  expect(page.url()).not.toContain(token);
  expect(files.length).toBeGreaterThan(3);
  for (const f of files) {
    expect(f.status(), f.url()).toBe(200);
    expect((await f.body()).toString('utf8'), f.url()).not.toContain(token);
    if (/\.(js|css)$/.test(f.url())) expect((await f.allHeaders())['content-encoding'], f.url()).toBe('br');
  }
  expect(files.find((f) => f.url().endsWith('/'))?.headers()['cache-control']).toBe('no-store');

  // A reload of the tab: the token was kept for it (session storage), and the page is shown again with its data.
  await page.reload();
  await expect(page.locator('table.data tbody tr').first()).toBeVisible();
  await expect(page.locator('header.topbar nav')).toHaveAttribute('data-counts', 'loaded');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a start in English loads the English texts and shows the first rows in English', async ({ page, app }) => {
  await app.stop();
  execFileSync(process.execPath, [path.resolve(process.env.WERKBRUECKE_DIST ?? 'dist', 'cli.cjs'), 'demo', '--data-dir', app.dataDir]);
  await app.restart();
  await page.goto(app.openUrl);
  await page.getByRole('navigation').getByRole('link', { name: 'Einstellungen', exact: true }).click();
  await page.getByLabel('Sprache der Oberfläche').selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await app.restart();
  await page.goto(app.openUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Trainees' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('table.data tbody tr').first().locator('td').last()).toHaveText(/^(Applicant|In training|Ended regularly|Ended early)$/);
  await expect(page.getByRole('columnheader', { name: 'Training period' })).toBeVisible();
});
