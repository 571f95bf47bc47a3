import { useTranslation } from 'react-i18next';
import { FirmPage } from './pages/FirmPage';
import { ContactsPage } from './pages/immigration/ContactsPage';
import { DeadlinesPage } from './pages/immigration/DeadlinesPage';
import { RulesPage } from './pages/immigration/RulesPage';
import { LanguagePage } from './pages/language/routes';
import { NetworkCasesPage } from './pages/casefile/NetworkCasesPage';
import { NachweisOverviewPage } from './pages/plan/NachweisOverviewPage';
import { OccupationsPage } from './pages/plan/OccupationsPage';
import { TemplateEditorPage } from './pages/plan/TemplateEditor';
import { SettingsPage } from './pages/SettingsPage';
import { TraineeDetail } from './pages/TraineeDetail';
import { TraineeFormPage } from './pages/TraineeForm';
import { TraineeList } from './pages/TraineeList';
import { NAV } from './nav';
import { call } from './api';
import { href, useRoute } from './router';
import { useAsync } from './useAsync';

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
  return (
    <div className="app" data-ready="true">
      <a className="skip" href="#main">
        {t('skipToContent')}
      </a>
      <header className="topbar">
        <span className="brand">{t('appName')}</span>
        <nav aria-label={t('nav.main')}>
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
        <Page route={route} />
      </main>
    </div>
  );
}
