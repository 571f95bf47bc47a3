// Einstellungen → Sicherungen: a supervisor backs up, keeps working, then restores the backup from the list;
// the window reloads on the restored workspace. A file that is not a backup is refused and changes nothing.
import { expect, openApp, test } from './fixtures';
import { createTrainee, expectHeading, setUpFirm } from './pages';

test('a supervisor backs up, restores the backup from the list, and a foreign file is refused', async ({ page, app }) => {
  await openApp(page, app);
  await setUpFirm(page);
  await createTrainee(page, { firstName: 'Amina', lastName: 'Yousef', occupation: 'Tischler/-in', start: '1.8.2026', end: '31.07.2029' });

  const settings = () => page.getByRole('navigation').getByRole('link', { name: 'Einstellungen' }).click();
  await settings();
  await page.getByRole('button', { name: 'Jetzt sichern' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Sicherung werkbruecke-manual-.*\.wbbackup erstellt \(Datenbank und 0 Dateien\)/ })).toBeVisible();
  const rows = page.locator('table.backups tbody tr');
  await expect(rows.filter({ hasText: 'von Hand' })).toHaveCount(1);

  await createTrainee(page, { firstName: 'Omid', lastName: 'Rahimi', occupation: 'Tischler/-in', start: '1.8.2026', end: '31.07.2029' });
  await page.getByRole('navigation').getByRole('link', { name: 'Auszubildende' }).click();
  await expect(page.getByRole('link', { name: 'Rahimi, Omid' })).toBeVisible();

  // A file that is not a backup: refused with a translated reason; nothing changes.
  await settings();
  await page.getByText('Aus Datei wiederherstellen').locator('input[type=file]').setInputFiles({ name: 'brief.wbbackup', mimeType: 'application/octet-stream', buffer: Buffer.from('Sehr geehrte Damen und Herren') });
  await page.getByRole('dialog').getByRole('button', { name: 'Prüfen und wiederherstellen' }).click();
  await expect(page.getByRole('alert')).toContainText('Diese Datei kann nicht wiederhergestellt werden: sie ist keine Werkbrücke-Sicherung. Der Arbeitsbereich wurde nicht verändert.');

  await rows.filter({ hasText: 'von Hand' }).getByRole('button', { name: /Wiederherstellen/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('sichert vorher den jetzigen Stand');
  await dialog.getByRole('button', { name: 'Prüfen und wiederherstellen' }).click();
  // The window reloads on the restored workspace: the settings page again, with the state before the restore kept.
  await expect(rows.filter({ hasText: 'vor einer Wiederherstellung' })).toHaveCount(1);
  await page.getByRole('navigation').getByRole('link', { name: 'Auszubildende' }).click();
  await expect(page.getByRole('link', { name: 'Yousef, Amina' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Rahimi, Omid' })).toHaveCount(0);

  // The delete dialog says how long older backups still hold a trainee's data.
  await page.getByRole('link', { name: 'Yousef, Amina' }).click();
  await expectHeading(page, 'Amina Yousef');
  await page.getByRole('button', { name: 'Auszubildende/n löschen' }).click();
  await expect(page.getByRole('dialog').getByTestId('delete-backups')).toContainText(/automatische Sicherungen höchstens bis \d{2}\.\d{2}\.\d{4}, dazu 1 von Hand erstellte Sicherung/);
});
