import type { planContract } from '../../../shared/plan';
import { defineHandlers } from '../api/registry';
import { planProgress } from './progress';
import { addItem, addPosition, createPlan, getPlan, moveItem, removeItem, setStatus, splitItem } from './service';

export const planHandlers = defineHandlers<typeof planContract>({
  'plan.get': ({ traineeId }, { store, now }) => getPlan(store.db, traineeId, now()),
  'plan.create': ({ traineeId }, { store, now }) => createPlan(store.db, traineeId, now()),
  'plan.move': (input, { store, now }) => moveItem(store.db, input, now()),
  'plan.split': (input, { store, now }) => splitItem(store.db, input, now()),
  'plan.addItem': (input, { store, now }) => addItem(store.db, input, now()),
  'plan.addPosition': (input, { store, now }) => addPosition(store.db, input, now()),
  'plan.removeItem': ({ id }, { store, now }) => removeItem(store.db, id, now()),
  'plan.setStatus': (input, { store, now }) => setStatus(store.db, input, now()),
  'plan.progress': ({ traineeId }, { store, now }) => planProgress(store.db, traineeId, now()),
});
