// An applicant's file (Bewerber/in in a Praktikum or EQ): no training contract yet. The network tab (people,
// measures on the timeline) works as for a trainee; the parts that need a contract say so and lead to
// "Ausbildungsvertrag erfassen".
import { useTranslation } from 'react-i18next';
import type { TraineeFile } from '../../shared/trainees';
import { href } from '../router';

export function NoContract({ trainee }: { trainee: TraineeFile }) {
  const { t } = useTranslation('trainees');
  return (
    <div className="banner banner-info no-contract" role="note">
      <p>{t('applicant.noContract')}</p>
      <a className="button" href={href(`/trainees/${trainee.id}/contract`)}>
        {t('applicant.recordContract')}
      </a>
    </div>
  );
}

export function ApplicantOverview({ trainee }: { trainee: TraineeFile }) {
  const { t } = useTranslation('trainees');
  return (
    <div className="applicant-overview">
      <NoContract trainee={trainee} />
      <p>
        {t('applicant.hint')} <a href={href(`/trainees/${trainee.id}/network`)}>{t('applicant.toNetwork')}</a>
      </p>
    </div>
  );
}
