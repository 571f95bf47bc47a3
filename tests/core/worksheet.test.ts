import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GlossaryEntry } from '../../shared/glossary';
import { JPEG, b64, makePng, traineeWithTask } from './glossaryFixtures';
import { DIST, ROOT, ensureBuilt, firmInput, tempDir, testCore, type TestCore } from './helpers';
import { pdfPages } from './pdfText';
import { lines, pdfChunks, typed } from './rtlChunks';

const at = () => new Date('2026-09-01T10:00:00');

/** The firm types these translations and marks them checked (a typed text equal to a shipped suggestion stays one). */
async function translate(c: TestCore, e: GlossaryEntry, tr: Record<string, string>) {
  const { id, occupationId, term, article, plural, wordClass, explanation, example, tags } = e;
  await c.call('glossary.update', { id, occupationId, term, article, plural, wordClass, explanation, example, tags, translations: { ...e.translations, ...tr } });
  for (const [language, text] of Object.entries(tr)) if (text) await c.call('glossary.markChecked', { id, language: language as 'ar' });
  return c.call('glossary.get', { id });
}

async function sheet(c: TestCore, taskId: number, language?: string) {
  const f = await c.call('exports.create', { kind: 'arbeitsblatt', taskId, ...(language ? { language: language as 'ar' } : {}) });
  const bytes = Buffer.from(f.base64, 'base64');
  return { file: f, bytes, pages: await pdfPages(bytes) };
}

/** Arabic, Tigrinya and Ukrainian words for the fixture's terms (test data typed by hand). */
const WORDS: Record<string, Record<string, string>> = {
  Wasserhahn: { ar: 'صنبور', ti: 'ቧንቧ', uk: 'кран' },
  Rohrzange: { ar: 'مفتاح أنابيب', uk: 'трубний ключ' },
  Leck: { ar: 'تسرب', uk: 'протікання' },
  Druck: { ar: 'ضغط', ti: 'ጸቕጢ', uk: 'тиск' },
  Dichtung: { uk: 'ущільнювач' },
};

