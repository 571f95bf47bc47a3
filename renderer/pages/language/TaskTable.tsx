// A table of learning tasks (with or without the trainee column).
import { useTranslation } from 'react-i18next';
import { formatDate, toIsoDate } from '../../../shared/format';
import type { TaskSummary } from '../../../shared/tasks';
import { href } from '../../router';
import { useLanguageName } from './util';

export function TaskTable({ tasks, showTrainee }: { tasks: TaskSummary[]; showTrainee?: boolean }) {
  const { t } = useTranslation('language');
  const langName = useLanguageName();
  const today = toIsoDate(new Date());
  return (
    <table className="data task-table">
      <thead>
        <tr>
          <th scope="col">{t('tasks.columns.title')}</th>
          {showTrainee ? <th scope="col">{t('tasks.columns.trainee')}</th> : null}
          <th scope="col">{t('tasks.columns.level')}</th>
          <th scope="col">{t('tasks.columns.language')}</th>
          <th scope="col">{t('tasks.columns.terms')}</th>
          <th scope="col">{t('tasks.columns.due')}</th>
          <th scope="col">{t('tasks.columns.status')}</th>
        </tr>
      </thead>
      <tbody>
        {tasks.map((x) => (
          <tr key={x.id}>
            <td>
              <a href={href(`/tasks/${x.id}`)}>{x.title}</a>
            </td>
            {showTrainee ? <td>{x.isTemplate ? <span className="muted">{t('tasks.template')} · {x.occupationName}</span> : x.traineeName}</td> : null}
            <td>{x.level}</td>
            <td>{langName(x.effectiveLanguage) || '—'}</td>
            <td>{x.termCount}</td>
            <td>
              {formatDate(x.dueBy) || '—'}
              {x.status === 'assigned' && x.dueBy && x.dueBy < today ? <span className="pill pill-danger"> {t('detail.overdue')}</span> : null}
            </td>
            <td>{x.isTemplate ? '—' : <span className={`pill pill-task-${x.status}`}>{t(`status.${x.status}`)}</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
