// Small text helpers for printed output.
const LANGUAGE_NAMES_DE: Record<string, string> = {
  de: 'Deutsch',
  ar: 'Arabisch',
  prs: 'Dari',
  fa: 'Farsi',
  ps: 'Paschtu',
  ti: 'Tigrinya',
  uk: 'Ukrainisch',
  ru: 'Russisch',
  en: 'Englisch',
  fr: 'Französisch',
  tr: 'Türkisch',
  kmr: 'Kurmandschi',
  so: 'Somali',
};
export const languageNameDe = (code: string) => LANGUAGE_NAMES_DE[code] ?? code;

/** A safe, readable file-name part: umlauts transliterated, anything else reduced to [A-Za-z0-9-]. */
export function fileSlug(s: string): string {
  return (
    s
      .replace(/ä/g, 'ae')
      .replace(/ö/g, 'oe')
      .replace(/ü/g, 'ue')
      .replace(/Ä/g, 'Ae')
      .replace(/Ö/g, 'Oe')
      .replace(/Ü/g, 'Ue')
      .replace(/ß/g, 'ss')
      .normalize('NFKD')
      .replace(/[^\w-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'datei'
  );
}
