// "Fristen": every open deadline across all trainees by urgency, who may not train today, and what was done lately.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../shared/format';
import { DEADLINE_BUCKETS } from '../../../shared/immigration';
import { call } from '../../api';
import { ExportButton } from '../../components/ExportButton';
import { ErrorBanner } from '../../components/forms';
import { href } from '../../router';
import { useAsync } from '../../useAsync';
import { NetworkDashboard } from '../network/NetworkDashboard';
import { DeadlineTable } from './DeadlineTable';
import { SourceNote, useImmigrationText } from './text';

export function DeadlinesPage() {
  const { t } = useTranslation('immigration');
  const { t: tc } = useTranslation('common');
  const text = useImmigrationText();
  const list = useAsync(() => call('deadlines.list', {}), []);
  const [error, setError] = useState<unknown>(null);
  const data = list.data;
  async function undo(key: string) {
    setError(null);
    try {
      await call('deadlines.reopen', { key });
      list.reload();
    } catch (e) {
      setError(e);
    }
  }
  return (
    <section aria-labelledby="page-title" className="deadlines-page">
      <header className="page-head">
        <div>
          <h1 id="page-title">{t('dashboard.title')}</h1>
          <p className="muted">{t('dashboard.intro')}</p>
        </div>
        <div className="head-actions">
          <ExportButton request={{ kind: 'fristen-ics' }} label={t('dashboard.exportIcs')} />
          <a className="button" href={href('/fristen/regeln')}>
            {t('dashboard.rules')}
          </a>
        </div>
      </header>
      <ErrorBanner error={list.error ?? error} />
      {!data ? <p className="muted">{tc('status.loading')}</p> : null}
      {data && data.blocked.length > 0 ? (
        <section className="card card-danger" aria-labelledby="blocked-title">
          <h2 id="blocked-title">{t('dashboard.blocked')}</h2>
          <ul className="blocked-list">
            {data.blocked.map((b) => (
              <li key={b.traineeId}>
                <a href={href(`/trainees/${b.traineeId}/documents`)}>
                  {b.lastName}, {b.firstName}
                </a>
: {text.reason(b)} <SourceNote source={b.source} uncertain={b.uncertain} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {data && data.open.length === 0 ? <p className="empty">{t('dashboard.empty', { days: data.horizonDays })}</p> : null}
      {data
        ? DEADLINE_BUCKETS.map((bucket) => {
            const items = data.open.filter((d) => d.bucket === bucket);
            if (items.length === 0) return null;
            return (
              <section key={bucket} className={`bucket bucket-${bucket}`} aria-labelledby={`bucket-${bucket}`}>
                <h2 id={`bucket-${bucket}`}>
                  {t(`dashboard.buckets.${bucket}`, { days: bucket === 'soon' ? data.soonDays : data.upcomingDays })} <span className="count">({items.length})</span>
                </h2>
                <DeadlineTable items={items} showWho onChanged={list.reload} />
              </section>
            );
          })
        : null}
      <NetworkDashboard />
      {data && data.done.length > 0 ? (
        <section aria-labelledby="done-title" className="done-list">
          <h2 id="done-title">{t('dashboard.doneTitle')}</h2>
          <ul>
            {data.done.map((d) => (
              <li key={d.key}>
                <span>
                  <strong>{t(`kindShort.${d.kind}`)}</strong> – <a href={href(`/trainees/${d.traineeId}/documents`)}>{`${d.lastName}, ${d.firstName}`}</a> ({formatDate(d.dueOn)}).{' '}
                  {t('dashboard.doneBy', { date: formatDate(d.done?.doneOn), who: d.done?.doneBy })}
                  {d.done?.via ? ` (${t(`complete.vias.${d.done.via}`)})` : ''}
                  {d.done?.note ? ` – ${d.done.note}` : ''} <small className="muted">({formatDateTime(d.done?.doneAt)})</small>
                </span>{' '}
                <button type="button" className="link-button" onClick={() => undo(d.key)}>
                  {t('dashboard.undo')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="muted small">
        {t('dashboard.icsHint')} {t('notLegalAdvice')}
      </p>
    </section>
  );
}
