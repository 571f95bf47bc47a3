// The rule catalogue with its sources, and the firm's lead times per document type (stored in the settings).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalogue, DocumentType } from '../../../shared/immigration';
import { call } from '../../api';
import { ErrorBanner, Notice, useFieldErrors } from '../../components/forms';
import { href } from '../../router';
import { useAsync } from '../../useAsync';
import { SourceNote, useImmigrationText } from './text';

type Draft = Record<string, { prepareWeeks: string; urgentWeeks: string }>;

const draftOf = (c: Catalogue): Draft =>
  Object.fromEntries(c.documentTypes.map((d) => [d.id, { prepareWeeks: String(d.leadTime.prepareWeeks), urgentWeeks: String(d.leadTime.urgentWeeks) }]));

export function RulesPage() {
  const { t } = useTranslation('immigration');
  const { t: tc } = useTranslation('common');
  const { loc } = useImmigrationText();
  const cat = useAsync(() => call('immigration.catalogue'), []);
  const [draft, setDraft] = useState<Draft>({});
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const errors = useFieldErrors(error);
  useEffect(() => {
    if (cat.data) setDraft(draftOf(cat.data));
  }, [cat.data]);
  const c = cat.data;
  const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    setNotice(null);
    try {
      const leadTimes: Partial<Record<DocumentType, { prepareWeeks: number; urgentWeeks: number }>> = {};
      for (const d of c?.documentTypes ?? []) {
        const v = draft[d.id];
        if (v) leadTimes[d.id] = { prepareWeeks: num(v.prepareWeeks), urgentWeeks: num(v.urgentWeeks) };
      }
      const next = await call('immigration.saveLeadTimes', { leadTimes });
      setDraft(draftOf(next));
      setNotice(t('rulesPage.saved'));
      cat.reload();
    } catch (err) {
      setError(err);
    }
  }
  function reset() {
    if (!c) return;
    setDraft(Object.fromEntries(c.documentTypes.map((d) => [d.id, { prepareWeeks: String(c.defaultLeadTimes.prepareWeeks), urgentWeeks: String(c.defaultLeadTimes.urgentWeeks) }])));
  }

  return (
    <section aria-labelledby="page-title" className="rules-page">
      <header className="page-head">
        <div>
          <p className="crumbs">
            <a href={href('/fristen')}>{t('dashboard.title')}</a>
          </p>
          <h1 id="page-title">{t('rulesPage.title')}</h1>
          <p className="muted">{t('rulesPage.intro')}</p>
        </div>
      </header>
      <ErrorBanner error={cat.error ?? error} />
      {notice ? <Notice>{notice}</Notice> : null}
      {c ? (
        <>
          <p className="banner banner-warn">
            {loc(c.disclaimer)} {t('rulesPage.checked', { date: c.checked })}
          </p>
          <form onSubmit={save} noValidate className="form">
            <fieldset>
              <legend>{t('rulesPage.leadTitle')}</legend>
              <p className="muted">{loc(c.leadTimeSource)}</p>
              <table className="data lead-times">
                <thead>
                  <tr>
                    <th scope="col">{t('rulesPage.docType')}</th>
                    <th scope="col">{t('rulesPage.prepare')}</th>
                    <th scope="col">{t('rulesPage.urgent')}</th>
                    <th scope="col">{t('rulesPage.source')}</th>
                  </tr>
                </thead>
                <tbody>
                  {c.documentTypes.map((d) => {
                    const v = draft[d.id] ?? { prepareWeeks: '', urgentWeeks: '' };
                    const setV = (k: 'prepareWeeks' | 'urgentWeeks', x: string) => setDraft((s) => ({ ...s, [d.id]: { ...v, [k]: x } }));
                    const errP = errors[`leadTimes.${d.id}.prepareWeeks`];
                    const errU = errors[`leadTimes.${d.id}.urgentWeeks`];
                    return (
                      <tr key={d.id}>
                        <th scope="row">
                          {t(`docTypes.${d.id}`)} {d.leadTimeChanged ? <span className="pill">{t('rulesPage.changed')}</span> : null}
                        </th>
                        <td className={errP ? 'field-invalid' : undefined}>
                          <input type="number" min={1} max={52} name={`prepare-${d.id}`} aria-label={`${t('rulesPage.prepare')}: ${t(`docTypes.${d.id}`)}`} aria-invalid={Boolean(errP)} value={v.prepareWeeks} onChange={(e) => setV('prepareWeeks', e.target.value)} />
                          {errP ? <small className="error">{errP}</small> : null}
                        </td>
                        <td className={errU ? 'field-invalid' : undefined}>
                          <input type="number" min={0} max={52} name={`urgent-${d.id}`} aria-label={`${t('rulesPage.urgent')}: ${t(`docTypes.${d.id}`)}`} aria-invalid={Boolean(errU)} value={v.urgentWeeks} onChange={(e) => setV('urgentWeeks', e.target.value)} />
                          {errU ? <small className="error">{errU}</small> : null}
                        </td>
                        <td>
                          <small>{loc(d.source)}</small>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              <div className="actions">
                <button type="submit" className="primary">
                  {t('rulesPage.save')}
                </button>
                <button type="button" onClick={reset}>
                  {t('rulesPage.reset')}
                </button>
              </div>
            </fieldset>
          </form>
          <section className="card">
            <h2>{t('rulesPage.rulesTitle')}</h2>
            <dl>
              {c.rules.map((r) => (
                <div key={r.id} className="rule-row" data-rule={r.id}>
                  <dt>
                    {loc(r.name)}
                    {r.days !== null ? ` (${t('rulesPage.days', { days: r.days })})` : ''}{' '}
                    <span className={`pill binding-${r.binding}`}>{t(`binding.${r.binding}`)}</span>
                  </dt>
                  <dd>
                    <SourceNote source={r.source} uncertain={r.uncertain} />
                    {r.url ? (
                      <>
                        <br />
                        <small className="muted">{r.url}</small>
                      </>
                    ) : null}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
          <section className="card">
            <h2>{t('rulesPage.dashboardTitle')}</h2>
            <p className="muted">{loc(c.dashboardSource)}</p>
          </section>
          <section className="card">
            <h2>{t('rulesPage.workNotesTitle')}</h2>
            <p className="muted">{loc(c.workNoteSource)}</p>
            <ul>
              {c.workNotes.map((n) => (
                <li key={n.id}>
                  {t(`workNotes.${n.id}`)}: {t(`rulesPage.training.${n.training}`)}
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : (
        <p className="muted">{tc('status.loading')}</p>
      )}
    </section>
  );
}
