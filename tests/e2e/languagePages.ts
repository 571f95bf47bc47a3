// Page models of the work-language pages: what a user does, in the words of the UI.
import { expect, type Page } from '@playwright/test';

export class GlossaryModel {
  constructor(private page: Page) {}
  async open() {
    await this.page.getByRole('navigation').getByRole('link', { name: /Fachwortschatz|Glossary/ }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: /Fachwortschatz|Glossary/ })).toBeVisible();
  }
  async search(text: string) {
    await this.page.getByLabel(/^(Suchen|Search)$/).fill(text);
  }
  /** Opens an entry from the list by its term (the link's name is the term). */
  async openEntry(term: string) {
    await this.search(term);
    await this.page.getByRole('link', { name: term, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: new RegExp(term) })).toBeVisible();
  }
  async translate(term: string, language: string, text: string) {
    await this.openEntry(term);
    await this.page.getByLabel(language, { exact: true }).fill(text);
    await this.page.getByRole('button', { name: /^(Speichern|Save)$/ }).click();
    await expect(this.page.getByRole('status').filter({ hasText: /Gespeichert|Saved/ })).toBeVisible();
    await this.page.getByRole('link', { name: /Zurück zum Fachwortschatz|Back to the glossary/ }).click();
  }
  /** Marks a shipped translation (a suggestion) as checked on the entry's page. */
  async markChecked(term: string, language: string) {
    await this.openEntry(term);
    await this.page.getByRole('button', { name: `Übersetzung von „${term}“ (${language}) als geprüft markieren` }).click();
    await expect(this.page.locator('ul.suggestions')).not.toContainText(language);
    await this.page.getByRole('link', { name: /Zurück zum Fachwortschatz|Back to the glossary/ }).click();
  }
  async importCsv(file: { name: string; mimeType: string; buffer: Buffer }, target?: string) {
    await this.page.getByRole('button', { name: /CSV importieren|Import CSV/ }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel(/CSV-Datei|CSV file/).setInputFiles(file);
    if (target) await dialog.getByLabel(/kommen in|go to/).selectOption({ label: target });
    await dialog.getByRole('button', { name: /^(Importieren|Import)$/ }).click();
    return dialog;
  }
}

export class TaskFormModel {
  constructor(private page: Page) {}
  async openForTrainee(traineeName: string) {
    await this.page.getByRole('navigation').getByRole('link', { name: /Auszubildende|Trainees/ }).click();
    await this.page.getByRole('link', { name: traineeName }).click();
    await this.page.getByRole('navigation', { name: /^(Auszubildende|Trainees)$/ }).getByRole('link', { name: /^(Lernaufgaben|Learning tasks)$/ }).click();
    await this.page.getByRole('link', { name: /Neue Lernaufgabe|New learning task/ }).click();
  }
  async fill(o: { title: string; goal: string; steps: string[]; level?: string }) {
    const p = this.page;
    await p.getByLabel(/Titel der Aufgabe|Title of the task/).fill(o.title);
    await p.getByLabel(/Berufliches Ziel|Vocational goal/).fill(o.goal);
    for (let i = 0; i < o.steps.length; i++) {
      if (i > 0) await p.getByRole('button', { name: /^(Schritt hinzufügen|Add step)$/ }).first().click();
      await p.getByLabel(new RegExp(`^(Schritt|Step) ${i + 1}$`)).first().fill(o.steps[i]!);
    }
    if (o.level) await p.getByLabel(/Sprachniveau|Language level/).selectOption(o.level);
  }
  /** Searches the glossary in the task form and ticks a term ("der Wasserhahn"). */
  async pickTerm(search: string, label: RegExp) {
    const p = this.page;
    await p.getByRole('searchbox', { name: /Im Fachwortschatz suchen|Search the glossary/ }).fill(search);
    await p.getByRole('list', { name: /Treffer im Fachwortschatz|Glossary matches/ }).getByRole('checkbox', { name: label }).check();
  }
  async addPhrase(kind: string, text: string, translation?: string) {
    const p = this.page;
    await p.getByRole('button', { name: /Satz hinzufügen|Add phrase/ }).click();
    const n = await p.locator('select[name^=phraseKind]').count();
    await p.locator(`select[name=phraseKind${n}]`).selectOption({ label: kind });
    await p.locator(`input[name=phraseText${n}]`).fill(text);
    if (translation) await p.locator(`input[name=phraseTranslation${n}]`).fill(translation);
  }
  async pickPosition(label: RegExp) {
    await this.page.getByRole('group', { name: /Positionen im Ausbildungsrahmenplan|Positions in the framework plan/ }).getByRole('checkbox', { name: label }).check();
  }
  async save() {
    await this.page.getByRole('button', { name: /^(Speichern|Save)$/ }).click();
  }
}
