// "May this trainee train today?" – shown in red under the trainee's name when the answer is no (amber when unclear
// or when the permission for a future start is missing). Nothing is shown when all is well.
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format';
import type { Trainee } from '../../../shared/trainees';
import type { MayTrain } from '../../../shared/immigration';
import { call } from '../../api';
import { href } from '../../router';
import { useImmigrationText } from './text';

/**
 * The answer is loaded together with the trainee (TraineeDetail, loadWithMayTrain) and reloaded with it after every
 * change on the page: a banner appearing later would move the page under the pointer (a click on "Ausbildung
 * beenden" then ends on other content and opens nothing).
 */
export function MayTrainBanner({ trainee, may: m }: { trainee: Pick<Trainee, 'id'>; may: MayTrain | null }) {
  const { t } = useTranslation('immigration');
  const text = useImmigrationText();
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

/** The trainee and the answer to "may they train today?" in one load (no answer when that call fails). */
export async function loadWithMayTrain(id: number) {
  const [trainee, may] = await Promise.all([call('trainees.get', { id }), call('immigration.mayTrain', { traineeId: id }).catch(() => null)]);
  return { trainee, may };
}
