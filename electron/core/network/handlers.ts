import { toIsoDate } from '../../../shared/format';
import type { networkContract } from '../../../shared/network';
import { defineHandlers } from '../api/registry';
import { deleteDue, deletionLog, dueForDeletion, retentionRules, saveRetentionYears } from './retention';
import { attachConsentScan, readConsentScan } from './scans';
import * as s from './service';

const deleted = { deleted: true as const };

export const networkHandlers = defineHandlers<typeof networkContract>({
  'network.overview': ({ traineeId }, { store }) => s.networkOverview(store.db, traineeId),
  'network.dashboard': (_i, { store, now }) => s.networkDashboard(store.db, toIsoDate(now())),
  'network.savePerson': (i, { store, now }) => s.savePerson(store.db, i, now()),
  'network.deletePerson': ({ id }, { store }) => (s.deletePerson(store.db, id), deleted),
  'network.saveMeasure': (i, { store, now }) => s.saveMeasure(store.db, i, now()),
  'network.deleteMeasure': ({ id }, { store }) => (s.deleteMeasure(store.db, id), deleted),
  'network.saveCase': (i, { store, now }) => s.saveCase(store.db, i, now()),
  'network.deleteCase': ({ id }, { store }) => (s.deleteCase(store.db, id), deleted),
  'network.saveStep': (i, { store, now }) => s.saveStep(store.db, i, now()),
  'network.saveView': (i, { store, now }) => s.saveView(store.db, i, now()),
  'network.saveAgreement': (i, { store, now }) => s.saveAgreement(store.db, i, now()),
  'network.consentTexts': (_i, { store }) => s.listConsentTexts(store.db),
  'network.saveConsentText': (i, { store, now }) => s.saveConsentText(store.db, i, now()),
  'network.newConsentTextVersion': (i, { store, now }) => s.newConsentTextVersion(store.db, i, now()),
  'network.saveConsent': (i, { store, now }) => s.saveConsent(store.db, i, now()),
  'network.revokeConsent': ({ id, revokedOn }, { store, now }) => s.revokeConsent(store.db, id, revokedOn, now()),
  'network.attachConsentScan': ({ consentId, copy }, { store, now }) => attachConsentScan(store, consentId, copy, now()),
  'network.consentScan': ({ consentId }, { store }) => readConsentScan(store, consentId),
  'network.recordDisclosure': (i, { store, now }) => s.recordDisclosure(store.db, i, now()),
  'network.saveNote': (i, { store, now }) => s.saveNote(store.db, i, now()),
  'network.deleteNote': ({ id }, { store }) => (s.deleteNote(store.db, id), deleted),
  'network.saveCompetence': (i, { store, now }) => s.saveCompetence(store.db, i, now()),
  'network.deleteCompetence': ({ id }, { store }) => (s.deleteCompetence(store.db, id), deleted),
  'network.dueForDeletion': (_i, { store, now }) => dueForDeletion(store.db, toIsoDate(now())),
  'network.retention': (_i, { store }) => retentionRules(store.db),
  'network.saveRetention': (i, { store }) => saveRetentionYears(store.db, i),
  'network.deletionLog': (_i, { store }) => deletionLog(store.db),
  'network.deleteDue': ({ traineeId, category }, { store, now }) => deleteDue(store.db, traineeId, category, toIsoDate(now()), now()),
});
