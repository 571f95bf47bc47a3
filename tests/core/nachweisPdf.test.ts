import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RecordContentInput } from '../../shared/nachweis';
import { runExport } from '../../electron/core/exports/registry';
import { firmInput, tempDir, testCore, traineeInput } from './helpers';
import { pdfPages, pdfText } from './pdfText';

/** The trainee's PIN in these tests (set in setup). */
const PIN = '2468';

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

async function setup(start = '2026-11-09', firmOver: Record<string, unknown> = {}) {
  const c = testCore({ now: at('2026-12-20') });
  const firm = await c.call('firm.save', firmInput(firmOver));
  const t = await c.call('trainees.create', traineeInput({ schoolDays: [2], contractStart: start }));
  await c.call('plan.create', { traineeId: t.id });
  await c.call('nachweis.setPin', { traineeId: t.id, pin: PIN, currentPin: null });
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
    await c.call('nachweis.sign', { id: a.id, as: 'trainee', pin: PIN });
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
    // KW 46 and 47 written; KW 48 to 50 are past and unwritten ("nicht erfasst"); KW 51 is not over yet.
    expect(pages).toHaveLength(5);
    const [p1, p2] = pages.map((p) => p.text);
    expect(p1).toContain('Ausbildungsnachweis');
    expect(p1).toContain('Yousef, Amina · Tischler/-in');
    expect(p1).toContain('Nr. 1 · KW 46/2026 · 09.11.2026 – 13.11.2026 · 1. Ausbildungsjahr');
    expect(p1).toContain('Unterschrank für Kundenküche gefertigt: Zuschnitt, Kantenbearbeitung, Montage');
    expect(p1).toContain('9, 11');
    expect(p1).toContain('Di 10.11. Lernfeld 2');
    expect(p1).toContain('Fr 13.11. Krankheit: Arbeitsunfähigkeitsbescheinigung liegt vor');
    expect(p1).toContain('Summe 42,8');
    // signed by the trainee's own PIN, and the sheet says so
    expect(p1).toContain('Auszubildende/r Amina Yousef, mit persönlicher PIN bestätigt am 20.12.2026');
    expect(p1).toContain('Meister Muster, 20.12.2026');
    expect(p1).toContain('Tischlerei Muster');
    expect(p1).toContain('Seite 1 von 5');
    expect(p1).toContain('2 Blätter, davon 1 abgezeichnet · 3 Wochen nicht erfasst (KW 48/2026, KW 49/2026, KW 50/2026)');
    expect(p1).toContain('wird elektronisch geführt (§ 13 Satz 2 Nr. 7 BBiG');
    expect(p1).toContain('Elektronisch geführter Ausbildungsnachweis (§ 13 S. 2 Nr. 7 BBiG)');
    // A signed week shows who signed and when, and no ink lines unless the firm asks for them.
    expect(p1).not.toContain('Unterschrift Ausbilder/in');
    expect(p1).toContain('Erstellt am 20.12.2026');
    expect(p2).toContain('Ausbildungsnachweis Amina Yousef');
    expect(p2).toContain('Nr. 2 · KW 47/2026');
    expect(p2).toContain('Noch nicht abgezeichnet.');
    expect(p2).toContain('Unterschrift Ausbilder/in');
    expect(pages[2]!.text).toContain('Nr. 3 · KW 48/2026 · 23.11.2026 – 29.11.2026');
    expect(pages[2]!.text).toContain('Nicht erfasst.');

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
    // The long week's pages, without the sheets of the unwritten weeks after it.
    const pages = (await pdfPages(file.bytes)).filter((p) => !p.text.includes('Nicht erfasst.'));
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
    ).replace(/\u2010 /g, ''); // words hyphenated at a line end, joined again
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
    await c.call('nachweis.sign', { id: r.id, as: 'trainee', pin: PIN });
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

  it('prints every ISO week from the start in order, unwritten weeks as "nicht erfasst", public holidays as Feiertag', async () => {
    // Hamburg: 25.12.2026 (Friday) and 01.01.2027 (Friday) are public holidays; the firm wants ink signature lines.
    const { c, t, trainerId } = await setup('2026-11-02', { federalState: 'HH', nachweisSignatureLines: true });
    const week = (monday: string, over: Partial<RecordContentInput> = {}) =>
      content({ entries: [{ kind: 'work', day: null, text: 'Schubkastenführungen eingebaut und Fronten ausgerichtet', hours: 31, positions: ['11'] }], absences: [], ...over });
    const mondays = ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30', '2026-12-07', '2026-12-14', '2026-12-21', '2026-12-28', '2027-01-04'];
    const unwritten = new Set(['2026-11-16', '2026-12-07']);
    for (const m of mondays) {
      if (unwritten.has(m)) continue;
      const friday = new Date(Date.parse(m) + 4 * 86_400_000).toISOString().slice(0, 10);
      const over =
        m === '2026-12-21'
          ? { entries: [], absences: ['2026-12-21', '2026-12-22', '2026-12-23', '2026-12-24', '2026-12-25'].map((day) => ({ day, kind: 'holiday' as const, hours: null, note: null })) }
          : {};
      const r = await c.call('nachweis.save', { traineeId: t.id, from: m, to: friday, content: week(m, over) });
      if (m === '2026-11-02') {
        await c.call('nachweis.sign', { id: r.id, as: 'trainee', pin: PIN });
        await c.call('nachweis.sign', { id: r.id, as: 'trainer', trainerId });
      }
    }
    const file = await runExport(c.store, { kind: 'ausbildungsnachweis', traineeId: t.id }, new Date('2027-01-20T10:00:00Z'));
    const pages = await pdfPages(file.bytes);
    // KW 45/2026 … KW 2/2027 (2026 has 53 ISO weeks), each on its own page, numbered without gaps.
    const expected = [45, 46, 47, 48, 49, 50, 51, 52, 53, 1, 2].map((w, i) => `Nr. ${i + 1} · KW ${w}/${w >= 45 ? 2026 : 2027}`);
    expect(pages).toHaveLength(expected.length);
    pages.forEach((p, i) => expect(p.text, `page ${i + 1}`).toContain(expected[i]!));
    expect(pages[2]!.text).toContain('Nicht erfasst.');
    expect(pages[5]!.text).toContain('Nicht erfasst.');
    // KW 2/2027 has no sheet but is over: also "nicht erfasst".
    expect(pages[10]!.text).toContain('Nicht erfasst.');
    expect(pages[0]!.text).toContain('3 Wochen nicht erfasst (KW 47/2026, KW 50/2026, KW 2/2027)');
    // A day off entered as holiday on a public holiday is a Feiertag; a public holiday without an entry is listed.
    expect(pages[7]!.text).toContain('Do 24.12. Urlaub; Fr 25.12. Feiertag (1. Weihnachtstag)');
    expect(pages[8]!.text).toContain('Fr 01.01. Feiertag (Neujahrstag)');
    expect(pages.map((p) => p.text).join(' ')).not.toMatch(/Urlaub[^;]*25\.12/);
    // The signed week shows who signed and when, and ink lines because the firm asks for them.
    expect(pages[0]!.text).toContain('Abgezeichnet: Auszubildende/r Amina Yousef, mit persönlicher PIN bestätigt am 20.12.2026');
    expect(pages[0]!.text).toContain('Datum, Unterschrift Ausbilder/in');
    // About one A4 page per week: a usual sheet ends in the lower half of its page (pdf.js y counts from the bottom).
    const sum = pages[3]!.items.find((i) => i.str.includes('Summe'))!;
    expect(sum.y).toBeLessThan(842 / 2);
    // The document title names the trainee (what a PDF viewer shows in its title bar).
    const dir = tempDir('wb-nachweis-');
    fs.writeFileSync(path.join(dir, 'n.pdf'), file.bytes);
    const info = spawnSync('pdfinfo', [path.join(dir, 'n.pdf')], { encoding: 'utf8' });
    expect(info.stdout).toMatch(/^Title:\s+Ausbildungsnachweis Amina Yousef$/m);
  });

  it('refuses an export range without records with a clear message and no file', async () => {
    const { c, t } = await setup();
    const none = await c.fail('exports.create', { kind: 'ausbildungsnachweis', traineeId: t.id });
    expect(none).toMatchObject({ code: 'no_records_in_range', params: { from: '09.11.2026', to: '31.07.2029' } });
    await c.call('nachweis.save', { traineeId: t.id, from: '2026-11-09', to: '2026-11-13', content: content() });
    const e = await c.fail('exports.create', { kind: 'ausbildungsnachweis', traineeId: t.id, from: '2027-01-01', to: '2027-03-31' });
    expect(e).toMatchObject({ code: 'no_records_in_range', params: { from: '01.01.2027', to: '31.03.2027' } });
    const bad = await c.fail('exports.create', { kind: 'ausbildungsnachweis', traineeId: t.id, from: '2027-03-31', to: '2027-01-01' });
    expect(bad.issues?.[0]).toMatchObject({ path: ['to'], key: 'end_before_start' });
  });
});
