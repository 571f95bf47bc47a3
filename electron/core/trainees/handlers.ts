import type { traineesContract } from '../../../shared/trainees';
import { defineHandlers } from '../api/registry';
import { toIsoDate } from '../../../shared/format';
import { templateResult } from '../plan/templates';
import { todayOverview } from '../today/service';
import { createApplicant, createTrainee, deleteTrainee, endTraining, getTraineeFile, listTrainees, recordContract, reopenTraining, updateApplicant, updateTrainee } from './service';

export const traineeHandlers = defineHandlers<typeof traineesContract>({
  'trainees.list': (input, { store, now }) => {
    const today = toIsoDate(now());
    // Only the attention filter needs today's to-do list (the list's marks come from today.overview itself).
    const attention = input.attention ? new Set(todayOverview(store.db, today, now()).attention) : null;
    return listTrainees(store.db, input, { today, attention });
  },
  'trainees.get': ({ id }, { store }) => getTraineeFile(store.db, id),
  'trainees.create': (input, { store, now }) => createTrainee(store.db, input, now()),
  'trainees.update': (input, { store, now }) => updateTrainee(store.db, input, now()),
  'trainees.createApplicant': (input, { store, now }) => createApplicant(store.db, input, now()),
  'trainees.updateApplicant': (input, { store, now }) => updateApplicant(store.db, input, now()),
  'trainees.recordContract': (input, { store, now }) => recordContract(store.db, input, now()),
  'trainees.end': (input, { store, now }) => endTraining(store.db, input, now()),
  'trainees.reopen': ({ id }, { store, now }) => reopenTraining(store.db, id, now()),
  'trainees.delete': ({ id }, { store }) => {
    deleteTrainee(store, id);
    return { deleted: true as const };
  },
  'occupations.list': (_i, { store }) =>
    (store.db.prepare('SELECT id, name, custom FROM occupations ORDER BY custom, name').all() as { id: string; name: string; custom: number }[]).map((o) => {
      const r = templateResult(store.db, o.id);
      return { ...o, custom: o.custom === 1, durationMonths: r?.ok ? r.template.durationMonths : null };
    }),
});
