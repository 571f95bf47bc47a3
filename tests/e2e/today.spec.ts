// The start page says what needs doing today, each line with a link to where it is resolved; the navigation
// counts the open items.
import { expect, openApp, test } from './fixtures';
import { createTrainee, expectHeading, setUpFirm } from './pages';

test('the start page lists what needs doing, links to it, and the navigation counts it', async ({ page, app }) => {
  await openApp(page, app);
  await expect(page.getByRole('heading', { level: 2, name: 'Heute zu tun' })).toBeVisible();
  await expect(page.getByText('Nichts Dringendes')).toBeVisible();
  await setUpFirm(page);
  // A trainee who started months ago, with no documents and no training record yet.
  await createTrainee(page, { firstName: 'Amina', lastName: 'Yousef', occupation: 'Tischler/-in', start: '3.8.2026', end: '31.07.2029' });
  await page.getByRole('navigation').getByRole('link', { name: 'Auszubildende' }).click();
  const today = page.locator('section.today');
  await expect(today.locator('li', { hasText: 'Yousef, Amina' }).filter({ hasText: 'Nach den erfassten Dokumenten' })).toBeVisible();
  await expect(today.locator('li', { hasText: 'Yousef, Amina' }).filter({ hasText: /Wochen im Ausbildungsnachweis fehlen \(ab 03\.08\.2026\)/ })).toBeVisible();
  await expect(page.locator('table.data tbody tr', { hasText: 'Yousef, Amina' }).getByText('Handlungsbedarf')).toBeVisible();
  // The navigation counts the trainee with missing weeks; its accessible name stays "Nachweise".
  const nachweise = page.getByRole('navigation').getByRole('link', { name: /^(Nachweise|Ausbildungsnachweise)$/ });
  await expect(nachweise.locator('.nav-count')).toHaveText('1');
  await expect(nachweise).toHaveAccessibleDescription('1 offener Punkt');
  // The line's link opens the first missing week.
  await today.locator('li', { hasText: 'Wochen im Ausbildungsnachweis' }).getByRole('link', { name: 'Woche öffnen' }).click();
  await expectHeading(page, 'Amina Yousef');
  await expect(page).toHaveURL(/#\/trainees\/\d+\/nachweis\/2026-08-03$/);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole('navigation').getByRole('link', { name: 'Auszubildende' }).click();
  await expect(today).toBeVisible();
  // The counts for this page are in (data-counts, App.tsx) before the screenshot.
  await expect(page.locator('header.topbar nav')).toHaveAttribute('data-counts', 'loaded');
  await expect(nachweise.locator('.nav-count')).toHaveText('1');
  await page.screenshot({ path: test.info().outputPath('start-de.png') });
});

test('a PDF can be opened for reading and printing in a new tab, beside saving it', async ({ page, app }) => {
  await openApp(page, app);
  await setUpFirm(page);
  await createTrainee(page, { firstName: 'Amina', lastName: 'Yousef', occupation: 'Tischler/-in', start: '3.8.2026', end: '31.07.2029' });
  const [viewer] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('button', { name: 'Öffnen/Drucken' }).first().click()]);
  await expect(page.getByRole('status').filter({ hasText: '„Stammblatt_Yousef_Amina.pdf“ wurde zum Lesen und Drucken geöffnet.' })).toBeVisible();
  await expect.poll(() => viewer.url()).toMatch(/^blob:http:\/\/127\.0\.0\.1:\d+\//);
  // The tab shows our PDF in the browser's viewer.
  await viewer.waitForLoadState();
  expect(await viewer.evaluate(() => document.contentType)).toBe('application/pdf');
});
