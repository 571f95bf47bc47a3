import { describe, expect, it } from 'vitest';
import type { RecordContentInput } from '../../shared/nachweis';
import { runExport } from '../../electron/core/exports/registry';
import { firmInput, testCore, traineeInput } from './helpers';
import { pdfPages, pdfText } from './pdfText';

const at = (iso: string) => () => new Date(`${iso}T10:00:00Z`);
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** A long, realistic activity text: numbered sentences, so a lost or repeated part is found. */
function longText(sentences: number, tag: string) {
  const parts = [
    'Korpusteile aus beschichteter Spanplatte nach Stückliste zugeschnitten und die Kanten mit dem Kantenanleimer beschichtet',
    'Bohrungen für Verbinder und Topfbänder mit der Bohrschablone gesetzt und das Maß an der ersten Seite geprüft',
    'Beschläge nach Herstellerangaben montiert, Türen eingehängt und die Fugen gleichmäßig eingestellt',
    'Arbeitsplatz aufgeräumt, Späne abgesaugt und die Formatkreissäge nach Betriebsanweisung gereinigt',
  ];
  return Array.from({ length: sentences }, (_, i) => `${tag} ${i + 1}: ${parts[i % parts.length]}.`).join(' ');
}

async function setup() {
  const c = testCore({ now: at('2026-12-20') });
  const firm = await c.call('firm.save', firmInput());
  const t = await c.call('trainees.create', traineeInput({ schoolDays: [2] }));
  await c.call('plan.create', { traineeId: t.id });
  return { c, t, trainerId: firm.trainers[0]!.id };
}

const content = (over: Partial<RecordContentInput> = {}): RecordContentInput => ({
  entries: [
    { kind: 'work', day: null, text: 'Unterschrank für Kundenküche gefertigt: Zuschnitt, Kantenbearbeitung, Montage', hours: 24, positions: ['9', '11'] },
    { kind: 'instruction', day: null, text: 'Unterweisung an der Tischfräse (Sicherheitsregeln, Anschlag einstellen)', hours: 3, positions: ['3', '10'] },
    { kind: 'school', day: '2026-11-10', text: 'Lernfeld 2: Zusammengesetzte Produkte aus Holz und Holzwerkstoffen herstellen', hours: 8, positions: [] },
  ],
  absences: [{ day: '2026-11-13', kind: 'illness', hours: null, note: 'Arbeitsunfähigkeitsbescheinigung liegt vor' }],
  remarks: null,
  ...over,
});

