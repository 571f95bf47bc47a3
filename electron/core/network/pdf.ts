// Moderation protocol for signature: German, with the section headings also in the trainee's first language
// where resources/network/protocol-headings.json has them (marked as a translation; the German text binds).
import fs from 'node:fs';
import path from 'node:path';
import type { Content } from 'pdfmake/interfaces';
import { formatDate } from '../../../shared/format';
import { isRtl } from '../../../shared/languages';
import { getFirm } from '../firm/service';
import { paragraph } from '../language/bidi';
import { resourcesDir } from '../paths';
import { COLORS, buildDocument, fieldTable, signatureLines } from '../pdf/layout';
import { renderPdf } from '../pdf/render';
import type { Store } from '../store/db';
import { getTraineeFile as getTrainee } from '../trainees/service';
import { fileSlug } from '../exports/text';
import { getCase, getConsent } from './service';

type Headings = Record<'title' | 'case' | 'session' | 'participants' | 'facts' | 'firmView' | 'traineeView' | 'agreements' | 'outcome' | 'signatures' | 'translated'
  | 'consentTitle' | 'recipient' | 'purpose' | 'data' | 'duration' | 'text' | 'voluntary' | 'statutory', string>;
const DE: Headings = { title: 'Protokoll der Konfliktmoderation', case: 'Anlass', session: 'Gespräch', participants: 'Beteiligte', facts: 'Sachverhalt (neutral)', firmView: 'Sicht des Betriebs', traineeView: 'Sicht der/des Auszubildenden', agreements: 'Vereinbarungen', outcome: 'Ergebnis', signatures: 'Unterschriften', translated: '',
  consentTitle: 'Einwilligung in die Weitergabe personenbezogener Daten', recipient: 'Empfänger/in', purpose: 'Zweck', data: 'Welche Daten', duration: 'Wie lange', text: 'Text der Einwilligung', voluntary: 'Freiwillig und widerrufbar', statutory: 'Gesetzliche Mitteilungen' };
export const DATA_DE: Record<string, string> = { master_data: 'Stammdaten', training_plan: 'Ausbildungsplan und Fortschritt', training_record: 'Ausbildungsnachweis', learning_tasks: 'Lernaufgaben', residence: 'Aufenthaltsstatus und Fristen', document_copies: 'Kopien von Dokumenten', moderation_log: 'Moderationsprotokoll', counselling_notes: 'Beratungsnotizen', competences: 'Mitgebrachte Kompetenzen' };
export const CATEGORY: Record<string, string> = { attendance: 'Anwesenheit und Pünktlichkeit', school: 'Berufsschule', communication: 'Kommunikation und Missverständnisse', language: 'Sprache', safety: 'Arbeitssicherheit', culture: 'Kultur und Religion', pay_hours: 'Vergütung und Arbeitszeit', residence: 'Aufenthalt und Behörden', private: 'Private Situation', other: 'Sonstiges' };
export const STEP: Record<string, string> = { firm_talk: 'Gespräch im Betrieb', moderated: 'Moderiertes Gespräch', ausbildungsberater: 'Ausbildungsberater/in der Kammer', schlichtung: 'Schlichtungsausschuss' };
const ROLE: Record<string, string> = { firm: 'Betrieb', trainee: 'Auszubildende/r', mediator: 'Moderation', interpreter: 'Dolmetschen', school: 'Berufsschule', chamber: 'Kammer', other: 'Sonstige' };
const OUTCOME: Record<string, string> = { resolved: 'geklärt', partly: 'teilweise geklärt', escalated: 'weitergegeben (nächste Stufe)', termination_agreement: 'Aufhebungsvertrag', dismissal: 'Kündigung', change_of_firm: 'Wechsel des Betriebs', settlement: 'Vergleich', ruling: 'Spruch des Schlichtungsausschusses' };
export const STATUS: Record<string, string> = { open: 'offen', done: 'erledigt', not_kept: 'nicht eingehalten' };
const RAISED: Record<string, string> = { firm: 'Betrieb', trainee: 'Auszubildende/r', school: 'Berufsschule', network: 'Netzwerk', other: 'Andere' };

