// Case files in browser mode, two workspaces: the firm shares a case file (passphrase of words), the mediator
// opens it under "Netzwerk" with "Datei öffnen", records a session with an agreement, writes the reply, and the
// firm imports it and sees both in the moderation log.
import fs from 'node:fs';
import { apiCall, expect, openApp, startSecondApp, test } from './fixtures';
import { dayFromToday } from './immigrationPages';

test('case file: firm exports, mediator opens, adds a session and an agreement, replies; the firm imports it', async ({ page, app, browser }) => {
  test.setTimeout(240_000);
  const d = dayFromToday;
  // Data the test is not about, through the same API the page uses.
  await apiCall(app.openUrl, 'firm.save', { name: 'Tischlerei Sonnenholz', street: 'Hauptstraße 1', zip: '20095', city: 'Hamburg', phone: null, email: null, betriebsnummer: null, chamber: null, chamberMemberNo: null, trainers: [{ name: 'Karl Sonnenholz', role: 'Inhaber', aevo: true }] });
  const t = await apiCall<{ id: number }>(app.openUrl, 'trainees.create', { firstName: 'Amina', lastName: 'Yousef', dateOfBirth: '2004-05-06', nationality: 'syrisch', firstLanguages: ['ar'], otherLanguages: [], germanLevel: 'B1', germanLevelDate: null, germanLevelSource: null, phone: null, email: null, address: null, occupationId: 'tischler', contractStart: '2026-08-01', contractEndPlanned: '2029-07-31', probationMonths: 4, weeklyHours: 39, schoolDays: [2], payPerYear: [1000, 1100, 1200], chamberRegistrationDate: null, chamberRegistrationNo: null, priorExperience: null, notes: null });
  const person = await apiCall<{ id: number }>(app.openUrl, 'network.savePerson', { traineeId: t.id, name: 'Sara Berater', role: 'mediator' });
  const text = await apiCall<{ id: number }>(app.openUrl, 'network.saveConsentText', { title: 'Einwilligung Moderation', body: 'Ich willige ein.' });
  await apiCall(app.openUrl, 'network.saveConsent', { traineeId: t.id, textId: text.id, personId: person.id, purpose: 'Konfliktmoderation', categories: ['master_data', 'moderation_log'], givenOn: d(-10).iso, form: 'paper_scan', validUntil: d(200).iso });
  const c = await apiCall<{ id: number }>(app.openUrl, 'network.saveCase', { traineeId: t.id, category: 'attendance', occasion: 'Dreimal zu spät in zwei Wochen', raisedBy: 'firm', raisedOn: d(-8).iso });
  await apiCall(app.openUrl, 'network.saveStep', { caseId: c.id, kind: 'firm_talk', heldOn: d(-7).iso, participants: [], facts: 'Gespräch im Betrieb.' });

  // The firm shares the case file.
  await openApp(page, app, `/trainees/${t.id}/network`);
  await page.getByRole('button', { name: 'Fallakte teilen' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('checkbox', { name: 'Moderationsprotokoll', exact: true })).toBeChecked();
  const passphrase = dialog.locator('[name=passphrase]');
  await expect(passphrase).toHaveValue(/^[A-Za-z]+(-[A-Za-z]+){6}$/);
  const words = await passphrase.inputValue();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Fallakte schreiben' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^Fallakte_Yousef_Amina_\d{4}-\d{2}-\d{2}\.wbfall$/);
  const casePath = `${app.dataDir}-fallakte.wbfall`;
  await file.saveAs(casePath);
  await expect(page.getByRole('status').filter({ hasText: 'wurde gespeichert' })).toBeVisible({ timeout: 60_000 });

  // The mediator opens it in their own workspace.
  const med = await startSecondApp();
  try {
    const mp = await browser.newPage();
    await openApp(mp, { openUrl: med.openUrl } as never, '/netzwerk');
    await expect(mp.getByRole('heading', { name: 'Netzwerk: mit Ihnen geteilte Fälle' })).toBeVisible();
    // A wrong passphrase is refused with a clear message.
    await mp.locator('[name=passphrase]').fill('falsch falsch falsch falsch');
    await mp.locator('#casefile-file').setInputFiles(casePath);
    // The key derivation (scrypt) takes seconds on a busy machine: wait for the exact message, however long it takes.
    await expect(mp.getByText('Das Kennwort passt nicht zu dieser Fallakte')).toBeVisible({ timeout: 120_000 });
    await mp.locator('[name=passphrase]').fill(words.toLowerCase().replaceAll('-', ' '));
    await mp.locator('#casefile-file').setInputFiles([]);
    await mp.locator('#casefile-file').setInputFiles(casePath);
    await expect(mp.getByText('Die Fallakte von Tischlerei Sonnenholz wurde geöffnet.')).toBeVisible({ timeout: 120_000 });
    await mp.getByRole('row', { name: /Amina Yousef/ }).getByRole('link', { name: 'Ansehen' }).click();
    await expect(mp.getByRole('heading', { level: 1, name: 'Amina Yousef' })).toBeVisible();
    await expect(mp.getByText('Dreimal zu spät in zwei Wochen')).toBeVisible();
    await expect(mp.locator('.casefile-docs')).toContainText('moderationsprotokoll-1.pdf');

    await mp.getByRole('button', { name: 'Gespräch eintragen' }).click();
    const form = mp.getByRole('form', { name: 'Gespräch eintragen' });
    await form.locator('[name=heldOn]').fill(d(-1).de);
    await form.locator('[name=notes]').fill('Moderiertes Gespräch mit beiden Seiten.');
    await form.locator('[name=traineeView]').fill('Der Bus fährt nur stündlich.');
    await form.locator('[name=what]').fill('Früheren Bus nehmen');
    await form.locator('[name=who]').fill('Amina Yousef');
    await form.locator('[name=dueOn]').fill(d(7).de);
    await form.getByRole('button', { name: 'Gespräch speichern' }).click();
    await expect(mp.locator('.mediator-sessions')).toContainText('Moderiertes Gespräch mit beiden Seiten.');
    const replyDownload = mp.waitForEvent('download');
    await mp.getByRole('button', { name: 'Antwort an den Betrieb schreiben' }).click();
    const reply = await replyDownload;
    const replyPath = `${app.dataDir}-antwort.wbfall`;
    await reply.saveAs(replyPath);
    await expect(mp.getByText('Schicken Sie die Datei an den Betrieb.')).toBeVisible();
    await mp.close();

    // The firm imports the reply and sees the session and the agreement.
    await page.locator('#casefile-reply').setInputFiles(replyPath);
    await expect(page.getByText('Übernommen von', { exact: false })).toContainText('1 Gespräch(e), 1 Vereinbarung(en)');
    const card = page.locator('.conflict-step', { hasText: 'Moderiertes Gespräch mit beiden Seiten.' });
    await expect(card).toContainText('Der Bus fährt nur stündlich.');
    await expect(card.locator('table.agreements')).toContainText('Früheren Bus nehmen');
    // Importing it again changes nothing, and says so.
    await page.locator('#casefile-reply').setInputFiles([]);
    await page.locator('#casefile-reply').setInputFiles(replyPath);
    await expect(page.getByText('Diese Antwort wurde bereits übernommen')).toBeVisible();
    await expect(page.locator('.conflict-step', { hasText: 'Moderiertes Gespräch mit beiden Seiten.' })).toHaveCount(1);
    fs.rmSync(casePath, { force: true });
    fs.rmSync(replyPath, { force: true });
  } finally {
    await med.stop();
  }
});