describe('Ausbildungsnachweis PDF', () => {
  it('prints one sheet per week with name, training year, period, activities with hours and positions, and the sign-off', async () => {
    const { c, t, trainerId } = await setup();
    const a = await c.call('nachweis.save', { traineeId: t.id, from: '2026-11-09', to: '2026-11-13', content: content() });
    await c.call('nachweis.sign', { id: a.id, as: 'trainee' });
    await c.call('nachweis.sign', { id: a.id, as: 'trainer', trainerId });
    await c.call('nachweis.save', {
      traineeId: t.id,
      from: '2026-11-16',
      to: '2026-11-20',
      content: content({ entries: [{ kind: 'work', day: null, text: 'Schubkastenführungen eingebaut und Fronten ausgerichtet', hours: 31, positions: ['11'] }], absences: [] }),
    });
    const file = await runExport(c.store, { kind: 'ausbildungsnachweis', traineeId: t.id }, new Date('2026-12-20T10:00:00Z'));
    expect(file.fileName).toBe('Ausbildungsnachweis_Yousef_Amina.pdf');
    const pages = await pdfPages(file.bytes);
    expect(pages).toHaveLength(2);
    const [p1, p2] = pages.map((p) => p.text);
    expect(p1).toContain('Ausbildungsnachweis');
    expect(p1).toContain('Yousef, Amina · Tischler/-in');
    expect(p1).toContain('Nr. 1 · KW 46/2026 · 09.11.2026 – 13.11.2026 · 1. Ausbildungsjahr');
    expect(p1).toContain('Unterschrank für Kundenküche gefertigt: Zuschnitt, Kantenbearbeitung, Montage');
    expect(p1).toContain('9, 11');
    expect(p1).toContain('Di 10.11. Lernfeld 2');
    expect(p1).toContain('Fr 13.11. Krankheit: Arbeitsunfähigkeitsbescheinigung liegt vor');
    expect(p1).toContain('Summe 42,8');
    expect(p1).toContain('Amina Yousef, 20.12.2026');
    expect(p1).toContain('Meister Muster, 20.12.2026');
    expect(p1).toContain('Tischlerei Muster');
    expect(p1).toContain('Seite 1 von 2');
    expect(p1).toContain('Erstellt am 20.12.2026');
    expect(p2).toContain('Ausbildungsnachweis Amina Yousef');
    expect(p2).toContain('Nr. 2 · KW 47/2026');
    expect(p2).toContain('Noch nicht abgezeichnet.');
    expect(p2).toContain('Unterschrift Ausbilder/in');

    const range = await runExport(c.store, { kind: 'ausbildungsnachweis', traineeId: t.id, from: '2026-11-16', to: '2026-11-22' });
    const text = await pdfText(range.bytes);
    expect(text).toContain('Nr. 2 · KW 47/2026');
    expect(text).not.toContain('KW 46/2026');
  });

  it('continues a very long week on the next pages without losing or repeating any text', async () => {
    const { c, t } = await setup();
    const texts = [longText(130, 'Arbeitsschritt'), longText(120, 'Montageschritt'), longText(60, 'Unterrichtsinhalt')];
    expect(texts[0]!.length).toBeGreaterThan(15000);
    await c.call('nachweis.save', {
      traineeId: t.id,
      from: '2026-11-09',
      to: '2026-11-13',
      content: {
        entries: [
          { kind: 'work', day: null, text: texts[0]!, hours: 20, positions: ['11'] },
          { kind: 'work', day: null, text: texts[1]!, hours: 11, positions: ['14'] },
          { kind: 'school', day: null, text: texts[2]!, hours: 8, positions: [] },
        ],
        absences: [],
        remarks: 'Sehr ausführliche Woche.',
      },
    });
    const file = await runExport(c.store, { kind: 'ausbildungsnachweis', traineeId: t.id });
    const pages = await pdfPages(file.bytes);
    expect(pages.length).toBeGreaterThanOrEqual(6);
    // The text column of all pages, without the letterhead, the footer, the week's repeated heading rows and the
    // position/hours columns.
    const repeated = new Set(['Tätigkeit / Thema', 'Pos.', 'Std.']);
    const body = norm(
      pages
        .flatMap((p) => p.items)
        .filter((i) => i.y > 52 && i.y < 760 && i.x < 420 && !repeated.has(i.str.trim()) && !i.str.startsWith('Nr. 1 · KW 46/2026'))
        .map((i) => i.str)
        .join(' '),
    );
    for (const text of texts) {
      const at = body.indexOf(norm(text));
      expect(at).toBeGreaterThan(-1);
      expect(body.indexOf(norm(text), at + 1)).toBe(-1);
    }
    // the heading row repeats on every continuation page
    for (const p of pages.slice(1)) expect(p.text).toContain('Nr. 1 · KW 46/2026');
    expect(body).toContain('Bemerkungen: Sehr ausführliche Woche.');
    expect(pages[pages.length - 1]!.text).toContain('Unterschrift Auszubildende/r');
  });

  it('prints the corrections of a signed week with date, author, reason and the former text', async () => {
    const { c, t, trainerId } = await setup();
    const r = await c.call('nachweis.save', { traineeId: t.id, from: '2026-11-09', to: '2026-11-13', content: content() });
    await c.call('nachweis.sign', { id: r.id, as: 'trainee' });
    await c.call('nachweis.sign', { id: r.id, as: 'trainer', trainerId });
    const fixed = content();
    fixed.entries[0] = { ...fixed.entries[0]!, hours: 22 };
    await c.call('nachweis.amend', { id: r.id, reason: 'Stunden korrigiert (2 Std. Aufräumen doppelt gezählt)', trainerId, content: fixed });
    const text = await pdfText((await runExport(c.store, { kind: 'ausbildungsnachweis', traineeId: t.id })).bytes);
    expect(text).toContain('Berichtigung vom 20.12.2026');
    expect(text).toContain('durch Meister Muster');
    expect(text).toContain('Grund: Stunden korrigiert (2 Std. Aufräumen doppelt gezählt)');
    expect(text).toContain('bisher: Unterschrank für Kundenküche gefertigt: Zuschnitt, Kantenbearbeitung, Montage (24 Std., Pos. 9, 11)');
    expect(text).toContain('neu: Unterschrank für Kundenküche gefertigt: Zuschnitt, Kantenbearbeitung, Montage (22 Std., Pos. 9, 11)');
    expect(text).toContain('Summe 40,8');
  });

  it('refuses an export range without records with a clear message and no file', async () => {
    const { c, t } = await setup();
    const none = await c.fail('exports.create', { kind: 'ausbildungsnachweis', traineeId: t.id });
    expect(none).toMatchObject({ code: 'no_records_in_range', params: { from: '01.08.2026', to: '31.07.2029' } });
    await c.call('nachweis.save', { traineeId: t.id, from: '2026-11-09', to: '2026-11-13', content: content() });
    const e = await c.fail('exports.create', { kind: 'ausbildungsnachweis', traineeId: t.id, from: '2027-01-01', to: '2027-03-31' });
    expect(e).toMatchObject({ code: 'no_records_in_range', params: { from: '01.01.2027', to: '31.03.2027' } });
    const bad = await c.fail('exports.create', { kind: 'ausbildungsnachweis', traineeId: t.id, from: '2027-03-31', to: '2027-01-01' });
    expect(bad.issues?.[0]).toMatchObject({ path: ['to'], key: 'end_before_start' });
  });
});
