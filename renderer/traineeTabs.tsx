// The tabs on a trainee's page. Each domain adds one entry (training plan, records, documents, tasks).
import type { ReactNode } from 'react';
import type { Trainee } from '../shared/trainees';
import { TraineeOverview } from './pages/TraineeOverview';
import { DocumentsTab } from './pages/immigration/DocumentsTab';
import { TraineeTasksTab } from './pages/language/TraineeTasksTab';
import { NetworkTab } from './pages/network/NetworkTab';
import { NachweisTab } from './pages/plan/NachweisTab';
import { PlanTab } from './pages/plan/PlanTab';

export interface TraineeTab {
  id: string;
  /** i18n key with namespace, e.g. 'trainees:tabs.overview'. */
  label: string;
  render: (trainee: Trainee, reload: () => void) => ReactNode;
}

export const TRAINEE_TABS: TraineeTab[] = [
  { id: 'overview', label: 'trainees:tabs.overview', render: (t, reload) => <TraineeOverview trainee={t} reload={reload} /> },
  { id: 'plan', label: 'plan:tab', render: (t) => <PlanTab trainee={t} /> },
  { id: 'nachweis', label: 'nachweis:tab', render: (t) => <NachweisTab trainee={t} /> },
  { id: 'documents', label: 'immigration:tab', render: (t, reload) => <DocumentsTab trainee={t} reload={reload} /> },
  { id: 'tasks', label: 'language:tab', render: (t) => <TraineeTasksTab trainee={t} /> },
  { id: 'network', label: 'network:tab', render: (t) => <NetworkTab trainee={t} /> },
];