describe('worksheet PDF (arbeitsblatt)', () => {
  it('prints the task in German with the Arabic glossary, exercises and an answer key on its own page', async () => {
    const c = testCore({ now: at });
    const { input, terms } = await traineeWithTask(c);
    for (const [term, tr] of Object.entries(WORDS)) await translate(c, terms.get(term)!, { ar: tr.ar ?? '' });
    const task = await c.call('tasks.create', {
      ...input,
      phrases: [...input.phrases!, { kind: 'safety', text: 'Wasser absperren!', translations: { ar: 'أغلق الماء' } }],
    });
    const { file, bytes, pages } = await sheet(c, task.id);
    expect(file.fileName).toBe('Arbeitsblatt_Tropfenden-Wasserhahn-reparieren_Amina-Yousef_ar.pdf');
    const all = pages.map((p) => p.text).join('\n');
    for (const s of [
      'Arbeitsblatt: Tropfenden Wasserhahn reparieren',
      'Für: Amina Yousef',
      'Sprachniveau der Aufgabe: A2',
      'Übersetzungen: Arabisch',
      'Ausgegeben am 01.09.2026',
      'Zu erledigen bis 15.09.2026',
      'Nr. A12 Funktionskontrolle und Instandhaltung',
      'Ihre Aufgabe',
      'Absperrhahn zudrehen',
      'der Wasserhahn',
      'die Wasserhähne',
      'Übung 1: Was passt zusammen? Deutsch – Arabisch',
      'Übung 2: Welches Wort fehlt?',
      'Übung 3: In welcher Reihenfolge arbeiten Sie?',
      'Übung 4: der, die oder das?',
      'Übung 5: Sprechen und Schreiben',
      'Fragen Sie nach: Welcher Wasserhahn? Seit wann?',
      'Vorsicht, das Wasser ist heiß!',
    ]) {
      expect(all, s).toContain(s);
    }
    // Every Arabic word is drawn right to left and reads back as typed.
    const drawn = new Set((await pdfChunks(bytes)).filter((ch) => /[\u0600-\u06FF]/.test(ch.glyphs)).map(typed));
    for (const w of ['صنبور', 'مفتاح', 'أنابيب', 'تسرب', 'ضغط', 'أغلق', 'الماء']) expect(drawn, w).toContain(w);
    const mft = lines(await pdfChunks(bytes)).find((l) => l.some((ch) => typed(ch) === 'مفتاح'))!;
    expect(mft.map(typed).filter((w) => /[\u0600-\u06FF]/.test(w))).toEqual(['أنابيب', 'مفتاح']);

    // The answer key starts a page of its own, and the trainee's pages do not give the answers away.
    const keyPage = pages.findIndex((p) => p.text.includes('Lösungen – für die Ausbilderin / den Ausbilder'));
    expect(keyPage).toBeGreaterThan(0);
    const firstOnKey = pages[keyPage]!.items.filter((i) => i.str.trim()).sort((a, b) => b.y - a.y);
    const headerY = firstOnKey.find((i) => i.str.includes('Lösungen'))!.y;
    expect(firstOnKey.filter((i) => i.y > headerY && !/Ausbildungsbetrieb|Firmenprofil|Seite|Erstellt/.test(i.str))).toEqual([]);
    const traineePart = pages.slice(0, keyPage).map((p) => p.text).join(' ');
    expect(traineePart).not.toContain('Die Dichtung im Wasserhahn ist kaputt.');
    expect(pages.slice(keyPage).map((p) => p.text).join(' ')).toContain('Die Dichtung im Wasserhahn ist kaputt.');
    expect(pages.slice(keyPage).map((p) => p.text).join(' ')).toContain('Erklärt, warum das Wasser zuerst abgesperrt wird.');
  });

  it('gives the same sheet for the same task and seed, and new exercises after reshuffling', async () => {
    const c = testCore({ now: at });
    const { input } = await traineeWithTask(c);
    const task = await c.call('tasks.create', input);
    const a = (await sheet(c, task.id)).pages.map((p) => p.text);
    const b = (await sheet(c, task.id)).pages.map((p) => p.text);
    expect(b).toEqual(a);
    await c.call('tasks.reshuffle', { id: task.id });
    const d = (await sheet(c, task.id)).pages.map((p) => p.text);
    expect(d).not.toEqual(a);
    // Only the exercises changed: the task part is the same.
    expect(d[0]).toEqual(a[0]);
  });

  it('prints Tigrinya and Ukrainian glossaries with fonts that cover them', async () => {
    const c = testCore({ now: at });
    const { input, terms } = await traineeWithTask(c, {}, { firstLanguages: ['ti'] });
    for (const [term, tr] of Object.entries(WORDS)) await translate(c, terms.get(term)!, { ...(tr.ti ? { ti: tr.ti } : {}), uk: tr.uk! });
    const task = await c.call('tasks.create', input);

    const ti = await sheet(c, task.id);
    const tiText = ti.pages.map((p) => p.text).join(' ');
    for (const w of ['Tigrinya', 'ቧንቧ', 'ጸቕጢ']) expect(tiText, w).toContain(w);
    expect(ti.bytes.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansEthiopic/);

    const uk = await sheet(c, task.id, 'uk');
    expect(uk.file.fileName.endsWith('_uk.pdf')).toBe(true);
    const ukText = uk.pages.map((p) => p.text).join(' ');
    for (const w of ['Übersetzungen: Ukrainisch', 'кран', 'трубний ключ', 'протікання', 'тиск', 'ущільнювач']) expect(ukText, w).toContain(w);
    expect(ukText).not.toContain('ቧንቧ');

    const de = await sheet(c, task.id, 'de');
    expect(de.pages.map((p) => p.text).join(' ')).not.toContain('Übersetzungen:');
  });

  it('prints only translations the firm has checked, unless the export asks for the shipped suggestions too', async () => {
    const c = testCore({ now: at });
    const { input, terms } = await traineeWithTask(c, {}, { firstLanguages: ['uk'] });
    const task = await c.call('tasks.create', input);
    const textOf = async (suggestions?: boolean) => {
      const f = await c.call('exports.create', { kind: 'arbeitsblatt', taskId: task.id, ...(suggestions === undefined ? {} : { suggestions }) });
      return (await pdfPages(Buffer.from(f.base64, 'base64'))).map((p) => p.text).join(' ');
    };
    // The starter glossary ships Ukrainian suggestions for every term of the task: none is printed by default.
    const plain = await textOf();
    expect(plain).toContain('Übersetzungen: Ukrainisch');
    for (const w of ['запірний кран', 'трубний ключ', 'тиск', 'протікання']) expect(plain, w).not.toContain(w);
    // Asked for, the suggestions are printed, and the sheet says so.
    const all = await textOf(true);
    expect(all).toContain('Übersetzungen: Ukrainisch (auch ungeprüfte Vorschläge)');
    for (const w of ['запірний кран', 'трубний ключ', 'тиск', 'протікання']) expect(all, w).toContain(w);
    // Once checked in the firm, a translation is printed by default.
    await c.call('glossary.markChecked', { id: terms.get('Absperrhahn')!.id, language: 'uk' });
    const one = await textOf(false);
    expect(one).toContain('запірний кран');
    expect(one).not.toContain('трубний ключ');
    expect(one).not.toContain('ungeprüfte');
  });

  it('refuses to print characters the fonts cannot show, and names them', async () => {
    const c = testCore({ now: at });
    const { input, terms } = await traineeWithTask(c);
    await translate(c, terms.get('Rohrzange')!, { ar: 'مفتاح 管钳' });
    const task = await c.call('tasks.create', input);
    const err = await c.fail('exports.create', { kind: 'arbeitsblatt', taskId: task.id });
    expect(err.code).toBe('unprintable_characters');
    expect(err.params).toMatchObject({ chars: '管 (U+7BA1), 钳 (U+94B3)', count: 2 });
    expect(String(err.params?.where)).toContain('„Rohrzange“');
    // In German only, the term prints.
    expect((await sheet(c, task.id, 'de')).pages.length).toBeGreaterThan(1);
  });

  it('shows pictures in the glossary and matches terms to pictures when nothing is translated', async () => {
    const c = testCore({ now: at });
    const { input, terms } = await traineeWithTask(c, {}, { firstLanguages: ['so'] });
    await c.call('glossary.setPicture', { id: terms.get('Wasserhahn')!.id, fileName: 'hahn.png', base64: b64(makePng(120, 80, [40, 120, 200])) });
    await c.call('glossary.setPicture', { id: terms.get('Rohrzange')!.id, fileName: 'zange.jpg', base64: b64(JPEG) });
    const task = await c.call('tasks.create', input);
    const { bytes, pages } = await sheet(c, task.id);
    const text = pages.map((p) => p.text).join(' ');
    expect(text).toContain('Bild');
    expect(text).toContain('Was passt zusammen? Deutsch – Bild');
    // Each picture is embedded once, however often it is shown.
    const raw = bytes.toString('latin1');
    expect(raw.match(/\/Subtype \/Image/g)?.length).toBe(2);
    const tmp = path.join(tempDir(), 'blatt.pdf');
    fs.writeFileSync(tmp, bytes);
    const list = spawnSync('pdfimages', ['-list', tmp], { encoding: 'utf8' });
    expect(list.stdout).toMatch(/120\s+80\s+rgb/);
    expect(list.stdout).toMatch(/96\s+64\s+rgb\s+3\s+8\s+jpeg/);
  });

  it('colours der, die and das in the word list, or not', async () => {
    const c = testCore({ now: at });
    const { input } = await traineeWithTask(c);
    const task = await c.call('tasks.create', input);
    const colourOf = async (articleColors: boolean) => {
      const f = await c.call('exports.create', { kind: 'arbeitsblatt', taskId: task.id, articleColors });
      const chunks = await pdfChunks(Buffer.from(f.base64, 'base64'));
      // The article starts a text run; in colour it is a run of its own (the noun has another colour).
      return new Set(chunks.filter((ch) => /^(der|die|das) /.test(ch.glyphs)).map((ch) => `${ch.glyphs.slice(0, 4)}${ch.color}`));
    };
    const colours = ['der #1f5fbf', 'die #b3261e', 'das #1e7b34'];
    const on = await colourOf(true);
    for (const x of colours) expect(on).toContain(x);
    const off = await colourOf(false);
    for (const x of colours) expect(off).not.toContain(x);
    expect(off.size).toBeGreaterThan(0);
  });

  it('prints a template (no trainee) and refuses an unknown task', async () => {
    const c = testCore({ now: at });
    const { input } = await traineeWithTask(c);
    const tpl = await c.call('tasks.create', { ...input, traineeId: null, occupationId: 'anlagenmechaniker-shk', assignedOn: null, dueBy: null });
    const { file, pages } = await sheet(c, tpl.id);
    expect(file.fileName).toBe('Arbeitsblatt_Tropfenden-Wasserhahn-reparieren_Vorlage.pdf');
    expect(pages[0]!.text).toContain('Vorlage');
    expect((await c.fail('exports.create', { kind: 'arbeitsblatt', taskId: 4711 })).code).toBe('not_found');
    expect((await c.fail('exports.create', { kind: 'arbeitsblatt', taskId: tpl.id, language: 'xx' })).code).toBe('validation');
  });
});

