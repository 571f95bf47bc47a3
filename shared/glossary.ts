// The work-language glossary (Fachwortschatz): German terms with grammar, a short explanation in simple German,
// an example sentence from the workplace, tags, an optional picture and translations typed or imported by users.
import { z } from 'zod';
import { id, optText, text, userText } from './common';
import { LANGUAGE_CODES, type LanguageCode } from './languages';

export const ARTICLES = ['der', 'die', 'das'] as const;
export type Article = (typeof ARTICLES)[number];
export const WORD_CLASSES = ['noun', 'verb', 'adjective', 'adverb', 'phrase', 'other'] as const;
export type WordClass = (typeof WORD_CLASSES)[number];
export const GLOSSARY_TAGS = ['tool', 'material', 'machine', 'safety', 'process'] as const;
export type GlossaryTag = (typeof GLOSSARY_TAGS)[number];

/** Languages a term can be translated into: every language the app knows except German. */
export const TRANSLATION_LANGUAGES = LANGUAGE_CODES.filter((c) => c !== 'de') as Exclude<LanguageCode, 'de'>[];
export const translationLanguage = z.enum(TRANSLATION_LANGUAGES as [Exclude<LanguageCode, 'de'>, ...Exclude<LanguageCode, 'de'>[]]);

/** Limits for pictures: PNG or JPEG (checked by their first bytes), at most this many bytes. */
export const PICTURE_MAX_BYTES = 5 * 1024 * 1024;
/** Pixel limits, checked from the file's header before it is decoded (a 300 KB PNG can hold 40 megapixels). */
export const PICTURE_MAX_PIXELS = 25_000_000;
export const PICTURE_MAX_SIDE = 10_000;
/** Long side of a stored picture: a worksheet prints it at most about 10 cm wide (300 dpi). */
export const PICTURE_PRINT_SIDE = 1200;
/** Limits for CSV imports: file size (bytes) and number of rows. */
export const CSV_MAX_BYTES = 20 * 1024 * 1024;
export const CSV_MAX_ROWS = 100_000;
/** Cells in one row: the export has 20 columns; far more is not a glossary file. */
export const CSV_MAX_COLUMNS = 200;

/** Field lengths, shared by the form, the CSV import and the database. */
export const GLOSSARY_LIMITS = { term: 120, plural: 120, explanation: 500, example: 500, translation: 300 } as const;

/** An occupation id, or null for an entry that belongs to the whole firm. */
const scope = userText()
  .max(64)
  .nullish()
  .transform((v) => (v ? v : null));

const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((l) => new Set(l).size === l.length, { params: { key: 'duplicate_entry' } });

/** Translations by language; empty texts are dropped. */
export const Translations = z
  .partialRecord(translationLanguage, userText().max(GLOSSARY_LIMITS.translation).nullish())
  .transform((r) => {
    const out: Partial<Record<Exclude<LanguageCode, 'de'>, string>> = {};
    for (const [k, v] of Object.entries(r)) if (v) out[k as Exclude<LanguageCode, 'de'>] = v;
    return out;
  });

const entryFields = {
  occupationId: scope,
  term: text(GLOSSARY_LIMITS.term),
  article: z
    .enum(ARTICLES)
    .nullish()
    .transform((v) => v ?? null),
  plural: optText(GLOSSARY_LIMITS.plural),
  wordClass: z.enum(WORD_CLASSES),
  explanation: optText(GLOSSARY_LIMITS.explanation, { multiline: true }),
  example: optText(GLOSSARY_LIMITS.example, { multiline: true }),
  tags: uniqueList(z.enum(GLOSSARY_TAGS), GLOSSARY_TAGS.length).default([]),
  translations: Translations.default({}),
};

function checkEntry(v: { article: Article | null; wordClass: WordClass }, ctx: z.RefinementCtx) {
  if (v.article && v.wordClass !== 'noun') ctx.addIssue({ code: 'custom', path: ['article'], params: { key: 'article_only_nouns' } });
}

export const GlossaryEntryInput = z.object(entryFields).strict().superRefine(checkEntry);
export type GlossaryEntryInput = z.input<typeof GlossaryEntryInput>;
export type GlossaryEntryData = z.output<typeof GlossaryEntryInput>;
export const GlossaryEntryUpdate = z
  .object({ id, ...entryFields })
  .strict()
  .superRefine(checkEntry);

