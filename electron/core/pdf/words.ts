// Counted words on printed documents ("1 Blatt", "3 Blätter"): i18next's plural forms from the German print
// namespace (shared/printWords.ts, also renderer/i18n/de/print.ts). The PDFs are German documents, whatever the UI language.
import i18next from 'i18next';
import de from '../../../shared/printWords';

const i18n = i18next.createInstance();
void i18n.init({ resources: { de: { print: de } }, lng: 'de', ns: ['print'], defaultNS: 'print', initAsync: false, interpolation: { escapeValue: false } });
const t = i18n.getFixedT('de', 'print');

export type CountedWord = 'sheets' | 'weeks' | 'weeksMissing' | 'signed';

/** "1 Blatt", "2 Blätter", … */
export function counted(word: CountedWord, count: number): string {
  return t(word, { count });
}
