// network_dashboard_ms: the network list on the Fristen page (gaps after a measure, open agreement dates,
// expiring consents) over 1,000 trainees with 6 measures, a conflict case with 3 agreements and 2 consents each.
// Target ≤ 20 ms.
import { toIsoDate } from '../../../shared/format';
import { CaseInput, ConsentInput, MeasureInput, PersonInput, StepInput, AgreementInput } from '../../../shared/network';
import { TraineeInput } from '../../../shared/trainees';
import { addDays } from '../../core/immigration/dates';
import { networkDashboard, saveAgreement, saveCase, saveConsent, saveConsentText, saveMeasure, savePerson, saveStep } from '../../core/network/service';
import { openStore } from '../../core/store/db';
import { createTrainee } from '../../core/trainees/service';
import { median } from './util';

export async function benchNetwork(dir: string) {
  const store = openStore(dir);
  const { db } = store;
  const now = new Date();
  const today = toIsoDate(now);
  db.transaction(() => {
    const text = saveConsentText(db, { title: 'Einwilligung', body: 'Text' }, now);
    for (let i = 0; i < 1000; i++) {
      const start = addDays(today, -200 + (i % 300));
      const t = createTrainee(db, TraineeInput.parse({ firstName: `V${i}`, lastName: `N${i}`, firstLanguages: ['ar'], otherLanguages: [], occupationId: 'tischler', contractStart: start, contractEndPlanned: addDays(start, 3 * 365), probationMonths: 4, weeklyHours: 39, schoolDays: [2], payPerYear: [1000, 1100, 1200] }));
      const m = (type: string, from: number, to: number, status = 'done') => saveMeasure(db, MeasureInput.parse({ traineeId: t.id, type, startOn: addDays(start, from), endOn: addDays(start, to), status }), now);
      m('praktikum', -300, -270);
      m('eq', -260, -100);
      m('sprachkurs', -200, 60 + (i % 200), 'running');
      // Every third trainee is an applicant with nothing after the course yet: a gap.
      if (i % 3 !== 0) {
        m('asa_flex', 0, 300, 'running');
        m('berufsschule', 0, 3 * 365 - 1, 'running');
        m('ausbildung', 0, 3 * 365 - 1, 'running');
        m('ende', 3 * 365 - 1, 3 * 365 - 1, 'planned');
      }
      const p = savePerson(db, PersonInput.parse({ traineeId: t.id, name: `Moderatorin ${i}`, role: 'mediator' }), now);
      const c = saveCase(db, CaseInput.parse({ traineeId: t.id, category: 'attendance', occasion: 'Verspätungen', raisedBy: 'firm', raisedOn: addDays(today, -30) }), now);
      const step = saveStep(db, StepInput.parse({ caseId: c.id, kind: 'moderated', heldOn: addDays(today, -20), participants: [] }), now).steps[0]!;
      for (let a = 0; a < 3; a++) saveAgreement(db, AgreementInput.parse({ stepId: step.id, what: `Vereinbarung ${a}`, who: 'Azubi', dueOn: addDays(today, -10 + (i % 60) + a * 7), reviewOn: addDays(today, 20 + a) }), now);
      for (let k = 0; k < 2; k++) saveConsent(db, ConsentInput.parse({ traineeId: t.id, textId: text.id, personId: p.id, purpose: 'Moderation', categories: ['master_data'], givenOn: addDays(today, -100), form: 'electronic', validUntil: addDays(today, (i % 90) + k * 30) }), now);
    }
  })();
  const network_dashboard_ms = await median(() => networkDashboard(db, today));
  const d = networkDashboard(db, today);
  store.close();
  return { network_dashboard_ms, network_dashboard_gaps: d.gaps.length, network_dashboard_agreements: d.agreements.length, network_dashboard_consents: d.consents.length };
}
