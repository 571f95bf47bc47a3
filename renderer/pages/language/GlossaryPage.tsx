// The glossary: filter by scope, search, tag, the translation to show (or only entries still missing it);
// CSV import and export; links to each entry.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GLOSSARY_TAGS, TRANSLATION_LANGUAGES, type GlossaryEntry, type GlossaryTag } from '../../../shared/glossary';
import { call } from '../../api';
import { ExportButton } from '../../components/ExportButton';
import { ErrorBanner } from '../../components/forms';
import { href } from '../../router';
import { useAsync } from '../../useAsync';
import { ImportDialog } from './ImportDialog';
import { Foreign, SuggestionMark, TermLabel, useLanguageName } from './util';

const PAGE = 200;

export function GlossaryPage() {
  const { t } = useTranslation('language');
  const langName = useLanguageName();
  const [filter, setFilter] = useState('all');
  const [search, setSearch] = useState('');
  const [tag, setTag] = useState<GlossaryTag | ''>('');
  const [lang, setLang] = useState<string>('ar');
  const [missing, setMissing] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const [importing, setImporting] = useState(false);
  const occupations = useAsync(() => call('occupations.list'), []);
  const list = useAsync(
    () =>
      call('glossary.list', {
        filter,
        limit,
        ...(search.trim() ? { search } : {}),
        ...(tag ? { tag } : {}),
        ...(missing ? { missing: lang as 'ar' } : {}),
      }),
    [filter, search, tag, lang, missing, limit],
  );
  const entries: GlossaryEntry[] = list.data?.entries ?? [];
  return (
    <section aria-labelledby="page-title">
      <header className="page-head">
        <div>
          <h1 id="page-title">{t('glossary.title')}</h1>
          <p className="muted intro">{t('glossary.intro')}</p>
        </div>
        <div className="actions head-actions">
          <a className="button primary" href={href('/glossary/new')}>
            {t('glossary.new')}
          </a>
          <button type="button" onClick={() => setImporting(true)}>
            {t('glossary.importCsv')}
          </button>
          <ExportButton request={{ kind: 'glossar', filter }} label={t('glossary.exportCsv')} />
        </div>
      </header>
      <div className="toolbar" role="search">
        <label>
          {t('glossary.scope')}
          <select name="scope" value={filter} onChange={(e) => (setFilter(e.target.value), setLimit(PAGE))}>
            <option value="all">{t('glossary.scopeAll')}</option>
            <option value="general">{t('general')}</option>
            {(occupations.data ?? []).map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('glossary.search')}
          <input type="search" name="search" value={search} placeholder={t('glossary.searchPlaceholder')} onChange={(e) => (setSearch(e.target.value), setLimit(PAGE))} />
        </label>
        <label>
          {t('glossary.tag')}
          <select name="tag" value={tag} onChange={(e) => setTag(e.target.value as GlossaryTag | '')}>
            <option value="">{t('glossary.allTags')}</option>
            {GLOSSARY_TAGS.map((g) => (
              <option key={g} value={g}>
                {t(`tags.${g}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('glossary.language')}
          <select name="language" value={lang} onChange={(e) => setLang(e.target.value)}>
            {TRANSLATION_LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {langName(l)}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" name="missing" checked={missing} onChange={(e) => setMissing(e.target.checked)} />
          {t('glossary.missing')}
        </label>
        <span className="muted" aria-live="polite">
          {list.data ? t('glossary.count', { count: list.data.total }) : ''}
        </span>
      </div>
      <ErrorBanner error={list.error ?? occupations.error} />
      {list.data && entries.length === 0 ? <p className="empty">{t('glossary.empty')}</p> : null}
      {entries.length > 0 ? (
        <table className="data glossary-table">
          <thead>
            <tr>
              <th scope="col">{t('glossary.columns.term')}</th>
              <th scope="col">{t('glossary.columns.plural')}</th>
              <th scope="col">{t('glossary.columns.explanation')}</th>
              <th scope="col">{langName(lang)}</th>
              <th scope="col">{t('glossary.columns.scope')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>
                  <a href={href(`/glossary/${e.id}`)} aria-label={e.term}>
                    <TermLabel term={e.term} article={e.article} />
                  </a>
                  <div className="muted small">
                    {t(`wordClass.${e.wordClass}`)}
                    {e.tags.length ? ` · ${e.tags.map((g) => t(`tags.${g}`)).join(', ')}` : ''}
                    {e.picture ? ` · ${t('glossary.withPicture')}` : ''}
                  </div>
                </td>
                <td>{e.plural ?? '—'}</td>
                <td className="small">{e.explanation}</td>
                <td>
                  {e.translations[lang] ? <Foreign text={e.translations[lang]} lang={lang} /> : <span className="muted small">{t('glossary.notTranslated')}</span>}
                  {e.suggested.includes(lang) ? (
                    <div>
                      <SuggestionMark entryId={e.id} term={e.term} language={lang} onChecked={list.reload} />
                    </div>
                  ) : null}
                </td>
                <td className="small">{e.occupationName ?? t('general')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {list.data && list.data.total > entries.length ? (
        <div className="actions">
          <button type="button" onClick={() => setLimit((l) => Math.min(l + PAGE, 1000))} disabled={limit >= 1000}>
            {t('glossary.more')}
          </button>
        </div>
      ) : null}
      <ImportDialog
        open={importing}
        occupations={occupations.data ?? []}
        defaultTarget={filter === 'all' || filter === 'general' ? null : filter}
        onClose={() => setImporting(false)}
        onImported={() => list.reload()}
      />
    </section>
  );
}
