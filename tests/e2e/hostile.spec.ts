// Hostile values in the UI (issue 9, section 6): a refused text is named next to its field in plain words.
import { expect, openApp, test } from './fixtures';
import { TraineeFormModel } from './pages';

test('a name of invisible control characters is refused next to the field, and nothing is saved', async ({ page, app }) => {
  await openApp(page, app);
  const form = new TraineeFormModel(page);
  await form.openNew();
  await form.fillBasics({ firstName: '\u0000\u0000\u0000', lastName: 'Yousef', occupation: 'Tischler/-in', start: '2026-08-01', end: '2029-07-31' });
  await form.save();
  await expect(page.getByRole('alert')).toContainText('Bitte prüfen Sie die markierten Felder.');
  const firstName = page.locator('input[name=firstName]');
  await expect(firstName).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.field', { has: firstName })).toContainText('unsichtbare Steuerzeichen');
  await page.getByRole('navigation').getByRole('link', { name: 'Auszubildende' }).click();
  await expect(page.getByText('Noch keine Auszubildenden')).toBeVisible();
});
