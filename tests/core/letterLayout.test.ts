// The letters' layout after DIN 5008 form B, measured on the PDF as poppler reads it (positions in mm), and the
// legal details a business letter must carry in its footer.
import { describe, expect, it } from 'vitest';
import { runExport } from '../../electron/core/exports/registry';
import { firmInput, testCore, traineeInput, type TestCore } from './helpers';
import { at, docInput } from './immigrationFixtures';
import { pdfLines, pdfWords } from './pdfBbox';
import { pdfText } from './pdfText';

const NOW = new Date('2026-12-11T10:00:00');

async function setup(c: TestCore, firm: Record<string, unknown>) {
  await c.call('firm.save', firmInput({ trainers: [{ name: 'Jens Krämer', role: 'Tischlermeister, Geschäftsführer', aevo: true }], ...firm }));
  const t = await c.call('trainees.create', traineeInput({ firstName: 'Mohammad', lastName: 'Karimi', nationality: 'afghanisch', dateOfBirth: '2002-09-14' }));
  const abh = await c.call('contacts.create', { kind: 'auslaenderbehoerde', organisation: 'Amt für Migration Hamburg', department: 'Abteilung Aufenthalt', person: 'Frau Schulze', phone: null, email: null, street: 'Hammer Straße 10', zip: '22041', city: 'Hamburg', notes: null });
  await c.call('contacts.setForTrainee', { traineeId: t.id, contactIds: [abh.id] });
  await c.call('documents.create', docInput(t.id, { type: 'ausbildungsduldung', number: 'D-HH-2025-40377', workNote: 'ausbildung_bei_betrieb', validUntil: '2029-07-31', fileNumber: 'ABH 23.4-1207/25' }));
  await c.call('trainees.end', { id: t.id, kind: 'early', date: '2026-12-10', reason: 'Abbruch' });
  return t;
}

const GMBH = { name: 'Tischlerei Muster GmbH', legalForm: 'gmbh', registerCourt: 'Amtsgericht Hamburg', registerNumber: 'HRB 4711', managingDirectors: 'Jens Krämer\nEva Muster', vatId: 'DE 123456789' };

