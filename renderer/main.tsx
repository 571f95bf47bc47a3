import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { call, captureToken } from './api';
import { App } from './App';
import { initI18n } from './i18n';
import './styles.css';

// A new address pasted into the same tab (browser mode restarted, so a new token): take it and start over with it,
// so nothing shown under the old token ("Zugriff verweigert") stays on the page.
window.addEventListener('hashchange', () => {
  if (captureToken()) window.location.reload();
});

async function boot() {
  captureToken();
  let lng: 'de' | 'en' = 'de';
  try {
    lng = (await call('settings.get')).uiLanguage;
  } catch {
    // The UI still starts in German; the page shows the connection error on its first call.
  }
  await initI18n(lng);
  document.documentElement.lang = lng;
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void boot();
