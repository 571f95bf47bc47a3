// The trainee's network as a supervisor records it: a mediator, three measures with the gap after the language
// course, a conflict case with a moderated session, both views and three agreements (the first date on the
// Fristen page), and a consent for the mediator that is then revoked.
import fs from 'node:fs';
import { pdfText } from '../core/pdfText';
import { expect, openApp, test } from './fixtures';
import { ContactsPageModel, dayFromToday } from './immigrationPages';
import { NetworkTabModel } from './networkPages';
import { createTrainee, setUpFirm } from './pages';

test('network: people, measures with a gap, moderation with agreements on the dashboard, consent revoked', async ({ page, app }) => {
  await openApp(page, app);
  await setUpFirm(page);
  const contacts = new ContactsPageModel(page);
  await contacts.open();
  await contacts.add({ kind: 'Beratungsstelle', organisation: 'Flüchtlingsberatung Nord' });
  await createTrainee(page, { firstName: 'Amina', lastName: 'Yousef', occupation: 'Tischler/-in', start: '01.08.2026', end: '31.07.2029', firstLanguage: 'Arabisch' });

  const net = new NetworkTabModel(page);
  await net.open();
  await net.addPerson({ name: 'Sara Berater', role: 'Netzwerk-Moderator/in', organisation: 'Flüchtlingsberatung Nord', reach: 'dienstags 9–12 Uhr' });
  await expect(page.locator('table.network-people tbody tr', { hasText: 'Sara Berater' })).toContainText('Flüchtlingsberatung Nord');

  const d = dayFromToday;
  await net.addMeasure({ type: 'Praktikum', status: 'abgeschlossen', start: d(-200).de, end: d(-170).de, provider: 'Tischlerei Sonnenholz' });
  await net.addMeasure({ type: 'Einstiegsqualifizierung (EQ)', status: 'läuft', start: d(-160).de, end: d(20).de });
  await net.addMeasure({ type: 'Berufssprachkurs', status: 'läuft', start: d(-60).de, end: d(60).de, provider: 'VHS Hamburg', level: 'B2', hours: '400' });
  await expect(page.locator('.timeline-item')).toHaveCount(3);
  await expect(net.measure('Berufssprachkurs')).toContainText(`Lücke: Nach dem ${d(60).de} ist nichts geplant.`);
  await expect(net.measure('Berufssprachkurs')).toContainText('B2 · 400 Stunden');
  await expect(page.locator('.gap-warning')).toHaveCount(1);

  await net.addCase({ category: 'Anwesenheit und Pünktlichkeit', occasion: 'Dreimal zu spät in zwei Wochen', raisedOn: d(-5).de, warnings: 'Hinweis im Gespräch' });
  await net.addStep({
    kind: 'Moderiertes Gespräch',
    heldOn: d(-2).de,
    place: 'Werkstatt',
    participants: [
      { name: 'Karl Sonnenholz', role: 'Betrieb' },
      { name: 'Amina Yousef', role: 'Auszubildende/r' },
      { name: 'Sara Berater', role: 'Moderation' },
      { name: 'Omar Haddad', role: 'Dolmetschen', language: 'Arabisch' },
    ],
    facts: 'Verspätungen an drei Tagen.',
  });
  const card = net.caseCard();
  await expect(card).toContainText('Omar Haddad (Dolmetschen, Arabisch)');
  await net.addView(/Sichtweise eintragen: Sicht des Betriebs/, 'Pünktlichkeit ist Pflicht.', d(-2).de);
  await net.addView(/Sichtweise eintragen: Sicht der\/des Auszubildenden/, 'Der Bus fährt zu spät.', d(-1).de);
  await expect(card).toContainText(`Pünktlichkeit ist Pflicht. (bestätigt am ${d(-2).de})`);
  await expect(card).toContainText(`Der Bus fährt zu spät. (bestätigt am ${d(-1).de})`);
  // An agreement without a responsible person is refused with a clear message, and nothing is saved.
  await card.getByRole('button', { name: 'Vereinbarung hinzufügen' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('[name=what]').fill('Früheren Bus nehmen');
  await dialog.locator('[name=dueOn]').fill(d(7).de);
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog.getByText('Bitte ausfüllen.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Abbrechen' }).click();
  await net.addAgreement({ what: 'Früheren Bus nehmen', who: 'Amina Yousef', due: d(7).de, review: d(21).de });
  await net.addAgreement({ what: 'Arbeitsbeginn 7:30 prüfen', who: 'Karl Sonnenholz', due: d(14).de });
  await net.addAgreement({ what: 'Nachgespräch', who: 'Sara Berater', due: d(60).de });
  await expect(card.locator('table.agreements tbody tr')).toHaveCount(3);
  // The protocol for signature: German, headings also in Arabic (the trainee's first language).
  const download = page.waitForEvent('download');
  await card.getByRole('button', { name: 'Moderationsprotokoll (PDF)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Moderationsprotokoll_Yousef_Amina.pdf');
  const text = await pdfText(fs.readFileSync(await file.path()));
  for (const needle of ['Protokoll der Konfliktmoderation', 'Omar Haddad', 'Der Bus fährt zu spät.', `Von dieser Seite bestätigt am ${d(-1).de}`, 'Nachgespräch', 'Unterschriften']) expect(text).toContain(needle);
  expect(text).toMatch(/[\u0600-\u06ff]/);

  await page.getByRole('navigation').getByRole('link', { name: /^Fristen$/ }).click();
  const dash = page.locator('section.network-dashboard');
  await expect(dash.locator('.network-agreements li').first()).toContainText(`Früheren Bus nehmen (Amina Yousef) – fällig am ${d(7).de}`);
  await expect(dash.locator('.network-gaps li')).toContainText(`Berufssprachkurs endet am ${d(60).de}, danach ist nichts geplant`);

  await dash.locator('.network-gaps li').getByRole('link', { name: 'Yousef, Amina' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Einwilligungen' })).toBeVisible();
  await expect(page.getByText('Gesetzliche Mitteilungen an die Ausländerbehörde (z. B. nach § 60c Abs. 5 AufenthG) brauchen keine Einwilligung.')).toBeVisible();
  const consent = await net.openConsent();
  await consent.locator('[name=personId]').selectOption({ label: 'Sara Berater (Flüchtlingsberatung Nord)' });
  await consent.locator('[name=textTitle]').fill('Einwilligung in die Weitergabe an das Netzwerk');
  await consent.locator('[name=textBody]').fill('Ich willige ein, dass die genannten Daten zum genannten Zweck weitergegeben werden.');
  await consent.locator('[name=purpose]').fill('Moderation des Konflikts');
  await consent.getByRole('button', { name: 'Speichern' }).click();
  // No category chosen: refused, with the message under the list.
  await expect(consent.getByText('Bitte mindestens eine Art von Daten auswählen.')).toBeVisible();
  await consent.getByRole('checkbox', { name: 'Stammdaten' }).check();
  await consent.getByRole('checkbox', { name: 'Moderationsprotokoll' }).check();
  await consent.getByRole('button', { name: 'Speichern' }).click();
  await expect(consent).toBeHidden();
  const row = net.consentRow('Sara Berater');
  await expect(row).toContainText('Stammdaten, Moderationsprotokoll');
  await expect(row).toContainText('Fassung 1');
  const formDownload = page.waitForEvent('download');
  await row.getByRole('button', { name: 'Einwilligungserklärung (PDF)' }).click();
  const form = await formDownload;
  expect(form.suggestedFilename()).toBe('Einwilligung_Yousef_Amina.pdf');
  const formText = await pdfText(fs.readFileSync(await form.path()));
  for (const needle of ['Sara Berater (Flüchtlingsberatung Nord)', 'Moderation des Konflikts', 'Stammdaten', 'Bis Sie die Einwilligung widerrufen.', 'brauchen keine Einwilligung']) expect(formText).toContain(needle);
  expect(formText).toMatch(/[\u0600-\u06ff]/);
  await row.getByRole('button', { name: 'Widerruf eintragen' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Speichern' }).click();
  await expect(row).toContainText(`widerrufen am ${d(0).de}`);
  await expect(row.getByRole('button', { name: 'Widerruf eintragen' })).toHaveCount(0);
});
