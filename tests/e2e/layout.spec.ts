// The deadline table at an office screen's 1366×768, in German and in English: the "seit N Tagen überfällig" line
// stays inside its column and never runs into the trainee's name. Also takes the start page's screenshots.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';

/** Every overdue row's days line against the name cell of the same row: no overlap (bounding boxes). */
async function expectNoOverlap(page: Page, overdue: RegExp) {
  const rows = page.locator('table.deadlines tr.deadline-overdue');
  await expect(rows.first().locator('.days')).toHaveText(overdue);
  const n = await rows.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) {
    const days = await rows.nth(i).locator('.days').boundingBox();
    const name = await rows.nth(i).locator('td').nth(1).boundingBox();
    expect(days && name, `row ${i}`).toBeTruthy();
    const intersects = days!.x < name!.x + name!.width && name!.x < days!.x + days!.width && days!.y < name!.y + name!.height && name!.y < days!.y + days!.height;
    expect(intersects, `row ${i}: days ${JSON.stringify(days)} name cell ${JSON.stringify(name)}`).toBe(false);
  }
}

/**
 * The navigation's counts are in for the page shown (data-counts turns "loading" in the same render that changes
 * the page, so a "loaded" seen after the page's own content is this page's), and the demo has open items in both.
 */
async function expectNavCounts(page: Page) {
  const nav = page.locator('header.topbar nav');
  await expect(nav).toHaveAttribute('data-counts', 'loaded');
  await expect(nav.locator('.nav-count')).toHaveText([/^\d+$/, /^\d+$/]);
}

test('the overdue badge never overlaps the name column at 1366×768, in German and in English', async ({ page, app }) => {
  test.setTimeout(240_000);
  await app.stop();
  execFileSync(process.execPath, [path.resolve(process.env.WERKBRUECKE_DIST ?? 'dist', 'cli.cjs'), 'demo', '--data-dir', app.dataDir]);
  await app.restart();
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, app);
  await expect(page.locator('section.today')).toBeVisible();
  await expectNavCounts(page);
  await page.screenshot({ path: '/tmp/signoff/start-de.png' });
  const nav = page.getByRole('navigation');
  await nav.getByRole('link', { name: 'Fristen', exact: true }).click();
  await expectNoOverlap(page, /^seit \d+ Tagen? überfällig$/);

  await nav.getByRole('link', { name: 'Einstellungen', exact: true }).click();
  await page.getByLabel('Sprache der Oberfläche').selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await nav.getByRole('link', { name: 'Deadlines', exact: true }).click();
  await expectNoOverlap(page, /^overdue by \d+ days?$/);
  await nav.getByRole('link', { name: 'Trainees', exact: true }).click();
  await expect(page.locator('section.today')).toBeVisible();
  await expectNavCounts(page);
  await page.screenshot({ path: '/tmp/signoff/start-en.png' });
});
