import { useTranslation } from 'react-i18next';
import { formatDate } from '../../shared/format';
import { ErrorBanner } from '../components/forms';
import { href } from '../router';
import { TRAINEE_TABS } from '../traineeTabs';
import { loadWithMayTrain, MayTrainBanner } from './immigration/MayTrainBanner';
import { useAsync } from '../useAsync';

export function TraineeDetail({ id, tab }: { id: number; tab?: string | undefined }) {
  const { t } = useTranslation(['trainees', 'common']);
  // With the may-train answer, so that the page shows complete at once and nothing moves under the pointer after.
  const trainee = useAsync(() => loadWithMayTrain(id), [id]);
  if (trainee.error) return <ErrorBanner error={trainee.error} />;
  const tr = trainee.data?.trainee;
  if (!tr) return <p className="muted">{t('common:status.loading')}</p>;
  const active = TRAINEE_TABS.find((x) => x.id === tab) ?? TRAINEE_TABS[0]!;
  return (
    <section aria-labelledby="page-title">
      <header className="page-head">
        <div>
          <p className="crumbs">
            <a href={href('/trainees')}>{t('trainees:title')}</a>
          </p>
          <h1 id="page-title">
            {tr.firstName} {tr.lastName}
          </h1>
          <p className="muted">
            {tr.occupationName} · {tr.contractStart ? `${formatDate(tr.contractStart)} – ${formatDate(tr.contractEndPlanned)}` : t('trainees:applicant.noContractShort')} ·{' '}
            <span className={`pill pill-${tr.status}`}>{t(`trainees:statusLabel.${tr.status}`)}</span>
          </p>
        </div>
        <a className="button" href={href(`/trainees/${tr.id}/edit`)}>
          {t('common:actions.edit')}
        </a>
      </header>
      {tr.status !== 'applicant' ? <MayTrainBanner trainee={tr} may={trainee.data?.may ?? null} /> : null}
      {TRAINEE_TABS.length > 1 ? (
        <nav className="tabs" aria-label={t('trainees:title')}>
          {TRAINEE_TABS.map((x) => (
            <a key={x.id} href={href(`/trainees/${tr.id}/${x.id}`)} aria-current={x.id === active.id ? 'page' : undefined}>
              {t(x.label as 'tabs.overview')}
            </a>
          ))}
        </nav>
      ) : null}
      <div className="tab-panel">{active.render(tr, trainee.reload)}</div>
    </section>
  );
}
