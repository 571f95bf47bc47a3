// The rule catalogue (resources/rules/immigration.json): document types, work notes, periods and their legal
// sources. Read once per process and checked against the schema below; the firm's own lead times come from settings.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DOCUMENT_TYPES, LeadTime, RULE_IDS, WORK_NOTES, type Catalogue, type DocumentType, type LeadTimes, type RuleId, type WorkNote } from '../../../shared/immigration';
import { getSetting, setSetting } from '../settings';
import { resourcesDir } from '../paths';
import type { Db } from '../store/db';

const NOTIFY_RULES = ['notify_60c', 'notify_16g', 'notify_60d', 'notify_4a'] as const satisfies readonly RuleId[];
export type NotifyRule = (typeof NOTIFY_RULES)[number];

const rule = z.object({ source: z.string().min(1), url: z.string().url().nullable() });
/** A notice period: days after the end, and the paragraph a letter cites. */
const notify = rule.extend({ cite: z.string().min(1), days: z.number().int().min(1) });
const FileSchema = z.object({
  title: z.string(),
  checked: z.string(),
  disclaimer: z.string(),
  defaultLeadTimes: LeadTime,
  leadTimeSource: z.string(),
  workNoteSource: z.string(),
  documentTypes: z
    .array(
      z.object({
        id: z.enum(DOCUMENT_TYPES),
        label: z.string().min(1),
        status: z.boolean(),
        continuesWhenRenewalApplied: z.boolean(),
        notifyRule: z.enum(NOTIFY_RULES).nullable(),
        needsPassport: z.boolean(),
        renewOnExtension: z.boolean(),
        source: z.string().min(1),
        url: z.string().url().nullable(),
      }),
    )
    .refine((a) => DOCUMENT_TYPES.every((t) => a.some((d) => d.id === t)), 'every document type needs an entry'),
  workNotes: z
    .array(z.object({ id: z.enum(WORK_NOTES), wording: z.string(), training: z.enum(['allowed', 'needs_permission', 'forbidden', 'unclear']) }))
    .refine((a) => WORK_NOTES.every((t) => a.some((d) => d.id === t)), 'every work note needs an entry'),
  rules: z.object({
    renewal: rule,
    ausbildungsduldung: rule.extend({ applyMonthsBeforeStart: z.number().int().min(1), grantMonthsBeforeStart: z.number().int().min(0) }),
    start_check: rule,
    notify_60c: notify,
    notify_16g: notify,
    notify_60d: notify,
    notify_4a: notify,
    extension: rule,
    retention: rule,
  }),
});
export type RuleFile = z.infer<typeof FileSchema>;
export type DocTypeRule = RuleFile['documentTypes'][number];

export interface Rules {
  file: RuleFile;
  type(id: DocumentType): DocTypeRule;
  workNote(id: WorkNote): RuleFile['workNotes'][number];
  source(id: string): string;
}

let cached: Rules | null = null;

export function catalogueFile() {
  return path.join(resourcesDir(), 'rules', 'immigration.json');
}

/** The catalogue, read and checked once per process. A broken file is a packaging error and fails loudly. */
export function loadRules(): Rules {
  if (cached) return cached;
  const file = FileSchema.parse(JSON.parse(fs.readFileSync(catalogueFile(), 'utf8')));
  const types = new Map(file.documentTypes.map((d) => [d.id, d]));
  const notes = new Map(file.workNotes.map((n) => [n.id, n]));
  const r = file.rules as Record<string, { source: string }>;
  cached = {
    file,
    type: (id) => types.get(id)!,
    workNote: (id) => notes.get(id)!,
    source: (id) => r[id]?.source ?? '',
  };
  return cached;
}

const LEAD_KEY = 'immigration.leadTimes';

/** Lead times per document type: the catalogue's defaults, overridden by what the firm set. */
export function leadTimes(db: Db): LeadTimes {
  const { defaultLeadTimes } = loadRules().file;
  const saved = getSetting<Partial<Record<string, unknown>>>(db, LEAD_KEY, {});
  const out = {} as LeadTimes;
  for (const t of DOCUMENT_TYPES) {
    const parsed = LeadTime.safeParse(saved[t]);
    out[t] = parsed.success ? parsed.data : defaultLeadTimes;
  }
  return out;
}

export function saveLeadTimes(db: Db, patch: Partial<LeadTimes>): void {
  const saved = getSetting<Partial<Record<string, unknown>>>(db, LEAD_KEY, {});
  const { defaultLeadTimes: d } = loadRules().file;
  const next: Record<string, LeadTime> = {};
  for (const t of DOCUMENT_TYPES) {
    const v = patch[t] ?? (LeadTime.safeParse(saved[t]).success ? (saved[t] as LeadTime) : undefined);
    // Only what differs from the default is stored, so a changed default in a later catalogue applies.
    if (v && (v.prepareWeeks !== d.prepareWeeks || v.urgentWeeks !== d.urgentWeeks)) next[t] = v;
  }
  setSetting(db, LEAD_KEY, next);
}

export function catalogueView(db: Db): Catalogue {
  const { file } = loadRules();
  const lt = leadTimes(db);
  const d = file.defaultLeadTimes;
  const rules = RULE_IDS.map((id) => {
    const r = file.rules[id];
    return { id, source: r.source, url: r.url, days: 'days' in r ? r.days : null };
  });
  return {
    title: file.title,
    checked: file.checked,
    disclaimer: file.disclaimer,
    leadTimeSource: file.leadTimeSource,
    workNoteSource: file.workNoteSource,
    defaultLeadTimes: d,
    documentTypes: file.documentTypes.map((t) => ({
      id: t.id,
      label: t.label,
      status: t.status,
      source: t.source,
      url: t.url,
      notifyRule: t.notifyRule,
      continuesWhenRenewalApplied: t.continuesWhenRenewalApplied,
      leadTime: lt[t.id],
      leadTimeChanged: lt[t.id].prepareWeeks !== d.prepareWeeks || lt[t.id].urgentWeeks !== d.urgentWeeks,
    })),
    workNotes: file.workNotes,
    rules,
  };
}
