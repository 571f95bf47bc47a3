// The calendar file as a user lives with it (issue 15): download it, correct a document's end of validity, download it
// again — the same event (UID) with a higher SEQUENCE on the new day, not a second one. Then keep the file in a
// folder: it follows the next change by itself, and a completed deadline comes back as cancelled.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readCalendar } from '../core/ics';
import { expect, openApp, test } from './fixtures';
import { CalendarSettingsModel, DeadlinesPageModel, DocumentsTabModel, dayFromToday } from './immigrationPages';
import { createTrainee } from './pages';

test('the calendar file updates its events instead of duplicating them, downloaded and kept in a folder', async ({ page, app }) => {
  await openApp(page, app);
  await createTrainee(page, { firstName: 'Yusuf', lastName: 'Haddad', occupation: 'Tischler/-in', start: '01.08.2026', end: '31.07.2029' });
  const docs = new DocumentsTabModel(page);
  await docs.open();
  const in40 = dayFromToday(40);
  await expect(await docs.add({ type: 'Aufenthaltsgestattung', validUntil: in40.de, workNote: '„Beschäftigung erlaubt“' })).toBeHidden();

  const dashboard = new DeadlinesPageModel(page);
  await dashboard.open();
  const first = await dashboard.downloadCalendar();
  expect(first.name).toBe(`Fristen_Werkbruecke_${dayFromToday(0).iso}.ics`);
  await expect(first.notice).toHaveText(`Datei „${first.name}“ wurde erstellt. Seit der letzten Ausgabe: 1 neu, 0 geändert, 0 abgesagt, 0 unverändert.`);
  const [before] = readCalendar(first.bytes).events;
  expect(before).toMatchObject({ start: in40.iso, sequence: 0, status: 'CONFIRMED', summary: 'Frist: Verlängerung beantragen – Haddad, Yusuf' });
  // The urgent day (two weeks before) rings; the day to prepare (eight weeks before) has passed and does not.
  expect(before!.alarms.map((a) => a.description)).toEqual([`Dringend: Verlängerung beantragen – Yusuf Haddad, bis ${in40.de}`]);

  // The end of validity was typed wrong: corrected by five days.
  await page.getByRole('link', { name: 'Haddad, Yusuf' }).first().click();
  await docs.open();
  const in45 = dayFromToday(45);
  await docs.changeValidUntil('Aufenthaltsgestattung', in45.de);
  await dashboard.open();
  const second = await dashboard.downloadCalendar();
  await expect(second.notice).toHaveText(`Datei „${second.name}“ wurde erstellt. Seit der letzten Ausgabe: 0 neu, 1 geändert, 0 abgesagt, 0 unverändert.`);
  const events = readCalendar(second.bytes).events;
  expect(events).toHaveLength(1);
  expect(events[0]).toMatchObject({ uid: before!.uid, start: in45.iso, sequence: 1, created: before!.created });
  // (To the second, as iCalendar counts: the two downloads may fall into one.)
  expect(new Date(events[0]!.lastModified).getTime()).toBeGreaterThanOrEqual(new Date(before!.lastModified).getTime());

  // Keep the file in a folder (browser mode: the core runs on this PC and writes it).
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-e2e-cal-'));
  try {
    const settings = new CalendarSettingsModel(page);
    await settings.open();
    const section = await settings.chooseFolder(folder);
    const file = path.join(folder, 'Werkbruecke-Fristen.ics');
    await expect(section.getByText(file, { exact: true })).toBeVisible();
    // Nothing changed since the download: the kept file is the same, byte for byte.
    expect(fs.readFileSync(file).equals(second.bytes)).toBe(true);

    await dashboard.open();
    await dashboard.complete(dashboard.entry('In den nächsten 60 Tagen', 'Haddad, Yusuf'), 'Karl Sonnenholz');
    await expect(page.locator('.done-list')).toContainText('von Karl Sonnenholz');
    const kept = readCalendar(fs.readFileSync(file)).events;
    expect(kept.map((e) => [e.uid, e.status, e.sequence, e.summary])).toEqual([[before!.uid, 'CANCELLED', 2, 'Erledigt: Verlängerung beantragen – Haddad, Yusuf']]);
    expect(fs.readdirSync(folder)).toEqual(['Werkbruecke-Fristen.ics']);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
