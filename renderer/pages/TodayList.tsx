// "Heute zu tun" on the start page: trainees who may not be trained according to the recorded documents, overdue
// and urgent deadlines, missing or waiting weeks of the training record — each line links to where it is resolved.
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../shared/format';
import type { TodayOverview, TodoItem } from '../../shared/today';
import { mondayOf } from '../../shared/trainingCalendar';
import { href } from '../router';
import { useImmigrationText } from './immigration/text';

function Line({ item }: { item: TodoItem }) {
  const { t } = useTranslation('trainees');
  const text = useImmigrationText();
  switch (item.kind) {
    case 'may_not_train':
      return (
        <li className={`todo todo-${item.mayTrain.verdict === 'not_allowed' ? 'danger' : 'warn'}`}>
          <strong>{item.name}</strong>: {item.mayTrain.verdict === 'not_allowed' ? t('today.mayNotTrain') : t('today.unclear')} {text.reason(item.mayTrain)}{' '}
          <a href={href(`/trainees/${item.traineeId}/documents`)}>{t('today.toDocuments')}</a>
        </li>
      );
    case 'deadline': {
      const d = item.deadline;
      return (
        <li className={`todo todo-${d.bucket === 'overdue' ? 'danger' : 'warn'}`}>
          <strong>{item.name}</strong>: {text.what(d)} – {t('today.due', { date: formatDate(d.dueOn) })} ({text.days(d.daysLeft)}){' '}
          <a href={href('/fristen')}>{t('today.toDeadlines')}</a>
        </li>
      );
    }
    case 'weeks':
      return (
        <li className="todo todo-warn">
          <strong>{item.name}</strong>:{' '}
          {[item.missing > 0 ? t('today.missing', { count: item.missing, date: formatDate(item.firstMissing) }) : null, item.waiting > 0 ? t('today.waiting', { count: item.waiting }) : null]
            .filter(Boolean)
            .join('; ')}{' '}
          <a href={href(item.firstMissing ? `/trainees/${item.traineeId}/nachweis/${mondayOf(item.firstMissing)}` : `/trainees/${item.traineeId}/nachweis`)}>{t('today.toRecord')}</a>
        </li>
      );
  }
}

export function TodayList({ overview }: { overview: TodayOverview }) {
  const { t } = useTranslation('trainees');
  return (
    <section aria-labelledby="today-title" className="today">
      <h2 id="today-title">{t('today.title')}</h2>
      {overview.items.length === 0 ? (
        <p className="muted">{t('today.nothing')}</p>
      ) : (
        <ul className="todo-list">
          {overview.items.map((i) => (
            <Line key={`${i.kind}-${i.traineeId}-${i.kind === 'deadline' ? i.deadline.key : ''}`} item={i} />
          ))}
        </ul>
      )}
    </section>
  );
}