describe('the task in the trainee\'s language on the worksheet', () => {
  const GOAL_AR = 'تصلح صنبورا يقطر عند الزبون: أغلق الماء أولا، ثم غير الحلقة المطاطية واختبر الصنبور لمدة 5 دقائق قبل أن تغادر، وأبلغ المشرف إذا بقي التسرب.';
  const STEP_AR = 'أغلق صمام الإغلاق الرئيسي باتجاه عقارب الساعة';
  const SCENE_AR = 'تتصل زبونة: صنبور المطبخ يقطر.';

  it('prints goal, steps and situation full-width under the German, right-aligned, wrapped, read back as typed', async () => {
    const c = testCore({ now: at });
    const { input } = await traineeWithTask(c);
    const task = await c.call('tasks.create', { ...input, translations: { ar: { vocationalGoal: GOAL_AR, workSteps: [STEP_AR], scenario: SCENE_AR } } });
    expect(task.translations.ar).toEqual({ vocationalGoal: GOAL_AR, workSteps: [STEP_AR], scenario: SCENE_AR });
    const { bytes, pages } = await sheet(c, task.id);
    const text = pages.map((p) => p.text).join('\n');
    for (const s of [GOAL_AR, STEP_AR, SCENE_AR]) expect(text, s).toContain(s);
    // Each translation stands right under its German text: German first, then the translation.
    expect(text.indexOf(GOAL_AR)).toBeGreaterThan(text.indexOf('Wasser absperren, Dichtung tauschen, prüfen.'));
    expect(text.indexOf(STEP_AR)).toBeGreaterThan(text.indexOf('Absperrhahn zudrehen'));
    expect(text.indexOf(STEP_AR)).toBeLessThan(text.indexOf('Wasserhahn abschrauben'));
    // The goal's translation takes several lines, each ending at the right margin (full width, right-aligned).
    const items = pages[0]!.items.filter((i) => /[\u0600-\u06FF]/.test(i.str));
    const goalWords = new Set(GOAL_AR.split(' '));
    const goalRows = new Map<number, number>();
    for (const i of items) if (goalWords.has(i.str.trim())) goalRows.set(Math.round(i.y), Math.max(goalRows.get(Math.round(i.y)) ?? 0, i.x + i.width));
    expect(goalRows.size).toBeGreaterThanOrEqual(2);
    for (const right of goalRows.values()) expect(right).toBeGreaterThan(595.28 - 40 - 2);
    // Typed without a step to belong to: refused, nothing changes.
    const err = await c.fail('tasks.update', { id: task.id, ...input, workSteps: ['Absperrhahn zudrehen'], translations: { ar: { workSteps: [STEP_AR, 'خطوة زائدة'] } } });
    expect(err.issues?.[0]).toMatchObject({ path: ['translations', 'ar', 'workSteps', 1], key: 'translation_without_step' });
    expect((await c.call('tasks.get', { id: task.id })).translations.ar?.vocationalGoal).toBe(GOAL_AR);
    // The last page is not just the notes' heading and lines (it was, with these translations).
    expect(pages[pages.length - 1]!.text).toContain('Hat sie/er es verstanden?');
    if (process.env.DUMP) fs.writeFileSync(process.env.DUMP, bytes);
  });

  it('keeps a writing prompt on one page with its lines', async () => {
    const c = testCore({ now: at });
    const { input } = await traineeWithTask(c);
    const task = await c.call('tasks.create', input);
    const { pages } = await sheet(c, task.id);
    for (const p of pages) expect(p.text.trim().endsWith('Schreiben:')).toBe(false);
  });
});


