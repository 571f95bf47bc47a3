// The trainee signs a week with a personal PIN (set at the first sign-off); a wrong PIN is refused with the attempts
// left; a trainer resets a forgotten PIN, which the PIN history records with name and time.
import { expectAccessible } from './a11y';
import { expect, openApp, test } from './fixtures';
import { createTrainee, setUpFirm } from './pages';
import { NachweisTabModel, TraineeTabsModel } from './planPages';

test('the trainee signs with a personal PIN; a wrong PIN is refused; a trainer resets a forgotten PIN', async ({ page, app }) => {
  await openApp(page, app);
  await setUpFirm(page);
  await createTrainee(page, { firstName: 'Amina', lastName: 'Yousef', occupation: 'Tischler/-in', start: '01.08.2026', end: '31.07.2029', firstLanguage: 'Arabisch' });
  await new TraineeTabsModel(page).open('Ausbildungsnachweis');
  const nw = new NachweisTabModel(page);
  await nw.writeWeek('KW 33/2026');
  await nw.addEntry('Betriebliche Tätigkeit', { text: 'Massivholzregal aus Kiefer gebaut', hours: '38' });
  await nw.save();

  // First sign-off: the trainee sets the PIN, typed twice; a mismatch and a too simple PIN are refused.
  await nw.signAsTrainee('2468', { firstTime: true, repeat: '2469' });
  await expect(page.getByText('Die beiden Eingaben stimmen nicht überein.')).toBeVisible();
  await expectAccessible(page, 'sign-off with a new PIN');
  const form = page.getByRole('form', { name: 'Mit persönlicher PIN abzeichnen' });
  await form.getByLabel('Neue PIN', { exact: true }).fill('1111');
  await form.getByLabel('Neue PIN wiederholen').fill('1111');
  await form.getByRole('button', { name: 'PIN festlegen und abzeichnen' }).click();
  await expect(form.getByText('Diese PIN ist zu leicht zu erraten')).toBeVisible();
  await form.getByLabel('Neue PIN', { exact: true }).fill('2468');
  await form.getByLabel('Neue PIN wiederholen').fill('2468');
  await form.getByRole('button', { name: 'PIN festlegen und abzeichnen' }).click();
  await nw.expectSignedByTraineePin();

  // Taken back and signed again: a wrong PIN says how many attempts are left; the right one signs.
  await page.getByRole('button', { name: 'Abzeichnung zurücknehmen' }).click();
  await nw.signAsTrainee('1357');
  await expect(page.getByText('Die PIN ist falsch. Noch 4 Versuche, dann wird sie für 15 Minuten gesperrt.')).toBeVisible();
  await expectAccessible(page, 'sign-off with a wrong PIN');
  await page.getByLabel('PIN der/des Auszubildenden').fill('2468');
  await page.getByRole('button', { name: 'Mit PIN abzeichnen' }).click();
  await nw.expectSignedByTraineePin();
  await nw.close();

  // The PIN section: a trainer resets the forgotten PIN; the history says who and when.
  const section = page.locator('.pin-section');
  await expect(section).toContainText(/Die PIN wurde am \d\d\.\d\d\.\d{4}, \d\d:\d\d festgelegt\./);
  await section.getByLabel('Zurücksetzen durch').selectOption({ label: 'Karl Sonnenholz' });
  await section.getByRole('button', { name: 'Vergessene PIN zurücksetzen' }).click();
  await expect(section.getByRole('status')).toContainText('Die PIN wurde zurückgesetzt.');
  await expect(section.getByRole('listitem').first()).toHaveText(/^\d\d\.\d\d\.\d{4}, \d\d:\d\d: PIN zurückgesetzt von Karl Sonnenholz$/);
  await expect(section).toContainText('Es ist noch keine PIN festgelegt.');
  await expectAccessible(page, 'PIN section');
});
