// axe-core on every main screen and the main dialogs of the demo workspace: 0 serious, 0 critical.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, openApp, test } from './fixtures';
import { expectAccessible } from './a11y';

test('every main screen and dialog passes axe without serious or critical findings', async ({ page, app }) => {
  test.setTimeout(180_000);
  await app.stop();
  execFileSync(process.execPath, [path.resolve(process.env.WERKBRUECKE_DIST ?? 'dist', 'cli.cjs'), 'demo', '--data-dir', app.dataDir]);
  await app.restart();
  await openApp(page, app);
  const nav = page.getByRole('navigation');
  const screens = ['Auszubildende', 'Nachweise', 'Fristen', 'Adressbuch', 'Fachwortschatz', 'Lernaufgaben', 'Berufe', 'Betrieb', 'Einstellungen'];
  for (const name of screens) {
    const link = nav.getByRole('link', { name, exact: true });
    await link.click();
    await expect(link).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    // Wait until the page's calls have answered (no request in flight), then check what it shows.
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, name);
  }
  // The rules page and a trainee's tabs.
  await page.evaluate(() => (window.location.hash = '#/fristen/regeln'));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expectAccessible(page, 'Regeln');
  await nav.getByRole('link', { name: 'Auszubildende', exact: true }).click();
  await page.locator('table.data tbody tr a').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page, 'Auszubildende/r');
  for (const tab of ['Ausbildungsplan', 'Ausbildungsnachweis', 'Dokumente', 'Lernaufgaben']) {
    const link = page.locator('main').getByRole('link', { name: tab, exact: true });
    if ((await link.count()) === 0) continue;
    await link.first().click();
    await expect(link.first()).toHaveAttribute('aria-current', /page|true/);
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, `Reiter ${tab}`);
  }
  // Dialogs: end of training and delete.
  await page.locator('main').getByRole('link', { name: 'Übersicht', exact: true }).click();
  const end = page.getByRole('button', { name: 'Ausbildung beenden' });
  if (await end.count()) {
    await end.click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectAccessible(page, 'Dialog Ausbildung beenden');
    await page.keyboard.press('Escape');
  }
  await page.getByRole('button', { name: 'Auszubildende/n löschen' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectAccessible(page, 'Dialog Löschen');
  await page.keyboard.press('Escape');
  // A new trainee's form.
  await page.evaluate(() => (window.location.hash = '#/trainees/new'));
  await expect(page.locator('input[name=firstName]')).toBeVisible();
  await expectAccessible(page, 'Formular Auszubildende/r');
});
