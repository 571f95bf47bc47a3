// Small text helpers for printed output.
export { languageNameDe } from '../../../shared/languages';

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
