// Languages a trainee may speak. Codes are ISO 639 (Dari: prs, Kurmanji: kmr). Names are translated in the UI
// under `languages.<code>`; `rtl` marks right-to-left scripts.
export const LANGUAGES = [
  { code: 'de', rtl: false },
  { code: 'ar', rtl: true },
  { code: 'prs', rtl: true },
  { code: 'fa', rtl: true },
  { code: 'ps', rtl: true },
  { code: 'ti', rtl: false },
  { code: 'uk', rtl: false },
  { code: 'ru', rtl: false },
  { code: 'en', rtl: false },
  { code: 'fr', rtl: false },
  { code: 'tr', rtl: false },
  { code: 'kmr', rtl: false },
  { code: 'so', rtl: false },
] as const;
export type LanguageCode = (typeof LANGUAGES)[number]['code'];
export const LANGUAGE_CODES = LANGUAGES.map((l) => l.code) as [LanguageCode, ...LanguageCode[]];
export const isRtl = (code: string) => LANGUAGES.some((l) => l.code === code && l.rtl);

/** German names of the languages: the source of the UI's language names and of printed documents. */
export const LANGUAGE_NAMES_DE = {
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
} as const satisfies Record<LanguageCode, string>;

export const languageNameDe = (code: string): string => (LANGUAGE_NAMES_DE as Record<string, string>)[code] ?? code;
