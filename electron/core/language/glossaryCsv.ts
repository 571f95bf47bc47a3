// Glossary import and export as CSV: UTF-8, one column per language, the same format both ways.
// Import: a file-level problem (encoding, missing or unknown columns, too large) changes nothing; a bad row is
// reported with its row number and column, and every good row is imported. Empty cells leave what is stored.
// Cells a spreadsheet would run as a formula are written with a leading apostrophe (csv.ts), which the import
// removes again: importing our own export gives exactly the exported values.
import {
  CSV_MAX_BYTES,
  CSV_MAX_COLUMNS,
  CSV_MAX_ROWS,
  GLOSSARY_TAGS,
  GlossaryEntryInput,
  TRANSLATION_LANGUAGES,
  WORD_CLASSES,
  type GlossaryEntryData,
  type ImportProblem,
  type ImportResult,
  type WordClass,
} from '../../../shared/glossary';
import { toFieldIssues } from '../../../shared/errors';
import { AppError } from '../errors';
import { languageNameDe, fileSlug } from '../exports/text';
import type { Db } from '../store/db';
import { cellValue, decodeUtf8, parseCsv, writeCsv } from './csv';
import { assertScope, normalise, translationsOf, writeEntry, type Review } from './glossary';
import { decodeBase64 } from './pictures';
import { ensureStarters } from './starters';

const UNCHECKED_HEADER = 'Ungeprüft';

type FieldKey = 'term' | 'article' | 'plural' | 'wordClass' | 'explanation' | 'example' | 'tags' | 'occupation' | 'unchecked';

/** The German columns, in export order, with the header names the import also accepts. */
const FIELDS: { key: FieldKey; header: string; aliases: string[] }[] = [
  { key: 'term', header: 'Begriff', aliases: ['begriff', 'term', 'wort', 'fachbegriff'] },
  { key: 'article', header: 'Artikel', aliases: ['artikel', 'article'] },
  { key: 'plural', header: 'Plural', aliases: ['plural', 'mehrzahl'] },
  { key: 'wordClass', header: 'Wortart', aliases: ['wortart', 'word class', 'wordclass', 'word_class'] },
  { key: 'explanation', header: 'Erklärung', aliases: ['erklärung', 'erklaerung', 'explanation'] },
  { key: 'example', header: 'Beispielsatz', aliases: ['beispielsatz', 'beispiel', 'example', 'example sentence'] },
  { key: 'tags', header: 'Schlagwörter', aliases: ['schlagwörter', 'schlagwoerter', 'tags', 'kategorien'] },
  { key: 'occupation', header: 'Beruf', aliases: ['beruf', 'occupation', 'ausbildungsberuf'] },
  // Exported after the languages: the languages (codes, "ar, fa") whose translation is an unreviewed suggestion. A file
  // with this column says the review state of every translation in its rows; without it an imported text counts as
  // checked (the firm typed it), and an unchanged one keeps its state.
  { key: 'unchecked', header: UNCHECKED_HEADER, aliases: ['ungeprüft', 'ungeprueft', 'ungeprüfte übersetzungen', 'unchecked', 'unreviewed'] },
];

const WORD_CLASS_DE: Record<WordClass, string> = { noun: 'Nomen', verb: 'Verb', adjective: 'Adjektiv', adverb: 'Adverb', phrase: 'Wendung', other: 'Sonstiges' };
const WORD_CLASS_IN: Record<string, WordClass> = { substantiv: 'noun', nomen: 'noun', redewendung: 'phrase', wendung: 'phrase', sonstiges: 'other' };
for (const w of WORD_CLASSES) {
  WORD_CLASS_IN[w] = w;
  WORD_CLASS_IN[WORD_CLASS_DE[w].toLowerCase()] = w;
}
const TAG_DE: Record<(typeof GLOSSARY_TAGS)[number], string> = { tool: 'Werkzeug', material: 'Material', machine: 'Maschine', safety: 'Sicherheit', process: 'Arbeitsablauf' };
const TAG_IN: Record<string, (typeof GLOSSARY_TAGS)[number]> = { ablauf: 'process', arbeitsschutz: 'safety' };
for (const t of GLOSSARY_TAGS) {
  TAG_IN[t] = t;
  TAG_IN[TAG_DE[t].toLowerCase()] = t;
}
const LANGUAGE_NAMES_EN: Record<string, string> = {
  ar: 'arabic',
  prs: 'dari',
  fa: 'farsi',
  ps: 'pashto',
  ti: 'tigrinya',
  uk: 'ukrainian',
  ru: 'russian',
  en: 'english',
  fr: 'french',
  tr: 'turkish',
  kmr: 'kurmanji',
  so: 'somali',
};

