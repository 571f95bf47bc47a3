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
