// What goes into a case file: built per consented category from an allow-list of columns (never by deleting from
// a full copy). A category that is not included contributes nothing, not even a file name.
import fs from 'node:fs';
import type { DataFileName, ModerationCase } from '../../../shared/casefile';
import type { DataCategory } from '../../../shared/network';
import { copyAbsPath } from '../immigration/copies';
import { nachweisPdf } from '../nachweis/pdf';
import { listCases } from '../network/service';
import { moderationProtocolPdf } from '../network/pdf';
import { standPdf } from '../plan/pdf';
import type { Store } from '../store/db';

export interface ContentRequest {
  traineeId: number;
  categories: DataCategory[];
  from: string;
  to: string;
  /** Moderation cases to include; null: every case open during the period. */
  caseIds: number[] | null;
  pdfs: boolean;
}

type Row = Record<string, unknown>;
const json = (schema: string, items: unknown[]) => new TextEncoder().encode(JSON.stringify({ schema, version: 1, items }, null, 1));
const parse = <T>(s: unknown) => JSON.parse(s as string) as T;
const EXT = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' } as Record<string, string>;

export interface Content {
  entries: Record<string, Uint8Array>;
  /** UUIDs of the moderation cases in the file (a reply may add to these only). */
  caseUuids: string[];
}

type Builder = (store: Store, r: ContentRequest, now: Date, out: Content) => Promise<void> | void;
const put = (out: Content, name: DataFileName, schema: string, items: unknown[]) => (out.entries[name] = json(schema, items));

