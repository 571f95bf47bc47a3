// The network part of the "Fristen" page: gaps after a measure, agreement dates, consents ending soon.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format';
import { call } from '../../api';
import { ErrorBanner } from '../../components/forms';
import { href } from '../../router';
import { useAsync } from '../../useAsync';

export function NetworkDashboard() {
  const { t } = useTranslation('network');
  const d = useAsync(() => Promise.all([call('network.dashboard', {}), call('network.dueForDeletion', {}), call('network.deletionLog', {})]), []);
  const [error, setError] = useState<unknown>(null);
  if (d.error) return <ErrorBanner error={d.error} />;
  if (!d.data) return null;
  const [{ gaps, agreements, consents }, due, log] = d.data;
  async function remove(traineeId: number, category: (typeof due)[number]['category']) {
    setError(null);
    try {
      await call('network.deleteDue', { traineeId, category });
      d.reload();
    } catch (e) {
      setError(e);
    }
  }
  const who = (x: { traineeId: number; firstName: string; lastName: string }) => <a href={href(`/trainees/${x.traineeId}/network`)}>{`${x.lastName}, ${x.firstName}`}</a>;
  return (
    <section className="card network-dashboard" aria-labelledby="network-dashboard-title">
      <h2 id="network-dashboard-title">{t('dashboard.title')}</h2>
      <ErrorBanner error={error} />
      {gaps.length + agreements.length + consents.length === 0 ? <p className="empty">{t('dashboard.empty')}</p> : null}
      {gaps.length > 0 ? (
        <>
          <h3>{t('dashboard.gaps')}</h3>
          <ul className="network-gaps">
            {gaps.map((g) => (
              <li key={g.measureId}>
                {who(g)}: {t('dashboard.gap', { type: t(`measures.types.${g.type}`), date: formatDate(g.endOn) })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {agreements.length > 0 ? (
        <>
          <h3>{t('dashboard.agreements')}</h3>
          <ul className="network-agreements">
            {agreements.map((a) => (
              <li key={a.agreementId}>
                {who(a)}: {t('dashboard.agreement', { what: a.what, who: a.responsible, kind: t(`dashboard.${a.dateKind}`), date: formatDate(a.date) })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {consents.length > 0 ? (
        <>
          <h3>{t('dashboard.consents')}</h3>
          <ul className="network-consents-due">
            {consents.map((c) => (
              <li key={c.consentId}>
                {who(c)}: {t('dashboard.consent', { recipient: c.recipient, date: formatDate(c.validUntil) })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {due.length > 0 ? (
        <>
          <h3>{t('dashboard.deletionDue')}</h3>
          <p className="muted small">{t('dashboard.dueHint')}</p>
          <ul className="network-due">
            {due.map((x) => (
              <li key={`${x.traineeId}-${x.category}`}>
                {who(x)}: {t(`dashboard.dueCategories.${x.category}`, { count: x.count })}{' '}
                <button type="button" className="danger" onClick={() => remove(x.traineeId, x.category)}>
                  {t('dashboard.deleteDue')}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {log.length > 0 ? (
        <>
          <h3>{t('dashboard.deletionLog')}</h3>
          <ul className="network-deletion-log">
            {log.map((x) => (
              <li key={x.id}>
                {formatDate(x.deletedAt.slice(0, 10))} – {`${x.lastName}, ${x.firstName}`}: {t(`dashboard.deletedCategories.${x.category}`, { count: x.count })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
