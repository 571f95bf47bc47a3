// The case summary as a password-protected PDF (AES-256: PDF 1.7 extension level 3, pdfkit's userPassword) for a
// recipient without Werkbrücke. Printed from the same allow-list content as the .wbfall (content.ts), so the same
// rules hold: only consented categories, no master data unless consented.
import { randomBytes } from 'node:crypto';
import type { Content } from 'pdfmake/interfaces';
import type { Manifest, ModerationCase } from '../../../shared/casefile';
import { formatDate } from '../../../shared/format';
import { getFirm } from '../firm/service';
import { CATEGORY, DATA_DE, STATUS, STEP } from '../network/pdf';
import { COLORS, buildDocument, fieldTable } from '../pdf/layout';
import { renderPdf } from '../pdf/render';
import type { Store } from '../store/db';
import { normalisePassphrase } from './passphrase';

type Items = Record<string, unknown>[];
const items = (entries: Record<string, Uint8Array>, name: string): Items | null => (entries[name] ? (JSON.parse(new TextDecoder().decode(entries[name])) as { items: Items }).items : null);
const d = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v) : v === null || v === undefined ? '—' : String(v));

function moderation(cases: ModerationCase[]): Content[] {
  return cases.flatMap((c) => [
    { text: `${CATEGORY[c.category] ?? c.category}: ${c.occasion}`, style: 'h2' },
    fieldTable([['Seit', formatDate(c.raisedOn)], ['Frühere Hinweise', c.earlierWarnings]]),
    ...c.steps.flatMap((s): Content[] => [
      { text: `${STEP[s.kind] ?? s.kind} am ${formatDate(s.heldOn)}${s.place ? `, ${s.place}` : ''}`, bold: true, margin: [0, 8, 0, 2] },
      ...(s.facts ? [{ text: s.facts }] : []),
      ...s.views.map((v) => ({ text: `${v.side === 'firm' ? 'Sicht des Betriebs' : 'Sicht der/des Auszubildenden'}: ${v.text}` })),
      ...s.agreements.map((a) => ({ text: `Vereinbarung: ${a.what} – ${a.who}, bis ${formatDate(a.dueOn)}${a.reviewOn ? `, Überprüfung ${formatDate(a.reviewOn)}` : ''} (${STATUS[a.status] ?? a.status})` })),
    ]),
  ]);
}

const table = (title: string, head: string[], rows: string[][]): Content[] =>
  rows.length === 0 ? [] : [{ text: title, style: 'h2' }, { table: { headerRows: 1, widths: head.map(() => '*'), body: [head.map((h) => ({ text: h, style: 'label' })), ...rows] }, layout: 'lightHorizontalLines' }];

export async function summaryPdf(store: Store, manifest: Omit<Manifest, 'entries'>, entries: Record<string, Uint8Array>, password: string, now: Date): Promise<Uint8Array> {
  const m = items(entries, 'data/master.json')?.[0];
  const content: Content[] = [
    fieldTable([
      ['Über', manifest.subject],
      ['Für', manifest.recipient.name],
      ['Zweck', manifest.purpose],
      ['Zeitraum', `${formatDate(manifest.period.from)} bis ${formatDate(manifest.period.to)}`],
      ['Enthalten', manifest.included.map((k) => DATA_DE[k] ?? k).join(', ')],
      ['Nicht enthalten', manifest.withheld.map((k) => DATA_DE[k] ?? k).join(', ')],
      ['Zu löschen bis', formatDate(manifest.deleteBy)],
    ]),
    ...(m ? [{ text: 'Stammdaten', style: 'h2' }, fieldTable([['Name', `${String(m.firstName)} ${String(m.lastName)}`], ['Geburtsdatum', d(m.dateOfBirth)], ['Staatsangehörigkeit', d(m.nationality)], ['Ausbildung', `${d(m.contractStart)} bis ${d(m.contractEndPlanned)}`]])] as Content[] : []),
    ...moderation((items(entries, 'data/moderation.json') ?? []) as unknown as ModerationCase[]),
    ...table('Ausbildungsnachweis', ['Woche', 'Abgezeichnet'], (items(entries, 'data/records.json') ?? []).map((r) => [`${d(r.periodFrom)} – ${d(r.periodTo)}`, r.trainerSigned ? 'Ausbilder/in' : r.traineeSigned ? 'Auszubildende/r' : 'offen'])),
    ...table('Dokumente', ['Art', 'Gültig bis', 'Aktuell'], (items(entries, 'data/documents.json') ?? []).map((x) => [String(x.type), d(x.validUntil), x.current ? 'ja' : 'ersetzt'])),
    ...table('Beratungsnotizen', ['Datum', 'Thema', 'Notiz'], (items(entries, 'data/notes.json') ?? []).map((n) => [d(n.notedOn), String(n.topic), String(n.body)])),
    ...table('Mitgebrachte Kompetenzen', ['Was', 'Wo', 'Nachweis'], (items(entries, 'data/competences.json') ?? []).map((c) => [String(c.what), d(c.where), String(c.proof)])),
    ...table('Lernaufgaben', ['Aufgabe', 'Niveau', 'Stand'], (items(entries, 'data/tasks.json') ?? []).map((x) => [String(x.title), String(x.cefrLevel), String(x.status)])),
    { text: 'Vertraulich. Weitergegeben mit der Einwilligung der/des Auszubildenden; nur für den genannten Zweck verwenden und zum Löschdatum vernichten.', color: COLORS.muted, margin: [0, 16, 0, 0] },
  ];
  const doc = buildDocument({ firm: getFirm(store.db), title: 'Fallakte (Zusammenfassung)', subtitle: [manifest.subject], content, createdAt: now, footerNote: 'Vertraulich' });
  // AES-256 (PDF 1.7 extension level 3). The owner password is random and never shown: printing and copying stay allowed.
  return renderPdf({ ...doc, version: '1.7ext3', userPassword: normalisePassphrase(password), ownerPassword: randomBytes(24).toString('base64url'), permissions: { printing: 'highResolution', copying: true, contentAccessibility: true } });
}
