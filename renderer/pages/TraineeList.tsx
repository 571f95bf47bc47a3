import { useContext, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../shared/format';
import { TRAINEE_PAGE_SIZE } from '../../shared/paging';
import { call, prefetched } from '../api';
import { ErrorBanner } from '../components/forms';
import { href } from '../router';
import { TodayContext } from '../todayContext';
import { useAsync } from '../useAsync';
import { TodayList } from './TodayList';
import { START_FILTERS, traineeListInput, type TraineeStatusFilter as Filter } from './traineeListQuery';

export function TraineeList() {
  const { t } = useTranslation(['trainees', 'firm', 'common']);
  const { t: tc } = useTranslation('common');
  const [search, setSearch] = useState(START_FILTERS.search);
  const [status, setStatus] = useState<Filter>(START_FILTERS.status);
  // Filters and the page shown (issue 14): a change of filter starts again at the first page.
  const [occupationId, setOccupationId] = useState(START_FILTERS.occupationId);
  const [trainingYear, setTrainingYear] = useState(START_FILTERS.trainingYear);
  const [onlyAttention, setOnlyAttention] = useState(START_FILTERS.onlyAttention);
  const [offset, setOffset] = useState(START_FILTERS.offset);
  const filter = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setOffset(0);
  };
  const query = traineeListInput({ search, status, offset, occupationId, trainingYear, onlyAttention });
  // The first page, occupations and firm come from the start's calls when they are already there (boot.ts).
  const list = useAsync(() => call('trainees.list', query), [search, status, occupationId, trainingYear, onlyAttention, offset], () => prefetched('trainees.list', query));
  const occupations = useAsync(() => call('occupations.list'), [], () => prefetched('occupations.list', {}));
  const firm = useAsync(() => call('firm.get'), [], () => prefetched('firm.get', {}));
  const today = useContext(TodayContext);
  const attention = new Set(today?.attention ?? []);
  const rows = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const filtered = Boolean(search || status !== 'all' || occupationId || trainingYear || onlyAttention);
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
      {today ? <TodayList overview={today} /> : null}
      <div className="toolbar" role="search">
        <label>
          {t('search')}
          <input type="search" name="search" value={search} placeholder={t('searchPlaceholder')} onChange={(e) => filter(setSearch)(e.target.value)} />
        </label>
        <label>
          {t('statusFilter')}
          <select name="status" value={status} onChange={(e) => filter(setStatus)(e.target.value as Filter)}>
            {(['all', 'active', 'ended'] as const).map((f) => (
              <option key={f} value={f}>
                {t(`filter.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('listPaging.occupation')}
          <select name="occupation" value={occupationId} onChange={(e) => filter(setOccupationId)(e.target.value)}>
            <option value="">{t('listPaging.anyOccupation')}</option>
            {(occupations.data ?? []).map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('listPaging.year')}
          <select name="trainingYear" value={trainingYear} onChange={(e) => filter(setTrainingYear)(Number(e.target.value))}>
            <option value={0}>{t('listPaging.anyYear')}</option>
            {[1, 2, 3, 4].map((n) => (
              <option key={n} value={n}>
                {t('listPaging.yearN', { n })}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" name="attention" checked={onlyAttention} onChange={(e) => filter(setOnlyAttention)(e.target.checked)} />
          {t('listPaging.attention')}
        </label>
        <span className="muted" aria-live="polite">
          {list.data ? t('count', { count: total }) : ''}
        </span>
      </div>
      <ErrorBanner error={list.error} />
      {list.data && rows.length === 0 ? <p className="empty">{filtered ? t('noMatch') : t('empty')}</p> : null}
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
      {total > TRAINEE_PAGE_SIZE ? (
        <nav className="pager" aria-label={t('listPaging.pages')}>
          <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - TRAINEE_PAGE_SIZE))}>
            {t('listPaging.previous')}
          </button>
          <span>{t('listPaging.range', { from: offset + 1, to: offset + rows.length, total })}</span>
          <button type="button" disabled={offset + TRAINEE_PAGE_SIZE >= total} onClick={() => setOffset(offset + TRAINEE_PAGE_SIZE)}>
            {t('listPaging.next')}
          </button>
        </nav>
      ) : null}
    </section>
  );
}
