// "May this trainee train today?" – shown in red under the trainee's name when the answer is no (amber when unclear
// or when the permission for a future start is missing). Nothing is shown when all is well.
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format';
import type { Trainee } from '../../../shared/trainees';
import { call } from '../../api';
import { href } from '../../router';
import { useAsync } from '../../useAsync';
import { useImmigrationText } from './text';

export function MayTrainBanner({ trainee }: { trainee: Trainee }) {
  const { t } = useTranslation('immigration');
  const text = useImmigrationText();
  // Depends on the trainee object: it is reloaded after every change on the page, and so is this answer.
  const may = useAsync(() => call('immigration.mayTrain', { traineeId: trainee.id }), [trainee]);
  const m = may.data;
  if (!m) return null;
  const startProblem = m.verdict === 'not_started' && m.reason !== 'allowed' && m.reason !== 'allowed_continuing';
  if (m.verdict !== 'not_allowed' && m.verdict !== 'unclear' && !startProblem) return null;
  const red = m.verdict === 'not_allowed';
  const head = red ? t('banner.no') : startProblem ? t('banner.atStart', { date: formatDate(m.date) }) : t('banner.unclear');
  return (
    <div className={`may-train ${red ? 'may-train-no' : 'may-train-unclear'}`} data-testid="may-train">
      <strong>{head}</strong> {text.reason(m)}{' '}
      <a href={href(`/trainees/${trainee.id}/documents`)}>{t('banner.toDocuments')}</a>
    </div>
  );
}