describe('worksheet from the command line', () => {
  beforeAll(ensureBuilt, 120_000);

  it('exports the demo worksheet of the Arabic-speaking trainee, with a language switch', async () => {
    const dir = tempDir();
    const cli = (args: string[]) => spawnSync(process.execPath, [path.join(DIST, 'cli.cjs'), ...args, '--data-dir', dir], { encoding: 'utf8', cwd: ROOT });
    cli(['demo']);
    const tasks = JSON.parse(cli(['list', 'tasks', '--json']).stdout) as { id: number; trainee: string | null }[];
    const id = tasks.find((t) => t.trainee === 'Yusuf Haddad')!.id;
    const out = path.join(tempDir(), 'blatt.pdf');
    const r = cli(['export', 'arbeitsblatt', '--task', String(id), '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const bytes = fs.readFileSync(out);
    const drawn = (await pdfChunks(bytes)).filter((ch) => /[\u0600-\u06FF]/.test(ch.glyphs)).map(typed);
    expect(drawn).toEqual(expect.arrayContaining(['صنبور', 'صمام', 'أنبوب', 'زبون']));
    const en = path.join(tempDir(), 'blatt-en.pdf');
    expect(cli(['export', 'arbeitsblatt', '--task', String(id), '--out', en, '--language', 'en']).status).toBe(0);
    expect((await pdfPages(fs.readFileSync(en))).map((p) => p.text).join(' ')).toContain('tap, faucet');
    const bad = cli(['export', 'arbeitsblatt', '--task', String(id), '--out', en, '--language', 'xx']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('language');
    // --suggestions: the unreviewed suggestions of the starter glossary print too, and the sheet says so.
    const plainText = (await pdfPages(bytes)).map((p) => p.text).join(' ');
    expect(plainText).not.toContain('ungeprüfte Vorschläge');
    const withSuggestions = path.join(tempDir(), 'blatt-vorschlaege.pdf');
    const s = cli(['export', 'arbeitsblatt', '--task', String(id), '--out', withSuggestions, '--suggestions']);
    expect(s.status, s.stderr).toBe(0);
    expect((await pdfPages(fs.readFileSync(withSuggestions))).map((p) => p.text).join(' ')).toContain('Übersetzungen: Arabisch (auch ungeprüfte Vorschläge)');
    // Only a worksheet has suggestions: another export refuses the option and writes nothing.
    const nachweis = path.join(tempDir(), 'nachweis.pdf');
    const refused = cli(['export', 'ausbildungsnachweis', '--trainee', '1', '--out', nachweis, '--suggestions']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--suggestions gilt nicht für „ausbildungsnachweis“');
    expect(fs.existsSync(nachweis)).toBe(false);
  });

  it('addresses the trainee in the firm\'s one form of address ("du" or "Sie") in every printed instruction', async () => {
    const c = testCore({ now: at });
    await c.call('firm.save', firmInput({ addressForm: 'du' }));
    const { input } = await traineeWithTask(c);
    const task = await c.call('tasks.create', input);
    const du = (await sheet(c, task.id)).pages.map((p) => p.text).join('\n');
    expect(du).toContain('Deine Aufgabe');
    expect(du).toMatch(/Schreib (den|das|1)|Kreuz den|Übe mit/);
    expect(du).not.toMatch(/Ihre Aufgabe|Schreiben Sie 1|Kreuzen Sie|Üben Sie|arbeiten Sie\?/);
    await c.call('firm.save', firmInput({ addressForm: 'sie' }));
    const sie = (await sheet(c, task.id)).pages.map((p) => p.text).join('\n');
    expect(sie).toContain('Ihre Aufgabe');
    expect(sie).not.toMatch(/Deine Aufgabe|Übe mit|Kreuz den|arbeitest du/);
  });
});
