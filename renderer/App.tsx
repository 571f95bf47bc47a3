import { useTranslation } from 'react-i18next';
import { FirmPage } from './pages/FirmPage';
import { ContactsPage } from './pages/immigration/ContactsPage';
import { DeadlinesPage } from './pages/immigration/DeadlinesPage';
import { RulesPage } from './pages/immigration/RulesPage';
import { LanguagePage } from './pages/language/routes';
import { NachweisOverviewPage } from './pages/plan/NachweisOverviewPage';
import { OccupationsPage } from './pages/plan/OccupationsPage';
import { TemplateEditorPage } from './pages/plan/TemplateEditor';
import { SettingsPage } from './pages/SettingsPage';
import { TraineeDetail } from './pages/TraineeDetail';
import { TraineeFormPage } from './pages/TraineeForm';
import { TraineeList } from './pages/TraineeList';
import { NAV } from './nav';
import { href, useRoute } from './router';

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
    case 'glossary':
    case 'tasks':
      return <LanguagePage route={route} />;
    case 'trainees':
      if (a === 'new') return <TraineeFormPage />;
      if (a && /^\d+$/.test(a)) return b === 'edit' ? <TraineeFormPage key={`e${a}`} id={Number(a)} /> : <TraineeDetail key={a} id={Number(a)} tab={b} />;
      return <TraineeList />;
    default:
      return <TraineeList />;
  }
}

export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  const current = `/${route[0] ?? 'trainees'}`;
  return (
    <div className="app" data-ready="true">
      <a className="skip" href="#main">
        {t('skipToContent')}
      </a>
      <header className="topbar">
        <span className="brand">{t('appName')}</span>
        <nav aria-label={t('nav.main')}>
          {NAV.map((n) => (
            <a key={n.path} href={href(n.path)} aria-current={current === n.path ? 'page' : undefined}>
              {t(n.label as 'nav.trainees')}
            </a>
          ))}
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Page route={route} />
      </main>
    </div>
  );
}
