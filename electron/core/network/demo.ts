// Demo data for the network: two trainees with people, measures (one with a gap), a moderation case with a
// moderated session, both views and agreements, consents (one revoked), a disclosure, notes and competences.
import { toIsoDate } from '../../../shared/format';
import { AgreementInput, CaseInput, CompetenceInput, ConsentInput, MeasureInput, NoteInput, PersonInput, StepInput, ViewInput } from '../../../shared/network';
import type { Trainee } from '../../../shared/trainees';
import type { Db } from '../store/db';
import * as s from './service';

export function seedNetworkDemo(db: Db, trainees: Trainee[], now: Date): void {
  const day = (n: number) => {
    const d = new Date(now);
    d.setDate(d.getDate() + n);
    return toIsoDate(d);
  };
  const contact = (organisation: string) => (db.prepare('SELECT id FROM contacts WHERE organisation = ?').get(organisation) as { id: number } | undefined)?.id ?? null;
  const beratung = contact('Beratungsstelle Flucht und Arbeit');
  const asa = contact('AsA flex – Bildungsträger Nord');
  const hwk = contact('Handwerkskammer Hamburg');
  const sprachschule = contact('Berufssprachkurs B2 – Sprachschule am Hafen');
  const text = s.saveConsentText(
    db,
    {
      title: 'Einwilligung in die Weitergabe von Daten an das Unterstützungsnetzwerk',
      body: 'Ich bin damit einverstanden, dass der Ausbildungsbetrieb die angekreuzten Daten an die genannte Person oder Stelle weitergibt, damit sie mich in der Ausbildung unterstützen kann. Die Einwilligung ist freiwillig. Ich kann sie jederzeit ohne Angabe von Gründen widerrufen; danach werden keine Daten mehr weitergegeben. Was bis dahin weitergegeben wurde, bleibt rechtmäßig.',
    },
    now,
  );

  const [ahmad, yusuf] = trainees;
  if (!ahmad || !yusuf) return;
  for (const [t, i] of [[ahmad, 0], [yusuf, 1]] as const) {
    const mediator = s.savePerson(db, PersonInput.parse({ traineeId: t.id, name: i === 0 ? 'Karim Mahmoud' : 'Leila Schneider', role: 'mediator', contactId: beratung, partnerType: 'operative', since: day(-400), reach: 'Mo–Do 9–16 Uhr, gern per Messenger' }), now);
    s.savePerson(db, PersonInput.parse({ traineeId: t.id, name: 'Grace Okafor', role: 'asa_coach', contactId: asa, partnerType: 'operative', since: day(-300), phone: '040 555 123' }), now);
    s.savePerson(db, PersonInput.parse({ traineeId: t.id, name: 'Frau Petersen', role: 'willkommenslotse', contactId: hwk, partnerType: 'strategic', since: day(-500) }), now);
    const m = (o: Record<string, unknown>) => s.saveMeasure(db, MeasureInput.parse({ traineeId: t.id, ...o }), now);
    m({ type: 'praktikum', startOn: day(-520), endOn: day(-490), status: 'done', provider: 'Tischlerei & Haustechnik Krämer GmbH' });
    m({ type: 'eq', startOn: day(-480), endOn: day(-300), status: 'done', provider: 'Tischlerei & Haustechnik Krämer GmbH' });
    m({ type: 'asa_flex', startOn: day(-200), endOn: day(i === 0 ? 45 : 20), status: 'running', provider: 'AsA flex – Bildungsträger Nord', hours: 120, nextStep: 'Verlängerung beim Arbeitgeber-Service beantragen' });
    if (i === 0) {
      m({ type: 'ausbildung', startOn: t.contractStart, endOn: t.contractEndPlanned, status: 'running' });
      m({ type: 'berufsschule', startOn: t.contractStart, endOn: t.contractEndPlanned, status: 'running', provider: 'Berufliche Schule Holz, Farbe, Textil' });
      m({ type: 'ende', startOn: t.contractEndPlanned, endOn: t.contractEndPlanned, status: 'planned' });
    } else {
      // Yusuf's timeline so far holds only the support measures: the language course ends with nothing planned
      // after it — the gap the tab and the dashboard show.
      m({ type: 'sprachkurs', startOn: day(-150), endOn: day(30), status: 'running', provider: 'Sprachschule am Hafen', contactId: sprachschule, level: 'B2', hours: 400, nextStep: 'Anschluss klären: Ausbildung und Berufsschule eintragen' });
    }
    s.saveCompetence(db, CompetenceInput.parse(i === 0
      ? { traineeId: t.id, what: 'Möbelreparatur und Oberflächen mit Öl', source: 'work', where: 'Werkstatt des Onkels in Herat, 3 Jahre', proof: 'practical_trial', planPositions: ['A3', 'A7'] }
      : { traineeId: t.id, what: 'Fliesen verlegen und Trockenbau', source: 'country', where: 'Baustellen in Aleppo', proof: 'own_account', planPositions: [] }), now);
    s.saveNote(db, NoteInput.parse({ traineeId: t.id, notedOn: day(-20), author: mediator.name, topic: 'Wohnungssuche', body: 'Sucht eine Wohnung näher am Betrieb; Kontakt zur Wohnungsberatung vermittelt.', confidential: true }), now);

    const c = s.saveCase(db, CaseInput.parse({ traineeId: t.id, category: i === 0 ? 'attendance' : 'communication', occasion: i === 0 ? 'Dreimal in zwei Wochen zu spät gekommen; Krankmeldung einmal erst am dritten Tag.' : 'Missverständnis bei einem Arbeitsauftrag auf der Baustelle; beide Seiten verärgert.', raisedBy: 'firm', raisedOn: day(-14), earlierWarnings: i === 0 ? `Hinweis im Gespräch am ${day(-30).split('-').reverse().join('.')}` : null }), now);
    const step = s.saveStep(db, StepInput.parse({ caseId: c.id, kind: 'moderated', heldOn: day(-7), place: 'Besprechungsraum im Betrieb', summaryTo: 'Betrieb, Auszubildende/r, Moderation', facts: i === 0 ? 'Verspätungen an drei Tagen zwischen 10 und 25 Minuten.' : 'Auftrag „Zarge setzen“ wurde als „Zarge holen“ verstanden.',
      participants: [{ name: 'Jens Krämer', role: 'firm' }, { name: `${t.firstName} ${t.lastName}`, role: 'trainee' }, { name: mediator.name, role: 'mediator' }, { name: i === 0 ? 'Farid Noori' : 'Omar Haddad', role: 'interpreter', language: i === 0 ? 'Dari' : 'Arabisch' }] }), now).steps[0]!;
    s.saveView(db, ViewInput.parse({ stepId: step.id, side: 'firm', text: i === 0 ? 'Pünktlicher Arbeitsbeginn ist für das Team wichtig.' : 'Aufträge müssen zurückgefragt werden, wenn etwas unklar ist.', confirmedOn: day(-7) }), now);
    s.saveView(db, ViewInput.parse({ stepId: step.id, side: 'trainee', text: i === 0 ? 'Der Bus fällt morgens oft aus; ich wusste nicht, wen ich anrufen soll.' : 'Ich habe mich nicht getraut nachzufragen.', confirmedOn: day(-6) }), now);
    const a = (what: string, who: string, due: number, review: number | null) => s.saveAgreement(db, AgreementInput.parse({ stepId: step.id, what, who, dueOn: day(due), reviewOn: review === null ? null : day(review) }), now);
    a(i === 0 ? 'Früheren Bus nehmen; bei Ausfall bis 7:15 Uhr anrufen' : 'Aufträge mit eigenen Worten wiederholen', `${t.firstName} ${t.lastName}`, 7, 28);
    a('Telefonnummer der Werkstatt im Handy speichern', `${t.firstName} ${t.lastName}`, 2, null);
    a('Nachgespräch mit der Moderation', mediator.name, 35, null);

    const consent = s.saveConsent(db, ConsentInput.parse({ traineeId: t.id, textId: text.id, personId: mediator.id, purpose: 'Moderation des Konflikts und Begleitung in der Ausbildung', categories: ['master_data', 'moderation_log', 'training_plan'], givenOn: day(-8), form: 'paper_scan', validUntil: day(i === 0 ? 20 : 180) }), now);
    s.recordDisclosure(db, { consentId: consent.id, disclosedOn: day(-6), categories: ['master_data', 'moderation_log'], sha256: null, note: 'Moderationsprotokoll als PDF per E-Mail' }, now);
    if (i === 1) {
      const old = s.saveConsent(db, ConsentInput.parse({ traineeId: t.id, textId: text.id, contactId: asa, purpose: 'Abstimmung der Förderstunden', categories: ['master_data', 'training_record'], givenOn: day(-120), form: 'electronic' }), now);
      s.revokeConsent(db, old.id, day(-40), now);
    }
  }
}
