import type { firmContract } from '../../../shared/firm';
import { defineHandlers } from '../api/registry';
import { getFirm, saveFirm } from './service';

export const firmHandlers = defineHandlers<typeof firmContract>({
  'firm.get': (_i, { store }) => getFirm(store.db),
  'firm.save': (input, { store, now }) => saveFirm(store.db, input, now()),
});