export const GlossaryEntry = z.object({
  id,
  occupationId: z.string().nullable(),
  occupationName: z.string().nullable(),
  term: z.string(),
  article: z.enum(ARTICLES).nullable(),
  plural: z.string().nullable(),
  wordClass: z.enum(WORD_CLASSES),
  explanation: z.string().nullable(),
  example: z.string().nullable(),
  tags: z.array(z.enum(GLOSSARY_TAGS)),
  translations: z.record(z.string(), z.string()),
  /**
   * Languages whose translation is an unreviewed suggestion (shipped with a starter glossary) until someone in the
   * firm marks it checked. Typed and imported translations are the firm's own and count as checked.
   */
  suggested: z.array(z.string()),
  picture: z.object({ mimeType: z.enum(['image/png', 'image/jpeg']), bytes: z.number() }).nullable(),
  origin: z.enum(['starter', 'user', 'import']),
  /** How many learning tasks use the entry (it cannot be deleted while > 0). */
  usedInTasks: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type GlossaryEntry = z.infer<typeof GlossaryEntry>;

export const GlossaryListInput = z
  .object({
    /** 'all', 'general' (firm-wide entries only) or an occupation id. */
    filter: userText().min(1).max(64).default('all'),
    /** With an occupation filter: include the firm-wide entries too. */
    withGeneral: z.boolean().default(false),
    search: userText().max(200).optional(),
    tag: z.enum(GLOSSARY_TAGS).optional(),
    /** Only entries without a translation into this language. */
    missing: translationLanguage.optional(),
    ids: z.array(id).max(500).optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict();

/** Marks one suggested translation of an entry as checked by the firm. */
export const MarkCheckedInput = z.object({ id, language: translationLanguage }).strict();

export const GlossaryPage = z.object({ total: z.number(), entries: z.array(GlossaryEntry) });

export const PictureInput = z
  .object({
    id,
    fileName: text(255),
    /** The file's bytes, base64. Larger than the limit is refused with a clear message (not a field-length error). */
    base64: z.string().min(1),
  })
  .strict();

export const ImportInput = z
  .object({
    /** Where rows without an occupation column go: an occupation id, or null for the firm-wide list. */
    occupationId: scope,
    fileName: text(255),
    /** The file's bytes, base64 (so the core can tell UTF-8 from other encodings). */
    base64: z.string().min(1),
  })
  .strict();

export const ImportProblem = z.object({
  /** Row number as a spreadsheet shows it (the header is row 1); 0 for a problem with the whole file. */
  row: z.number(),
  column: z.string().nullable(),
  /** i18n key: errors:csv.<key> for csv_* keys, else errors:field.<key> (the contract's field messages). */
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

export const ImportResult = z.object({
  rows: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  /** Rows that were not imported, with the reason; the good rows were imported. At most 500 listed. */
  problems: z.array(ImportProblem),
  problemCount: z.number(),
  languages: z.array(z.string()),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const glossaryContract = {
  'glossary.list': { input: GlossaryListInput, output: GlossaryPage },
  'glossary.get': { input: z.object({ id }).strict(), output: GlossaryEntry },
  'glossary.create': { input: GlossaryEntryInput, output: GlossaryEntry },
  'glossary.update': { input: GlossaryEntryUpdate, output: GlossaryEntry },
  /** The firm has checked a shipped translation (a suggestion until then; worksheets print checked ones). */
  'glossary.markChecked': { input: MarkCheckedInput, output: GlossaryEntry },
  'glossary.delete': { input: z.object({ id }).strict(), output: z.object({ deleted: z.literal(true) }) },
  'glossary.setPicture': { input: PictureInput, output: GlossaryEntry },
  'glossary.removePicture': { input: z.object({ id }).strict(), output: GlossaryEntry },
  /** The picture's bytes for display (base64). */
  'glossary.picture': { input: z.object({ id }).strict(), output: z.object({ mimeType: z.string(), base64: z.string() }) },
  /** Imports a CSV file (runs off the UI thread); good rows are kept, bad rows are reported by number. */
  'glossary.import': { input: ImportInput, output: ImportResult },
} as const;
