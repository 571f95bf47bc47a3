// German wording for printed output (letters, the document overview, calendar entries). The screens use the
// i18n namespace "immigration" instead; documents for German authorities are always in German.
import { formatDate } from '../../../shared/format';
import type { Deadline, DocumentState, DocumentType, Localized, MayTrain, Missing, WorkNote } from '../../../shared/immigration';
import type { Rules } from './rules';

/** Keeps "§ 60c" together on one line in printed text. */
export const keepParagraphs = (s: string) => s.replace(/§ /g, '§\u00a0').replace(/Abs\. /g, 'Abs.\u00a0');

export const docLabel = (rules: Rules, type: DocumentType, detail?: string | null) =>
  keepParagraphs(type === 'sonstiges' && detail ? detail : rules.type(type).label.de);

export const STATE_DE: Record<DocumentState, string> = {
  valid: 'gültig',
  expiring: 'läuft bald ab',
  expired: 'abgelaufen',
  renewal_applied: 'Verlängerung beantragt',
  replaced: 'ersetzt',
  lapsed: 'Ausbildung vorzeitig beendet (siehe „Was fehlt“)',
};

/** The work note as printed: the exact wording when it was entered, else the standard wording (plus additions). */
export function workNoteDe(rules: Rules, note: WorkNote | null, text: string | null): string {
  if (!note) return text ?? '';
  if (note === 'sonstige' || note === 'ausbildung_bei_betrieb') return text ?? rules.workNote(note).wording;
  return [rules.workNote(note).wording, text].filter(Boolean).join(' – ');
}

export const personName = (d: { firstName: string; lastName: string }) => `${d.firstName} ${d.lastName}`;

/** A source as printed, with the visible mark when the rule is uncertain (never "[?]"). */
export function sourceDe(rules: Rules, source: Localized | string | null, uncertain: Localized | null): string {
  const s = typeof source === 'string' ? source : (source?.de ?? '');
  const mark = rules.file.uncertainMark.de;
  return [s, uncertain ? (uncertain.de === mark ? mark : `${mark}: ${uncertain.de}`) : null].filter(Boolean).join(' – ');
}

/** What to do, for whom, by when: one sentence per deadline, from the catalogue's template. */
export function whatToDoDe(d: Deadline, _rules?: Rules, _docDetail?: string | null): string {
  return d.text.de;
}

export const KIND_SHORT_DE: Record<Deadline['kind'], string> = {
  renewal: 'Verlängerung beantragen',
  ausbildungsduldung: 'Ausbildungsduldung beantragen',
  start_check: 'Erlaubnis vor Ausbildungsbeginn prüfen',
  notify_end: 'Mitteilung an die Ausländerbehörde',
  extension: 'Verlängerung wegen längerer Ausbildung',
};

/** The calendar's word for a deadline's start day (fromOn): the lead time begins, the window opens, the duty starts. */
export const FROM_LABEL_DE: Record<Deadline['kind'], string> = {
  renewal: 'Vorbereiten',
  ausbildungsduldung: 'Antrag möglich',
  start_check: 'Vorbereiten',
  notify_end: 'Mitteilen',
  extension: 'Vorbereiten',
};

/** A statement about the recorded documents (never a flat verdict), with its source. */
export function mayTrainDe(m: MayTrain, rules: Rules): string {
  const doc = m.documentType ? rules.type(m.documentType).label.de : '';
  const reason = (() => {
    switch (m.reason) {
      case 'allowed':
        return `Nach den erfassten Dokumenten erlaubt ${doc} die Ausbildung${m.reasonDate ? ` (gültig bis ${formatDate(m.reasonDate)})` : ''}.`;
      case 'allowed_continuing':
        return `Nach den erfassten Dokumenten gilt ${doc} fort, weil die Verlängerung vor Ablauf beantragt wurde.`;
      case 'no_document':
        return 'Nach den erfassten Dokumenten fehlt ein gültiges Aufenthaltsdokument, das die Ausbildung erlaubt.';
      case 'expired':
        return `Nach den erfassten Dokumenten ist ${doc} seit ${m.reasonDate ? formatDate(m.reasonDate) : 'unbekannt'} abgelaufen; ein gültiges Dokument, das die Ausbildung erlaubt, fehlt.`;
      case 'not_yet_valid':
        return `Nach den erfassten Dokumenten gilt ${doc} erst ab ${formatDate(m.reasonDate)}.`;
      case 'work_forbidden':
        return `Nach den erfassten Dokumenten ist auf ${doc} die Erwerbstätigkeit nicht gestattet.`;
      case 'permission_missing':
        return `Nach den erfassten Dokumenten erlaubt ${doc} die Beschäftigung nur mit Erlaubnis der Ausländerbehörde; eine gültige Erlaubnis fehlt${m.reasonDate ? ` (letzte abgelaufen am ${formatDate(m.reasonDate)})` : ''}.`;
      case 'note_unclear':
        return `Die Nebenbestimmung auf ${doc} ist nicht eindeutig erfasst: Wortlaut auf dem Dokument prüfen.`;
      case 'safe_origin':
        return `Nach den erfassten Angaben (${doc}: sicherer Herkunftsstaat, Asylantrag nach dem 31.08.2015) ist eine Beschäftigungserlaubnis ausgeschlossen.`;
      case 'not_started':
        return 'Die Ausbildung hat noch nicht begonnen.';
      case 'ended':
        return 'Die Ausbildung ist beendet.';
    }
  })();
  const source = m.source || m.uncertain ? ` Quelle: ${sourceDe(rules, m.source, m.uncertain)}.` : '';
  return `${m.verdict === 'not_started' ? `Zum Ausbildungsbeginn am ${formatDate(m.date)}: ` : ''}${reason}${source}`;
}

export function missingDe(m: Missing, rules: Rules): string {
  const doc = m.documentType ? rules.type(m.documentType).label.de : '';
  const text = (() => {
    switch (m.code) {
      case 'no_status_document':
        return 'Kein Aufenthaltsdokument erfasst.';
      case 'copy_missing':
        return `Kopie von ${doc} fehlt.`;
      case 'permission_missing':
        return `Beschäftigungserlaubnis der Ausländerbehörde fehlt (${doc} erlaubt die Beschäftigung nur mit Erlaubnis).`;
      case 'passport_missing':
        return `Pass oder Passersatz nicht erfasst (für ${doc} erforderlich).`;
      case 'renewal_overdue':
        return `${doc} ist abgelaufen und nicht verlängert.`;
      case 'note_unclear':
        return `Nebenbestimmung von ${doc} nicht eindeutig: Wortlaut prüfen.`;
      case 'safe_origin':
        return `${doc}: sicherer Herkunftsstaat, Asylantrag nach dem 31.08.2015 – eine Beschäftigungserlaubnis ist ausgeschlossen.`;
      case 'lapses':
        return m.text?.de ?? '';
    }
  })();
  return m.source || m.uncertain ? `${text} Quelle: ${sourceDe(rules, m.source, m.uncertain)}.` : text;
}
