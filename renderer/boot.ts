// The renderer's first script, small and loaded with the page: it takes the token and starts the start page's
// calls at once, so that their answers travel while the app's script (React, texts: main.tsx) is still loading
// and being parsed; then it loads the app. Issue 14: cold start to the first trainee row (ui_first_rows_ms).
import { captureToken, dropPrefetched, keepToken, prefetch } from './api';
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
// today.overview (the navigation's counts on every page, "Heute zu tun" on the start page) is the core's heaviest
// call at the start (all deadlines, documents and weeks): asked for only once the first rows are answered, so that
// the core computes it while the browser is still busy with React, not before the rows.
const today = () => void prefetch('today.overview', {});
if (route.length === 0 || (route[0] === 'trainees' && route.length === 1)) {
  void prefetch('trainees.list', traineeListInput(START_FILTERS))?.then(today);
  prefetch('firm.get', {});
  prefetch('occupations.list', {});
} else today();

keepToken();
void import('./main');