function translatedHeadings(lang: string | undefined): Headings | null {
  if (!lang) return null;
  const file = JSON.parse(fs.readFileSync(path.join(resourcesDir(), 'network', 'protocol-headings.json'), 'utf8')) as { headings: Record<string, Headings> };
  return file.headings[lang] ?? null;
}

const W = 515;

/** Headings in German and, beside them, in the trainee's first language (right-aligned for right-to-left ones). */
function headingsFor(firstLanguages: string[]) {
  const lang = firstLanguages[0];
  const tr = translatedHeadings(lang);
  const rtl = lang ? isRtl(lang) : false;
  const h = (key: keyof Headings): Content =>
    tr
      ? ({ columns: [{ text: DE[key], style: 'h2' }, { ...(paragraph(tr[key], { width: W / 2, fontSize: 12, bold: true, color: COLORS.accent, direction: rtl ? 'rtl' : 'ltr', alignment: 'right' }) as object), margin: [0, 12, 0, 4] }] } as Content)
      : { text: DE[key], style: 'h2' };
  const note: Content[] = tr ? [{ ...(paragraph(tr.translated, { width: W, fontSize: 9, color: COLORS.muted, direction: rtl ? 'rtl' : 'ltr' }) as object), margin: [0, 0, 0, 4] } as Content] : [];
  return { h, note };
}

export async function moderationProtocolPdf(store: Store, caseId: number, now: Date) {
  const c = getCase(store.db, caseId);
  const t = getTrainee(store.db, c.traineeId);
  const { h, note } = headingsFor(t.firstLanguages);
  const content: Content[] = [
    h('case'),
    fieldTable([
      ['Auszubildende/r', `${t.lastName}, ${t.firstName}`],
      ['Kategorie', CATEGORY[c.category]],
      ['Anlass', c.occasion],
      ['Angesprochen von', `${RAISED[c.raisedBy]} am ${formatDate(c.raisedOn)}`],
      ['Frühere Hinweise', c.earlierWarnings],
    ]),
  ];
  for (const s of c.steps) {
    content.push(h('session'), fieldTable([['Art', STEP[s.kind]], ['Datum, Ort', [formatDate(s.heldOn), s.place].filter(Boolean).join(', ')], ['Zusammenfassung geht an', s.summaryTo]]));
    if (s.participants.length > 0) content.push(h('participants'), fieldTable(s.participants.map((p) => [p.name, [ROLE[p.role], p.language].filter(Boolean).join(', ')] as [string, string])));
    if (s.facts) content.push(h('facts'), { text: s.facts });
    for (const side of ['firm', 'trainee'] as const) {
      const v = s.views.find((x) => x.side === side);
      content.push(h(side === 'firm' ? 'firmView' : 'traineeView'), { text: v ? v.text : '—' }, { text: v?.confirmedOn ? `Von dieser Seite bestätigt am ${formatDate(v.confirmedOn)}.` : 'Noch nicht bestätigt.', color: COLORS.muted, fontSize: 9, margin: [0, 2, 0, 0] });
    }
    if (s.agreements.length > 0) {
      content.push(h('agreements'), {
        table: {
          headerRows: 1,
          widths: ['*', 100, 58, 70, 55],
          body: [['Was', 'Wer', 'Bis wann', 'Überprüfung', 'Stand'].map((text) => ({ text, style: 'label' })), ...s.agreements.map((a) => [a.what, a.who, formatDate(a.dueOn), formatDate(a.reviewOn) || '—', STATUS[a.status]!])],
        },
        layout: { hLineWidth: () => 0.4, vLineWidth: () => 0, hLineColor: () => COLORS.line, paddingTop: () => 3, paddingBottom: () => 3 },
      });
    }
  }
  content.push({ unbreakable: true, stack: [h('outcome'), { text: c.outcome ? `${OUTCOME[c.outcome]}${c.closedOn ? ` (${formatDate(c.closedOn)})` : ''}${c.outcomeNote ? `: ${c.outcomeNote}` : ''}` : 'Noch offen.' }] });
  // signatureLines draws lines of a fixed width: two per row.
  content.push({ unbreakable: true, stack: [h('signatures'), signatureLines(['Ort, Datum – Betrieb', 'Ort, Datum – Auszubildende/r']), signatureLines(['Ort, Datum – Moderation'])] });
  content.unshift(...note);
  const doc = buildDocument({ firm: getFirm(store.db), title: DE.title, subtitle: [`${t.lastName}, ${t.firstName} · ${CATEGORY[c.category]} · seit ${formatDate(c.raisedOn)}`], createdAt: now, content });
  const bytes = await renderPdf(doc);
  return { fileName: `Moderationsprotokoll_${fileSlug(t.lastName)}_${fileSlug(t.firstName)}.pdf`, mimeType: 'application/pdf', bytes };
}

