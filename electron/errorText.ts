// The translated sentence for an error the core raised on purpose, for the CLI and the desktop shell's message
// boxes (no React there): the renderer's own error texts, through a small i18next instance. No electron import.
import i18next from 'i18next';
import de from '../renderer/i18n/de/errors';
import en from '../renderer/i18n/en/errors';
import { formatDateTime } from '../shared/format';
import { AppError } from './core/errors';

const i18n = i18next.createInstance();
void i18n.init({ resources: { de: { errors: de }, en: { errors: en } }, lng: 'de', fallbackLng: 'de', ns: ['errors'], defaultNS: 'errors', initAsync: false, interpolation: { escapeValue: false } });

/** A time stamp ("2026-12-01T20:15:03.000Z") in German form; other values as they are. */
const localTime = (v: string | number) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) ? formatDateTime(v) : v);

/** The user's sentence for `e`, or null when it is not an error with a translation. */
export function errorText(e: unknown, lng: 'de' | 'en' = 'de'): string | null {
  if (!(e instanceof AppError) || !i18n.exists(e.code, { lng })) return null;
  const params = Object.fromEntries(Object.entries(e.params).map(([k, v]) => [k, localTime(v)]));
  return (i18n.t as (key: string, o: object) => string)(e.code, { ...params, lng, ns: 'errors' });
}

/** The sentence for one field issue ("pin: Die PIN ist falsch …"), or its key when there is no translation. */
export function fieldText(i: { key: string; params?: Record<string, string | number> }, lng: 'de' | 'en' = 'de'): string {
  const key = `field.${i.key}`;
  if (!i18n.exists(key, { lng, ...i.params })) return i.key;
  return (i18n.t as (key: string, o: object) => string)(key, { ...i.params, lng, ns: 'errors' });
}
