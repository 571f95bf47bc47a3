// The rule catalogue (resources/rules/immigration.json): document types, work notes, periods and their legal
// sources. Read once per process and checked against the schema below; the firm's own lead times come from settings.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DEADLINE_KINDS, DOCUMENT_TYPES, LeadTime, RULE_BINDINGS, RULE_IDS, WORK_NOTES, type Catalogue, type DocumentType, type LeadTimes, type Localized, type RuleId, type WorkNote } from '../../../shared/immigration';
import { getSetting, setSetting } from '../settings';
import { resourcesDir } from '../paths';
import type { Db } from '../store/db';

const NOTIFY_RULES = ['notify_60c', 'notify_16g', 'notify_60d', 'notify_4a', 'notify_recommended'] as const satisfies readonly RuleId[];
export type NotifyRule = (typeof NOTIFY_RULES)[number];
const RENEWAL_RULES = ['renewal', 'renewal_104c', 'renewal_duldung', 'renewal_gestattung', 'renewal_fiktion', 'renewal_passport', 'renewal_permission', 'renewal_other'] as const satisfies readonly RuleId[];
export type RenewalRule = (typeof RENEWAL_RULES)[number];

const text = z.object({ de: z.string().min(1), en: z.string().min(1) });
/** A rule: its name, whether it is law, a recommendation or a hint, its source, and what about it is uncertain (a field, never "[?]"). */
const rule = z.object({
  name: text,
  binding: z.enum(RULE_BINDINGS),
  source: text,
  url: z.string().url().nullable(),
  uncertain: text.nullable(),
});
/** A rule that produces a deadline: the sentence "what to do" with {doc}, {who}, {due}, {from}, {event}. */
const todoRule = rule.extend({ todo: text });
/** A notice period: days after the end (or after the day the firm learned of it), and the paragraph a letter cites. */
const notify = rule.extend({
  cite: z.string().min(1).nullable(),
  days: z.number().int().min(1),
  from: z.enum(['end', 'knowledge']),
  onRegularEnd: z.boolean(),
  /** Its own sentence where the general one (notice.todo: "schriftlich oder elektronisch", § 60c Abs. 5) says more than its paragraph. */
  todo: text.optional(),
});
const FileSchema = z.object({
  title: z.string(),
  checked: z.string(),
  disclaimer: text,
  uncertainMark: text,
  defaultLeadTimes: LeadTime,
  leadTimeSource: text,
  workNoteSource: text,
  notice: z.object({ todo: text, todoRecommended: text }),
  dashboard: z
    .object({ soonDays: z.number().int().min(0), upcomingDays: z.number().int().min(1), horizonDays: z.number().int().min(0), alwaysShow: z.array(z.enum(DEADLINE_KINDS)), source: text })
    .refine((d) => d.soonDays < d.upcomingDays, 'soonDays must be below upcomingDays'),
  documentTypes: z
    .array(
      z
        .object({
          id: z.enum(DOCUMENT_TYPES),
          label: text,
          status: z.boolean(),
          renewalRule: z.enum(RENEWAL_RULES),
          continuesWhenRenewalApplied: z.boolean(),
          notifyRule: z.enum(NOTIFY_RULES).nullable(),
          needsPassport: z.boolean(),
          renewOnExtension: z.boolean(),
          /** Holding it (without a training title) opens the Ausbildungsduldung application window (§ 60c Abs. 3). */
          opensAusbildungsduldungWindow: z.boolean(),
          /** A title for the training itself (no window to apply for). */
          trainingTitle: z.boolean(),
          /** The rule saying that it lapses (or depends on the training) after an early end. */
          lapseRule: z.enum(['lapse_60c', 'lapse_16g']).nullable(),
          /** Records and warns about the safe-country-of-origin exclusion (§ 61 Abs. 2 S. 4 AsylG). */
          safeOriginExclusion: z.boolean(),
          source: text,
          url: z.string().url().nullable(),
        })
        .strict(),
    )
    .refine((a) => DOCUMENT_TYPES.every((t) => a.some((d) => d.id === t)), 'every document type needs an entry'),
  workNotes: z
    .array(z.object({ id: z.enum(WORK_NOTES), wording: z.string(), training: z.enum(['allowed', 'needs_permission', 'forbidden', 'unclear']) }))
    .refine((a) => WORK_NOTES.every((t) => a.some((d) => d.id === t)), 'every work note needs an entry'),
  rules: z
    .object({
      renewal: todoRule,
      renewal_104c: todoRule,
      renewal_duldung: todoRule,
      renewal_gestattung: todoRule,
      renewal_fiktion: todoRule,
      renewal_passport: todoRule,
      renewal_permission: todoRule,
      renewal_other: todoRule,
      ausbildungsduldung: todoRule.extend({
        applyMonthsBeforeStart: z.number().int().min(1),
        grantMonthsBeforeStart: z.number().int().min(0),
        duldungMonths: z.number().int().min(0),
        todoDuldung: text,
      }),
      /** § 60c Abs. 1 S. 1 Nr. 1: training begun under one of `startedUnder`; the 3 months of Duldung do not apply. */
      ausbildungsduldung_gestattung: todoRule.extend({ startedUnder: z.array(z.enum(DOCUMENT_TYPES)).min(1) }),
      start_check: todoRule,
      notify_60c: notify,
      notify_16g: notify,
      notify_60d: notify,
      notify_4a: notify,
      notify_recommended: notify,
      lapse_60c: todoRule,
      lapse_16g: todoRule,
      extension: todoRule.extend({ issuedForOldEndMonths: z.number().int().min(0) }),
      safe_origin: rule,
      retention: rule,
    })
    .strict()
    // A statutory notice names its paragraph; a recommendation never does.
    .refine((r) => NOTIFY_RULES.every((id) => (r[id].binding === 'law') === (r[id].cite !== null)), 'a notice cites a paragraph exactly when it is law'),
});
export type RuleFile = z.infer<typeof FileSchema>;
export type DocTypeRule = RuleFile['documentTypes'][number];

