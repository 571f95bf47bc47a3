// Starts i18next in the renderer. German (source and fallback) comes with the start script; English is a chunk of
// its own, loaded on demand (a German start does not parse it: ui_first_rows_ms in npm run bench).
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { UiLanguage } from '../../shared/system';
import { de } from './de/index';

let english: Promise<void> | undefined;
/** English texts loaded before i18next was started (the start asks for them in parallel with the settings). */
let early: Record<string, object> | undefined;

/** Makes sure the language's texts are there; German always is. Safe to call early and more than once. */
export function loadLanguage(lng: UiLanguage): Promise<void> {
  if (lng === 'de') return Promise.resolve();
  english ??= import('./en/index').then(
    ({ en }) => {
      // Loaded before init (the start asks for them as soon as the settings say English): init takes them.
      if (i18next.isInitialized) for (const [ns, texts] of Object.entries(en)) i18next.addResourceBundle('en', ns, texts, true, true);
      else early = en;
    },
    (e: unknown) => {
      english = undefined; // a later attempt loads it again
      throw e;
    },
  );
  return english;
}

/** Starts i18next; returns the language it started in (German if English could not be loaded). */
export async function initI18n(lng: UiLanguage): Promise<UiLanguage> {
  try {
    await loadLanguage(lng);
  } catch {
    lng = 'de'; // the English chunk could not be loaded: start in German rather than not at all
  }
  await i18next.use(initReactI18next).init({
    resources: early ? { de, en: early } : { de },
    lng,
    fallbackLng: 'de',
    ns: Object.keys(de),
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return lng;
}

/** Switches the UI language, loading its texts first. */
export async function changeLanguage(lng: UiLanguage) {
  await loadLanguage(lng);
  await i18next.changeLanguage(lng);
  document.documentElement.lang = lng;
}

export default i18next;