/** The consent form: who gets what, why, for how long, that it is voluntary and revocable, and what happens then. */
export async function consentFormPdf(store: Store, consentId: number, now: Date) {
  const c = getConsent(store.db, consentId);
  const t = getTrainee(store.db, c.traineeId);
  const firm = getFirm(store.db);
  const text = store.db.prepare('SELECT body FROM consent_texts WHERE id = ?').get(c.textId) as { body: string };
  const { h, note } = headingsFor(t.firstLanguages);
  const content: Content[] = [
    ...note,
    fieldTable([
      ['Betrieb', firm?.name ?? null],
      ['Auszubildende/r', `${t.lastName}, ${t.firstName}`],
    ]),
    h('recipient'),
    { text: c.recipient },
    h('purpose'),
    { text: c.purpose },
    h('data'),
    { ul: c.categories.map((k) => DATA_DE[k]!) },
    h('duration'),
    { text: c.validUntil ? `Bis zum ${formatDate(c.validUntil)}, wenn Sie nicht vorher widerrufen.` : 'Bis Sie die Einwilligung widerrufen.' },
    h('text'),
    { text: text.body },
    { text: `Fassung ${c.textVersion} des Textes „${c.textTitle}“.`, fontSize: 9, color: COLORS.muted, margin: [0, 2, 0, 0] },
    h('voluntary'),
    { text: 'Die Einwilligung ist freiwillig. Wenn Sie nicht einwilligen, hat das für Ihre Ausbildung keine Nachteile. Sie können die Einwilligung jederzeit ohne Angabe von Gründen beim Betrieb widerrufen (Art. 7 Abs. 3 DSGVO). Ab dem Widerruf gehen keine Daten mehr an die Empfängerin oder den Empfänger; was bis dahin weitergegeben wurde, bleibt rechtmäßig.' },
    h('statutory'),
    { text: 'Mitteilungen, zu denen der Betrieb gesetzlich verpflichtet ist (zum Beispiel an die Ausländerbehörde), brauchen keine Einwilligung und sind nicht Teil dieser Erklärung.' },
    { unbreakable: true, stack: [h('signatures'), signatureLines(['Ort, Datum – Auszubildende/r', 'Ort, Datum – Betrieb'])] },
  ];
  const doc = buildDocument({ firm, title: DE.consentTitle, subtitle: [`${t.lastName}, ${t.firstName} · erteilt am ${formatDate(c.givenOn)}`], createdAt: now, content });
  const bytes = await renderPdf(doc);
  return { fileName: `Einwilligung_${fileSlug(t.lastName)}_${fileSlug(t.firstName)}.pdf`, mimeType: 'application/pdf', bytes };
}
