// The "Lernaufgaben" tab of a trainee: language progress, the trainee's tasks, new task, task from a template.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Progress as PlanProgress } from '../../../shared/plan';
import type { TaskProgress } from '../../../shared/tasks';
import type { Trainee } from '../../../shared/trainees';
import { call } from '../../api';
import { ErrorBanner, SelectField } from '../../components/forms';
import { href, navigate } from '../../router';
import { useAsync } from '../../useAsync';
import { usePositionTitles } from './Pickers';
import { TaskTable } from './TaskTable';

export function TraineeTasksTab({ trainee }: { trainee: Trainee }) {
  const { t } = useTranslation('language');
  const tasks = useAsync(() => call('tasks.list', { traineeId: trainee.id }), [trainee.id]);
  const progress = useAsync(() => call('tasks.progress', { traineeId: trainee.id }), [trainee.id]);
  // The vocational progress of the training plan, shown beside the language progress (none without a plan).
  const plan = useAsync(() => call('plan.progress', { traineeId: trainee.id }).catch(() => null), [trainee.id]);
  return (
    <div className="trainee-tasks">
      <div className="actions head-actions">
        <a className="button primary" href={href(`/tasks/new/trainee/${trainee.id}`)}>
          {t('progress.newTask')}
        </a>
        <FromTemplate trainee={trainee} />
      </div>
      <ErrorBanner error={tasks.error ?? progress.error} />
      {progress.data ? <LanguageProgressCard progress={progress.data} plan={plan.data ?? null} occupationId={trainee.occupationId} /> : null}
      {tasks.data && tasks.data.length === 0 ? <p className="empty">{t('progress.none')}</p> : null}
      {tasks.data && tasks.data.length > 0 ? <TaskTable tasks={tasks.data} /> : null}
    </div>
  );
}

function FromTemplate({ trainee }: { trainee: Trainee }) {
  const { t } = useTranslation('language');
  const templates = useAsync(() => call('tasks.list', { kind: 'templates' }), []);
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<unknown>(null);
  // Templates of the trainee's occupation first; others can be used too (their plan positions are dropped).
  const list = [...(templates.data ?? [])].sort((a, b) => Number(b.occupationId === trainee.occupationId) - Number(a.occupationId === trainee.occupationId));
  if (list.length === 0) return null;
  const value = choice || String(list[0]!.id);
  return (
    <form
      className="inline-form"
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          const copy = await call('tasks.copy', { id: Number(value), traineeId: trainee.id });
          navigate(`/tasks/${copy.id}`);
        } catch (err) {
          setError(err);
        }
      }}
    >
      <SelectField
        name="template"
        label={t('progress.chooseTemplate')}
        value={value}
        onChange={setChoice}
        options={list.map((x) => ({ value: String(x.id), label: `${x.title} (${x.occupationName})` }))}
      />
      <button type="submit">{t('progress.fromTemplate')}</button>
      <ErrorBanner error={error} />
    </form>
  );
}

/** Tasks done by level, terms covered and tasks per plan position; usable beside the plan's own progress. */
export function LanguageProgressCard({ progress: p, plan, occupationId }: { progress: TaskProgress; plan: PlanProgress | null; occupationId: string }) {
  const { t } = useTranslation('language');
  const position = usePositionTitles(occupationId);
  if (p.tasks.total === 0) return null;
  const planOf = new Map((plan?.positions ?? []).map((x) => [x.number, x]));
  return (
    <section className="card language-progress" aria-labelledby="language-progress-title">
      <h2 id="language-progress-title">{t('progress.title')}</h2>
      <p>
        {t('progress.tasks', { done: p.tasks.done + p.tasks.reviewed, total: p.tasks.total, reviewed: p.tasks.reviewed })}
        {p.tasks.overdue ? <span className="pill pill-danger"> {t('progress.overdue', { count: p.tasks.overdue })}</span> : null}
      </p>
      <p>{t('progress.terms', { covered: p.terms.covered, assigned: p.terms.assigned })}</p>
      {plan ? <p>{t('progress.plan', { done: plan.total.done, items: plan.total.items })}</p> : null}
      <div className="cards">
        <div>
          <h3>{t('progress.byLevel')}</h3>
          <table className="data compact">
            <thead>
              <tr>
                <th scope="col">{t('progress.level')}</th>
                <th scope="col">{t('progress.count')}</th>
                <th scope="col">{t('progress.finished')}</th>
              </tr>
            </thead>
            <tbody>
              {p.byLevel
                .filter((l) => l.total > 0)
                .map((l) => (
                  <tr key={l.level}>
                    <td>{l.level}</td>
                    <td>{l.total}</td>
                    <td>
                      <meter min={0} max={l.total} value={l.done} aria-label={`${l.level}: ${l.done}/${l.total}`} /> {l.done}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
        {p.byPosition.length ? (
          <div>
            <h3>{t('progress.byPosition')}</h3>
            <table className="data compact">
              <thead>
                <tr>
                  <th scope="col">{t('progress.position')}</th>
                  <th scope="col">{t('progress.count')}</th>
                  <th scope="col">{t('progress.finished')}</th>
                  {plan ? <th scope="col">{t('progress.planColumn')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {p.byPosition.map((x) => {
                  const pl = planOf.get(x.number);
                  return (
                    <tr key={x.number}>
                      <td>{position(x.number)}</td>
                      <td>{x.tasks}</td>
                      <td>{x.finished}</td>
                      {plan ? <td>{pl ? t('progress.planCell', { done: pl.done, items: pl.items }) : '—'}</td> : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : null}
      </div>
    </section>
  );
}
