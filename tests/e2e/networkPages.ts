// Page model for the trainee's "Netzwerk" tab: people, measures, moderation cases, consents.
import { expect, type Locator, type Page } from '@playwright/test';

export class NetworkTabModel {
  constructor(private page: Page) {}
  async open() {
    await this.page.getByRole('link', { name: /^(Netzwerk|Network)$/ }).click();
    await expect(this.page.getByRole('heading', { level: 2, name: /Personen im Netzwerk|People in the network/ })).toBeVisible();
  }
  private dialog() {
    return this.page.getByRole('dialog');
  }
  /** Fills fields by their name attribute: text for inputs, { select } for lists. */
  private async fill(d: Locator, fields: Record<string, string | { select: string } | undefined>) {
    for (const [name, v] of Object.entries(fields)) {
      if (v === undefined) continue;
      const el = d.locator(`[name="${name}"]`);
      if (typeof v === 'string') await el.fill(v);
      else await el.selectOption({ label: v.select });
    }
  }
  private async save(d: Locator) {
    await d.getByRole('button', { name: /^(Speichern|Save)$/ }).click();
    await expect(d).toBeHidden();
  }
  async addPerson(o: { name: string; role: string; organisation?: string; reach?: string }) {
    await this.page.getByRole('button', { name: /Person hinzufügen|Add person/ }).click();
    const d = this.dialog();
    await this.fill(d, { name: o.name, role: { select: o.role }, contactId: o.organisation ? { select: o.organisation } : undefined, reach: o.reach });
    await this.save(d);
  }
  async addMeasure(o: { type: string; status: string; start: string; end?: string; provider?: string; level?: string; hours?: string }) {
    await this.page.getByRole('button', { name: /Maßnahme hinzufügen|Add measure/ }).click();
    const d = this.dialog();
    await this.fill(d, { type: { select: o.type }, status: { select: o.status }, startOn: o.start, endOn: o.end, provider: o.provider });
    if (o.level) await this.fill(d, { level: { select: o.level }, hours: o.hours });
    await this.save(d);
  }
  measure(text: string | RegExp) {
    return this.page.locator('.timeline-item', { hasText: text });
  }
  async addCase(o: { category: string; occasion: string; raisedOn: string; warnings?: string }) {
    await this.page.getByRole('button', { name: /Fall anlegen|New case/ }).click();
    const d = this.dialog();
    await this.fill(d, { category: { select: o.category }, raisedOn: o.raisedOn, occasion: o.occasion, earlierWarnings: o.warnings });
    await this.save(d);
  }
  caseCard() {
    return this.page.locator('article.conflict-case');
  }
  async addStep(o: { kind: string; heldOn: string; place: string; participants: { name: string; role: string; language?: string }[]; facts: string }) {
    await this.caseCard().getByRole('button', { name: /Schritt hinzufügen|Add step/ }).click();
    const d = this.dialog();
    await this.fill(d, { kind: { select: o.kind }, heldOn: o.heldOn, place: o.place, facts: o.facts });
    for (const [i, p] of o.participants.entries()) {
      if (i > 0) await d.getByRole('button', { name: /Beteiligte\/n hinzufügen|Add participant/ }).click();
      await this.fill(d, { [`participant-name-${i}`]: p.name, [`participant-role-${i}`]: { select: p.role } });
      if (p.language) await this.fill(d, { [`participant-language-${i}`]: p.language });
    }
    await this.save(d);
  }
  async addView(side: RegExp, text: string, confirmedOn: string) {
    await this.caseCard().getByRole('button', { name: side }).click();
    const d = this.dialog();
    await this.fill(d, { text, confirmedOn });
    await this.save(d);
  }
  async addAgreement(o: { what: string; who: string; due: string; review?: string }) {
    await this.caseCard().getByRole('button', { name: /Vereinbarung hinzufügen|Add agreement/ }).click();
    const d = this.dialog();
    await this.fill(d, { what: o.what, who: o.who, dueOn: o.due, reviewOn: o.review });
    await this.save(d);
  }
  /** Opens the consent form; returns the dialog for the test to fill what it is about. */
  async openConsent() {
    await this.page.getByRole('button', { name: /Einwilligung eintragen|Record consent/ }).click();
    return this.dialog();
  }
  consentRow(text: string | RegExp) {
    return this.page.locator('table.network-consents tbody tr', { hasText: text });
  }
}
