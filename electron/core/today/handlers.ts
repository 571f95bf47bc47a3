import { toIsoDate } from '../../../shared/format';
import type { todayContract } from '../../../shared/today';
import { defineHandlers } from '../api/registry';
import { todayOverview } from './service';

export const todayHandlers = defineHandlers<typeof todayContract>({
  'today.overview': (_i, { store, now }) => todayOverview(store.db, toIsoDate(now()), now()),
});
