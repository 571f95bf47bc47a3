import type { immigrationContract } from '../../../shared/immigration';
import { toIsoDate } from '../../../shared/format';
import { defineHandlers } from '../api/registry';
import { getTrainee } from '../trainees/service';
import { completeDeadline, listDeadlines, reopenDeadline } from './deadlines';
import { createDocument, deleteCopies, deleteDocument, docRows, documentOverview, readCopy, recordRenewalApplied, renewDocument, updateDocument } from './documents';
import { mayTrain, traineeFacts } from './evaluate';
import { endNotice } from './notice';
import { catalogueView, loadRules, saveLeadTimes } from './rules';

/** "Today" as the firm's calendar date, from the context's clock (tests inject it). */
const today = (now: () => Date) => toIsoDate(now());

export const immigrationHandlers = defineHandlers<typeof immigrationContract>({
  'documents.list': ({ traineeId }, { store, now }) => documentOverview(store.db, traineeId, today(now)),
  'documents.create': (input, { store, now }) => createDocument(store, input, now(), today(now)),
  'documents.update': (input, { store, now }) => updateDocument(store, input, now(), today(now)),
  'documents.renew': (input, { store, now }) => renewDocument(store, input, now(), today(now)),
  'documents.renewalApplied': (input, { store, now }) => recordRenewalApplied(store, input, now(), today(now)),
  'documents.delete': ({ id }, { store }) => {
    deleteDocument(store, id);
    return { deleted: true as const };
  },
  'documents.copy': ({ id }, { store }) => {
    const c = readCopy(store, id);
    return { fileName: c.fileName, mimeType: c.mimeType, base64: c.bytes.toString('base64'), bytes: c.bytes.byteLength };
  },
  'documents.deleteCopies': ({ traineeId }, { store, now }) => ({ deleted: deleteCopies(store, traineeId, now()) }),
  'immigration.mayTrain': ({ traineeId }, { store, now }) => {
    return mayTrain(traineeFacts(getTrainee(store.db, traineeId)), docRows(store.db, traineeId), today(now), loadRules());
  },
  'immigration.endNotice': (input, { store }) => endNotice(store.db, input),
  'immigration.catalogue': (_i, { store }) => catalogueView(store.db),
  'immigration.saveLeadTimes': ({ leadTimes }, { store }) => {
    store.db.transaction(() => saveLeadTimes(store.db, leadTimes))();
    return catalogueView(store.db);
  },
  'deadlines.list': ({ horizonDays, traineeId }, { store, now }) => listDeadlines(store.db, today(now), horizonDays, traineeId),
  'deadlines.complete': (input, { store, now }) => completeDeadline(store.db, input, today(now), now()),
  'deadlines.reopen': ({ key }, { store, now }) => {
    reopenDeadline(store.db, key, now());
    return { reopened: true as const };
  },
});
