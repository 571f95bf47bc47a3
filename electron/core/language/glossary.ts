// The glossary in the workspace: entries per occupation (or for the whole firm), their translations, search.
import type { z } from 'zod';
import type { GlossaryEntry, GlossaryEntryData, GlossaryEntryUpdate, GlossaryListInput } from '../../../shared/glossary';
import { fieldError, AppError, notFound } from '../errors';
import type { Db, Store } from '../store/db';
import { releasePicture } from './pictures';
import { ensureStarters } from './starters';
import { fold } from './text';

export interface EntryRow {
  id: number;
  occupation_id: string | null;
  occupation_name: string | null;
  term: string;
  article: GlossaryEntry['article'];
  plural: string | null;
  word_class: GlossaryEntry['wordClass'];
  explanation: string | null;
  example: string | null;
  tags: string;
  picture_file: string | null;
  picture_mime: 'image/png' | 'image/jpeg' | null;
  picture_bytes: number | null;
  origin: GlossaryEntry['origin'];
  used: number;
  created_at: string;
  updated_at: string;
}

const SELECT = `SELECT e.*, o.name AS occupation_name,
  (SELECT count(*) FROM learning_task_terms tt WHERE tt.entry_id = e.id) AS used
  FROM glossary_entries e LEFT JOIN occupations o ON o.id = e.occupation_id`;

