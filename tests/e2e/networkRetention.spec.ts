// The network's second part in the browser: the "due for deletion" list with one-click deletion per category
// (recorded without the deleted content), and the network tab in English with an accessibility check.
import { expectAccessible } from './a11y';
import { expect, openApp, test } from './fixtures';
import { ContactsPageModel, dayFromToday } from './immigrationPages';
import { NetworkTabModel } from './networkPages';
import { createTrainee, expectHeading, setUpFirm, TraineeFormModel } from './pages';

test('due for deletion: a closed case and the notes of an ended training, deleted per category and logged without content', async ({ page, app }) => {
  await openApp(page, app);
  await setUpFirm(page);
  await createTrainee(page, { firstName: 'Amina', lastName: 'Yousef', occupation: 'Tischler/-in', start: '01.08.2021', end: '31.07.2024' });
  const net = new NetworkTabModel(page);
  await net.open();
  await net.addCase({ category: 'Sonstiges', occasion: 'Streit um den Urlaub 2022', raisedOn: '01.03.2022' });
  await net.caseCard().getByRole('button', { name: 'Bearbeiten' }).click();
  const d = page.getByRole('dialog');
  await d.locator('[name=outcome]').selectOption({ label: 'geklärt' });
  await d.locator('[name=closedOn]').fill('01.04.2022');
  await d.getByRole('button', { name: 'Speichern' }).click();
  await expect(d).toBeHidden();
  await page.getByRole('button', { name: 'Notiz hinzufügen' }).click();
  await d.locator('[name=notedOn]').fill('01.03.2022');
  await d.locator('[name=author]').fill('Sara Berater');
  await d.locator('[name=topic]').fill('Wohnungssuche');
  await d.locator('[name=body]').fill('Vertrauliche Notiz über die Familie');
  await d.getByRole('button', { name: 'Speichern' }).click();
  await expect(d).toBeHidden();

  // The training ended early in 2023: the notes' period (two years after the end) has run out, the case's too.
  await page.getByRole('link', { name: /^Übersicht$/ }).click();
  await expect(async () => {
    if (!(await d.isVisible())) await page.getByRole('button', { name: 'Ausbildung beenden' }).click();
    await expect(d.getByLabel('Datum der Beendigung')).toBeVisible({ timeout: 3000 });
  }).toPass();
  await d.getByLabel('Datum der Beendigung').fill('2023-01-31');
  await d.getByLabel('Grund').fill('Abbruch');
  await d.getByRole('button', { name: 'Bestätigen' }).click();
  const next = d.getByText('Das Ende ist eingetragen. Jetzt die Mitteilung erstellen und senden:');
  await expect(page.getByRole('status').filter({ hasText: 'beendet' }).or(next)).toBeVisible();
  if (await next.isVisible()) await d.getByRole('button', { name: 'Später' }).click();

  await page.getByRole('navigation').getByRole('link', { name: /^Fristen$/ }).click();
  const dash = page.locator('section.network-dashboard');
  const due = dash.locator('.network-due li');
  await expect(due).toHaveCount(2);
  await expect(due.filter({ hasText: 'Moderationsfälle nach Ablauf der Frist: 1' })).toContainText('Yousef, Amina');
  await due.filter({ hasText: 'Moderationsfälle' }).getByRole('button', { name: 'Jetzt löschen' }).click();
  const log = dash.locator('.network-deletion-log li');
  await expect(log).toHaveCount(1);
  await expect(log.first()).toContainText('Yousef, Amina: Moderationsfälle gelöscht: 1');
  await expect(due).toHaveCount(1);
  await due.filter({ hasText: 'Beratungsnotizen nach Ablauf der Frist: 1' }).getByRole('button', { name: 'Jetzt löschen' }).click();
  await expect(log).toHaveCount(2);
  await expect(log.first()).toContainText('Yousef, Amina: Beratungsnotizen gelöscht: 1');
  await expect(due).toHaveCount(0);
  await expect(dash).not.toContainText('Streit um den Urlaub');
  await expect(dash).not.toContainText('Wohnungssuche');

  // The trainee's network no longer holds them (the deleted content is nowhere on the screen).
  await page.getByRole('navigation').getByRole('link', { name: /^Auszubildende$/ }).click();
  await page.getByLabel('Status').selectOption('all');
  await page.getByRole('link', { name: 'Yousef, Amina' }).click();
  await net.open();
  await expect(page.locator('article.conflict-case')).toHaveCount(0);
  await expect(page.getByText('Wohnungssuche')).toHaveCount(0);
});

/** German words that must not be left on an English screen (user data in these tests is English or names). */
const GERMAN = /\b(und|oder|der|die|das|nicht|noch|keine?|Bitte|Speichern|Abbrechen|hinzufügen|eintragen|Einwilligung|Maßnahme|Lücke|Fall|Notiz|Schritt|Vereinbarung|Sicht|bis|seit|am|Fassung|widerrufen|Stunden|läuft|geplant|abgeschlossen)\b/;

