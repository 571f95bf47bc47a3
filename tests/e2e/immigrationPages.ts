// Page models for immigration paperwork: the trainee's documents tab, the deadline dashboard, the address book.
import { expect, type Locator, type Page } from '@playwright/test';

/** A date `days` from today in the German format the date fields take (TT.MM.JJJJ), and as ISO. */
export function dayFromToday(days: number): { de: string; iso: string } {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const p = (n: number) => String(n).padStart(2, '0');
  return { de: `${p(d.getDate())}.${p(d.getMonth() + 1)}.${d.getFullYear()}`, iso: `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}` };
}

export class ContactsPageModel {
  constructor(private page: Page) {}
  async open() {
    await this.page.getByRole('navigation').getByRole('link', { name: /Adressbuch|Address book/ }).click();
  }
  async add(o: { kind: string; organisation: string; person?: string; street?: string; zip?: string; city?: string }) {
    await this.page.getByRole('button', { name: /Stelle hinzufügen|Add an institution/ }).click();
    const d = this.page.getByRole('dialog');
    await d.getByLabel(/Art der Stelle|Kind of institution/).selectOption({ label: o.kind });
    await d.getByLabel(/Name der Stelle|Name of the institution/).fill(o.organisation);
    if (o.person) await d.getByLabel(/Ansprechperson|Contact person/).fill(o.person);
    if (o.street) await d.getByLabel(/Straße|Street/).fill(o.street);
    if (o.zip) await d.getByLabel(/^(PLZ|Postcode)/).fill(o.zip);
    if (o.city) await d.getByLabel(/^(Ort|City)/).fill(o.city);
    await d.getByRole('button', { name: /^(Speichern|Save)$/ }).click();
    await expect(d).toBeHidden();
  }
}

export class DocumentsTabModel {
  constructor(private page: Page) {}
  async open() {
    await this.page.getByRole('link', { name: /^(Dokumente|Documents)$/ }).click();
    await expect(this.page.getByRole('heading', { level: 2, name: /Aufenthaltsdokumente|Residence documents/ })).toBeVisible();
  }
  /** Opens the form, fills what is given, picks the copy and saves. Returns the dialog (still open on errors). */
  async add(o: { type: string; number?: string; validUntil?: string; workNote?: string; copy?: { name: string; mimeType: string; buffer: Buffer } }): Promise<Locator> {
    await this.page.getByRole('button', { name: /Dokument hinzufügen|Add a document/ }).click();
    const d = this.page.getByRole('dialog');
    await d.getByLabel(/Art des Dokuments|Type of document/).selectOption({ label: o.type });
    if (o.number) await d.getByLabel(/Nummer des Dokuments|Document number/).fill(o.number);
    if (o.validUntil) await d.getByLabel(/Gültig bis|Valid until/).fill(o.validUntil);
    if (o.workNote) await d.getByLabel(/Nebenbestimmung zur Beschäftigung|Note on employment/).selectOption({ label: o.workNote });
    if (o.copy) await d.getByLabel(/Kopie \(Scan|Copy \(scan/).setInputFiles(o.copy);
    await d.getByRole('button', { name: /^(Speichern|Save)$/ }).click();
    return d;
  }
  row(text: string | RegExp) {
    return this.page.locator('table.documents tbody tr', { hasText: text });
  }
  async linkInstitution(name: string) {
    const section = this.page.locator('section', { has: this.page.getByRole('heading', { name: /Beteiligte Stellen|Institutions involved/ }) });
    await section.getByRole('checkbox', { name: new RegExp(name) }).check();
    await section.getByRole('button', { name: /Zuordnung speichern|Save links/ }).click();
    // The exact message (the documents tab above may show its own notice at the same time).
    await expect(section.getByRole('status').filter({ hasText: /Die Zuordnung wurde gespeichert|The links were saved/ })).toBeVisible();
  }
}

export class DeadlinesPageModel {
  constructor(private page: Page) {}
  async open() {
    await this.page.getByRole('navigation').getByRole('link', { name: /^(Fristen|Deadlines)$/ }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: /^(Fristen|Deadlines)$/ })).toBeVisible();
  }
  bucket(title: string | RegExp) {
    return this.page.locator('section.bucket', { has: this.page.getByRole('heading', { level: 2, name: title }) });
  }
  entry(bucket: string | RegExp, text: string | RegExp) {
    return this.bucket(bucket).locator('tbody tr', { hasText: text });
  }
}
