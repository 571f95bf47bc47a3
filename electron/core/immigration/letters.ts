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
import { addMonths } from './dates';
import { deadlineKey } from './deadlines';
import { planNoticeFor } from './notice';
import { loadRules, type NotifyRule } from './rules';
import { docLabel, keepParagraphs } from './texts';

/**
 * The notice of an end of training to the Ausländerbehörde. Recorded in advance, the letter says the training "endet
 * am …"; afterwards that it "wurde am … beendet". The recorded reason is named unless `withReason` is false.
 */
export async function mitteilungAbhPdf(store: Store, traineeId: number, now: Date, withReason = true): Promise<ExportFile> {
  const { db } = store;
  const t = getTrainee(db, traineeId);
  const endOn = t.endedOn ?? t.scheduledEnd?.date ?? null;
  const early = t.status === 'ended_early' || (t.status === 'active' && t.scheduledEnd?.kind === 'early');
  // The notice the end created (also after a regular end where the rule asks for one, § 60d).
  const task = endOn
    ? (db.prepare(`SELECT document_id, rule_id FROM deadline_tasks WHERE key = ?`).get(deadlineKey('notify_end', traineeId, null, endOn)) as
        | { document_id: number | null; rule_id: NotifyRule }
        | undefined)
    : undefined;
  if (!endOn || (!early && !task)) throw new AppError('not_ended_early', `The training of trainee ${traineeId} has not ended early`);
  const recipient = recipientFor(db, traineeId, 'auslaenderbehoerde');
  if (!recipient) throw new AppError('no_abh_contact', 'No Ausländerbehörde in the address book for this trainee');
  const rules = loadRules();
  const firm = getFirm(db);
  const ahead = t.status === 'active';
  // The document the notice refers to: the one the task was created for, else the one in force on the end date.
  const plan = planNoticeFor(db, t, early ? 'early' : 'regular', endOn, t.endKnownOn ?? endOn);
  const rows = docRows(db, traineeId);
  const doc = rows.find((r) => r.id === (task?.document_id ?? plan?.documentId)) ?? rows.find((r) => r.replaced_by_id === null && rules.type(r.type).status) ?? null;
  const rule = task?.rule_id ?? plan?.ruleId ?? 'notify_recommended';
  const cite = rules.file.rules[rule].cite;
  const s = signer(firm);
  const contact = [s?.name, firm?.phone && `Tel. ${firm.phone}`, firm?.email].filter(Boolean).join(', ');
  const how = early ? 'vorzeitig ' : '';
  const pdf = letterDocument({
    firm,
    recipient,
    subject: early ? 'Mitteilung über die vorzeitige Beendigung eines Ausbildungsverhältnisses' : 'Mitteilung über die Beendigung eines Ausbildungsverhältnisses',
    ...(cite ? { subjectNote: `nach ${keepParagraphs(cite)}` } : {}),
    yourRef: doc?.file_number ?? fileNumber(db, traineeId),
    createdAt: now,
    body: [
      { text: 'Sehr geehrte Damen und Herren,', margin: [0, 10, 0, 8] },
      {
        text: ahead
          ? `hiermit teilen wir Ihnen mit, dass das Ausbildungsverhältnis mit der unten genannten Person am ${formatDate(endOn)} ${how}endet.`
          : `hiermit teilen wir Ihnen mit, dass das Ausbildungsverhältnis mit der unten genannten Person am ${formatDate(endOn)} ${how}beendet wurde.`,
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
        [ahead ? 'Letzter Ausbildungstag' : 'Tag der Beendigung', formatDate(endOn)],
        ...(withReason && t.endReason ? [['Grund der Beendigung', t.endReason] as [string, string]] : []),
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
  // An ended (or ending) training: the letter names its end and never a planned end or pay of years not reached.
  const endOn = t.endedOn ?? t.scheduledEnd?.date ?? null;
  const running = t.status === 'active' && !endOn;
  const payYears = t.payPerYear.filter((_p, i) => !endOn || addMonths(t.contractStart, 12 * i) <= endOn);
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
          : t.status === 'active'
            ? `hiermit bestätigen wir, dass die unten genannte Person in unserem Betrieb eine Berufsausbildung absolviert. Das Ausbildungsverhältnis endet am ${formatDate(endOn)}.`
            : `hiermit bestätigen wir, dass die unten genannte Person in unserem Betrieb eine Berufsausbildung absolviert hat. Das Ausbildungsverhältnis endete am ${formatDate(endOn)}.`,
        margin: [0, 0, 0, 10],
      },
      fieldTable([
        ['Familienname', t.lastName],
        ['Vorname', t.firstName],
        ['Geburtsdatum', formatDate(t.dateOfBirth)],
        ['Staatsangehörigkeit', t.nationality],
        ['Ausbildungsberuf', t.occupationName],
        ['Beginn der Ausbildung', formatDate(t.contractStart)],
        running ? ['Voraussichtliches Ende', formatDate(t.contractEndPlanned)] : ['Ende der Ausbildung', formatDate(endOn)],
        ['Wöchentliche Ausbildungszeit', `${formatNumber(t.weeklyHours)} Stunden`],
        ['Ausbildungsvergütung (brutto/Monat)', payYears.map((p, i) => `${i + 1}. Ausbildungsjahr: ${formatEuro(p)}`).join('\n')],
        ['Eintragung Handwerkskammer', chamber],
        ['Ausbildungsbetrieb', [firm?.name, firm?.street, [firm?.zip, firm?.city].filter(Boolean).join(' '), firm?.betriebsnummer && `Betriebsnummer ${firm.betriebsnummer}`].filter(Boolean).join(', ')],
      ]),
      { text: 'Für Rückfragen stehen wir Ihnen gern zur Verfügung.', margin: [0, 12, 0, 0] },
    ],
  });
  return { fileName: `Ausbildungsbestaetigung_${fileSlug(t.lastName)}_${fileSlug(t.firstName)}.pdf`, mimeType: 'application/pdf', bytes: await renderPdf(pdf) };
}
