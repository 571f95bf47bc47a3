// "Dokumentenstand": one trainee's documents with state, validity, work note and next deadline, what is missing,
// the open deadlines with their sources, and the history of replaced versions.
import type { Content, TableCell } from 'pdfmake/interfaces';
import { formatDate, toIsoDate } from '../../../shared/format';
import type { ExportFile } from '../exports/registry';
import { fileSlug } from '../exports/text';
import { getFirm } from '../firm/service';
import { buildDocument, COLORS } from '../pdf/layout';
import { renderPdf } from '../pdf/render';
import type { Store } from '../store/db';
import { getTrainee } from '../trainees/service';
import type { Trainee } from '../../../shared/trainees';
import { docRows, documentOverview } from './documents';
import { loadRules } from './rules';
import { docLabel, keepParagraphs, KIND_SHORT_DE, mayTrainDe, missingDe, sourceDe, STATE_DE, whatToDoDe, workNoteDe } from './texts';

const th = (t: string): TableCell => ({ text: t, style: 'th' });
/** A residence obligation as recorded, labelled unless its text names itself ("Wohnsitzauflage Hamburg"). */
const obligationText = (o: string) => (/^(wohnsitz|räumlich)/i.test(o) ? o : `Wohnsitzauflage / räumliche Beschränkung: ${o}`);
const grid = {
  hLineWidth: () => 0.4,
  vLineWidth: () => 0.4,
  hLineColor: () => COLORS.line,
  vLineColor: () => COLORS.line,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

/** The end of the training as printed: the actual end of an ended one (or one recorded in advance), else the planned end. */
export function trainingEndDe(t: Trainee): string {
  if (t.status !== 'active') return `${formatDate(t.endedOn ?? t.contractEndPlanned)}${t.status === 'ended_early' ? ' (vorzeitig beendet)' : ''}`;
  if (t.scheduledEnd) return `${formatDate(t.scheduledEnd.date)}${t.scheduledEnd.kind === 'early' ? ' (endet vorzeitig)' : ''}`;
  return formatDate(t.contractEndPlanned);
}

export async function dokumentenstandPdf(store: Store, traineeId: number, now: Date): Promise<ExportFile> {
  const { db } = store;
  const today = toIsoDate(now);
  const t = getTrainee(db, traineeId);
  const rules = loadRules();
  const ov = documentOverview(db, traineeId, today);
  const detail = new Map(docRows(db, traineeId).map((r) => [r.id, r.type_detail]));
  const current = ov.documents.filter((d) => d.state !== 'replaced');
  const old = ov.documents.filter((d) => d.state === 'replaced');
  const verdictColor = ov.mayTrain.verdict === 'allowed' || ov.mayTrain.verdict === 'ended' ? COLORS.text : '#b42318';

  // The work note as the document states it (the catalogue's wording of its kind), then the wording or addition
  // as recorded, in quotes.
  const workNoteCell = (d: (typeof current)[number]): Content[] => {
    const wording = d.workNote && d.workNote !== 'sonstige' ? rules.workNote(d.workNote).wording : null;
    const recorded = d.workNoteText && d.workNoteText !== wording ? d.workNoteText : null;
    if (!wording && !recorded) return [workNoteDe(rules, d.workNote, d.workNoteText) || '—'];
    return [...(wording ? [{ text: wording }] : []), ...(recorded ? [{ text: `„${recorded}“`, italics: Boolean(wording) }] : [])];
  };
  const docTable = (docs: typeof current, withNext: boolean): Content => ({
    table: {
      headerRows: 1,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths: withNext ? [106, 60, 54, 50, '*', 90] : [124, 62, 60, 60, '*'],
      body: [
        [th('Dokument'), th('Ausgestellt'), th('Gültig bis'), th('Status'), th('Nebenbestimmung'), ...(withNext ? [th('Nächste Frist')] : [])],
        ...docs.map((d) => [
          { stack: [{ text: docLabel(rules, d.type, detail.get(d.id)), bold: true }, ...(d.number ? [{ text: `Nr. ${d.number}`, style: 'small' }] : []), ...(d.authority ? [{ text: d.authority, style: 'small' }] : [])] },
          formatDate(d.issuedOn) || '—',
          formatDate(d.validUntil) || '—',
          {
            text: [STATE_DE[d.state], d.renewalAppliedOn && d.state === 'renewal_applied' ? ` am ${formatDate(d.renewalAppliedOn)}` : ''].join(''),
            color: d.state === 'expired' ? '#b42318' : d.urgent ? '#9a6700' : COLORS.text,
          },
          { stack: [...workNoteCell(d), ...(d.residenceObligation ? [{ text: obligationText(d.residenceObligation), style: 'small' }] : []), ...(d.copy ? [] : [{ text: 'keine Kopie gespeichert', style: 'small' }])] },
          ...(withNext ? [d.nextDeadline ? `${KIND_SHORT_DE[d.nextDeadline.kind]}: ${formatDate(d.nextDeadline.dueOn)}` : '—'] : []),
        ]),
      ],
    },
    layout: grid,
    fontSize: 8,
  });

  const content: Content[] = [
    { text: 'Erlaubnis zur Ausbildung nach den erfassten Dokumenten', style: 'h2' },
    { text: mayTrainDe(ov.mayTrain, rules), bold: true, color: verdictColor },
    { text: 'Aktuelle Dokumente', style: 'h2' },
    current.length ? docTable(current, true) : { text: 'Keine Dokumente erfasst.' },
    { text: 'Was fehlt', style: 'h2' },
    ov.missing.length ? { ul: ov.missing.map((m) => missingDe(m, rules)) } : { text: 'Nichts – alle erforderlichen Angaben und Kopien sind vorhanden.' },
    { text: 'Offene Fristen', style: 'h2' },
    ov.deadlines.length
      ? {
          table: {
            headerRows: 1,
            keepWithHeaderRows: 1,
            dontBreakRows: true,
            widths: [60, '*', 150],
            body: [
              [th('Bis'), th('Was ist zu tun'), th('Quelle')],
              ...ov.deadlines.map((d) => [
                { text: formatDate(d.dueOn), bold: d.urgent, color: d.daysLeft < 0 ? '#b42318' : COLORS.text },
                whatToDoDe(d, rules, d.documentId !== null ? detail.get(d.documentId) : null),
                { text: keepParagraphs(sourceDe(rules, d.source, d.uncertain)), style: 'small' },
              ]),
            ],
          },
          layout: grid,
          fontSize: 8.5,
        }
      : { text: 'Keine offenen Fristen.' },
    ...(old.length ? [{ text: 'Frühere Versionen (ersetzt)', style: 'h2' } as Content, docTable(old, false)] : []),
    { text: `${rules.file.disclaimer.de} Regelkatalog Stand ${rules.file.checked}.`, style: 'small', margin: [0, 14, 0, 0] },
  ];
  const pdf = buildDocument({
    firm: getFirm(db),
    title: 'Dokumentenstand',
    subtitle: [`${t.lastName}, ${t.firstName} · ${t.occupationName}`, `Ausbildung ${formatDate(t.contractStart)} – ${trainingEndDe(t)} · Stand ${formatDate(today)}`],
    content,
    createdAt: now,
    footerNote: 'Vertraulich: personenbezogene Daten',
  });
  return { fileName: `Dokumentenstand_${fileSlug(t.lastName)}_${fileSlug(t.firstName)}.pdf`, mimeType: 'application/pdf', bytes: await renderPdf(pdf) };
}
