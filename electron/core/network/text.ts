// German words for the network's lists in printed output (the UI uses i18n; PDFs for the file are German).
import type { Competence } from '../../../shared/network';
import { COLORS } from '../pdf/layout';
import type { ContentTable } from 'pdfmake/interfaces';

export const COMPETENCE_SOURCE_DE: Record<Competence['source'], string> = { country: 'im Herkunftsland', work: 'bei der Arbeit', route: 'unterwegs (Flucht/Migration)', other: 'anderswo' };
export const COMPETENCE_PROOF_DE: Record<Competence['proof'], string> = { practical_trial: 'praktische Probe', certificate: 'Zeugnis / Nachweis', own_account: 'eigene Angabe' };

/** The competences brought along as a table (what, where acquired, how shown, plan positions). */
export function competenceTable(list: Competence[]): ContentTable {
  const head = ['Was', 'Wo erworben', 'Wie gezeigt', 'Positionen im Ausbildungsplan'].map((text) => ({ text, style: 'label' }));
  return {
    margin: [0, 6, 0, 0],
    table: {
      headerRows: 1,
      widths: ['*', 130, 90, 80],
      body: [head, ...list.map((c) => [c.what, [COMPETENCE_SOURCE_DE[c.source], c.where].filter(Boolean).join(': '), COMPETENCE_PROOF_DE[c.proof], c.planPositions.join(', ') || '—'])],
    },
    layout: { hLineWidth: () => 0.4, vLineWidth: () => 0, hLineColor: () => COLORS.line, paddingTop: () => 3, paddingBottom: () => 3 },
  };
}