export const languageHeader = (code: string) => `${languageNameDe(code)} (${code})`;

type Column = { kind: 'field'; key: FieldKey; header: string } | { kind: 'lang'; code: string; header: string };

/** Recognises a header cell: a German column or a language ("Arabisch (ar)", "ar", "Arabisch", "Arabic"). */
function recognise(raw: string): Column | null {
  const h = raw.trim().replace(/\s+/g, ' ');
  const low = h.toLocaleLowerCase('de');
  const field = FIELDS.find((f) => f.aliases.includes(low));
  if (field) return { kind: 'field', key: field.key, header: h };
  const bracketed = /[([]\s*([a-z]{2,3})\s*[)\]]/i.exec(h)?.[1]?.toLowerCase();
  const codes = TRANSLATION_LANGUAGES as string[];
  const code =
    (bracketed && codes.includes(bracketed) ? bracketed : null) ??
    codes.find((c) => c === low || languageNameDe(c).toLocaleLowerCase('de') === low || LANGUAGE_NAMES_EN[c] === low);
  return code ? { kind: 'lang', code, header: h } : null;
}

function readHeader(cells: string[]): Column[] {
  const columns: Column[] = [];
  const unknown: string[] = [];
  const seen = new Set<string>();
  const dup: string[] = [];
  cells.forEach((c, i) => {
    const col = recognise(c);
    if (!col) {
      if (c.trim() !== '' || i < cells.length - 1) unknown.push(c.trim() || `(Spalte ${i + 1} ohne Namen)`);
      return;
    }
    const id = col.kind === 'field' ? col.key : col.code;
    if (seen.has(id)) dup.push(col.header);
    seen.add(id);
    columns[i] = col;
  });
  if (!seen.has('term')) throw new AppError('csv_missing_columns', 'The column "Begriff" is missing', { columns: 'Begriff' });
  if (unknown.length) throw new AppError('csv_unknown_columns', `Unknown columns: ${unknown.join(', ')}`, { columns: unknown.join(', ') });
  if (dup.length) throw new AppError('csv_duplicate_columns', `Columns given twice: ${dup.join(', ')}`, { columns: dup.join(', ') });
  return columns;
}

interface Existing {
  id: number;
  data: GlossaryEntryData;
  /** Languages whose stored translation is an unreviewed suggestion. */
  suggested: string[];
}

function loadIndex(db: Db): { byKey: Map<string, number>; byTerm: Map<string, number[]> } {
  const byKey = new Map<string, number>();
  const byTerm = new Map<string, number[]>();
  const rows = db.prepare('SELECT id, occupation_id, term, article FROM glossary_entries').all() as { id: number; occupation_id: string | null; term: string; article: string | null }[];
  for (const r of rows) {
    byKey.set(key(r.occupation_id, r.term, r.article), r.id);
    const tk = key(r.occupation_id, r.term, '*');
    byTerm.set(tk, [...(byTerm.get(tk) ?? []), r.id]);
  }
  return { byKey, byTerm };
}

const key = (occ: string | null, term: string, article: string | null) => `${occ ?? ''}\u0000${term}\u0000${article ?? ''}`;

