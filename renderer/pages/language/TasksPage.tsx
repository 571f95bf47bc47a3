// All learning tasks and templates, with filters; templates are created here.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TASK_STATUSES, type TaskStatus } from '../../../shared/tasks';
import { call } from '../../api';
import { ErrorBanner } from '../../components/forms';
import { href } from '../../router';
import { useAsync } from '../../useAsync';
import { TaskTable } from './TaskTable';

type Kind = 'all' | 'tasks' | 'templates';

export function TasksPage() {
  const { t } = useTranslation('language');
  const [kind, setKind] = useState<Kind>('all');
  const [status, setStatus] = useState<TaskStatus | ''>('');
  const list = useAsync(() => call('tasks.list', { kind, ...(status ? { status } : {}) }), [kind, status]);
  return (
    <section aria-labelledby="page-title">
      <header className="page-head">
        <div>
          <h1 id="page-title">{t('tasks.title')}</h1>
          <p className="muted intro">{t('tasks.intro')}</p>
        </div>
        <a className="button primary" href={href('/tasks/new/template')}>
          {t('tasks.newTemplate')}
        </a>
      </header>
      <div className="toolbar">
        <label>
          {t('tasks.kind')}
          <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            {(['all', 'tasks', 'templates'] as const).map((k) => (
              <option key={k} value={k}>
                {t(`tasks.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('tasks.statusFilter')}
          <select name="status" value={status} onChange={(e) => setStatus(e.target.value as TaskStatus | '')}>
            <option value="">{t('tasks.allStatuses')}</option>
            {TASK_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorBanner error={list.error} />
      {list.data && list.data.length === 0 ? <p className="empty">{t('tasks.empty')}</p> : null}
      {list.data && list.data.length > 0 ? <TaskTable tasks={list.data} showTrainee /> : null}
    </section>
  );
}
