import type { occupationsContract } from '../../../shared/plan';
import { defineHandlers } from '../api/registry';
import { createOccupation, deleteOccupation, exportTemplate, importTemplate, occupationPositions, occupationsOverview, saveTemplate } from './occupations';
import { getTemplate } from './templates';

export const occupationHandlers = defineHandlers<typeof occupationsContract>({
  'occupations.positions': ({ occupationId }, { store }) => occupationPositions(store.db, occupationId),
  'occupations.overview': (_i, { store }) => occupationsOverview(store.db),
  'occupations.template': ({ occupationId }, { store }) => getTemplate(store.db, occupationId),
  'occupations.create': (input, { store, now }) => createOccupation(store.db, input, now()),
  'occupations.saveTemplate': ({ occupationId, template }, { store, now }) => saveTemplate(store.db, occupationId, template, now()),
  'occupations.import': (input, { store, now }) => importTemplate(store.db, input, now()),
  'occupations.exportTemplate': ({ occupationId }, { store }) => exportTemplate(store.db, occupationId),
  'occupations.delete': ({ occupationId }, { store }) => {
    deleteOccupation(store.db, occupationId);
    return { deleted: true as const };
  },
});
