// The trainee list's call for a set of filters: one place for the list itself and for the start (boot.ts), which
// asks for the first page before React is loaded. Kept free of React and zod so the start script stays small.
import type { CallInput } from '../../shared/api';
import { TRAINEE_PAGE_SIZE } from '../../shared/paging';

export type TraineeStatusFilter = 'all' | 'active' | 'ended';

export interface TraineeListFilters {
  search: string;
  status: TraineeStatusFilter;
  offset: number;
  occupationId: string;
  trainingYear: number;
  onlyAttention: boolean;
}

/** The filters the list starts with. */
export const START_FILTERS: TraineeListFilters = { search: '', status: 'all', offset: 0, occupationId: '', trainingYear: 0, onlyAttention: false };

export function traineeListInput(f: TraineeListFilters): CallInput<'trainees.list'> {
  return {
    search: f.search,
    status: f.status,
    offset: f.offset,
    limit: TRAINEE_PAGE_SIZE,
    ...(f.occupationId ? { occupationId: f.occupationId } : {}),
    ...(f.trainingYear ? { trainingYear: f.trainingYear } : {}),
    ...(f.onlyAttention ? { attention: true } : {}),
  };
}