describe('letters after DIN 5008 form B', () => {
  it('puts the address field 25 mm from the left and 45 mm from the top, the information block beside it, the subject below', async () => {
    const c = testCore({ now: at('2026-12-11') });
    const t = await setup(c, GMBH);
    for (const kind of ['mitteilung-abh', 'ausbildungsbestaetigung'] as const) {
      const file = await runExport(c.store, { kind, traineeId: t.id }, NOW);
      const lines = pdfLines(file.bytes).filter((l) => l.page === 1);
      const line = (first: string) => {
        const l = lines.find((x) => x.words.map((w) => w.text).join(' ').startsWith(first));
        if (!l) throw new Error(`no line "${first}" in ${JSON.stringify(lines.map((x) => x.words.map((w) => w.text).join(' ')))}`);
        return l;
      };
      // Return address: in the note zone (45–62.7 mm), from 25 mm.
      const back = line('Tischlerei Muster GmbH, Hauptstraße 1, 20095 Hamburg');
      expect(back.words[0]!.xMin).toBeCloseTo(25, 0);
      expect(back.words[0]!.yMin).toBeGreaterThan(45);
      expect(back.words[back.words.length - 1]!.yMax).toBeLessThan(62.7);
      // The address zone (62.7–90 mm): every line starts at 25 mm and stays inside the 85 mm field.
      const address = ['Amt für Migration Hamburg', 'Abteilung Aufenthalt', 'z. Hd. Frau Schulze', 'Hammer Straße 10', '22041 Hamburg'].map(line);
      for (const l of address) {
        expect(l.words[0]!.xMin, l.words[0]!.text).toBeCloseTo(25, 0);
        expect(l.words[0]!.yMin).toBeGreaterThanOrEqual(62.6);
        expect(l.words[l.words.length - 1]!.yMax).toBeLessThanOrEqual(90);
        expect(l.words[l.words.length - 1]!.xMax).toBeLessThanOrEqual(105);
      }
      // Information block from 125 mm: the authority's file number as "Ihr Zeichen", and the date.
      const words = pdfWords(file.bytes).filter((w) => w.page === 1);
      const ihr = words.find((w) => w.text === 'Ihr')!;
      expect(ihr.xMin).toBeCloseTo(125, 0);
      expect(ihr.yMin).toBeGreaterThanOrEqual(49.5);
      const ref = words.find((w) => w.text === '23.4-1207/25')!;
      expect(Math.abs(ref.yMin - ihr.yMin)).toBeLessThan(1);
      const date = words.find((w) => w.text === '11.12.2026')!;
      expect(date.xMin).toBeGreaterThan(125);
      expect(words.find((w) => w.text === 'Datum')!.xMin).toBeCloseTo(125, 0);
      // The subject starts below the address field.
      const subject = words.find((w) => w.text === (kind === 'mitteilung-abh' ? 'Mitteilung' : 'Bestätigung'))!;
      expect(subject.yMin).toBeGreaterThan(98);
      // Signature block: closing, firm, the signing trainer's name and role.
      const text = (await pdfText(file.bytes)).replace(/\u00a0/g, ' ');
      for (const label of ['Ihr Zeichen ABH 23.4-1207/25', 'Ihre Nachricht vom —', 'Unser Zeichen —', 'Datum 11.12.2026']) expect(text).toContain(label);
      expect(text).toContain('Mit freundlichen Grüßen Tischlerei Muster GmbH Jens Krämer Tischlermeister, Geschäftsführer');
      // Footer: seat, register court and number, all managing directors (§ 35a GmbHG), VAT id; no "Inhaber".
      expect(text).toContain('Sitz: Hamburg');
      expect(text).toContain('Registergericht: Amtsgericht Hamburg, HRB 4711');
      expect(text).toContain('Geschäftsführer/innen: Jens Krämer, Eva Muster');
      expect(text).toContain('USt-IdNr. DE123456789');
      expect(text).not.toContain('Inhaber');
    }
  });

  it('names the proprietor of a sole proprietorship and no register', async () => {
    const c = testCore({ now: at('2026-12-11') });
    const t = await setup(c, { legalForm: 'einzelunternehmen', owner: 'Jens Krämer' });
    const text = await pdfText((await runExport(c.store, { kind: 'mitteilung-abh', traineeId: t.id }, NOW)).bytes);
    expect(text).toContain('Inhaber/in: Jens Krämer');
    expect(text).not.toContain('Registergericht');
    expect(text).not.toMatch(/Geschäftsführung|Geschäftsführer\/innen/);
  });

  it('refuses a VAT id of the wrong form and keeps the profile', async () => {
    const c = testCore({ now: at('2026-12-11') });
    await c.call('firm.save', firmInput(GMBH));
    const e = await c.fail('firm.save', firmInput({ ...GMBH, vatId: 'DE12' }));
    expect(e.issues?.[0]).toMatchObject({ path: ['vatId'], key: 'invalid_vat_id' });
    expect((await c.call('firm.get'))?.vatId).toBe('DE123456789');
  });

  it('Dokumentenstand: the work note as the document states it, the wording as recorded, passports renewed at the embassy', async () => {
    const c = testCore({ now: at('2026-12-11') });
    await c.call('firm.save', firmInput());
    const t = await c.call('trainees.create', traineeInput());
    await c.call(
      'documents.create',
      docInput(t.id, { type: 'duldung', workNote: 'beschaeftigung_nur_mit_erlaubnis', workNoteText: 'Erlaubnis für die Ausbildung bei Tischlerei Muster', residenceObligation: 'Kassel' }),
    );
    await c.call('documents.create', docInput(t.id, { type: 'pass', number: 'P1234567', authority: 'Syrische Botschaft', issuedOn: '2022-01-10', validUntil: '2027-01-15', workNote: null }));
    const text = (await pdfText((await runExport(c.store, { kind: 'dokumentenstand', traineeId: t.id }, NOW)).bytes)).replace(/\u00a0/g, ' ');
    expect(text).toContain('Beschäftigung nur mit Erlaubnis der Ausländerbehörde gestattet');
    expect(text).toContain('„Erlaubnis für die Ausbildung bei Tischlerei Muster“');
    expect(text).toContain('Wohnsitzauflage / räumliche Beschränkung: Kassel');
    expect(text).toContain('rechtzeitig bei der Botschaft oder dem Konsulat des Herkunftsstaats erneuern lassen');
  });
});
