// The tabs on a trainee's page. Each domain adds one entry (training plan, records, documents, tasks).
import type { ReactNode } from 'react';
import type { Trainee, TraineeFile } from '../shared/trainees';
import { NoContract, ApplicantOverview } from './pages/ApplicantOverview';
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
  render: (trainee: TraineeFile, reload: () => void) => ReactNode;
}

/** A tab that needs a training contract: an applicant's file says that there is none yet. */
const contract = (render: (trainee: Trainee, reload: () => void) => ReactNode) => (t: TraineeFile, reload: () => void) =>
  t.status === 'applicant' || t.contractStart === null ? <NoContract trainee={t} /> : render(t as Trainee, reload);

export const TRAINEE_TABS: TraineeTab[] = [
  { id: 'overview', label: 'trainees:tabs.overview', render: (t, reload) => (t.status === 'applicant' ? <ApplicantOverview trainee={t} /> : contract((c) => <TraineeOverview trainee={c} reload={reload} />)(t, reload)) },
  { id: 'plan', label: 'plan:tab', render: contract((t) => <PlanTab trainee={t} />) },
  { id: 'nachweis', label: 'nachweis:tab', render: contract((t) => <NachweisTab trainee={t} />) },
  { id: 'documents', label: 'immigration:tab', render: contract((t, reload) => <DocumentsTab trainee={t} reload={reload} />) },
  { id: 'tasks', label: 'language:tab', render: contract((t) => <TraineeTasksTab trainee={t} />) },
  { id: 'network', label: 'network:tab', render: (t) => <NetworkTab trainee={t} /> },
];
