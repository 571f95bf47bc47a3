// The tabs on a trainee's page. Each domain adds one entry (training plan, records, documents, tasks).
import type { ReactNode } from 'react';
import type { Trainee } from '../shared/trainees';
import { TraineeOverview } from './pages/TraineeOverview';

export interface TraineeTab {
  id: string;
  /** i18n key with namespace, e.g. 'trainees:tabs.overview'. */
  label: string;
  render: (trainee: Trainee, reload: () => void) => ReactNode;
}

export const TRAINEE_TABS: TraineeTab[] = [
  { id: 'overview', label: 'trainees:tabs.overview', render: (t, reload) => <TraineeOverview trainee={t} reload={reload} /> },
];
