import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../shared/format';
import { call } from '../api';
import { ErrorBanner } from '../components/forms';
import { href } from '../router';
import { useAsync } from '../useAsync';
import { TodayList } from './TodayList';

type Filter = 'all' | 'active' | 'ended';

export function TraineeList() {
  const { t } = useTranslation(['trainees', 'firm', 'common']);
  const { t: tc } = useTranslation('common');
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<Filter>('all');
  const list = useAsync(() => call('trainees.list', { search, status }), [search, status]);
  const firm = useAsync(() => call('firm.get'), []);
  const today = useAsync(() => call('today.overview'), []);
  const attention = new Set(today.data?.attention ?? []);
  const rows = list.data ?? [];
  return (
    <section aria-labelledby="page-title">
      <header className="page-head">
        <h1 id="page-title">{t('title')}</h1>
        <a className="button primary" href={href('/trainees/new')}>
          {t('new')}
        </a>
      </header>
      {firm.data === null ? (
        <p className="banner banner-warn">
          {t('firm:missing')} <a href={href('/firm')}>{t('common:nav.firm')}</a>
        </p>
      ) : null}
      {today.data ? <TodayList overview={today.data} /> : null}
      <div className="toolbar" role="search">
        <label>
          {t('search')}
          <input type="search" name="search" value={search} placeholder={t('searchPlaceholder')} onChange={(e) => setSearch(e.target.value)} />
        </label>
        <label>
          {t('statusFilter')}
          <select name="status" value={status} onChange={(e) => setStatus(e.target.value as Filter)}>
            {(['all', 'active', 'ended'] as const).map((f) => (
              <option key={f} value={f}>
                {t(`filter.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <span className="muted" aria-live="polite">
          {list.data ? t('count', { count: rows.length }) : ''}
        </span>
      </div>
      <ErrorBanner error={list.error} />
      {list.data && rows.length === 0 ? <p className="empty">{search || status !== 'all' ? t('noMatch') : t('empty')}</p> : null}
      {rows.length > 0 ? (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('columns.name')}</th>
              <th scope="col">{t('columns.occupation')}</th>
              <th scope="col">{t('columns.period')}</th>
              <th scope="col">{t('columns.languages')}</th>
              <th scope="col">{t('columns.level')}</th>
              <th scope="col">{t('columns.status')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <a href={href(`/trainees/${r.id}`)}>
                    {r.lastName}, {r.firstName}
                  </a>
                  {attention.has(r.id) ? <span className="pill pill-danger attention">{t('today.attention')}</span> : null}
                </td>
                <td>{r.occupationName}</td>
                <td>
                  {formatDate(r.contractStart)} – {formatDate(r.contractEndPlanned)}
                </td>
                <td>{r.firstLanguages.map((l) => tc(`languages.${l}` as 'languages.de')).join(', ')}</td>
                <td>{r.germanLevel ?? '—'}</td>
                <td>
                  <span className={`pill pill-${r.status}`}>{t(`statusLabel.${r.status}`)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
