// The app: texts in the saved UI language, then React. Loaded by boot.ts, which has already asked for the
// settings and the start page's data.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { UiLanguage } from '../shared/system';
import { call } from './api';
import { App } from './App';
import { initI18n } from './i18n/init';

async function start() {
  // boot.ts runs as soon as it is loaded (async: it does not wait for the style sheet); the page is tiny, but the
  // root element must be there before React renders into it.
  if (document.readyState === 'loading') await new Promise((r) => document.addEventListener('DOMContentLoaded', r, { once: true }));
  let lng: UiLanguage = 'de';
  try {
    lng = (await call('settings.get')).uiLanguage;
  } catch {
    // The UI still starts in German; the page shows the connection error on its first call.
  }
  document.documentElement.lang = await initI18n(lng);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
