import type { nachweisContract } from '../../../shared/nachweis';
import { defineHandlers } from '../api/registry';
import { amendRecord, copyWeek, deleteRecord, getRecord, saveRecord, setMode, signRecord, withdrawSignature } from './service';
import { pinStatus, resetPin, setPin } from './pin';
import { listWeeks, nachweisOverview } from './weeks';

export const nachweisHandlers = defineHandlers<typeof nachweisContract>({
  'nachweis.list': ({ traineeId }, { store, now }) => listWeeks(store.db, traineeId, now()),
  'nachweis.get': ({ id }, { store }) => getRecord(store.db, id),
  'nachweis.save': (input, { store, now }) => saveRecord(store.db, input, now()),
  'nachweis.delete': ({ id }, { store }) => {
    deleteRecord(store.db, id);
    return { deleted: true as const };
  },
  'nachweis.sign': (input, { store, now }) => signRecord(store.db, input, now()),
  'nachweis.withdrawSignature': ({ id }, { store, now }) => withdrawSignature(store.db, id, now()),
  'nachweis.amend': (input, { store, now }) => amendRecord(store.db, input, now()),
  'nachweis.copyWeek': ({ id }, { store, now }) => copyWeek(store.db, id, now()),
  'nachweis.setMode': ({ traineeId, mode }, { store }) => setMode(store.db, traineeId, mode),
  'nachweis.pinStatus': ({ traineeId }, { store, now }) => pinStatus(store.db, traineeId, now()),
  'nachweis.setPin': (input, { store, now }) => setPin(store.db, input, now()),
  'nachweis.resetPin': ({ traineeId, trainerId }, { store, now }) => resetPin(store.db, traineeId, trainerId, now()),
  'nachweis.overview': (_i, { store, now }) => nachweisOverview(store.db, now()),
});
