// Immigration paperwork as a new user does it: a Duldung that expires in 10 days shows on the dashboard; after an
// early end of training the notice to the immigration office is exported, and its PDF says what the law asks for.
import fs from 'node:fs';
import zlib from 'node:zlib';
import { pdfText } from '../core/pdfText';
import { expect, openApp, test } from './fixtures';
import { ContactsPageModel, DeadlinesPageModel, DocumentsTabModel, dayFromToday } from './immigrationPages';
import { TraineeFormModel, createTrainee, expectHeading, setUpFirm } from './pages';

function pngBytes(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(Buffer.concat([Buffer.from(type), data])));
    return Buffer.concat([len, Buffer.from(type), data, crc]);
  };
  const ihdr = Buffer.from([0, 0, 0, 2, 0, 0, 0, 2, 8, 0, 0, 0, 0]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(Buffer.alloc(6))), chunk('IEND', Buffer.alloc(0))]);
}

test('a Duldung expiring in 10 days shows on the dashboard; after an early end the notice to the ABH is exported', async ({ page, app }) => {
  await openApp(page, app);
  await setUpFirm(page);

  const contacts = new ContactsPageModel(page);
  await contacts.open();
  await contacts.add({ kind: 'Ausländerbehörde', organisation: 'Amt für Migration Hamburg', person: 'Frau Schulze', street: 'Hammer Straße 10', zip: '22041', city: 'Hamburg' });
  await expect(page.getByRole('cell', { name: /^Amt für Migration Hamburg Hammer Straße 10/ })).toBeVisible();

  const form = new TraineeFormModel(page);
  await form.openNew();
  await form.fillBasics({ firstName: 'Amina', lastName: 'Yousef', occupation: 'Tischler/-in', start: '01.08.2026', end: '31.07.2029', firstLanguage: 'Arabisch' });
  await page.locator('input[name=nationality]').fill('syrisch');
  await form.save();
  await expectHeading(page, 'Amina Yousef');
  // No document yet: the trainee may not train today, in red under the name.
  await expect(page.getByTestId('may-train')).toContainText('Nach den erfassten Dokumenten fehlt heute die Erlaubnis zur Ausbildung.');

  const docs = new DocumentsTabModel(page);
  await docs.open();
  const in10 = dayFromToday(10);
  const dialog = await docs.add({ type: 'Duldung', number: 'D-HH-2026-4711', validUntil: in10.de, workNote: '„Beschäftigung erlaubt“', copy: { name: 'duldung.png', mimeType: 'image/png', buffer: pngBytes() } });
  await expect(dialog).toBeHidden();
  const row = docs.row('Duldung');
  await expect(row).toContainText('D-HH-2026-4711');
  await expect(row).toContainText('Läuft bald ab');
  await expect(row.getByRole('button', { name: /Kopie öffnen: duldung\.png/ })).toBeVisible();
  await expect(page.getByTestId('may-train')).toHaveCount(0);
  await docs.linkInstitution('Amt für Migration Hamburg');

  const dashboard = new DeadlinesPageModel(page);
  await dashboard.open();
  const renewal = dashboard.entry('In den nächsten 14 Tagen', 'Yousef, Amina');
  // A Duldung is renewed before its end; § 81 Abs. 4 (Fiktion) does not apply to it.
  await expect(renewal).toContainText(`endet am ${in10.de}: vorher bei der Ausländerbehörde verlängern lassen`);
  await expect(renewal).toContainText('noch 10 Tage');
  await expect(renewal).toContainText('Quelle: § 60a AufenthG');
  await expect(renewal).not.toContainText('§ 81 Abs. 4 AufenthG:');

  // Record the early end of training on the trainee's overview.
  await renewal.getByRole('link', { name: 'Yousef, Amina' }).click();
  await page.getByRole('link', { name: 'Übersicht' }).click();
  await page.getByRole('button', { name: 'Ausbildung beenden' }).click();
  const end = page.getByRole('dialog');
  const today = dayFromToday(0);
  await end.getByLabel('Datum der Beendigung').fill(today.de);
  await end.getByLabel('Grund').fill('Aufhebungsvertrag');
  // Before confirming, the dialog says what must be sent, to which authority, by when and why. A Duldung carries no
  // statutory duty to notify (§ 4a Abs. 5 S. 3 Nr. 3 covers only §§ 18–21): a recommendation, four weeks from knowledge.
  const summary = end.getByTestId('end-notice');
  await expect(summary).toContainText(`Empfehlung: eine Mitteilung an Amt für Migration Hamburg, Hamburg bis ${dayFromToday(28).de}`);
  await expect(summary).toContainText('Quelle: Empfehlung, keine gesetzliche Frist');
  await expect(summary).not.toContainText('§ 4a Abs. 5');
  await end.getByRole('button', { name: 'Bestätigen' }).click();
  // … and offers the letter at once.
  await expect(end).toContainText('Das Ende ist eingetragen. Jetzt die Mitteilung erstellen und senden:');
  const download = page.waitForEvent('download');
  await end.getByRole('button', { name: 'Mitteilung erstellen (PDF)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Mitteilung_ABH_Yousef_Amina.pdf');
  const text = (await pdfText(fs.readFileSync(await file.path()))).replace(/\u00a0/g, ' ');
  for (const needle of [
    'Tischlerei Sonnenholz',
    'Amt für Migration Hamburg z. Hd. Frau Schulze Hammer Straße 10 22041 Hamburg',
    `Datum ${today.de}`,
    'Mitteilung über die vorzeitige Beendigung eines Ausbildungsverhältnisses',
    `am ${today.de} vorzeitig beendet`,
    'Familienname Yousef',
    'Vorname Amina',
    'Staatsangehörigkeit syrisch',
    'Aufenthaltsdokument Duldung',
    'Dokumentnummer D-HH-2026-4711',
    'Grund der Beendigung Aufhebungsvertrag',
    'Ansprechperson Karl Sonnenholz',
  ]) {
    expect(text).toContain(needle);
  }
  // No paragraph that does not apply.
  expect(text).not.toContain('§ 4a');
  await end.getByRole('button', { name: 'Später' }).click();
  await expect(page.getByText('Vorzeitig beendet', { exact: false }).first()).toBeVisible();

  await dashboard.open();
  const notice = dashboard.entry('In den nächsten 60 Tagen', 'Mitteilung an die Ausländerbehörde');
  await expect(notice).toContainText('Yousef, Amina');
  await expect(notice).toContainText(dayFromToday(28).de);
  await expect(notice).toContainText('Empfehlung');

  // The notice sent: recorded with the day, how and by whom; that closes the deadline.
  await notice.getByRole('button', { name: /Erledigt/ }).click();
  const done = page.getByRole('dialog');
  await done.getByLabel('Wie gesendet').selectOption({ label: 'per Fax' });
  await done.getByLabel('Erledigt von').fill('Karl Sonnenholz');
  await done.getByRole('button', { name: 'Als erledigt speichern' }).click();
  await expect(page.locator('.done-list')).toContainText(`Erledigt am ${today.de} von Karl Sonnenholz`);
  await expect(page.locator('.done-list')).toContainText('per Fax');
  await expect(page.locator('section.bucket tbody tr', { hasText: 'Mitteilung an die Ausländerbehörde' })).toHaveCount(0);
});

test('a residence title of §§ 18–21 chosen in the form: the end dialog names § 4a Abs. 5 S. 3 Nr. 3, four weeks from the day the firm learned of it', async ({ page, app }) => {
  await openApp(page, app);
  await setUpFirm(page);
  const contacts = new ContactsPageModel(page);
  await contacts.open();
  await contacts.add({ kind: 'Ausländerbehörde', organisation: 'Amt für Migration Hamburg', city: 'Hamburg' });
  await expect(page.getByRole('cell', { name: /^Amt für Migration Hamburg/ })).toBeVisible();
  const form = new TraineeFormModel(page);
  await form.openNew();
  await form.fillBasics({ firstName: 'Dawit', lastName: 'Bekele', occupation: 'Tischler/-in', start: '01.08.2025', end: '31.07.2028', firstLanguage: 'Arabisch' });
  await form.save();
  await expectHeading(page, 'Dawit Bekele');
  const docs = new DocumentsTabModel(page);
  await docs.open();
  const dialog = await docs.add({ type: 'Aufenthaltstitel §§ 18–21 AufenthG (Erwerbstätigkeit, z. B. § 18a, § 19c, § 19d)', number: 'E-4711', validUntil: '31.07.2028', workNote: '„Erwerbstätigkeit erlaubt“' });
  await expect(dialog).toBeHidden();
  await expect(docs.row('Aufenthaltstitel §§ 18–21')).toContainText('E-4711');
  await docs.linkInstitution('Amt für Migration Hamburg');

  await page.getByRole('link', { name: 'Übersicht' }).click();
  await page.getByRole('button', { name: 'Ausbildung beenden' }).click();
  const end = page.getByRole('dialog');
  await end.getByLabel('Vorzeitig (Kündigung, Aufhebung, Abbruch)').check();
  await end.getByLabel('Datum der Beendigung').fill(dayFromToday(-10).de);
  await end.getByLabel('Davon erfahren am').fill(dayFromToday(-3).de);
  // § 4a Abs. 5 S. 3 Nr. 3 AufenthG: four weeks from knowledge, i.e. 28 days after the day learned of: 25 days from today.
  const summary = end.getByTestId('end-notice');
  await expect(summary).toContainText(`Nach den erfassten Dokumenten ist eine Mitteilung zu senden: an Amt für Migration Hamburg, Hamburg, spätestens am ${dayFromToday(25).de} (§ 4a Abs. 5 S. 3 Nr. 3 AufenthG).`);
  await expect(summary).toContainText(`Die Frist (28 Tage) läuft ab dem Tag, an dem der Betrieb vom Ende erfahren hat: ${dayFromToday(-3).de}.`);
});

test('a copy that is not what its name says is rejected next to the field, and nothing is saved', async ({ page, app }) => {
  await openApp(page, app);
  await createTrainee(page, { firstName: 'Dawit', lastName: 'Bekele', occupation: 'Tischler/-in', start: '01.08.2026', end: '31.07.2029' });
  const docs = new DocumentsTabModel(page);
  await docs.open();
  const dialog = await docs.add({
    type: 'Duldung',
    validUntil: '01.05.2026',
    workNote: '„Beschäftigung erlaubt“',
    copy: { name: 'duldung.pdf', mimeType: 'application/pdf', buffer: pngBytes() },
  });
  await expect(dialog.getByRole('alert')).toContainText('Bitte prüfen Sie die markierten Felder.');
  await expect(dialog.locator('.field', { has: page.locator('input[name=copy]') })).toContainText('„duldung.pdf“ ist keine echte PDF-Datei.');
  // Dates are checked too, next to their field.
  await dialog.getByLabel('Ausgestellt am').fill('02.05.2026');
  await dialog.getByLabel(/Kopie \(Scan/).setInputFiles({ name: 'duldung.png', mimeType: 'image/png', buffer: pngBytes() });
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog.locator('.field', { has: page.locator('input[name=validUntil]') })).toContainText('„Gültig bis“ liegt vor dem Ausstellungsdatum.');
  await dialog.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(page.getByText('Noch keine Dokumente erfasst.')).toBeVisible();
});
