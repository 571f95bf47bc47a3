// The letters to the authorities: the notice of an early end of training (mitteilung-abh) and the firm's
// confirmation of the training relationship (ausbildungsbestaetigung).
import { formatDate, formatEuro, formatNumber } from '../../../shared/format';
import { recipientFor } from '../contacts/service';
import { AppError } from '../errors';
import { fileSlug } from '../exports/text';
import type { ExportFile } from '../exports/registry';
import { getFirm } from '../firm/service';
import { fieldTable } from '../pdf/layout';
import { renderPdf } from '../pdf/render';
import type { Store } from '../store/db';
import { getTrainee } from '../trainees/service';
import { docRows, fileNumber } from './documents';
import { letterDocument, signer } from './letter';
import { loadRules, type NotifyRule } from './rules';
import { docLabel, keepParagraphs } from './texts';

export async function mitteilungAbhPdf(store: Store, traineeId: number, now: Date): Promise<ExportFile> {
  const { db } = store;
  const t = getTrainee(db, traineeId);
  if (t.status !== 'ended_early' || !t.endedOn) throw new AppError('not_ended_early', `The training of trainee ${traineeId} has not ended early`);
  const recipient = recipientFor(db, traineeId, 'auslaenderbehoerde');
  if (!recipient) throw new AppError('no_abh_contact', 'No Ausländerbehörde in the address book for this trainee');
  const rules = loadRules();
  const firm = getFirm(db);
  // The document the notice refers to: the one the task was created for, else the current residence document.
  const task = db
    .prepare(`SELECT document_id, rule_id FROM deadline_tasks WHERE kind = 'notify_end' AND trainee_id = ? AND from_on = ? ORDER BY id DESC LIMIT 1`)
    .get(traineeId, t.endedOn) as { document_id: number | null; rule_id: NotifyRule } | undefined;
  const rows = docRows(db, traineeId);
  const doc = rows.find((r) => r.id === task?.document_id) ?? rows.find((r) => r.replaced_by_id === null && rules.type(r.type).status) ?? null;
  const rule = task?.rule_id ?? (doc ? rules.type(doc.type).notifyRule : null) ?? 'notify_4a';
  const cite = rules.file.rules[rule].cite;
  const s = signer(firm);
  const contact = [s?.name, firm?.phone && `Tel. ${firm.phone}`, firm?.email].filter(Boolean).join(', ');
  const pdf = letterDocument({
    firm,
    recipient,
    subject: 'Mitteilung über die vorzeitige Beendigung eines Ausbildungsverhältnisses',
    yourRef: doc?.file_number ?? fileNumber(db, traineeId),
    subjectNote: `nach ${keepParagraphs(cite)}`,
    createdAt: now,
    body: [
      { text: 'Sehr geehrte Damen und Herren,', margin: [0, 10, 0, 8] },
      {
        text: `hiermit teilen wir Ihnen mit, dass das Ausbildungsverhältnis mit der unten genannten Person am ${formatDate(t.endedOn)} vorzeitig beendet wurde.`,
        margin: [0, 0, 0, 10],
      },
      fieldTable([
        ['Familienname', t.lastName],
        ['Vorname', t.firstName],
        ['Staatsangehörigkeit', t.nationality],
        ['Geburtsdatum', formatDate(t.dateOfBirth)],
        ['Aufenthaltsdokument', doc ? docLabel(rules, doc.type, doc.type_detail) : null],
        ['Dokumentnummer', doc?.number],
        ['Ausbildungsberuf', t.occupationName],
        ['Beginn der Ausbildung', formatDate(t.contractStart)],
        ['Tag der Beendigung', formatDate(t.endedOn)],
        ['Ausbildungsbetrieb', [firm?.name, firm?.street, [firm?.zip, firm?.city].filter(Boolean).join(' '), firm?.betriebsnummer && `Betriebsnummer ${firm.betriebsnummer}`].filter(Boolean).join(', ')],
        ['Ansprechperson', contact],
      ]),
      { text: 'Für Rückfragen stehen wir Ihnen gern zur Verfügung.', margin: [0, 12, 0, 0] },
    ],
  });
  return { fileName: `Mitteilung_ABH_${fileSlug(t.lastName)}_${fileSlug(t.firstName)}.pdf`, mimeType: 'application/pdf', bytes: await renderPdf(pdf) };
}

export async function ausbildungsbestaetigungPdf(store: Store, traineeId: number, now: Date): Promise<ExportFile> {
  const { db } = store;
  const t = getTrainee(db, traineeId);
  const firm = getFirm(db);
  const recipient = recipientFor(db, traineeId, 'auslaenderbehoerde');
  const running = t.status === 'active';
  const chamber = t.chamberRegistrationDate
    ? [firm?.chamber, `eingetragen am ${formatDate(t.chamberRegistrationDate)}`, t.chamberRegistrationNo && `Nr. ${t.chamberRegistrationNo}`].filter(Boolean).join(', ')
    : `Eintragung${firm?.chamber ? ` bei der ${firm.chamber}` : ''} noch nicht erfolgt`;
  const pdf = letterDocument({
    firm,
    recipient,
    noRecipient: 'Zur Vorlage bei der Ausländerbehörde',
    subject: 'Bestätigung über das Ausbildungsverhältnis',
    yourRef: fileNumber(db, traineeId),
    createdAt: now,
    body: [
      { text: 'Sehr geehrte Damen und Herren,', margin: [0, 10, 0, 8] },
      {
        text: running
          ? 'hiermit bestätigen wir, dass die unten genannte Person in unserem Betrieb eine Berufsausbildung absolviert. Das Ausbildungsverhältnis besteht ungekündigt.'
          : `hiermit bestätigen wir, dass die unten genannte Person in unserem Betrieb eine Berufsausbildung absolviert hat. Das Ausbildungsverhältnis endete am ${formatDate(t.endedOn)}.`,
        margin: [0, 0, 0, 10],
      },
      fieldTable([
        ['Familienname', t.lastName],
        ['Vorname', t.firstName],
        ['Geburtsdatum', formatDate(t.dateOfBirth)],
        ['Staatsangehörigkeit', t.nationality],
        ['Ausbildungsberuf', t.occupationName],
        ['Beginn der Ausbildung', formatDate(t.contractStart)],
        ['Voraussichtliches Ende', formatDate(t.contractEndPlanned)],
        ['Wöchentliche Ausbildungszeit', `${formatNumber(t.weeklyHours)} Stunden`],
        ['Ausbildungsvergütung (brutto/Monat)', t.payPerYear.map((p, i) => `${i + 1}. Ausbildungsjahr: ${formatEuro(p)}`).join('\n')],
        ['Eintragung Handwerkskammer', chamber],
        ['Ausbildungsbetrieb', [firm?.name, firm?.street, [firm?.zip, firm?.city].filter(Boolean).join(' '), firm?.betriebsnummer && `Betriebsnummer ${firm.betriebsnummer}`].filter(Boolean).join(', ')],
      ]),
      { text: 'Für Rückfragen stehen wir Ihnen gern zur Verfügung.', margin: [0, 12, 0, 0] },
    ],
  });
  return { fileName: `Ausbildungsbestaetigung_${fileSlug(t.lastName)}_${fileSlug(t.firstName)}.pdf`, mimeType: 'application/pdf', bytes: await renderPdf(pdf) };
}
