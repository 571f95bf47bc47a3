// German wording for printed output (letters, the document overview, calendar entries). The screens use the
// i18n namespace "immigration" instead; documents for German authorities are always in German.
import { formatDate } from '../../../shared/format';
import type { Deadline, DocumentState, DocumentType, MayTrain, Missing, WorkNote } from '../../../shared/immigration';
import type { Rules } from './rules';

/** Keeps "§ 60c" together on one line in printed text. */
export const keepParagraphs = (s: string) => s.replace(/§ /g, '§\u00a0').replace(/Abs\. /g, 'Abs.\u00a0');

export const docLabel = (rules: Rules, type: DocumentType, detail?: string | null) =>
  keepParagraphs(type === 'sonstiges' && detail ? detail : rules.type(type).label);

export const STATE_DE: Record<DocumentState, string> = {
  valid: 'gültig',
  expiring: 'läuft bald ab',
  expired: 'abgelaufen',
  renewal_applied: 'Verlängerung beantragt',
  replaced: 'ersetzt',
};

/** The work note as printed: the exact wording when it was entered, else the standard wording (plus additions). */
export function workNoteDe(rules: Rules, note: WorkNote | null, text: string | null): string {
  if (!note) return text ?? '';
  if (note === 'sonstige' || note === 'ausbildung_bei_betrieb') return text ?? rules.workNote(note).wording;
  return [rules.workNote(note).wording, text].filter(Boolean).join(' – ');
}

export const personName = (d: { firstName: string; lastName: string }) => `${d.firstName} ${d.lastName}`;

/** What to do, for whom, by when: one sentence per deadline. */
export function whatToDoDe(d: Deadline, rules: Rules, docDetail?: string | null): string {
  const who = personName(d);
  const doc = d.documentType ? docLabel(rules, d.documentType, docDetail) : 'Dokument';
  switch (d.kind) {
    case 'renewal':
      // A passport is renewed by the home country's embassy or consulate, not by the Ausländerbehörde.
      return `${doc} von ${who} läuft am ${formatDate(d.dueOn)} ab: Verlängerung vor Ablauf ${d.documentType === 'pass' ? 'bei der Botschaft oder dem Konsulat des Herkunftslandes' : 'bei der Ausländerbehörde'} beantragen.`;
    case 'ausbildungsduldung':
      return `Ausbildungsduldung (§ 60c AufenthG) oder Aufenthaltserlaubnis (§ 16g AufenthG) für ${who} beantragen: frühestens ab ${formatDate(d.fromOn)}, vor Ausbildungsbeginn am ${formatDate(d.dueOn)}.`;
    case 'start_check':
      return `Vor Ausbildungsbeginn am ${formatDate(d.dueOn)}: gültiges Dokument von ${who} prüfen, das die Ausbildung erlaubt, und eine Kopie aufbewahren.`;
    case 'notify_end':
      return `Vorzeitiges Ende der Ausbildung von ${who} (am ${formatDate(d.fromOn)}) der Ausländerbehörde schriftlich oder elektronisch mitteilen, spätestens am ${formatDate(d.dueOn)}.`;
    case 'extension':
      return `Ausbildung von ${who} verlängert: ${doc} vor Ablauf am ${formatDate(d.dueOn)} bis zum neuen Ausbildungsende verlängern lassen.`;
  }
}

export const KIND_SHORT_DE: Record<Deadline['kind'], string> = {
  renewal: 'Verlängerung beantragen',
  ausbildungsduldung: 'Ausbildungsduldung beantragen',
  start_check: 'Erlaubnis vor Ausbildungsbeginn prüfen',
  notify_end: 'Mitteilung an die Ausländerbehörde',
  extension: 'Verlängerung wegen längerer Ausbildung',
};

export function mayTrainDe(m: MayTrain, rules: Rules): string {
  const doc = m.documentType ? rules.type(m.documentType).label : '';
  const reason = (() => {
    switch (m.reason) {
      case 'allowed':
        return `Ja: ${doc}${m.reasonDate ? `, gültig bis ${formatDate(m.reasonDate)}` : ''}.`;
      case 'allowed_continuing':
        return `Ja: ${doc} gilt fort, weil die Verlängerung vor Ablauf beantragt wurde (§ 81 Abs. 4 AufenthG).`;
      case 'no_document':
        return 'Nein: kein gültiges Aufenthaltsdokument erfasst.';
      case 'expired':
        return `Nein: ${doc} ist seit ${m.reasonDate ? formatDate(m.reasonDate) : 'unbekannt'} abgelaufen.`;
      case 'not_yet_valid':
        return `Nein: ${doc} gilt erst ab ${formatDate(m.reasonDate)}.`;
      case 'work_forbidden':
        return `Nein: auf dem Dokument (${doc}) ist die Erwerbstätigkeit nicht gestattet.`;
      case 'permission_missing':
        return `Nein: ${doc} erlaubt die Beschäftigung nur mit Erlaubnis der Ausländerbehörde, und keine gültige Erlaubnis ist erfasst${m.reasonDate ? ` (letzte abgelaufen am ${formatDate(m.reasonDate)})` : ''}.`;
      case 'note_unclear':
        return `Unklar: die Nebenbestimmung auf ${doc} bitte selbst prüfen.`;
      case 'not_started':
        return 'Die Ausbildung hat noch nicht begonnen.';
      case 'ended':
        return 'Die Ausbildung ist beendet.';
    }
  })();
  return m.verdict === 'not_started' ? `Zum Ausbildungsbeginn am ${formatDate(m.date)}: ${reason}` : reason;
}

export function missingDe(m: Missing, rules: Rules): string {
  const doc = m.documentType ? rules.type(m.documentType).label : '';
  switch (m.code) {
    case 'no_status_document':
      return 'Kein Aufenthaltsdokument erfasst.';
    case 'copy_missing':
      return `Kopie von ${doc} fehlt (Aufbewahrungspflicht, § 4a Abs. 5 S. 3 Nr. 2 AufenthG).`;
    case 'permission_missing':
      return `Beschäftigungserlaubnis der Ausländerbehörde fehlt (${doc} erlaubt die Beschäftigung nur mit Erlaubnis).`;
    case 'passport_missing':
      return `Pass oder Passersatz nicht erfasst (für ${doc} erforderlich).`;
    case 'renewal_overdue':
      return `${doc} ist abgelaufen und nicht verlängert.`;
    case 'note_unclear':
      return `Nebenbestimmung von ${doc} nicht eindeutig: Wortlaut prüfen.`;
  }
}
