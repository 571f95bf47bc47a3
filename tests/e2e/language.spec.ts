// Work language as a new user does it: Arabic translations typed into the glossary, a learning task made from
// glossary terms for a trainee whose first language is Arabic, and the worksheet downloaded and read back.
import fs from 'node:fs';
import { pdfPages } from '../core/pdfText';
import { lines, pdfChunks, typed } from '../core/rtlChunks';
import { expect, openApp, test } from './fixtures';
import { GlossaryModel, TaskFormModel } from './languagePages';
import { TraineeFormModel, expectHeading } from './pages';

const SHK = 'Anlagenmechaniker/-in für Sanitär-, Heizungs- und Klimatechnik';

test('a new user creates a learning task from glossary terms for an Arabic-speaking trainee and exports the worksheet', async ({ page, app }) => {
  await openApp(page, app);
  const trainee = new TraineeFormModel(page);
  await trainee.openNew();
  await trainee.fillBasics({ firstName: 'Yusuf', lastName: 'Haddad', occupation: SHK, start: '01.08.2026', end: '31.01.2030', firstLanguage: 'Arabisch' });
  await trainee.save();
  await expectHeading(page, 'Yusuf Haddad');

  // The starter glossary is there at once; the user types the Arabic words they know.
  const glossary = new GlossaryModel(page);
  await glossary.open();
  await expect(page.getByText(/\d+ Einträge/)).toBeVisible();
  await glossary.translate('Wasserhahn', 'Arabisch', 'صنبور');
  await glossary.translate('Rohrzange', 'Arabisch', 'مفتاح أنابيب');
  // The same words as the shipped suggestion: it stays a suggestion until marked checked (then it prints).
  await glossary.markChecked('Rohrzange', 'Arabisch');
  await glossary.search('Wasserhahn');
  await expect(page.getByRole('cell', { name: 'صنبور' })).toBeVisible();

  const form = new TaskFormModel(page);
  await form.openForTrainee('Haddad, Yusuf');
  await expectHeading(page, 'Neue Lernaufgabe für Yusuf Haddad');
  await form.fill({
    title: 'Tropfenden Wasserhahn reparieren',
    goal: 'Sie reparieren einen tropfenden Wasserhahn beim Kunden.',
    steps: ['Absperrhahn zudrehen', 'Wasserhahn abschrauben', 'Dichtung tauschen'],
  });
  // The goal and a step in the trainee's language, typed right to left.
  await page.getByLabel('Ziel auf Arabisch').fill('تصلح صنبورا يقطر عند الزبون.');
  await expect(page.getByLabel('Ziel auf Arabisch')).toHaveAttribute('dir', 'rtl');
  await page.getByLabel('Schritt 1 auf Arabisch').fill('أغلق صمام الإغلاق');
  await form.pickPosition(/^A12 /);
  await form.pickTerm('Wasserhahn', /der Wasserhahn/);
  await form.pickTerm('Rohrzange', /die Rohrzange/);
  await form.pickTerm('Dichtung', /die Dichtung/);
  await expect(page.getByText('3 Wörter ausgewählt')).toBeVisible();
  await form.addPhrase('Sicherheitshinweis', 'Vorsicht, heiß!', 'انتبه، ساخن');
  await form.save();
  await expectHeading(page, 'Tropfenden Wasserhahn reparieren');
  await expect(page.getByText('A12 Funktionskontrolle')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'مفتاح أنابيب' })).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Arbeitsblatt (PDF)' }).click()]);
  expect(download.suggestedFilename()).toBe('Arbeitsblatt_Tropfenden-Wasserhahn-reparieren_Yusuf-Haddad_ar.pdf');
  await expect(page.getByRole('status').filter({ hasText: 'wurde erstellt' })).toBeVisible();
  const bytes = fs.readFileSync((await download.path())!);
  const text = (await pdfPages(bytes)).map((p) => p.text).join('\n');
  for (const s of [
    'Arbeitsblatt: Tropfenden Wasserhahn reparieren',
    'Für: Yusuf Haddad',
    'Übersetzungen: Arabisch',
    'der Wasserhahn',
    'Lösungen – für die Ausbilderin / den Ausbilder',
    'تصلح صنبورا يقطر عند الزبون.',
    'أغلق صمام الإغلاق',
  ]) {
    expect(text).toContain(s);
  }
  // The Arabic words are drawn right to left and read back as typed.
  const chunks = await pdfChunks(bytes);
  const arabic = chunks.filter((c) => /[\u0600-\u06FF]/.test(c.glyphs)).map(typed);
  expect(arabic).toEqual(expect.arrayContaining(['صنبور', 'مفتاح', 'أنابيب', 'انتبه،', 'ساخن']));
  const row = lines(chunks).find((l) => l.some((c) => typed(c) === 'مفتاح'))!;
  expect(row.filter((c) => /[\u0600-\u06FF]/.test(c.glyphs)).map(typed)).toEqual(['أنابيب', 'مفتاح']);

  // The task shows in the trainee's tab with the language progress.
  await page.getByRole('link', { name: 'Yusuf Haddad' }).click();
  await expect(page.getByRole('heading', { name: 'Lernfortschritt Sprache' })).toBeVisible();
  await expect(page.getByText('0 von 3 Fachwörtern in erledigten Aufgaben geübt')).toBeVisible();
});

test('a CSV import keeps the good rows and names the bad ones; a file that is not a picture is refused', async ({ page, app }) => {
  await openApp(page, app);
  const glossary = new GlossaryModel(page);
  await glossary.open();
  const csv = ['Begriff;Artikel;Plural;Arabisch (ar)', 'Werkbank;die;Werkbänke;طاولة عمل', 'Schraubstock;dem;;', 'Hobel;der;;مسحاج'].join('\r\n');
  const dialog = await glossary.importCsv({ name: 'wortschatz.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) }, 'Tischler/-in');
  await expect(dialog.getByRole('status').filter({ hasText: '3 Zeilen gelesen: 1 neu, 1 geändert, 0 unverändert.' })).toBeVisible();
  await expect(dialog.getByRole('row', { name: /^3 Artikel „dem“ ist kein Artikel/ })).toBeVisible();
  await dialog.getByRole('button', { name: 'Schließen' }).click();

  // A file in the wrong encoding is refused with the line to look at.
  const latin1 = Buffer.from('Begriff;Artikel\r\nS\xe4ge;die\r\n', 'latin1');
  const again = await glossary.importCsv({ name: 'excel.csv', mimeType: 'text/csv', buffer: latin1 });
  await expect(again.getByRole('alert')).toContainText('nicht als UTF-8 gespeichert (erstes Problem in Zeile 2)');
  await again.getByRole('button', { name: 'Schließen' }).click();

  await glossary.openEntry('Werkbank');
  await expect(page.getByLabel('Arabisch', { exact: true })).toHaveValue('طاولة عمل');
  await expect(page.getByLabel('Arabisch', { exact: true })).toHaveAttribute('dir', 'rtl');
  await page.getByLabel(/Bild auswählen/).setInputFiles({ name: 'bild.png', mimeType: 'image/png', buffer: Buffer.from('%PDF-1.7 kein Bild') });
  await expect(page.getByRole('alert')).toContainText('Die Datei ist kein Bild.');
  await expect(page.getByText('Noch kein Bild.')).toBeVisible();
});
