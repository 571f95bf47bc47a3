// The supervisor's view: for everyone in training, how many weeks of the Ausbildungsnachweis are missing and
// how many wait for a sign-off.
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format';
import { mondayOf } from '../../../shared/trainingCalendar';
import { call } from '../../api';
import { ErrorBanner } from '../../components/forms';
import { href } from '../../router';
import { useAsync } from '../../useAsync';

export function NachweisOverviewPage() {
  const { t } = useTranslation('nachweis');
  const { t: tc } = useTranslation('common');
  const rows = useAsync(() => call('nachweis.overview', {}), []);
  return (
    <section aria-labelledby="page-title">
      <header className="page-head">
        <div>
          <h1 id="page-title">{t('overview.title')}</h1>
          <p className="muted">{t('overview.intro')}</p>
        </div>
      </header>
      <ErrorBanner error={rows.error} />
      {!rows.data ? (
        <p className="muted">{tc('status.loading')}</p>
      ) : rows.data.length === 0 ? (
        <p className="empty">{t('overview.empty')}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('overview.columns.name')}</th>
              <th scope="col">{t('overview.columns.occupation')}</th>
              <th scope="col">{t('overview.columns.missing')}</th>
              <th scope="col">{t('overview.columns.firstMissing')}</th>
              <th scope="col">{t('overview.columns.draft')}</th>
              <th scope="col">{t('overview.columns.traineeSigned')}</th>
              <th scope="col">{t('overview.columns.signed')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.data.map((r) => (
              <tr key={r.traineeId}>
                <td>
                  <a href={href(`/trainees/${r.traineeId}/nachweis`)}>{r.name}</a>
                </td>
                <td>{r.occupationName}</td>
                <td className={r.missing ? 'warn-text' : undefined}>{r.missing}</td>
                <td>{r.firstMissing ? <a href={href(`/trainees/${r.traineeId}/nachweis/${mondayOf(r.firstMissing)}`)}>{formatDate(r.firstMissing)}</a> : '—'}</td>
                <td>{r.draft}</td>
                <td className={r.traineeSigned ? 'warn-text' : undefined}>{r.traineeSigned}</td>
                <td>{r.signed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows.data && rows.data.length > 0 && rows.data.every((r) => !r.missing && !r.draft && !r.traineeSigned) ? <p className="banner banner-ok">{t('overview.allDone')}</p> : null}
    </section>
  );
}
