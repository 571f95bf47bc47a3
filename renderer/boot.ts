// The renderer's first script, small and loaded with the page: it takes the token and starts the start page's
// calls at once, so that their answers travel while the app's script (React, texts: main.tsx) is still loading
// and being parsed; then it loads the app. Issue 14: cold start to the first trainee row (ui_first_rows_ms).
import { captureToken, cleanAddress, dropPrefetched, keepToken, prefetch } from './api';
import { START_FILTERS, traineeListInput } from './pages/traineeListQuery';
import './styles.css';

// A new address pasted into the same tab (browser mode restarted, so a new token): take it and start over with it,
// so nothing shown under the old token ("Zugriff verweigert") stays on the page.
window.addEventListener('hashchange', () => {
  if (captureToken()) window.location.reload();
  else dropPrefetched(); // another page: nothing asked for at the start is shown later
});

// An address with a token opens the start page.
const route = captureToken({ keep: false }) ? [] : window.location.hash.replace(/^#\/?/, '').split('/').filter(Boolean);
// The order is the order the core answers in: the UI language and the first rows first.
void prefetch('settings.get', {})?.then((s) => {
  // English texts are a chunk of their own: fetch it now rather than after the app's script (i18n/init.ts).
  if (s.ok && s.data.uiLanguage === 'en') void import('./i18n/en/index').catch(() => undefined);
});
// The rest once the first rows are answered: the firm and the occupations (the list's banner and filter), and
// today.overview (the navigation's counts on every page, "Heute zu tun" on the start page), the core's heaviest call
// at the start (all deadlines, documents and weeks). So the core answers the rows first and computes the rest while
// the browser is still busy with React; each fetch started here also costs the page's thread a little.
const today = () => void prefetch('today.overview', {});
if (route.length === 0 || (route[0] === 'trainees' && route.length === 1)) {
  void prefetch('trainees.list', traineeListInput(START_FILTERS))?.then(() => {
    prefetch('firm.get', {});
    prefetch('occupations.list', {});
    today();
  });
} else today();

cleanAddress();
// The token goes into session storage (for a reload of the tab) once the first page is shown (App.tsx): a fresh
// tab's first use of session storage takes a while. Leaving the page before that keeps it as well.
window.addEventListener('pagehide', keepToken);
void import('./main');
