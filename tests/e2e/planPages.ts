// Page models for the training plan, the Ausbildungsnachweis and the occupations page, in the words of the UI.
import fs from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { pdfText } from '../core/pdfText';

export class TraineeTabsModel {
  constructor(private page: Page) {}
  async open(tab: 'Ausbildungsplan' | 'Ausbildungsnachweis' | 'Übersicht') {
    await this.page.getByRole('navigation', { name: 'Auszubildende' }).getByRole('link', { name: tab, exact: true }).click();
  }
}

export class PlanTabModel {
  constructor(private page: Page) {}
  async createFromTemplate() {
    await this.page.getByRole('button', { name: 'Ausbildungsplan aus dem Rahmenplan erstellen' }).click();
    await expect(this.page.getByRole('heading', { name: 'Sachliche und zeitliche Gliederung' })).toBeVisible();
  }
  position(number: string) {
    return this.page.locator('.plan-position', { has: this.page.locator('.plan-number', { hasText: new RegExp(`^${number}$`) }) });
  }
}

export class NachweisTabModel {
  constructor(private page: Page) {}
  async writeWeek(week: string) {
    await this.page.getByRole('button', { name: `Schreiben ${week}` }).click();
    await expect(this.page.getByRole('heading', { name: new RegExp(`Neuer Nachweis: ${week}`) })).toBeVisible();
  }
  /** Adds an entry of a kind ("Betriebliche Tätigkeit", "Berufsschule" …) and fills it. */
  async addEntry(kind: string, o: { text: string; hours: string; positions?: string; day?: string }) {
    const editor = this.page.locator('.week-editor');
    await editor.getByRole('button', { name: `+ ${kind}` }).click();
    const entry = editor.locator('.week-entry').last();
    await entry.getByLabel('Was wurde gemacht?').fill(o.text);
    await entry.getByLabel('Stunden').fill(o.hours);
    if (o.positions) await entry.getByLabel(/Positionen im Ausbildungsplan/).fill(o.positions);
    if (o.day) await entry.getByLabel('Tag').selectOption({ label: o.day });
  }
  async save() {
    await this.page.locator('.week-editor').getByRole('button', { name: 'Speichern', exact: true }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'Gespeichert.' })).toBeVisible();
  }
  /** The trainee signs with their PIN; without one yet, they set it first (`firstTime`), typed twice. */
  async signAsTrainee(pin = '2468', o: { firstTime?: boolean; repeat?: string } = {}) {
    await this.page.getByRole('button', { name: 'Als Auszubildende/r abzeichnen' }).click();
    const form = this.page.getByRole('form', { name: 'Mit persönlicher PIN abzeichnen' });
    if (o.firstTime) {
      await form.getByLabel('Neue PIN', { exact: true }).fill(pin);
      await form.getByLabel('Neue PIN wiederholen').fill(o.repeat ?? pin);
      await form.getByRole('button', { name: 'PIN festlegen und abzeichnen' }).click();
    } else {
      await form.getByLabel('PIN der/des Auszubildenden').fill(pin);
      await form.getByRole('button', { name: 'Mit PIN abzeichnen' }).click();
    }
  }
  async expectSignedByTraineePin() {
    await expect(this.page.getByText(/^Abgezeichnet von .* mit persönlicher PIN am /)).toBeVisible();
  }
  async signAsTrainer(name: string) {
    await this.page.getByLabel('Ausbilder/in', { exact: true }).selectOption({ label: name });
    await this.page.getByRole('button', { name: 'Als Ausbilder/in abzeichnen' }).click();
    await expect(this.page.getByText(new RegExp(`Abgezeichnet von ${name} \\(Ausbilder/in\\)`))).toBeVisible();
  }
  async close() {
    await this.page.locator('.week-editor').getByRole('button', { name: 'Schließen' }).click();
  }
  weekRow(week: string) {
    return this.page.locator('tr', { has: this.page.getByRole('cell', { name: week, exact: true }) });
  }
  /** Exports the record (optionally for a range) and returns the file name and the PDF's text. */
  async exportPdf(range: { from?: string; to?: string } = {}) {
    if (range.from) await this.page.getByLabel('Von', { exact: true }).fill(range.from);
    if (range.to) await this.page.getByLabel('Bis', { exact: true }).fill(range.to);
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: 'Ausbildungsnachweis (PDF)' }).click()]);
    const bytes = fs.readFileSync((await download.path())!);
    return { fileName: download.suggestedFilename(), text: await pdfText(new Uint8Array(bytes)) };
  }
  async exportPdfExpectingError(range: { from: string; to: string }, message: string) {
    await this.page.getByLabel('Von', { exact: true }).fill(range.from);
    await this.page.getByLabel('Bis', { exact: true }).fill(range.to);
    await this.page.getByRole('button', { name: 'Ausbildungsnachweis (PDF)' }).click();
    await expect(this.page.locator('.nachweis-export').getByRole('alert')).toContainText(message);
  }
}

export class OccupationsPageModel {
  constructor(private page: Page) {}
  async open() {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Berufe' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Berufe und Ausbildungsrahmenpläne' })).toBeVisible();
  }
  row(name: string) {
    return this.page.locator('tr[data-occupation]', { has: this.page.getByRole('cell', { name: new RegExp(`^${name.replace(/[/()]/g, '\\$&')}\\s`) }) });
  }
  async copy(from: string, name: string) {
    await this.row(from).getByRole('button', { name: 'Kopieren' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('Name des neuen Berufs').fill(name);
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: `Vorlage bearbeiten: ${name}` })).toBeVisible();
  }
  async exportTemplate(name: string) {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.row(name).getByRole('button', { name: 'Exportieren' }).click()]);
    return { fileName: download.suggestedFilename(), text: fs.readFileSync((await download.path())!, 'utf8') };
  }
  async importTemplate(fileName: string, text: string) {
    await this.page.getByLabel('Vorlage importieren (JSON-Datei)').setInputFiles({ name: fileName, mimeType: 'application/json', buffer: Buffer.from(text) });
  }
}