test('the network tab in English: every text translated, and accessible', async ({ page, app }) => {
  await openApp(page, app);
  await setUpFirm(page);
  const contacts = new ContactsPageModel(page);
  await contacts.open();
  await contacts.add({ kind: 'Beratungsstelle', organisation: 'Refugee Counselling North' });
  await createTrainee(page, { firstName: 'Amina', lastName: 'Yousef', occupation: 'Tischler/-in', start: '01.08.2026', end: '31.07.2029', firstLanguage: 'Arabisch' });
  const traineeUrl = page.url();
  await page.getByRole('navigation').getByRole('link', { name: /^Einstellungen$/ }).click();
  await page.getByLabel('Sprache der Oberfläche').selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  // The retention periods with their source, in English.
  const retention = page.locator('fieldset.network-retention');
  await expect(retention).toContainText('Moderation records (closed cases): 2 years after the case was closed');
  await expect(retention).not.toContainText(GERMAN);
  await page.goto(traineeUrl);
  await expect(page.locator('[data-ready="true"]')).toBeVisible();

  const net = new NetworkTabModel(page);
  await net.open();
  const d = dayFromToday;
  await net.addPerson({ name: 'Sara Adviser', role: 'Network mediator', organisation: 'Refugee Counselling North', reach: 'Tuesdays 9–12' });
  await net.addMeasure({ type: 'Internship (Praktikum)', status: 'done', start: d(-200).de, end: d(-170).de, provider: 'Sunwood Joinery' });
  await net.addMeasure({ type: 'Job-related language course', status: 'running', start: d(-60).de, end: d(60).de, provider: 'Adult Education Centre', level: 'B2', hours: '400' });
  await net.addCase({ category: 'Attendance and punctuality', occasion: 'Late three times in two weeks', raisedOn: d(-5).de });
  await net.addStep({ kind: 'Moderated session', heldOn: d(-2).de, place: 'Workshop', participants: [{ name: 'Sara Adviser', role: 'Mediator' }, { name: 'Omar Haddad', role: 'Interpreter', language: 'Arabic' }], facts: 'Late on three days.' });
  await net.addView(/Record a view: The firm/, 'Punctuality matters.', d(-2).de);
  await net.addAgreement({ what: 'Take the earlier bus', who: 'Amina Yousef', due: d(7).de });
  const consent = await net.openConsent();
  await expect(consent).not.toContainText(GERMAN);
  await expectAccessible(page, 'network tab, consent dialog (English)');
  await consent.locator('[name=personId]').selectOption({ index: 1 });
  await consent.locator('[name=textTitle]').fill('Consent to sharing with the network');
  await consent.locator('[name=textBody]').fill('I agree that the data named are shared for the purpose named.');
  await consent.locator('[name=purpose]').fill('Moderation of the conflict');
  await consent.getByRole('checkbox', { name: 'Master data' }).check();
  await consent.locator('[name=form]').selectOption({ index: 0 });
  await consent.getByRole('button', { name: 'Save' }).click();
  await expect(consent).toBeHidden();
  await page.getByRole('button', { name: 'Add note' }).click();
  const note = page.getByRole('dialog');
  await expect(note).not.toContainText(GERMAN);
  await note.getByRole('button', { name: 'Cancel' }).click();

  const tab = page.locator('.network-tab');
  await expect(tab).toContainText('Moderation of the conflict');
  await expect(tab).toContainText('Access to the stored data (Art. 15 GDPR)');
  await page.screenshot({ path: 'test-results/network-en.png', fullPage: true });
  const text = await tab.innerText();
  expect(text.split('\n').filter((l) => GERMAN.test(l))).toEqual([]);
  await expectAccessible(page, 'network tab (English)');
});

test('an applicant in an EQ: a file without a contract, its timeline, no plan yet, then the contract is recorded', async ({ page, app }) => {
  await openApp(page, app);
  await setUpFirm(page);
  const form = new TraineeFormModel(page);
  await form.openNew();
  await page.locator('input[name=firstName]').fill('Samir');
  await page.locator('input[name=lastName]').fill('Noori');
  await page.locator('select[name=occupationId]').selectOption({ label: 'Tischler/-in' });
  await page.getByLabel(/Bewerber\/in: noch kein Ausbildungsvertrag/).check();
  await expect(page.locator('input[name=contractStart]')).toHaveCount(0);
  await form.save();
  await expectHeading(page, 'Samir Noori');
  await expect(page.locator('.page-head .pill')).toHaveText('Bewerber/in');
  await expect(page.getByRole('note')).toContainText('Noch kein Ausbildungsvertrag');

  const net = new NetworkTabModel(page);
  await net.open();
  const d = dayFromToday;
  await net.addMeasure({ type: 'Praktikum', status: 'abgeschlossen', start: d(-120).de, end: d(-90).de });
  await net.addMeasure({ type: 'Einstiegsqualifizierung (EQ)', status: 'läuft', start: d(-80).de, end: d(60).de });
  await expect(page.locator('.timeline-item')).toHaveCount(2);
  await expect(net.measure('Einstiegsqualifizierung')).toContainText(`Lücke: Nach dem ${d(60).de} ist nichts geplant.`);

  await page.getByRole('link', { name: /^Ausbildungsplan$/ }).click();
  await expect(page.getByRole('note')).toContainText('Noch kein Ausbildungsvertrag');
  await page.getByRole('note').getByRole('link', { name: 'Ausbildungsvertrag erfassen' }).click();
  await expectHeading(page, 'Ausbildungsvertrag erfassen: Samir Noori');
  await page.locator('input[name=contractStart]').fill(d(61).de);
  await page.locator('input[name=contractEndPlanned]').fill(d(61 + 3 * 365).de);
  await form.save();
  await expectHeading(page, 'Samir Noori');
  await expect(page.locator('.page-head .pill')).toHaveText('In Ausbildung');
  await expect(page.getByRole('note')).toHaveCount(0);
});
