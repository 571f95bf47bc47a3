import { describe, expect, it } from 'vitest';
import { runExport } from '../../electron/core/exports/registry';
import { firmInput, testCore, traineeInput } from './helpers';
import { pdfPages, pdfText } from './pdfText';

/** The trainee's PIN in these tests (set in setup). */
const PIN = '2468';

const NOW = new Date('2027-03-15T10:00:00Z');

async function setup() {
  const c = testCore({ now: () => NOW });
  const firm = await c.call('firm.save', firmInput());
  const t = await c.call('trainees.create', traineeInput());
  const plan = await c.call('plan.create', { traineeId: t.id });
  await c.call('nachweis.setPin', { traineeId: t.id, pin: PIN, currentPin: null });
  return { c, t, plan, trainerId: firm.trainers[0]!.id };
}

describe('plan PDFs', () => {
  it('prints the firm plan: every position with its number and skills, time guide values and planned periods', async () => {
    const { c, t, plan, trainerId } = await setup();
    const block = plan.positions.find((p) => p.number === '9')!.items[0]!;
    await c.call('plan.setStatus', { id: block.id, status: 'done', doneOn: '2027-02-26', confirmedBy: trainerId, place: 'ÜLU Bildungszentrum' });
    await c.call('plan.addPosition', { traineeId: t.id, number: 'F1', title: 'Küchenmontage beim Kunden' });
    const file = await runExport(c.store, { kind: 'ausbildungsplan', traineeId: t.id }, NOW);
    expect(file.fileName).toBe('Ausbildungsplan_Yousef_Amina.pdf');
    const pages = await pdfPages(file.bytes);
    const text = pages.map((p) => p.text).join(' ');
    expect(text).toContain('Betrieblicher Ausbildungsplan');
    expect(text).toContain('Verordnung über die Berufsausbildung zum Tischler/zur Tischlerin vom 25.01.2006 (BGBl. I 2006 S. 245)');
    const template = await c.call('occupations.template', { occupationId: 'tischler' });
    for (const p of template.positions) {
      expect(text).toContain(`${p.number} ${p.title}`);
      // every skill, with its letter (a text may continue on the next page, so compare the first words)
      for (const it of p.items) expect(text).toContain(`${it.key}) ${it.text.split(' ').slice(0, 2).join(' ')}`);
    }
    expect(text).toContain('erledigt am 26.02.2027');
    expect(text).toContain('bestätigt: Meister Muster');
    expect(text).toContain('Ort: ÜLU Bildungszentrum');
    expect(text).toMatch(/08\/2026 – \d\d\/20\d\d/);
    expect(text).toContain('F1 Küchenmontage beim Kunden (betriebliche Ergänzung)');
    expect(text).toContain('Zeitliche Gliederung im Überblick');
    expect(text).toContain('1. Ausbildungsjahr');
    expect(text).toContain('Während der gesamten Ausbildung: 1 Berufsbildung');
    expect(pages[0]!.text).toContain(`Seite 1 von ${pages.length}`);
    expect(pages[0]!.text).toContain('Erstellt am 15.03.2027');
  });

  it('prints the progress summary with done and open per position and year, overdue content and missing records', async () => {
    const { c, t, plan, trainerId } = await setup();
    const first = plan.positions.flatMap((p) => p.items).filter((i) => i.templatePeriod === 'p1').sort((a, b) => (a.plannedTo < b.plannedTo ? -1 : 1));
    await c.call('plan.setStatus', { id: first[0]!.id, status: 'done', doneOn: '2026-09-30', confirmedBy: trainerId });
    const r = await c.call('nachweis.save', {
      traineeId: t.id,
      from: '2026-08-03',
      to: '2026-08-07',
      content: { entries: [{ kind: 'work', day: null, text: 'Einführung in die Werkstatt', hours: 39, positions: ['2'] }], absences: [], remarks: null },
    });
    await c.call('nachweis.sign', { id: r.id, as: 'trainee', pin: PIN });
    const pr = await c.call('plan.progress', { traineeId: t.id });
    const text = await pdfText((await runExport(c.store, { kind: 'ausbildungsstand', traineeId: t.id }, NOW)).bytes);
    expect(text).toContain('Ausbildungsstand');
    expect(text).toContain('Stand 15.03.2027');
    expect(text).toContain('1. Ausbildungsjahr (01.08.2026 – 31.07.2027)');
    expect(text).toContain(`Insgesamt ${pr.total.items} 1 0 ${pr.total.items - 1} ${pr.total.overdue}`);
    for (const o of pr.overdue) expect(text).toContain(o.title.split(' ').slice(0, 2).join(' '));
    expect(text).toContain('Noch nicht abgezeichnet 1: KW 32/2026 (03.08.2026 – 09.08.2026)');
    // from 10 August up to last week: missing, shown as one range (the weekend of the start needs no sheet)
    expect(text).toContain('Fehlende Wochen 31: KW 33/2026 – KW 10/2027 (10.08.2026 – 14.03.2027, 31 Wochen)');
  });

  it('refuses the plan PDFs for a trainee without a plan', async () => {
    const c = testCore();
    const t = await c.call('trainees.create', traineeInput());
    expect((await c.fail('exports.create', { kind: 'ausbildungsplan', traineeId: t.id })).code).toBe('no_plan');
    expect((await c.fail('exports.create', { kind: 'ausbildungsstand', traineeId: t.id })).code).toBe('no_plan');
  });
});