function loadExisting(db: Db, id: number): Existing {
  const r = db.prepare('SELECT * FROM glossary_entries WHERE id = ?').get(id) as {
    occupation_id: string | null;
    term: string;
    article: GlossaryEntryData['article'];
    plural: string | null;
    word_class: WordClass;
    explanation: string | null;
    example: string | null;
    tags: string;
  };
  const stored = translationsOf(db, [id]).get(id)!;
  return {
    id,
    suggested: stored.suggested,
    data: {
      occupationId: r.occupation_id,
      term: r.term,
      article: r.article,
      plural: r.plural,
      wordClass: r.word_class,
      explanation: r.explanation,
      example: r.example,
      tags: JSON.parse(r.tags) as GlossaryEntryData['tags'],
      translations: stored.translations,
    },
  };
}

const same = (a: GlossaryEntryData, b: GlossaryEntryData) => JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
const sorted = (d: GlossaryEntryData) => ({ ...d, translations: Object.fromEntries(Object.entries(d.translations).sort(([x], [y]) => x.localeCompare(y))) });

const MAX_LISTED = 500;

export function importGlossaryCsv(db: Db, input: { occupationId: string | null; base64: string }, now = new Date()): ImportResult {
  const bytes = decodeBase64(input.base64, CSV_MAX_BYTES, (n) => new AppError('csv_too_large', `The file has ${Math.round(n / 1024 / 1024)} MB; at most ${CSV_MAX_BYTES / 1024 / 1024} MB`, { maxMb: CSV_MAX_BYTES / 1024 / 1024 }));
  const text = decodeUtf8(bytes);
  const { records } = parseCsv(text, CSV_MAX_ROWS + 1, CSV_MAX_COLUMNS);
  const header = records[0];
  if (!header || header.cells.every((c) => c.trim() === '')) throw new AppError('csv_empty', 'The file is empty');
  const columns = readHeader(header.cells);
  assertScope(db, input.occupationId);
  ensureStarters(db, now);

  const occupations = db.prepare('SELECT id, name FROM occupations').all() as { id: string; name: string }[];
  const occByText = new Map<string, string>();
  for (const o of occupations) {
    occByText.set(o.id.toLowerCase(), o.id);
    occByText.set(o.name.toLocaleLowerCase('de'), o.id);
  }
  const hasArticleColumn = columns.some((c) => c?.kind === 'field' && c.key === 'article');
  const hasUncheckedColumn = columns.some((c) => c?.kind === 'field' && c.key === 'unchecked');
  const headerOf = (path: (string | number)[]): string | null => {
    if (path[0] === 'translations') return columns.find((c) => c?.kind === 'lang' && c.code === path[1])?.header ?? null;
    const k = path[0] === 'occupationId' ? 'occupation' : path[0];
    return columns.find((c) => c?.kind === 'field' && c.key === k)?.header ?? null;
  };

  const problems: ImportProblem[] = [];
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  let rows = 0;
  const ts = now.toISOString();
  const languages = new Set<string>();

  db.transaction(() => {
    const { byKey, byTerm } = loadIndex(db);
    const firstRow = new Map<string, number>();
    for (const rec of records.slice(1)) {
      if (rec.cells.every((c) => c.trim() === '')) continue;
      rows++;
      const rowProblems: ImportProblem[] = [];
      const bad = (column: string | null, k: string, params?: Record<string, string | number>) => rowProblems.push({ row: rec.row, column, key: k, ...(params ? { params } : {}) });
      if (rec.cells.length > columns.length && rec.cells.slice(columns.length).some((c) => c.trim() !== '')) {
        bad(null, 'csv_extra_cells', { count: rec.cells.length, expected: columns.length });
      }
      const v: Partial<Record<FieldKey, string>> = {};
      const tr: Record<string, string> = {};
      columns.forEach((col, i) => {
        const cell = cellValue(rec.cells[i] ?? '').trim();
        if (!col || cell === '') return;
        if (col.kind === 'field') v[col.key] = cell;
        else tr[col.code] = cell;
      });
      const col = (k: FieldKey) => headerOf([k]);
      let article: GlossaryEntryData['article'] | undefined;
      if (v.article !== undefined) {
        const a = v.article.toLowerCase();
        if (a === 'der' || a === 'die' || a === 'das') article = a;
        else bad(col('article'), 'csv_bad_article', { value: v.article });
      }
      let wordClass: WordClass | undefined;
      if (v.wordClass !== undefined) {
        wordClass = WORD_CLASS_IN[v.wordClass.toLocaleLowerCase('de')];
        if (!wordClass) bad(col('wordClass'), 'csv_bad_word_class', { value: v.wordClass });
      }
      let tags: GlossaryEntryData['tags'] | undefined;
      if (v.tags !== undefined) {
        tags = [];
        for (const t of v.tags.split(/[,|/]/).map((x) => x.trim()).filter(Boolean)) {
          const tag = TAG_IN[t.toLocaleLowerCase('de')];
          if (!tag) bad(col('tags'), 'csv_bad_tag', { value: t });
          else if (!tags.includes(tag)) tags.push(tag);
        }
      }
      let occupationId = input.occupationId;
      if (v.occupation !== undefined) {
        const o = occByText.get(v.occupation.toLocaleLowerCase('de'));
        if (!o) bad(col('occupation'), 'csv_bad_occupation', { value: v.occupation });
        else occupationId = o;
      }
      let unchecked: Set<string> | undefined;
      if (hasUncheckedColumn) {
        unchecked = new Set();
        for (const c of (v.unchecked ?? '').split(/[,;|/\s]+/).map((x) => x.trim().toLowerCase()).filter(Boolean)) {
          if (!(TRANSLATION_LANGUAGES as string[]).includes(c)) bad(col('unchecked'), 'csv_bad_language', { value: c });
          else unchecked.add(c);
        }
      }
      if (v.term === undefined) bad(col('term'), 'required');
      if (rowProblems.length > 0) {
        problems.push(...rowProblems);
        continue;
      }
      const term = v.term!.normalize('NFC');
      // Find the stored entry: same scope, term and article; without an article, the only entry with that term.
      let existingId = byKey.get(key(occupationId, term, article ?? null));
      if (existingId === undefined && article === undefined) {
        const ids = byTerm.get(key(occupationId, term, '*'));
        if (ids?.length === 1 && (!hasArticleColumn || v.article === undefined)) existingId = ids[0];
      }
      const dupKey = existingId !== undefined ? `id:${existingId}` : key(occupationId, term, article ?? null);
      const first = firstRow.get(dupKey);
      if (first !== undefined) {
        problems.push({ row: rec.row, column: col('term'), key: 'csv_duplicate_row', params: { first, term } });
        continue;
      }
      firstRow.set(dupKey, rec.row);
      const existing = existingId !== undefined ? loadExisting(db, existingId) : null;
      const base = existing?.data;
      const candidate = {
        occupationId,
        term,
        article: article ?? base?.article ?? null,
        plural: v.plural ?? base?.plural ?? null,
        wordClass: wordClass ?? base?.wordClass ?? ((article ?? base?.article) ? 'noun' : 'other'),
        explanation: v.explanation ?? base?.explanation ?? null,
        example: v.example ?? base?.example ?? null,
        tags: tags ?? base?.tags ?? [],
        translations: { ...(base?.translations ?? {}), ...tr },
      };
      const parsed = GlossaryEntryInput.safeParse(candidate);
      if (!parsed.success) {
        for (const issue of toFieldIssues(parsed.error.issues, candidate)) {
          const params = issue.params && Object.keys(issue.params).length > 0 ? { params: issue.params } : {};
          problems.push({ row: rec.row, column: headerOf(issue.path), key: issue.key, ...params });
        }
        continue;
      }
      const d = normalise(parsed.data);
      for (const l of Object.keys(tr)) languages.add(l);
      // With the column, the file says which of the row's translations are suggestions and which are checked.
      const review = new Map<string, Review>(unchecked ? Object.keys(tr).map((l) => [l, unchecked.has(l) ? 'suggested' : 'checked']) : []);
      if (existing) {
        const reviewSame = [...review].every(([l, r]) => (r === 'suggested') === existing.suggested.includes(l));
        if (same(existing.data, d) && reviewSame) unchanged++;
        else {
          writeEntry(db, existing.id, d, 'import', ts, review);
          updated++;
        }
      } else {
        const id = writeEntry(db, null, d, 'import', ts, review);
        byKey.set(key(d.occupationId, d.term, d.article), id);
        const tk = key(d.occupationId, d.term, '*');
        byTerm.set(tk, [...(byTerm.get(tk) ?? []), id]);
        firstRow.set(`id:${id}`, rec.row);
        created++;
      }
    }
  })();
  return {
    rows,
    created,
    updated,
    unchanged,
    problems: problems.slice(0, MAX_LISTED),
    problemCount: problems.length,
    languages: [...languages].sort(),
  };
}

