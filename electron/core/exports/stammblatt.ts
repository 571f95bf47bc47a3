// "Stammblatt": one trainee's master data on one sheet, for the firm's personnel file.
import { formatDate, formatEuro, formatNumber } from '../../../shared/format';
import { getFirm } from '../firm/service';
import { listCompetences } from '../network/service';
import { competenceTable } from '../network/text';
import { buildDocument, fieldTable } from '../pdf/layout';
import { renderPdf } from '../pdf/render';
import type { Store } from '../store/db';
import { getTraineeFile } from '../trainees/service';
import { languageNameDe, fileSlug } from './text';

const WEEKDAYS = ['', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'];
const STATUS = { applicant: 'Bewerber/in (noch kein Ausbildungsvertrag)', active: 'in Ausbildung', ended_regular: 'regulär beendet', ended_early: 'vorzeitig beendet' } as const;

export async function stammblattPdf(store: Store, traineeId: number, now: Date) {
  const t = getTraineeFile(store.db, traineeId);
  const firm = getFirm(store.db);
  const competences = listCompetences(store.db, traineeId);
  const doc = buildDocument({
    firm,
    title: 'Stammblatt Auszubildende/r',
    subtitle: [`${t.lastName}, ${t.firstName} · ${t.occupationName}`],
    createdAt: now,
    content: [
      { text: 'Person', style: 'h2' },
      fieldTable([
        ['Name', `${t.lastName}, ${t.firstName}`],
        ['Geburtsdatum', formatDate(t.dateOfBirth)],
        ['Staatsangehörigkeit', t.nationality],
        ['Erstsprache(n)', t.firstLanguages.map(languageNameDe).join(', ')],
        ['Weitere Sprachen', t.otherLanguages.map(languageNameDe).join(', ')],
        ['Deutschniveau', t.germanLevel ? [t.germanLevel, t.germanLevelDate && `vom ${formatDate(t.germanLevelDate)}`, t.germanLevelSource && `(${t.germanLevelSource})`].filter(Boolean).join(' ') : null],
        ['Telefon', t.phone],
        ['E-Mail', t.email],
        ['Anschrift', t.address],
      ]),
      { text: 'Ausbildungsvertrag', style: 'h2' },
      fieldTable([
        ['Ausbildungsberuf', t.occupationName],
        ['Beginn', formatDate(t.contractStart)],
        ['Geplantes Ende', formatDate(t.contractEndPlanned)],
        ['Probezeit', t.probationMonths === null ? null : `${t.probationMonths} ${t.probationMonths === 1 ? 'Monat' : 'Monate'}`],
        ['Wöchentliche Arbeitszeit', t.weeklyHours === null ? null : `${formatNumber(t.weeklyHours)} Stunden`],
        ['Berufsschultage', t.schoolDays.map((d) => WEEKDAYS[d]).join(', ')],
        ['Vergütung', t.payPerYear.map((p, i) => `${i + 1}. Ausbildungsjahr: ${formatEuro(p)}`).join('\n')],
        ['Eintragung Handwerkskammer', [formatDate(t.chamberRegistrationDate), t.chamberRegistrationNo && `Nr. ${t.chamberRegistrationNo}`].filter(Boolean).join(', ')],
        ['Status', t.endedOn ? `${STATUS[t.status]} am ${formatDate(t.endedOn)}` : STATUS[t.status]],
        ...(t.endReason ? ([['Grund der Beendigung', t.endReason]] as [string, string][]) : []),
      ]),
      { text: 'Was die/der Auszubildende schon kann', style: 'h2' },
      ...(t.priorExperience || competences.length === 0 ? [{ text: t.priorExperience ?? '—' }] : []),
      ...(competences.length > 0 ? [competenceTable(competences)] : []),
      ...(t.notes ? [{ text: 'Notizen', style: 'h2' }, { text: t.notes }] : []),
    ],
  });
  const bytes = await renderPdf(doc);
  return { fileName: `Stammblatt_${fileSlug(t.lastName)}_${fileSlug(t.firstName)}.pdf`, mimeType: 'application/pdf', bytes };
}
