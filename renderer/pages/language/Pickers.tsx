// Choosing a task's glossary terms (from the occupation's and the firm's glossary) and its plan positions
// (from the occupation's framework plan, via occupations.positions).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TASK_LIMITS } from '../../../shared/tasks';
import type { Article } from '../../../shared/glossary';
import { call } from '../../api';
import { ErrorBanner } from '../../components/forms';
import { useAsync } from '../../useAsync';
import { Foreign, TermLabel } from './util';

export interface TermInfo {
  id: number;
  term: string;
  article: Article | null;
  translation: string | null;
}

export function TermPicker(p: { occupationId: string; language: string | null; value: TermInfo[]; onChange: (v: TermInfo[]) => void; error?: string | undefined }) {
  const { t } = useTranslation('language');
  const id = useId();
  const [search, setSearch] = useState('');
  const results = useAsync(
    () => (p.occupationId ? call('glossary.list', { filter: p.occupationId, withGeneral: true, limit: 200, ...(search.trim() ? { search } : {}) }) : Promise.resolve(null)),
    [p.occupationId, search],
  );
  const chosen = new Set(p.value.map((x) => x.id));
  const toggle = (x: TermInfo, on: boolean) => p.onChange(on ? [...p.value, x] : p.value.filter((v) => v.id !== x.id));
  return (
    <fieldset className={`field field-wide term-picker${p.error ? ' field-invalid' : ''}`} aria-describedby={p.error ? `${id}-err` : undefined}>
      <legend>{t('task.fields.terms')}</legend>
      <p className="hint small">{t('task.hints.terms')}</p>
      <div className="term-picker-columns">
        <div>
          <label className="stacked">
            {t('task.termSearch')}
            <input type="search" name="termSearch" value={search} onChange={(e) => setSearch(e.target.value)} />
          </label>
          <ErrorBanner error={results.error} />
          <ul className="term-results" aria-label={t('task.termResults')}>
            {(results.data?.entries ?? []).map((e) => {
              const info: TermInfo = { id: e.id, term: e.term, article: e.article, translation: p.language ? (e.translations[p.language] ?? null) : null };
              return (
                <li key={e.id}>
                  <label className="check">
                    <input
                      type="checkbox"
                      name="term"
                      value={e.id}
                      checked={chosen.has(e.id)}
                      disabled={!chosen.has(e.id) && p.value.length >= TASK_LIMITS.terms}
                      onChange={(ev) => toggle(info, ev.target.checked)}
                    />
                    <TermLabel term={e.term} article={e.article} />
                    {info.translation && p.language ? (
                      <span className="muted small">
                        {' '}
                        · <Foreign text={info.translation} lang={p.language} />
                      </span>
                    ) : null}
                  </label>
                </li>
              );
            })}
          </ul>
        </div>
        <div>
          <p className="stacked-label">
            {t('task.chosen')} <span className="muted small">({t('task.termsChosen', { count: p.value.length })})</span>
          </p>
          <ol className="term-chosen">
            {p.value.map((x) => (
              <li key={x.id}>
                <TermLabel term={x.term} article={x.article} />
                <button type="button" className="icon" aria-label={`${t('task.remove')}: ${x.term}`} title={t('task.remove')} onClick={() => toggle(x, false)}>
                  ✕
                </button>
              </li>
            ))}
          </ol>
        </div>
      </div>
      {p.error ? (
        <small id={`${id}-err`} className="error">
          {p.error}
        </small>
      ) : null}
    </fieldset>
  );
}

export function PositionPicker(p: { occupationId: string; value: string[]; onChange: (v: string[]) => void; error?: string | undefined }) {
  const { t } = useTranslation('language');
  const positions = useAsync(() => (p.occupationId ? call('occupations.positions', { occupationId: p.occupationId }) : Promise.resolve([])), [p.occupationId]);
  return (
    <fieldset className={`field field-wide position-picker${p.error ? ' field-invalid' : ''}`}>
      <legend>{t('task.fields.positions')}</legend>
      {positions.error ? <p className="muted small">{t('task.noPositions')}</p> : null}
      <div className="scroll-box">
        {(positions.data ?? []).map((pos) => (
          <label key={pos.number} className="check position-option">
            <input
              type="checkbox"
              name="position"
              value={pos.number}
              checked={p.value.includes(pos.number)}
              disabled={!p.value.includes(pos.number) && p.value.length >= TASK_LIMITS.positions}
              onChange={(e) => p.onChange(e.target.checked ? [...p.value, pos.number] : p.value.filter((n) => n !== pos.number))}
            />
            {t('task.positionTitle', { number: pos.number, title: pos.title })}
          </label>
        ))}
      </div>
      {p.error ? <small className="error">{p.error}</small> : null}
    </fieldset>
  );
}

/** Position numbers with their titles, for showing a task. */
export function usePositionTitles(occupationId: string | undefined) {
  const positions = useAsync(() => (occupationId ? call('occupations.positions', { occupationId }) : Promise.resolve([])), [occupationId]);
  const map = new Map((positions.data ?? []).map((p) => [p.number, p.title]));
  return (n: string) => (map.get(n) ? `${n} ${map.get(n)}` : n);
}
