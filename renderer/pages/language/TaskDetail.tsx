// One learning task: what it asks, its status with feedback, the worksheet export, copying and templates.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, toIsoDate } from '../../../shared/format';
import { TRANSLATION_LANGUAGES } from '../../../shared/glossary';
import type { LanguageCode } from '../../../shared/languages';
import type { Task, TaskStatus } from '../../../shared/tasks';
import { call } from '../../api';
import { Dialog } from '../../components/Dialog';
import { ExportButton } from '../../components/ExportButton';
import { ErrorBanner, FormActions, Notice, SelectField } from '../../components/forms';
import { href, navigate } from '../../router';
import { useAsync } from '../../useAsync';
import { usePositionTitles } from './Pickers';
import { Foreign, TermLabel, useLanguageName } from './util';

export function TaskDetail({ id }: { id: number }) {
  const { t } = useTranslation('common');
  const task = useAsync(() => call('tasks.get', { id }), [id]);
  if (task.error) return <ErrorBanner error={task.error} />;
  if (!task.data) return <p className="muted">{t('status.loading')}</p>;
  return <TaskView task={task.data} reload={task.reload} />;
}

function TaskView({ task: tk, reload }: { task: Task; reload: () => void }) {
  const { t } = useTranslation('language');
  const { t: tc } = useTranslation('common');
  const langName = useLanguageName();
  const position = usePositionTitles(tk.occupationId);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [dialog, setDialog] = useState<null | 'copy' | 'delete'>(null);
  const [sheetLang, setSheetLang] = useState('');
  const [colors, setColors] = useState(true);
  const [suggestions, setSuggestions] = useState(false);
  const lang = tk.effectiveLanguage;
  const overdue = tk.status === 'assigned' && tk.dueBy !== null && tk.dueBy < toIsoDate(new Date());

  async function act(fn: () => Promise<unknown>, message?: string) {
    setError(null);
    setNotice(null);
    try {
      await fn();
      if (message) setNotice(message);
      reload();
    } catch (err) {
      setError(err);
    }
  }
  const setStatus = (status: TaskStatus) => act(() => call('tasks.setStatus', { id: tk.id, status }));

  return (
    <section aria-labelledby="page-title" className="task-detail">
      <header className="page-head">
        <div>
          <p className="crumbs">
            {tk.traineeId ? <a href={href(`/trainees/${tk.traineeId}/tasks`)}>{tk.traineeName}</a> : <a href={href('/tasks')}>{t('tasks.title')}</a>}
          </p>
          <h1 id="page-title">{tk.title}</h1>
          <p className="muted">
            {tk.isTemplate ? `${t('tasks.template')} · ` : ''}
            {tk.occupationName} · {t('task.fields.level')}: {tk.level}
            {lang ? ` · ${langName(lang)}` : ''}
            {!tk.isTemplate ? (
              <>
                {' · '}
                <span className={`pill pill-task-${tk.status}`}>{t(`status.${tk.status}`)}</span>
                {tk.assignedOn ? ` · ${t('task.fields.assignedOn')} ${formatDate(tk.assignedOn)}` : ''}
                {tk.dueBy ? ` · ${t('task.fields.dueBy')} ${formatDate(tk.dueBy)}` : ''}
                {overdue ? <span className="pill pill-danger"> {t('detail.overdue')}</span> : null}
              </>
            ) : null}
          </p>
        </div>
        <a className="button" href={href(`/tasks/${tk.id}/edit`)}>
          {tc('actions.edit')}
        </a>
      </header>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorBanner error={error} />

      <div className="cards">
        <section className="card">
          <h2>{t('detail.goal')}</h2>
          <p className="prewrap">{tk.vocationalGoal}</p>
          {tk.workSteps.length ? (
            <>
              <h3>{t('task.fields.workSteps')}</h3>
              <ol>
                {tk.workSteps.map((s, i) => (
                  <li key={i}>{s}</li>
                ))}
              </ol>
            </>
          ) : null}
          {tk.positions.length ? (
            <>
              <h3>{t('task.fields.positions')}</h3>
              <ul>
                {tk.positions.map((n) => (
                  <li key={n}>{position(n)}</li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
        <section className="card">
          <h2>{t('task.fields.terms')}</h2>
          {tk.terms.length ? (
            <table className="data compact">
              <tbody>
                {tk.terms.map((x) => (
                  <tr key={x.id}>
                    <td>
                      <a href={href(`/glossary/${x.id}`)}>
                        <TermLabel term={x.term} article={x.article} />
                      </a>
                    </td>
                    <td>{x.translation && lang ? <Foreign text={x.translation} lang={lang} /> : <span className="muted small">{lang ? t('detail.notTranslated') : ''}</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="muted">{t('detail.none')}</p>
          )}
          {tk.phrases.length ? (
            <>
              <h3>{t('task.fields.phrases')}</h3>
              <ul className="phrases">
                {tk.phrases.map((p, i) => (
                  <li key={i}>
                    <span className="muted small">{t(`phraseKinds.${p.kind}`)}:</span> {p.text}
                    {lang && p.translations[lang] ? (
                      <>
                        {' — '}
                        <Foreign text={p.translations[lang]} lang={lang} />
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      </div>

      <div className="cards">
        <section className="card">
          <h2>{t('task.sections.scenario')}</h2>
          {tk.scenario ? <p>{tk.scenario}</p> : null}
          <ol className="scenario">
            {tk.scenarioSteps.map((s, i) => (
              <li key={i}>
                <span className="pill">{t(`skills.${s.skill}`)}</span> {s.text}
              </li>
            ))}
          </ol>
          <h3>{t('task.sections.checks')}</h3>
          <ul>
            {tk.checks.map((c, i) => (
              <li key={i}>
                <strong>{t(`checkMethods.${c.method}`)}:</strong> {c.text}
              </li>
            ))}
          </ul>
        </section>
        {!tk.isTemplate ? (
          <section className="card">
            <h2>{t('task.sections.assignment')}</h2>
            <dl>
              <dt>{t('task.fields.status')}</dt>
              <dd>
                {t(`status.${tk.status}`)}
                {tk.doneOn ? ` (${t('detail.doneOn', { date: formatDate(tk.doneOn) })}${tk.reviewedOn ? `, ${t('detail.reviewedOn', { date: formatDate(tk.reviewedOn) })}` : ''})` : ''}
              </dd>
              <dt>{t('task.fields.feedback')}</dt>
              <dd className="prewrap">{tk.feedback ?? '—'}</dd>
              <dt>{t('task.fields.evidence')}</dt>
              <dd className="prewrap">{tk.evidence ?? '—'}</dd>
            </dl>
            <div className="actions">
              {tk.status === 'assigned' ? (
                <button type="button" onClick={() => setStatus('done')}>
                  {t('detail.markDone')}
                </button>
              ) : null}
              {tk.status !== 'reviewed' ? (
                <button type="button" onClick={() => setStatus('reviewed')}>
                  {t('detail.markReviewed')}
                </button>
              ) : null}
              {tk.status !== 'assigned' ? (
                <button type="button" onClick={() => setStatus('assigned')}>
                  {t('detail.reopen')}
                </button>
              ) : null}
            </div>
          </section>
        ) : null}
      </div>

      <section className="card worksheet-card" aria-labelledby="worksheet-title">
        <h2 id="worksheet-title">{t('detail.worksheet')}</h2>
        <div className="grid">
          <SelectField
            name="worksheetLanguage"
            label={t('detail.worksheetLanguage')}
            value={sheetLang}
            onChange={setSheetLang}
            options={[
              { value: '', label: lang ? t('detail.taskLanguage', { language: langName(lang) }) : t('task.languageNone') },
              { value: 'de', label: t('task.languageNone') },
              ...TRANSLATION_LANGUAGES.map((l) => ({ value: l, label: langName(l) })),
            ]}
          />
          <label className="check">
            <input type="checkbox" name="articleColors" checked={colors} onChange={(e) => setColors(e.target.checked)} />
            {t('detail.articleColors')}
          </label>
          <label className="check">
            <input type="checkbox" name="suggestions" checked={suggestions} onChange={(e) => setSuggestions(e.target.checked)} />
            {t('detail.suggestions')}
          </label>
        </div>
        <div className="actions">
          <ExportButton
            className="primary"
            request={{ kind: 'arbeitsblatt', taskId: tk.id, articleColors: colors, suggestions, ...(sheetLang ? { language: sheetLang as LanguageCode } : {}) }}
            label={t('detail.worksheet')}
          />
          <button type="button" onClick={() => act(() => call('tasks.reshuffle', { id: tk.id }), t('detail.reshuffled'))}>
            {t('detail.reshuffle')}
          </button>
        </div>
      </section>

      <div className="actions">
        <button type="button" onClick={() => setDialog('copy')}>
          {t('detail.copy')}
        </button>
        {!tk.isTemplate ? (
          <button
            type="button"
            onClick={() =>
              act(async () => {
                const tpl = await call('tasks.copy', { id: tk.id, traineeId: null });
                navigate(`/tasks/${tpl.id}`);
              }, t('detail.templateSaved'))
            }
          >
            {t('detail.saveTemplate')}
          </button>
        ) : null}
        <button type="button" className="danger" onClick={() => setDialog('delete')}>
          {t('detail.delete')}
        </button>
      </div>

      <Dialog open={dialog === 'copy'} title={t('detail.copyTitle')} onClose={() => setDialog(null)}>
        <CopyForm task={tk} onCancel={() => setDialog(null)} />
      </Dialog>
      <Dialog open={dialog === 'delete'} title={t('detail.deleteTitle', { title: tk.title })} onClose={() => setDialog(null)}>
        <p>{t('detail.deleteText')}</p>
        <div className="actions">
          <button
            type="button"
            className="danger"
            onClick={() =>
              act(async () => {
                await call('tasks.delete', { id: tk.id });
                navigate(tk.traineeId ? `/trainees/${tk.traineeId}/tasks` : '/tasks');
              })
            }
          >
            {t('detail.delete')}
          </button>
          <button type="button" onClick={() => setDialog(null)}>
            {tc('actions.cancel')}
          </button>
        </div>
      </Dialog>
    </section>
  );
}

function CopyForm({ task, onCancel }: { task: Task; onCancel: () => void }) {
  const { t } = useTranslation('language');
  const trainees = useAsync(() => call('trainees.list', { status: 'active' }), []);
  const [target, setTarget] = useState('');
  const [error, setError] = useState<unknown>(null);
  const options = (trainees.data?.items ?? []).map((x) => ({ value: String(x.id), label: `${x.lastName}, ${x.firstName} (${x.occupationName})` }));
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    try {
      const copy = await call('tasks.copy', { id: task.id, traineeId: Number(target || options[0]?.value) });
      navigate(`/tasks/${copy.id}`);
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form onSubmit={submit} className="form" noValidate>
      <ErrorBanner error={error ?? trainees.error} />
      <SelectField name="copyTarget" label={t('detail.copyTarget')} value={target || options[0]?.value || ''} onChange={setTarget} options={options} required />
      <FormActions submit={t('detail.copy')} onCancel={onCancel} disabled={options.length === 0} />
    </form>
  );
}