export type AnyRule = z.infer<typeof rule> & { todo?: Localized; days?: number; cite?: string | null };

export interface Rules {
  file: RuleFile;
  type(id: DocumentType): DocTypeRule;
  workNote(id: WorkNote): RuleFile['workNotes'][number];
  rule(id: string): AnyRule | undefined;
  /** The German source of a rule (printed output, calendar). */
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
  const r = file.rules as Record<string, AnyRule>;
  cached = {
    file,
    type: (id) => types.get(id)!,
    workNote: (id) => notes.get(id)!,
    rule: (id) => r[id],
    source: (id) => r[id]?.source.de ?? '',
  };
  return cached;
}

const compiled = new Map<string, string[]>();

/** Fills a catalogue template: "{doc} läuft am {due} ab" with { doc: …, due: … } (or a function giving each value). */
export function fill(template: string, values: Record<string, string> | ((key: string) => string | undefined)): string {
  let parts = compiled.get(template);
  if (!parts) compiled.set(template, (parts = template.split(/\{(\w+)\}/)));
  const get = typeof values === 'function' ? values : (k: string) => values[k];
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) out += (get(parts[i]!) ?? `{${parts[i]}}`) + parts[i + 1]!;
  return out;
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
    const r: AnyRule = file.rules[id];
    return { id, name: r.name, binding: r.binding, source: r.source, url: r.url, days: r.days ?? null, uncertain: r.uncertain };
  });
  return {
    title: file.title,
    checked: file.checked,
    disclaimer: file.disclaimer,
    uncertainMark: file.uncertainMark,
    leadTimeSource: file.leadTimeSource,
    workNoteSource: file.workNoteSource,
    dashboardSource: file.dashboard.source,
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
