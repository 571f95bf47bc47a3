import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { loadStarters } from '../../electron/core/language/starters';
import { GLOSSARY_TAGS, type GlossaryEntryInput } from '../../shared/glossary';
import { JPEG, b64, entriesByTerm, makePng, traineeWithTask } from './glossaryFixtures';
import { testCore } from './helpers';

const entry = (over: Record<string, unknown> = {}) => ({
  occupationId: 'tischler',
  term: 'Hobelbank',
  article: 'die',
  plural: 'Hobelbänke',
  wordClass: 'noun',
  explanation: 'Ein stabiler Arbeitstisch mit Zangen zum Festhalten von Holz.',
  example: 'Spann das Brett in die Hobelbank ein.',
  tags: ['tool'],
  translations: { en: 'workbench', ar: 'طاولة عمل' },
  ...over,
}) as GlossaryEntryInput;

describe('starter glossaries', () => {
  it('ship English, Arabic, Dari, Farsi, Pashto, Tigrinya and Ukrainian, for every shipped occupation and the firm, with a usable example', () => {
    const starters = loadStarters();
    expect(starters.map((s) => s.scope).sort()).toEqual(['anlagenmechaniker-shk', 'elektroniker-eg', 'general', 'tischler']);
    const SCRIPT: Record<string, RegExp> = {
      en: /^[A-Za-z][A-Za-z ,;()'/.!?-]*$/,
      // Arabic script (with ZWNJ for Persian compounds), Arabic punctuation
      ar: /^[\u0600-\u06FF ()،؛!؟]+$/,
      prs: /^[\u0600-\u06FF\u200C ()،؛!؟A-Z]+$/,
      fa: /^[\u0600-\u06FF\u200C ()،؛!؟A-Z]+$/,
      ps: /^[\u0600-\u06FF\u200C ()،؛!؟]+$/,
      ti: /^[\u1200-\u137F ()!]+$/,
      uk: /^[\u0400-\u04FF’ ,;()!?-]+$/,
    };
    const count: Record<string, number> = {};
    for (const s of starters) {
      expect(s.entries.length).toBeGreaterThanOrEqual(20);
      expect(s.checked).toEqual(['en']);
      for (const e of s.entries) {
        // English, Arabic, Farsi and Ukrainian for every entry; the other languages where the word was certain
        for (const l of ['en', 'ar', 'fa', 'uk']) expect(e.translations[l as 'en'], `${s.scope}: ${e.term} (${l})`).toBeTruthy();
        for (const [l, text] of Object.entries(e.translations)) {
          expect(text, `${s.scope}: ${e.term} (${l})`).toMatch(SCRIPT[l]!);
          expect(text.normalize('NFC')).toBe(text);
          count[l] = (count[l] ?? 0) + 1;
        }
        expect(e.explanation, e.term).toBeTruthy();
        expect(e.example, e.term).toBeTruthy();
        if (e.wordClass === 'noun') expect(e.article, e.term).not.toBeNull();
        for (const t of e.tags) expect(GLOSSARY_TAGS).toContain(t);
      }
    }
    expect(Object.keys(count).sort()).toEqual(['ar', 'en', 'fa', 'prs', 'ps', 'ti', 'uk']);
    expect(count.prs).toBeGreaterThan(100);
    expect(count.ps).toBeGreaterThan(60);
    expect(count.ti).toBeGreaterThan(10);
  });

  it('arrive as unreviewed suggestions (English as reviewed); a checked one stays checked, a changed one is the firm\'s own', async () => {
    const c = testCore();
    const shk = await entriesByTerm(c, 'anlagenmechaniker-shk');
    const rohr = shk.get('Rohr')!;
    expect(rohr.translations).toMatchObject({ en: 'pipe', ar: 'أنبوب', prs: 'نل (لوله)', fa: 'لوله', ps: 'نل', ti: 'ቱቦ', uk: 'труба' });
    expect(rohr.suggested.sort()).toEqual(['ar', 'fa', 'prs', 'ps', 'ti', 'uk']);
    const checked = await c.call('glossary.markChecked', { id: rohr.id, language: 'ar' });
    expect(checked.suggested).not.toContain('ar');
    expect((await c.fail('glossary.markChecked', { id: rohr.id, language: 'so' })).issues?.[0]).toMatchObject({ path: ['language'], key: 'no_translation' });
    // Saving the entry again keeps each state; a translation the firm changes is its own (checked).
    const { id, occupationId, term, article, plural, wordClass, explanation, example, tags } = checked;
    const saved = await c.call('glossary.update', { id, occupationId, term, article, plural, wordClass, explanation, example, tags, translations: { ...checked.translations, uk: 'труба (водопровідна)' } });
    expect(saved.suggested.sort()).toEqual(['fa', 'prs', 'ps', 'ti']);
    // A typed entry is the firm's own
    expect((await c.call('glossary.create', entry())).suggested).toEqual([]);
  });

  it('reach a workspace seeded with an older file: missing translations are added as suggestions, nothing the firm typed changes', async () => {
    const c = testCore();
    const before = await entriesByTerm(c, 'tischler');
    // As a workspace seeded with version 1 (English only) in which the firm typed an Arabic word for "Säge"
    c.store.db.prepare("DELETE FROM glossary_translations WHERE language <> 'en'").run();
    c.store.db.prepare('UPDATE glossary_starters SET version = 1').run();
    const saw = before.get('Säge')!;
    const { id, occupationId, term, article, plural, wordClass, explanation, example, tags } = saw;
    await c.call('glossary.update', { id, occupationId, term, article, plural, wordClass, explanation, example, tags, translations: { en: 'saw', ar: 'منشار يدوي' } });
    c.store.db.prepare('UPDATE glossary_starters SET version = 1').run();
    const after = await entriesByTerm(c, 'tischler');
    expect(after.get('Säge')).toMatchObject({ translations: { en: 'saw', ar: 'منشار يدوي', uk: 'пила', ti: 'መጋዝ' } });
    expect(after.get('Säge')!.suggested.sort()).toEqual(['fa', 'prs', 'ps', 'ti', 'uk']);
    expect(after.get('Hobel')!.suggested.sort()).toEqual(['ar', 'fa', 'prs', 'ps', 'uk']);
    expect((await c.call('glossary.list', { search: 'рубанок' })).entries.map((e) => e.term)).toEqual(['Hobel']);
    expect((c.store.db.prepare('SELECT DISTINCT version FROM glossary_starters').all() as { version: number }[]).map((r) => r.version)).toEqual([2]);
  });

  it('are in a new workspace at once, once: a deleted starter entry does not come back', async () => {
    const c = testCore();
    const shk = await entriesByTerm(c, 'anlagenmechaniker-shk');
    expect(shk.get('Rohr')).toMatchObject({ article: 'das', plural: 'Rohre', origin: 'starter', translations: { en: 'pipe' }, occupationName: expect.stringContaining('Anlagenmechaniker') });
    const general = await entriesByTerm(c, 'general');
    expect(general.get('Schutzbrille')?.occupationId).toBeNull();
    const withGeneral = await c.call('glossary.list', { filter: 'tischler', withGeneral: true, limit: 1000 });
    expect(withGeneral.entries.some((e) => e.term === 'Schutzbrille')).toBe(true);
    expect(withGeneral.entries.some((e) => e.term === 'Rohr')).toBe(false);
    const total = (await c.call('glossary.list', {})).total;
    await c.call('glossary.delete', { id: shk.get('Rohr')!.id });
    expect((await c.call('glossary.list', {})).total).toBe(total - 1);
    const again = await entriesByTerm(c, 'anlagenmechaniker-shk');
    expect(again.has('Rohr')).toBe(false);
  });
});

describe('glossary entries', () => {
  it('are created, found (without accents, in translations), changed and deleted', async () => {
    const c = testCore();
    const e = await c.call('glossary.create', entry());
    expect(e).toMatchObject({ term: 'Hobelbank', article: 'die', origin: 'user', translations: { ar: 'طاولة عمل', en: 'workbench' }, picture: null, usedInTasks: 0 });
    expect((await c.call('glossary.list', { search: 'HOBELBANKE' })).entries.map((x) => x.id)).toEqual([e.id]);
    expect((await c.call('glossary.list', { search: 'طاولة عمل' })).entries.map((x) => x.id)).toEqual([e.id]);
    expect((await c.call('glossary.list', { search: 'säge', filter: 'tischler' })).entries.map((x) => x.term)).toContain('Säge');
    expect((await c.call('glossary.list', { tag: 'tool', filter: 'tischler', limit: 1000 })).entries.every((x) => x.tags.includes('tool'))).toBe(true);
    const missingAr = await c.call('glossary.list', { filter: 'tischler', missing: 'ar', limit: 1000 });
    expect(missingAr.entries.some((x) => x.id === e.id)).toBe(false);
    const missingTi = await c.call('glossary.list', { filter: 'tischler', missing: 'ti', limit: 1000 });
    expect(missingTi.entries.some((x) => x.id === e.id)).toBe(true);
    expect(missingTi.total).toBeGreaterThan(20);

    const u = await c.call('glossary.update', { id: e.id, ...entry({ translations: { ti: 'ጠረጴዛ', en: '' }, tags: ['tool', 'process'] }) });
    expect(u.translations).toEqual({ ti: 'ጠረጴዛ' });
    expect(u.tags).toEqual(['tool', 'process']);
    expect((await c.call('glossary.list', { search: 'طاولة عمل' })).total).toBe(0);

    await c.call('glossary.delete', { id: e.id });
    expect((await c.fail('glossary.get', { id: e.id })).code).toBe('not_found');
  });

  it('refuses duplicates, articles on verbs, unknown occupations and languages, and changes nothing', async () => {
    const c = testCore();
    await c.call('glossary.create', entry());
    const before = (await c.call('glossary.list', {})).total;
    const dup = await c.fail('glossary.create', entry({ explanation: 'anders' }));
    expect(dup.issues).toEqual([{ path: ['term'], key: 'duplicate_term', params: { term: 'Hobelbank' } }]);
    // The same term in another scope is a different entry.
    await c.call('glossary.create', entry({ occupationId: null }));
    const verb = await c.fail('glossary.create', entry({ term: 'hobeln', wordClass: 'verb', article: 'das' }));
    expect(verb.issues?.[0]).toMatchObject({ path: ['article'], key: 'article_only_nouns' });
    const occ = await c.fail('glossary.create', entry({ term: 'X', occupationId: 'baecker' }));
    expect(occ.issues?.[0]).toMatchObject({ path: ['occupationId'], key: 'unknown_occupation' });
    const lang = await c.fail('glossary.create', entry({ term: 'Y', translations: { xx: 'foo' } }));
    expect(lang.code).toBe('validation');
    const long = await c.fail('glossary.create', entry({ term: 'Z', translations: { ar: 'ب'.repeat(301) } }));
    expect(long.issues?.[0]).toMatchObject({ path: ['translations', 'ar'], key: 'too_big_string' });
    expect((await c.call('glossary.list', {})).total).toBe(before + 1);
  });

  it('cannot be deleted while a learning task uses it', async () => {
    const c = testCore();
    const { input, terms } = await traineeWithTask(c);
    await c.call('tasks.create', input);
    const rohrzange = terms.get('Rohrzange')!;
    expect((await c.call('glossary.get', { id: rohrzange.id })).usedInTasks).toBe(1);
    const err = await c.fail('glossary.delete', { id: rohrzange.id });
    expect(err).toMatchObject({ code: 'entry_in_use', params: { term: 'Rohrzange', count: 1 } });
    expect((await c.call('glossary.get', { id: rohrzange.id })).term).toBe('Rohrzange');
  });
});

describe('glossary pictures', () => {
  it('stores PNG and JPEG by their bytes (normalised, see hostile.test.ts) under files/glossary and removes them with the entry', async () => {
    const c = testCore();
    const e = await c.call('glossary.create', entry());
    const png = makePng(40, 30);
    const withPng = await c.call('glossary.setPicture', { id: e.id, fileName: 'bank.jpg', base64: b64(png) });
    const dir = path.join(c.dataDir, 'files', 'glossary');
    expect(fs.readdirSync(dir)).toHaveLength(1);
    const stored = Buffer.from((await c.call('glossary.picture', { id: e.id })).base64, 'base64');
    expect(withPng.picture).toEqual({ mimeType: 'image/png', bytes: stored.length });
    expect(await sharp(stored).metadata()).toMatchObject({ format: 'png', width: 40, height: 30 });

    const withJpeg = await c.call('glossary.setPicture', { id: e.id, fileName: 'bank.png', base64: b64(JPEG) });
    expect(withJpeg.picture?.mimeType).toBe('image/jpeg');
    // The PNG was replaced: one file left, named by its content.
    expect(fs.readdirSync(dir)).toEqual([expect.stringMatching(/^[0-9a-f]{64}\.jpg$/)]);

    await c.call('glossary.delete', { id: e.id });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('refuses a file that is not a picture, a broken picture and a 50 MB picture, and keeps the old one', async () => {
    const c = testCore();
    const e = await c.call('glossary.create', entry());
    await c.call('glossary.setPicture', { id: e.id, fileName: 'a.png', base64: b64(makePng(10, 10)) });
    const notImage = await c.fail('glossary.setPicture', { id: e.id, fileName: 'bild.png', base64: b64('%PDF-1.7 this is a pdf') });
    expect(notImage.code).toBe('picture_not_image');
    const png = makePng(30, 30);
    const cut = await c.fail('glossary.setPicture', { id: e.id, fileName: 'cut.png', base64: b64(png.subarray(0, png.length - 20)) });
    expect(cut.code).toBe('picture_broken');
    const damaged = Buffer.from(png);
    damaged.writeUInt8(damaged.readUInt8(damaged.length - 30) ^ 0xff, damaged.length - 30);
    expect((await c.fail('glossary.setPicture', { id: e.id, fileName: 'x.png', base64: b64(damaged) })).code).toBe('picture_broken');
    const jpegCut = await c.fail('glossary.setPicture', { id: e.id, fileName: 'x.jpg', base64: b64(JPEG.subarray(0, 300)) });
    expect(jpegCut.code).toBe('picture_broken');
    const huge = Buffer.alloc(50 * 1024 * 1024);
    JPEG.copy(huge);
    const big = await c.fail('glossary.setPicture', { id: e.id, fileName: 'riesig.jpg', base64: huge.toString('base64') });
    expect(big).toMatchObject({ code: 'picture_too_large', params: { maxMb: 5 } });
    expect(Number(big.params?.sizeMb)).toBeGreaterThanOrEqual(50);
    expect((await c.call('glossary.get', { id: e.id })).picture?.mimeType).toBe('image/png');
    expect(fs.readdirSync(path.join(c.dataDir, 'files', 'glossary'))).toHaveLength(1);
  });
});