const BUILDERS: Record<DataCategory, Builder> = {
  master_data: (store, r, _now, out) => {
    const t = store.db.prepare(`SELECT first_name, last_name, date_of_birth, nationality, first_languages, other_languages, german_level, occupation_id, contract_start, contract_end_planned
      FROM trainees WHERE id = ?`).get(r.traineeId) as Row;
    put(out, 'data/master.json', 'master_data', [{
      firstName: t.first_name, lastName: t.last_name, dateOfBirth: t.date_of_birth, nationality: t.nationality, firstLanguages: parse(t.first_languages), otherLanguages: parse(t.other_languages),
      germanLevel: t.german_level, occupationId: t.occupation_id, contractStart: t.contract_start, contractEndPlanned: t.contract_end_planned,
    }]);
  },
  training_plan: async (store, r, now, out) => {
    if (r.pdfs) out.entries['docs/ausbildungsstand.pdf'] = (await standPdf(store, r.traineeId, now)).bytes;
  },
  training_record: async (store, r, now, out) => {
    const rows = store.db.prepare(`SELECT period_from, period_to, mode, content, trainee_signed_at, trainer_signed_at FROM nachweis_records
      WHERE trainee_id = ? AND period_to >= ? AND period_from <= ? ORDER BY period_from`).all(r.traineeId, r.from, r.to) as Row[];
    put(out, 'data/records.json', 'training_record', rows.map((w) => ({ periodFrom: w.period_from, periodTo: w.period_to, mode: w.mode, content: w.content, traineeSigned: w.trainee_signed_at !== null, trainerSigned: w.trainer_signed_at !== null })));
    if (r.pdfs && rows.length > 0) out.entries['docs/ausbildungsnachweis.pdf'] = (await nachweisPdf(store, r.traineeId, { from: r.from, to: r.to }, now)).bytes;
  },
  residence: (store, r, _now, out) => {
    const rows = store.db.prepare(`SELECT id, type, valid_until, work_note, renewal_applied_on, replaced_by_id, copy_mime FROM residence_documents WHERE trainee_id = ? ORDER BY replaced_by_id IS NOT NULL, valid_until, id`).all(r.traineeId) as Row[];
    const copies = r.categories.includes('document_copies');
    put(out, 'data/documents.json', 'residence', rows.map((d) => ({ type: d.type, validUntil: d.valid_until, workNote: d.work_note, renewalAppliedOn: d.renewal_applied_on, current: d.replaced_by_id === null,
      copy: copies && d.copy_mime ? `docs/kopie-${d.id}.${EXT[d.copy_mime as string]}` : null })));
  },
  document_copies: (store, r, _now, out) => {
    const rows = store.db.prepare('SELECT id, copy_path, copy_mime FROM residence_documents WHERE trainee_id = ? AND copy_path IS NOT NULL ORDER BY id').all(r.traineeId) as Row[];
    for (const d of rows) out.entries[`docs/kopie-${d.id}.${EXT[d.copy_mime as string]}`] = new Uint8Array(fs.readFileSync(copyAbsPath(store, r.traineeId, d.copy_path as string)));
  },
  moderation_log: async (store, r, now, out) => {
    const cases = listCases(store.db, r.traineeId).filter((c) => (r.caseIds ? r.caseIds.includes(c.id) : c.raisedOn <= r.to && (c.closedOn === null || c.closedOn >= r.from)));
    const replied = new Set((store.db.prepare('SELECT s.uuid FROM conflict_steps s WHERE s.from_reply_id IS NOT NULL').pluck().all() as string[]));
    const items: ModerationCase[] = cases.map((c) => ({
      uuid: c.uuid, category: c.category, occasion: c.occasion, raisedBy: c.raisedBy, raisedOn: c.raisedOn, earlierWarnings: c.earlierWarnings, outcome: c.outcome, outcomeNote: c.outcomeNote, closedOn: c.closedOn,
      steps: c.steps.map((s) => ({
        uuid: s.uuid, kind: s.kind, heldOn: s.heldOn, place: s.place, facts: s.facts, summaryTo: s.summaryTo, byMediator: replied.has(s.uuid),
        participants: s.participants.map((p) => ({ name: p.name, role: p.role, language: p.language ?? null })),
        views: s.views.map((v) => ({ uuid: v.uuid, side: v.side, text: v.text, confirmedOn: v.confirmedOn })),
        agreements: s.agreements.map((a) => ({ uuid: a.uuid, what: a.what, who: a.who, dueOn: a.dueOn, reviewOn: a.reviewOn, status: a.status })),
      })),
    }));
    put(out, 'data/moderation.json', 'moderation_log', items);
    out.caseUuids = items.map((c) => c.uuid);
    if (r.pdfs) for (const [i, c] of cases.entries()) out.entries[`docs/moderationsprotokoll-${i + 1}.pdf`] = (await moderationProtocolPdf(store, c.id, now)).bytes;
  },
  counselling_notes: (store, r, _now, out) => {
    // Notes marked confidential never leave the firm, whatever the consent says.
    const rows = store.db.prepare('SELECT noted_on, author, topic, body FROM network_notes WHERE trainee_id = ? AND confidential = 0 AND noted_on BETWEEN ? AND ? ORDER BY noted_on, id').all(r.traineeId, r.from, r.to) as Row[];
    put(out, 'data/notes.json', 'counselling_notes', rows.map((n) => ({ notedOn: n.noted_on, author: n.author, topic: n.topic, body: n.body })));
  },
  competences: (store, r, _now, out) => {
    const rows = store.db.prepare('SELECT what, source, place, proof, plan_positions FROM competences WHERE trainee_id = ? ORDER BY id').all(r.traineeId) as Row[];
    put(out, 'data/competences.json', 'competences', rows.map((c) => ({ what: c.what, source: c.source, where: c.place, proof: c.proof, planPositions: parse(c.plan_positions) })));
  },
  learning_tasks: (store, r, _now, out) => {
    const rows = store.db.prepare('SELECT title, cefr_level, assigned_on, due_by, status, done_on FROM learning_tasks WHERE trainee_id = ? AND is_template = 0 ORDER BY assigned_on, id').all(r.traineeId) as Row[];
    put(out, 'data/tasks.json', 'learning_tasks', rows.map((t) => ({ title: t.title, cefrLevel: t.cefr_level, assignedOn: t.assigned_on, dueBy: t.due_by, status: t.status, doneOn: t.done_on })));
  },
};

/** The file's entries for exactly the given categories. */
export async function buildContent(store: Store, r: ContentRequest, now: Date): Promise<Content> {
  const out: Content = { entries: {}, caseUuids: [] };
  for (const c of r.categories) await BUILDERS[c](store, r, now, out);
  return out;
}

/** Who the file is about: the name only when master data are shared, initials otherwise. */
export function subjectOf(store: Store, traineeId: number, categories: DataCategory[]): string {
  const t = store.db.prepare('SELECT first_name, last_name FROM trainees WHERE id = ?').get(traineeId) as { first_name: string; last_name: string };
  return categories.includes('master_data') ? `${t.first_name} ${t.last_name}` : `${[...t.first_name][0]}. ${[...t.last_name][0]}.`;
}
