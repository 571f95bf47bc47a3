// Small text helpers of the language domain.

/** Lower case without accents or Arabic vowel marks, for search and sorting ("Säge" → "sage"). */
export const fold = (s: string) => s.toLocaleLowerCase('de').normalize('NFKD').replace(/\p{M}/gu, '');

/** "der Hammer", or just the term when it has no article. */
export const withArticle = (term: string, article: string | null) => (article ? `${article} ${term}` : term);

/** Escapes a text for use inside a regular expression. */
export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
