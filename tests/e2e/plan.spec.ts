// A new user creates a trainee, makes the training plan from the framework plan, records and signs a week,
// exports the Ausbildungsnachweis and finds the week in the downloaded PDF.
import fs from 'node:fs';
import path from 'node:path';
import { expect, openApp, test } from './fixtures';
import { createTrainee, setUpFirm } from './pages';
import { NachweisTabModel, OccupationsPageModel, PlanTabModel, TraineeTabsModel } from './planPages';

test('a new user creates a trainee from a template, records and signs a week, and exports the Ausbildungsnachweis', async ({ page, app }) => {
  await openApp(page, app);
  await setUpFirm(page);
  await createTrainee(page, { firstName: 'Amina', lastName: 'Yousef', occupation: 'Tischler/-in', start: '01.08.2026', end: '31.07.2029', firstLanguage: 'Arabisch' });

  const tabs = new TraineeTabsModel(page);
  await tabs.open('Ausbildungsplan');
  const plan = new PlanTabModel(page);
  await plan.createFromTemplate();
  await expect(plan.position('9')).toContainText('Be- und Verarbeiten von Holz, Holzwerk- und sonstigen Werkstoffen sowie von Halbzeugen');
  await expect(page.getByText('Grundlage: TischlAusbV')).toBeVisible();

  await tabs.open('Ausbildungsnachweis');
  const nw = new NachweisTabModel(page);
  await nw.writeWeek('KW 33/2026');
  await nw.addEntry('Betriebliche Tätigkeit', { text: 'Massivholzregal aus Kiefer gebaut: Zuschnitt, Zinkenverbindung, Oberfläche geölt', hours: '26', positions: '9, 11' });
  await nw.addEntry('Berufsschule', { text: 'Lernfeld 1: Einfache Produkte aus Holz herstellen', hours: '8' });
  await nw.addEntry('Unterweisung, Lehrgang', { text: 'Unterweisung an der Formatkreissäge', hours: '4', positions: '3' });
  await nw.save();
  await nw.signAsTrainee('2468', { firstTime: true });
  await nw.expectSignedByTraineePin();
  await nw.signAsTrainer('Karl Sonnenholz');
  await nw.close();
  await expect(nw.weekRow('KW 33/2026')).toContainText('abgezeichnet');
  await expect(nw.weekRow('KW 32/2026')).toContainText('fehlt');

  // Each week has its own address: it survives a reload, and the supervisor's overview links the first missing one.
  await expect(page).toHaveURL(/#\/trainees\/\d+\/nachweis$/);
  const tab = page.url();
  await page.goto(`${tab}/2026-08-10`);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Nachweis KW 33/2026' })).toBeVisible();
  await page.goto(`${tab}/2031-01-06`);
  await expect(page.getByRole('alert')).toContainText('Die Woche ab 06.01.2031 liegt nicht in der Ausbildungszeit.');
  await page.getByRole('link', { name: 'Zu den Wochen' }).click();
  await expect(nw.weekRow('KW 33/2026')).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'Nachweise' }).click();
  await page.getByRole('row', { name: /Yousef/ }).getByRole('link', { name: '03.08.2026' }).click();
  await expect(page.getByRole('heading', { name: /^Neuer Nachweis: KW 32\/2026/ })).toBeVisible();
  await nw.close();

  const pdf = await nw.exportPdf();
  expect(pdf.fileName).toBe('Ausbildungsnachweis_Yousef_Amina.pdf');
  expect(pdf.text).toContain('KW 33/2026 · 10.08.2026 – 14.08.2026 · 1. Ausbildungsjahr');
  expect(pdf.text).toContain('Massivholzregal aus Kiefer gebaut: Zuschnitt, Zinkenverbindung, Oberfläche geölt');
  expect(pdf.text).toContain('Lernfeld 1: Einfache Produkte aus Holz herstellen');
  expect(pdf.text).toContain('9, 11');
  expect(pdf.text).toContain('Summe 38');
  expect(pdf.text).toMatch(/Ausbilder\/in Karl Sonnenholz, \d\d\.\d\d\.\d{4}/);
  expect(pdf.text).toContain('Tischlerei Sonnenholz');

  // A range without records gets a clear message and no file.
  await nw.exportPdfExpectingError({ from: '01.01.2027', to: '31.01.2027' }, 'Für den Zeitraum 01.01.2027 bis 31.01.2027 gibt es keine Ausbildungsnachweise.');
});

