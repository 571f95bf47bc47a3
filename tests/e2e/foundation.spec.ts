import { expect, openApp, test } from './fixtures';
import { FirmPageModel, TraineeFormModel, expectHeading } from './pages';

test('a new user creates the firm and a trainee, restarts the app and finds the trainee again', async ({ page, app }) => {
  await openApp(page, app);
  const firm = new FirmPageModel(page);
  await firm.open();
  await firm.fill({ name: 'Tischlerei Sonnenholz', city: 'Hamburg', trainer: 'Karl Sonnenholz' });
  await firm.save();
  await expect(page.getByRole('status')).toContainText('Gespeichert');

  const form = new TraineeFormModel(page);
  await form.openNew();
  await form.fillBasics({ firstName: 'Amina', lastName: 'Yousef', occupation: 'Tischler/-in', start: '2026-08-01', end: '2029-07-31', firstLanguage: 'Arabisch' });
  await form.save();
  await expectHeading(page, 'Amina Yousef');
  await expect(page.getByText('01.08.2026 – 31.07.2029')).toBeVisible();

  await app.restart();
  await openApp(page, app);
  await expect(page.getByRole('link', { name: 'Yousef, Amina' })).toBeVisible();
  await page.getByRole('link', { name: 'Yousef, Amina' }).click();
  await expectHeading(page, 'Amina Yousef');
  await page.getByRole('navigation').getByRole('link', { name: 'Betrieb' }).click();
  await expect(page.getByLabel(/Name des Betriebs/)).toHaveValue('Tischlerei Sonnenholz');
});
