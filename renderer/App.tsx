import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { TraineeList } from './pages/TraineeList';
import { NAV } from './nav';
import { call, endPrefetch, keepToken } from './api';
import { href, useRoute } from './router';
import { useAsync } from './useAsync';
import { TodayContext } from './todayContext';
// The start page (the trainee list) comes with the first script; every other page is loaded when it is first opened,
// so that a cold start parses and runs only what the start page needs (ui_first_rows_ms in npm run bench).
const page = <P,>(load: () => Promise<React.ComponentType<P>>) => lazy(async () => ({ default: await load() }));
const FirmPage = page(() => import('./pages/FirmPage').then((m) => m.FirmPage));
const ContactsPage = page(() => import('./pages/immigration/ContactsPage').then((m) => m.ContactsPage));
const DeadlinesPage = page(() => import('./pages/immigration/DeadlinesPage').then((m) => m.DeadlinesPage));
const RulesPage = page(() => import('./pages/immigration/RulesPage').then((m) => m.RulesPage));
const LanguagePage = page(() => import('./pages/language/routes').then((m) => m.LanguagePage));
const NetworkCasesPage = page(() => import('./pages/casefile/NetworkCasesPage').then((m) => m.NetworkCasesPage));
const NachweisOverviewPage = page(() => import('./pages/plan/NachweisOverviewPage').then((m) => m.NachweisOverviewPage));
const OccupationsPage = page(() => import('./pages/plan/OccupationsPage').then((m) => m.OccupationsPage));
const TemplateEditorPage = page(() => import('./pages/plan/TemplateEditor').then((m) => m.TemplateEditorPage));
const SettingsPage = page(() => import('./pages/SettingsPage').then((m) => m.SettingsPage));
const TraineeDetail = page(() => import('./pages/TraineeDetail').then((m) => m.TraineeDetail));
const TraineeFormPage = page(() => import('./pages/TraineeForm').then((m) => m.TraineeFormPage));
function Page({ route }: { route: string[] }) {
  const [section, a, b] = route;
  switch (section) {
    case 'firm':
      return <FirmPage />;
    case 'settings':
      return <SettingsPage />;
    case 'occupations':
      return a ? <TemplateEditorPage key={a} occupationId={a} /> : <OccupationsPage />;
    case 'nachweise':
      return <NachweisOverviewPage />;
    case 'fristen':
      return a === 'regeln' ? <RulesPage /> : <DeadlinesPage />;
    case 'kontakte':
      return <ContactsPage />;
    case 'netzwerk':
      if (a === 'datei' && b) return <NetworkCasesPage key={b} filePath={decodeURIComponent(b)} />;
      return a && /^\d+$/.test(a) ? <NetworkCasesPage caseId={Number(a)} /> : <NetworkCasesPage />;
    case 'glossary':
    case 'tasks':
      return <LanguagePage route={route} />;
    case 'trainees':
      if (a === 'new') return <TraineeFormPage />;
      if (a && /^\d+$/.test(a)) return b === 'edit' || b === 'contract' ? <TraineeFormPage key={`${b}${a}`} id={Number(a)} contract={b === 'contract'} /> : <TraineeDetail key={a} id={Number(a)} tab={b} />;
      return <TraineeList />;
    default:
      return <TraineeList />;
  }
}

export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  const current = `/${route[0] ?? 'trainees'}`;
  // Counts in the navigation, fresh after every change of page (a saved week or a done deadline changes them).
  const today = useAsync(() => call('today.overview'), [route.join('/')]);
  const counts: Record<string, number> = { '/fristen': today.data?.counts.deadlines ?? 0, '/nachweise': today.data?.counts.nachweise ?? 0 };
  // The first page is shown: nothing more is asked for in advance (what was asked for is taken once by the page that
  // uses it, even when its lazily loaded code mounts after this), and the token is kept for a reload (boot.ts).
  useEffect(() => {
    endPrefetch();
    keepToken();
  }, []);
  return (
    <div className="app" data-ready="true">
      <a className="skip" href="#main">
        {t('skipToContent')}
      </a>
      <header className="topbar">
        <span className="brand">{t('appName')}</span>
        {/* data-counts: "loaded" once the counts for the page shown are in (tests and screenshots wait for it). */}
        <nav aria-label={t('nav.main')} data-counts={today.loading ? 'loading' : today.error ? 'failed' : 'loaded'}>
          {NAV.map((n) => (
            <a key={n.path} href={href(n.path)} aria-current={current === n.path ? 'page' : undefined} aria-describedby={counts[n.path] ? `navcount${n.path.replace('/', '-')}` : undefined}>
              {t(n.label as 'nav.trainees')}
              {counts[n.path] ? (
                <span className="nav-count" aria-hidden="true">
                  {counts[n.path]}
                </span>
              ) : null}
            </a>
          ))}
        </nav>
        {Object.entries(counts).map(([path, n]) =>
          n ? (
            <span key={path} id={`navcount${path.replace('/', '-')}`} hidden>
              {t('nav.count', { count: n })}
            </span>
          ) : null,
        )}
      </header>
      <main id="main" tabIndex={-1}>
        <TodayContext.Provider value={today.data}>
          <Suspense fallback={<p className="muted">{t('status.loading')}</p>}>
            <Page route={route} />
          </Suspense>
        </TodayContext.Provider>
      </main>
    </div>
  );
}
