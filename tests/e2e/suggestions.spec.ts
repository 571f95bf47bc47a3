// Shipped glossary translations are visibly marked as unchecked suggestions until someone in the firm marks them
// checked; the worksheet export offers to print the suggestions too.
import { expectAccessible } from './a11y';
import { expect, openApp, test } from './fixtures';

test('a shipped translation is marked as an unchecked suggestion until it is marked checked', async ({ page, app }) => {
  await openApp(page, app);
  await page.getByRole('navigation').getByRole('link', { name: 'Fachwortschatz', exact: true }).click();
  await page.getByLabel('Übersetzung zeigen').selectOption({ label: 'Ukrainisch' });
  await page.getByLabel('Suchen').fill('Hobel');
  const row = page.locator('table.glossary-table tbody tr', { has: page.getByRole('link', { name: 'Hobel', exact: true }) });
  await expect(row).toContainText('рубанок');
  await expect(row.getByText('Vorschlag, ungeprüft')).toBeVisible();
  await expectAccessible(page, 'Fachwortschatz mit Vorschlägen');
  await row.getByRole('button', { name: 'Übersetzung von „Hobel“ (Ukrainisch) als geprüft markieren' }).click();
  await expect(row.getByText('Vorschlag, ungeprüft')).toHaveCount(0);
  await expect(row).toContainText('рубанок');
  // The entry's page lists the other languages still to check.
  await row.getByRole('link', { name: 'Hobel', exact: true }).click();
  const list = page.locator('ul.suggestions');
  await expect(list.getByRole('listitem')).toHaveCount(4);
  await expect(list).toContainText('Arabisch');
  await expect(list).not.toContainText('Ukrainisch');
  await list.getByRole('button', { name: 'Übersetzung von „Hobel“ (Arabisch) als geprüft markieren' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await expectAccessible(page, 'Eintrag mit Vorschlägen');
});