function toEntry(r: EntryRow, { translations, suggested }: EntryTranslations): GlossaryEntry {
  return {
    id: r.id,
    occupationId: r.occupation_id,
    occupationName: r.occupation_name,
    term: r.term,
    article: r.article,
    plural: r.plural,
    wordClass: r.word_class,
    explanation: r.explanation,
    example: r.example,
    tags: JSON.parse(r.tags) as GlossaryEntry['tags'],
    translations,
    suggested,
    picture: r.picture_mime ? { mimeType: r.picture_mime, bytes: r.picture_bytes ?? 0 } : null,
    origin: r.origin,
    usedInTasks: r.used,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export interface EntryTranslations {
  /** language → text */
  translations: Record<string, string>;
  /** Languages whose translation is an unreviewed suggestion. */
  suggested: string[];
}

/** Translations of several entries at once, with the languages still only suggested. */
export function translationsOf(db: Db, ids: number[]): Map<number, EntryTranslations> {
  const out = new Map<number, EntryTranslations>();
  for (const id of ids) out.set(id, { translations: {}, suggested: [] });
  if (ids.length === 0) return out;
  const rows = db
    .prepare('SELECT entry_id, language, text, review FROM glossary_translations WHERE entry_id IN (SELECT value FROM json_each(?)) ORDER BY language')
    .all(JSON.stringify(ids)) as { entry_id: number; language: string; text: string; review: 'suggested' | 'checked' }[];
  for (const r of rows) {
    const e = out.get(r.entry_id)!;
    e.translations[r.language] = r.text;
    if (r.review === 'suggested') e.suggested.push(r.language);
  }
  return out;
}

/** The firm has checked a suggested translation (it then prints on worksheets). */
export function markChecked(db: Db, id: number, language: string, now = new Date()): GlossaryEntry {
  entryRow(db, id);
  const r = db.prepare("UPDATE glossary_translations SET review = 'checked' WHERE entry_id = ? AND language = ?").run(id, language);
  if (r.changes === 0) throw fieldError(['language'], 'no_translation', `Entry ${id} has no translation into ${language}`, { language });
  db.prepare('UPDATE glossary_entries SET updated_at = ? WHERE id = ?').run(now.toISOString(), id);
  return getEntry(db, id);
}

export function getEntry(db: Db, id: number): GlossaryEntry {
  const row = db.prepare(`${SELECT} WHERE e.id = ?`).get(id) as EntryRow | undefined;
  if (!row) throw notFound('glossary entry', id);
  return toEntry(row, translationsOf(db, [id]).get(id)!);
}

export function entryRow(db: Db, id: number): EntryRow {
  const row = db.prepare(`${SELECT} WHERE e.id = ?`).get(id) as EntryRow | undefined;
  if (!row) throw notFound('glossary entry', id);
  return row;
}

export function listEntries(db: Db, input: z.output<typeof GlossaryListInput>, now = new Date()): { total: number; entries: GlossaryEntry[] } {
  ensureStarters(db, now);
  const where: string[] = [];
  const params: unknown[] = [];
  if (input.filter === 'general') where.push('e.occupation_id IS NULL');
  else if (input.filter !== 'all') {
    where.push(input.withGeneral ? '(e.occupation_id = ? OR e.occupation_id IS NULL)' : 'e.occupation_id = ?');
    params.push(input.filter);
  }
  if (input.search) {
    for (const word of fold(input.search).split(/\s+/).filter(Boolean)) {
      where.push(`e.search_text LIKE ? ESCAPE '\\'`);
      params.push(`%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    }
  }
  if (input.tag) {
    where.push('EXISTS (SELECT 1 FROM json_each(e.tags) WHERE value = ?)');
    params.push(input.tag);
  }
  if (input.missing) {
    where.push('NOT EXISTS (SELECT 1 FROM glossary_translations t WHERE t.entry_id = e.id AND t.language = ?)');
    params.push(input.missing);
  }
  if (input.ids) {
    where.push('e.id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(input.ids));
  }
  const cond = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT count(*) AS n FROM glossary_entries e ${cond}`).get(...params) as { n: number }).n;
  const rows = db
    .prepare(`${SELECT} ${cond} ORDER BY e.sort_key, e.term, e.article, e.id LIMIT ? OFFSET ?`)
    .all(...params, input.limit, input.offset) as EntryRow[];
  const tr = translationsOf(
    db,
    rows.map((r) => r.id),
  );
  return { total, entries: rows.map((r) => toEntry(r, tr.get(r.id)!)) };
}

export function assertScope(db: Db, occupationId: string | null, path: (string | number)[] = ['occupationId']) {
  if (occupationId !== null && !db.prepare('SELECT 1 FROM occupations WHERE id = ?').get(occupationId)) {
    throw fieldError(path, 'unknown_occupation', `Unknown occupation ${occupationId}`, { id: occupationId });
  }
}

/** The text the search looks in: term, plural, explanation, example and every translation, folded. */
export function searchText(d: Pick<GlossaryEntryData, 'term' | 'plural' | 'explanation' | 'example'>, translations: Record<string, string>) {
  return fold([d.term, d.plural, d.explanation, d.example, ...Object.values(translations)].filter(Boolean).join(' \u0001 '));
}

const nfc = (s: string | null) => (s === null ? null : s.normalize('NFC'));

/** The entry's data normalised (NFC) the way it is stored. */
export function normalise(d: GlossaryEntryData): GlossaryEntryData {
  const translations: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.translations)) if (v) translations[k] = v.normalize('NFC');
  return {
    ...d,
    term: d.term.normalize('NFC'),
    plural: nfc(d.plural),
    explanation: nfc(d.explanation),
    example: nfc(d.example),
    translations,
  };
}

/** Id of an entry with the same scope, term and article (a duplicate), if any. */
export function findSame(db: Db, d: Pick<GlossaryEntryData, 'occupationId' | 'term' | 'article'>, exceptId = 0): number | null {
  const row = db
    .prepare('SELECT id FROM glossary_entries WHERE occupation_id IS ? AND term = ? AND article IS ? AND id <> ? LIMIT 1')
    .get(d.occupationId, d.term, d.article, exceptId) as { id: number } | undefined;
  return row?.id ?? null;
}

/** A translation's review state: an unreviewed suggestion, or checked by the firm. */
export type Review = 'suggested' | 'checked';
const NONE: ReadonlyMap<string, Review> = new Map();
const statements = new WeakMap<Db, ReturnType<typeof prepareWrites>>();

function prepareWrites(db: Db) {
  return {
    insert: db.prepare(
      `INSERT INTO glossary_entries (occupation_id, term, article, plural, word_class, explanation, example, tags, origin, sort_key, search_text, created_at, updated_at)
       VALUES (@occupation_id, @term, @article, @plural, @word_class, @explanation, @example, @tags, @origin, @sort_key, @search_text, @ts, @ts)`,
    ),
    update: db.prepare(
      `UPDATE glossary_entries SET occupation_id = @occupation_id, term = @term, article = @article, plural = @plural, word_class = @word_class,
         explanation = @explanation, example = @example, tags = @tags, sort_key = @sort_key, search_text = @search_text, updated_at = @ts WHERE id = @id`,
    ),
    reviews: db.prepare('SELECT language, text, review FROM glossary_translations WHERE entry_id = ?'),
    clearTranslations: db.prepare('DELETE FROM glossary_translations WHERE entry_id = ?'),
    insertTranslation: db.prepare('INSERT INTO glossary_translations (entry_id, language, text, review) VALUES (?, ?, ?, ?)'),
  };
}

/**
 * Inserts or replaces an entry with its translations (no transaction of its own). Translations into the languages in
 * `review` get the state given there (a starter's suggestions, a CSV file's "Ungeprüft" column); any other translation
 * the firm types or imports is checked, and one it leaves unchanged keeps its state.
 */
export function writeEntry(
  db: Db,
  id: number | null,
  d: GlossaryEntryData,
  origin: GlossaryEntry['origin'],
  ts: string,
  review: ReadonlyMap<string, Review> = NONE,
): number {
  let st = statements.get(db);
  if (!st) statements.set(db, (st = prepareWrites(db)));
  const p = {
    occupation_id: d.occupationId,
    term: d.term,
    article: d.article,
    plural: d.plural,
    word_class: d.wordClass,
    explanation: d.explanation,
    example: d.example,
    tags: JSON.stringify(d.tags),
    sort_key: fold(d.term),
    search_text: searchText(d, d.translations),
    ts,
  };
  let entryId: number;
  const before = new Map<string, { text: string; review: string }>();
  if (id === null) {
    entryId = Number(st.insert.run({ ...p, origin }).lastInsertRowid);
  } else {
    for (const r of st.reviews.all(id) as { language: string; text: string; review: string }[]) before.set(r.language, r);
    st.update.run({ ...p, id });
    st.clearTranslations.run(id);
    entryId = id;
  }
  for (const [lang, text] of Object.entries(d.translations)) {
    if (!text) continue;
    const old = before.get(lang);
    st.insertTranslation.run(entryId, lang, text, review.get(lang) ?? (old?.text === text ? old.review : 'checked'));
  }
  return entryId;
}

export function createEntry(db: Db, input: GlossaryEntryData, now = new Date()): GlossaryEntry {
  const d = normalise(input);
  return db.transaction(() => {
    assertScope(db, d.occupationId);
    if (findSame(db, d) !== null) throw fieldError(['term'], 'duplicate_term', `"${d.term}" is already in this glossary`, { term: d.term });
    return getEntry(db, writeEntry(db, null, d, 'user', now.toISOString()));
  })();
}

export function updateEntry(db: Db, input: z.output<typeof GlossaryEntryUpdate>, now = new Date()): GlossaryEntry {
  const { id, ...rest } = input;
  const d = normalise(rest);
  return db.transaction(() => {
    const before = entryRow(db, id);
    assertScope(db, d.occupationId);
    if (findSame(db, d, id) !== null) throw fieldError(['term'], 'duplicate_term', `"${d.term}" is already in this glossary`, { term: d.term });
    writeEntry(db, id, d, before.origin, now.toISOString());
    return getEntry(db, id);
  })();
}

/** Deletes an entry (refused while a learning task uses it) and, after the commit, its picture. */
export function deleteEntry(store: Store, id: number): void {
  const row = entryRow(store.db, id);
  if (row.used > 0) throw new AppError('entry_in_use', `"${row.term}" is used by ${row.used} learning task(s)`, { term: row.term, count: row.used });
  store.db.prepare('DELETE FROM glossary_entries WHERE id = ?').run(id);
  releasePicture(store, row.picture_file);
}