test('the supervisor copies a framework plan, adapts it, exports it and imports it again; a broken file names its line', async ({ page, app }) => {
  await openApp(page, app);
  const occ = new OccupationsPageModel(page);
  await occ.open();
  await occ.copy('Tischler/-in', 'Tischler/-in (Treppenbau)');
  // a time guide value for a skill the position does not have is shown next to the field
  await page.locator('input[name=timeItems5_0]').fill('a-c, zz');
  await page.getByRole('button', { name: 'Speichern', exact: true }).click();
  await expect(page.locator('.field', { has: page.locator('input[name=timeItems5_0]') })).toContainText('Die Fertigkeit „zz“ gibt es in dieser Position nicht.');
  await page.locator('input[name=timeItems5_0]').fill('a-e');
  await page.getByRole('button', { name: 'Position hinzufügen' }).click();
  const last = page.locator('.template-position').last();
  await last.getByLabel(/^Nummer/).fill('F1');
  await last.getByLabel(/^Bezeichnung/).fill('Treppenbau');
  await last.getByLabel(/Fertigkeiten, Kenntnisse/).fill('Treppen aufmessen\nWangentreppen fertigen und montieren');
  await last.getByLabel('Für Fertigkeiten (z. B. a-c, e)').fill('a-b');
  await last.getByLabel('Zeitraum', { exact: true }).fill('p2');
  // a section of the firm's own, for the new position
  await page.getByRole('button', { name: 'Abschnitt hinzufügen' }).click();
  await page.locator('input[name=sectionId0]').fill('F');
  await page.locator('input[name=sectionTitle0]').fill('Firmenspezifische Inhalte');
  await last.getByLabel('Abschnitt', { exact: true }).selectOption('F');
  await page.getByRole('button', { name: 'Speichern', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Vorlage gespeichert.' })).toBeVisible();

  await page.getByRole('link', { name: 'Zurück zu den Berufen' }).first().click();
  await expect(occ.row('Tischler/-in (Treppenbau)')).toContainText('18');
  const file = await occ.exportTemplate('Tischler/-in (Treppenbau)');
  expect(file.fileName).toBe('Rahmenplan_Tischler-in-Treppenbau.json');
  const exported = JSON.parse(file.text);
  expect(exported.positions.at(-1)).toMatchObject({ number: 'F1', section: 'F', title: 'Treppenbau' });
  expect(exported.sections).toEqual([{ id: 'F', title: 'Firmenspezifische Inhalte' }]);
  // What the editor showed but nobody changed is kept (paragraph references, the introductory sentence).
  const original = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../resources/rahmenplaene/tischler.json'), 'utf8'));
  expect(exported.positions.slice(0, -1).map((p: { paragraphRef?: string; intro?: string }) => [p.paragraphRef, p.intro])).toEqual(
    original.positions.map((p: { paragraphRef?: string; intro?: string }) => [p.paragraphRef, p.intro]),
  );

  await occ.importTemplate(file.fileName, file.text);
  await expect(page.getByRole('status').filter({ hasText: 'Vorlage „Tischler/-in (Treppenbau) (2)“ wurde importiert.' })).toBeVisible();
  await expect(occ.row('Tischler/-in (Treppenbau) (2)')).toContainText('importiert');

  const broken = file.text.replace('"durationMonths": 36,', '"durationMonths": 36');
  await occ.importTemplate('kaputt.json', broken);
  const line = broken.split('\n').findIndex((l) => l.includes('"durationMonths": 36')) + 2;
  await expect(page.getByRole('alert').first()).toContainText(`Die Datei ist keine gültige JSON-Datei (Fehler in Zeile ${line}). Nichts wurde übernommen.`);
  await expect(page.locator('tr[data-occupation]')).toHaveCount(5);
});

test('the supervisor adapts the plan: moves and splits a part, adds a firm item and records a part taught at an inter-company course', async ({ page, app }) => {
  await openApp(page, app);
  await setUpFirm(page);
  await createTrainee(page, { firstName: 'Dawit', lastName: 'Tesfay', occupation: 'Tischler/-in', start: '01.08.2026', end: '31.07.2029', firstLanguage: 'Tigrinya' });
  await new TraineeTabsModel(page).open('Ausbildungsplan');
  const plan = new PlanTabModel(page);
  await plan.createFromTemplate();
  const dialog = page.getByRole('dialog');
  const history = page.locator('.plan-history');

  // Move the first part of position 9 to months 5 to 7.
  const nine = plan.position('9');
  await nine.locator('.plan-item').first().getByRole('button', { name: 'Verschieben' }).click();
  await dialog.getByLabel('Von (Ausbildungsmonat)').selectOption({ label: '5. Monat (12/2026)' });
  await dialog.getByLabel('Bis (Ausbildungsmonat)').selectOption({ label: '7. Monat (02/2027)' });
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog).toBeHidden();
  await expect(history).toContainText('verschoben');
  await expect(nine.locator('.plan-item').first()).toContainText('12/2026 – 02/2027');

  // Split one skill off into a later part.
  const parts = await nine.locator('.plan-item').count();
  await nine.locator('.plan-item').first().getByRole('button', { name: 'Teilen' }).click();
  await dialog.locator('input[name=splitKey]').first().check();
  await dialog.getByLabel('Wochen (zeitlicher Richtwert)').fill('2');
  await dialog.getByLabel('Von (Ausbildungsmonat)').selectOption({ label: '8. Monat (03/2027)' });
  await dialog.getByLabel('Bis (Ausbildungsmonat)').selectOption({ label: '8. Monat (03/2027)' });
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog).toBeHidden();
  await expect(history).toContainText('geteilt');
  await expect(nine.locator('.plan-item')).toHaveCount(parts + 1);

  // A firm-specific item in position 9.
  await page.getByRole('button', { name: 'Betriebliche Ergänzung hinzufügen' }).click();
  await dialog.getByLabel('Position').selectOption({ value: '9' });
  await dialog.getByLabel('Inhalt').fill('Wangentreppe aus Eiche fertigen');
  await dialog.getByLabel('Wochen (zeitlicher Richtwert)').fill('3');
  await dialog.getByLabel('Von (Ausbildungsmonat)').selectOption({ label: '10. Monat (05/2027)' });
  await dialog.getByLabel('Bis (Ausbildungsmonat)').selectOption({ label: '12. Monat (07/2027)' });
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog).toBeHidden();
  await expect(nine).toContainText('Betrieblich: Wangentreppe aus Eiche fertigen');
  await expect(history).toContainText('Ergänzt');

  // A part taught outside the firm, confirmed by the trainer.
  const taught = nine.locator('.plan-item').first();
  await taught.getByRole('button', { name: 'Stand ändern' }).click();
  await dialog.getByLabel('Stand').selectOption({ label: 'erledigt' });
  await dialog.getByLabel('Erledigt am').fill('20.11.2026');
  await dialog.getByLabel(/Bestätigt von/).selectOption({ label: 'Karl Sonnenholz' });
  await dialog.getByLabel(/Außerhalb des Betriebs vermittelt/).fill('Überbetriebliche Unterweisung, HWK Hamburg');
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog).toBeHidden();
  await expect(taught).toContainText('erledigt am 20.11.2026, bestätigt von Karl Sonnenholz');
  await expect(taught).toContainText('Ort: Überbetriebliche Unterweisung, HWK Hamburg');
  // Done parts are not moved or split any more.
  await expect(taught.getByRole('button', { name: 'Verschieben' })).toHaveCount(0);
});
