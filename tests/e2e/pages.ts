// Page models: what a user does, in the words of the UI. Tests use these instead of raw selectors.
import { expect, type Page } from '@playwright/test';

export class FirmPageModel {
  constructor(private page: Page) {}
  async open() {
    await this.page.getByRole('navigation').getByRole('link', { name: /Betrieb|Company/ }).click();
  }
  async fill(o: { name: string; city?: string; trainer?: string }) {
    await this.page.getByLabel(/Name des Betriebs|Company name/).fill(o.name);
    if (o.city) await this.page.getByLabel(/^(Ort|City)/).fill(o.city);
    if (o.trainer) {
      await this.page.getByRole('button', { name: /Ausbilder\/in hinzufügen|Add trainer/ }).click();
      await this.page.getByLabel(/^(Name|Name)\s*\*?$/).last().fill(o.trainer);
    }
  }
  async save() {
    await this.page.getByRole('button', { name: /^(Speichern|Save)$/ }).click();
  }
}

export class TraineeFormModel {
  constructor(private page: Page) {}
  async openNew() {
    await this.page.getByRole('navigation').getByRole('link', { name: /Auszubildende|Trainees/ }).click();
    await this.page.getByRole('link', { name: /Neue\/n Auszubildende\/n anlegen|Add a trainee/ }).click();
  }
  async fillBasics(o: { firstName: string; lastName: string; occupation: string; start: string; end: string; firstLanguage?: string }) {
    const p = this.page;
    await p.locator('input[name=firstName]').fill(o.firstName);
    await p.locator('input[name=lastName]').fill(o.lastName);
    await p.locator('select[name=occupationId]').selectOption({ label: o.occupation });
    await p.locator('input[name=contractStart]').fill(o.start);
    await p.locator('input[name=contractEndPlanned]').fill(o.end);
    if (o.firstLanguage) await p.getByRole('group', { name: /Erstsprache|First language/ }).getByLabel(o.firstLanguage).check();
  }
  async save() {
    await this.page.getByRole('button', { name: /^(Speichern|Save)$/ }).click();
  }
}

export async function expectHeading(page: Page, name: string | RegExp) {
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** The firm most scenarios start with: Tischlerei Sonnenholz in Hamburg with one trainer, saved. */
export async function setUpFirm(page: Page) {
  const firm = new FirmPageModel(page);
  await firm.open();
  await firm.fill({ name: 'Tischlerei Sonnenholz', city: 'Hamburg', trainer: 'Karl Sonnenholz' });
  await firm.save();
  await expect(page.getByRole('status').filter({ hasText: 'Gespeichert' })).toBeVisible();
}

/** A trainee created through the form; waits for the trainee's page. */
export async function createTrainee(page: Page, basics: Parameters<TraineeFormModel['fillBasics']>[0]) {
  const form = new TraineeFormModel(page);
  await form.openNew();
  await form.fillBasics(basics);
  await form.save();
  await expectHeading(page, `${basics.firstName} ${basics.lastName}`);
}