/** The glossary (all, 'general' = firm-wide, or one occupation) as CSV in the import format. */
export function exportGlossaryCsv(db: Db, filter: string, now = new Date()): { fileName: string; mimeType: string; bytes: Uint8Array } {
  ensureStarters(db, now);
  const where = filter === 'all' ? '' : filter === 'general' ? 'WHERE e.occupation_id IS NULL' : 'WHERE e.occupation_id = ?';
  if (filter !== 'all' && filter !== 'general') assertScope(db, filter, ['filter']);
  const rows = db
    .prepare(
      `SELECT e.id, e.occupation_id, e.term, e.article, e.plural, e.word_class, e.explanation, e.example, e.tags FROM glossary_entries e ${where}
       ORDER BY e.occupation_id IS NOT NULL, e.occupation_id, e.sort_key, e.term, e.id`,
    )
    .all(...(where.includes('?') ? [filter] : [])) as {
    id: number;
    occupation_id: string | null;
    term: string;
    article: string | null;
    plural: string | null;
    word_class: WordClass;
    explanation: string | null;
    example: string | null;
    tags: string;
  }[];
  const tr = new Map<number, Record<string, string>>();
  const suggested = new Map<number, string[]>();
  for (const t of db.prepare('SELECT entry_id, language, text, review FROM glossary_translations').all() as { entry_id: number; language: string; text: string; review: string }[]) {
    const m = tr.get(t.entry_id) ?? {};
    m[t.language] = t.text;
    tr.set(t.entry_id, m);
    if (t.review === 'suggested') suggested.set(t.entry_id, [...(suggested.get(t.entry_id) ?? []), t.language]);
  }
  const fields = FIELDS.filter((f) => f.key !== 'unchecked');
  const out: string[][] = [[...fields.map((f) => f.header), ...TRANSLATION_LANGUAGES.map(languageHeader), UNCHECKED_HEADER]];
  for (const r of rows) {
    const t = tr.get(r.id) ?? {};
    out.push([
      r.term,
      r.article ?? '',
      r.plural ?? '',
      WORD_CLASS_DE[r.word_class],
      r.explanation ?? '',
      r.example ?? '',
      (JSON.parse(r.tags) as (typeof GLOSSARY_TAGS)[number][]).map((x) => TAG_DE[x]).join(', '),
      r.occupation_id ?? '',
      ...TRANSLATION_LANGUAGES.map((l) => t[l] ?? ''),
      TRANSLATION_LANGUAGES.filter((l) => suggested.get(r.id)?.includes(l)).join(', '),
    ]);
  }
  const scope = filter === 'all' ? 'alle' : filter === 'general' ? 'Betrieb' : fileSlug(filter);
  return { fileName: `Fachwortschatz_${scope}.csv`, mimeType: 'text/csv;charset=utf-8', bytes: writeCsv(out) };
}
