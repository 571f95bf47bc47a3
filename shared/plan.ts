// Occupations with their framework-plan templates, and the firm's training plan (betrieblicher Ausbildungsplan)
// for one trainee: positions scheduled into months, adjusted by the supervisor, with progress.
import { z } from 'zod';
import { id, isoDate, optText, text, userText } from './common';
import { FileResult } from './system';
import { RahmenplanTemplate, TEMPLATE_MAX_BYTES, TemplateProblem, itemKey, positionNumber } from './planTemplate';

export { RahmenplanTemplate, TemplateProblem } from './planTemplate';

const occupationId = userText().min(1).max(64);

/** One Berufsbildposition as other domains see it (learning tasks link to it by occupation id and number). */
export const PositionRef = z.object({
  number: z.string(),
  title: z.string(),
  items: z.array(z.object({ key: z.string(), text: z.string() })),
});
export type PositionRef = z.infer<typeof PositionRef>;

export const OccupationInfo = z.object({
  id: z.string(),
  name: z.string(),
  custom: z.boolean(),
  /** Where the template comes from: shipped with the app, or the firm's own (new, copied, imported). */
  origin: z.enum(['builtin', 'new', 'copy', 'import']),
  basedOn: z.string().nullable(),
  regulationName: z.string().nullable(),
  regulationShort: z.string().nullable(),
  regulationDate: z.string().nullable(),
  durationMonths: z.number().nullable(),
  positionCount: z.number(),
  traineeCount: z.number(),
  /** Set when the template cannot be used (broken file): the first problem found. */
  problem: TemplateProblem.nullable(),
  updatedAt: z.string().nullable(),
});
export type OccupationInfo = z.infer<typeof OccupationInfo>;

export const NewOccupationInput = z
  .object({
    name: text(200),
    /** Copy this occupation's template; without it a minimal template to fill in is created. */
    copyFrom: occupationId.nullish().transform((v) => v ?? null),
    durationMonths: z.number().int().min(6).max(72).default(36),
  })
  .strict();

export const ImportTemplateInput = z
  .object({
    /** The file's text (JSON in the template format). */
    text: z
      .string()
      .min(1)
      .refine((s) => s.length <= TEMPLATE_MAX_BYTES, { params: { key: 'file_too_large', maxMb: TEMPLATE_MAX_BYTES / 1024 / 1024 }, abort: true }),
    fileName: optText(255),
    /** Replace the template of this custom occupation instead of creating a new occupation. */
    replaceId: occupationId.nullish().transform((v) => v ?? null),
  })
  .strict();

export const occupationsContract = {
  /** Positions of an occupation's template: number, title and the skills (items) with their keys. */
  'occupations.positions': { input: z.object({ occupationId }).strict(), output: z.array(PositionRef) },
  'occupations.overview': { input: z.object({}).strict(), output: z.array(OccupationInfo) },
  'occupations.template': { input: z.object({ occupationId }).strict(), output: RahmenplanTemplate },
  'occupations.create': { input: NewOccupationInput, output: OccupationInfo },
  'occupations.saveTemplate': { input: z.object({ occupationId, template: RahmenplanTemplate }).strict(), output: OccupationInfo },
  'occupations.import': { input: ImportTemplateInput, output: OccupationInfo },
  'occupations.exportTemplate': { input: z.object({ occupationId }).strict(), output: FileResult },
  'occupations.delete': { input: z.object({ occupationId }).strict(), output: z.object({ deleted: z.literal(true) }) },
} as const;

// ---------------------------------------------------------------------------------------------------------------
// The training plan

export const PLAN_STATUSES = ['planned', 'in_progress', 'done'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const PlanItem = z.object({
  id,
  positionNumber: z.string(),
  /** Keys of the template's skills this block covers (a, b, c …); empty for a firm-specific item. */
  itemKeys: z.array(z.string()),
  /** The firm's own text (firm-specific item); null for template content. */
  text: z.string().nullable(),
  templatePeriod: z.string().nullable(),
  weeks: z.number(),
  plannedFrom: z.string(),
  plannedTo: z.string(),
  status: z.enum(PLAN_STATUSES),
  doneOn: z.string().nullable(),
  confirmedBy: z.number().nullable(),
  confirmedByName: z.string().nullable(),
  /** Taught outside the firm (e.g. überbetriebliche Lehrlingsunterweisung); null = in the firm. */
  place: z.string().nullable(),
  note: z.string().nullable(),
  firmSpecific: z.boolean(),
  overdue: z.boolean(),
});
export type PlanItem = z.infer<typeof PlanItem>;

export const PlanPosition = z.object({
  number: z.string(),
  section: z.string().nullable(),
  sectionTitle: z.string().nullable(),
  title: z.string(),
  throughout: z.boolean(),
  firmSpecific: z.boolean(),
  skills: z.array(z.object({ key: z.string(), text: z.string(), subitems: z.array(z.object({ key: z.string(), text: z.string() })).optional() })),
  items: z.array(PlanItem),
});
export type PlanPosition = z.infer<typeof PlanPosition>;

export const PlanChange = z.object({
  id,
  at: z.string(),
  kind: z.enum(['created', 'contract', 'moved', 'split', 'added', 'status', 'removed']),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type PlanChange = z.infer<typeof PlanChange>;

export const TrainingMonth = z.object({ n: z.number(), from: z.string(), to: z.string(), year: z.number() });
export type TrainingMonth = z.infer<typeof TrainingMonth>;

export const Plan = z.object({
  traineeId: id,
  occupationId: z.string(),
  occupationName: z.string(),
  regulation: z.object({ name: z.string(), short: z.string().nullable(), date: z.string().nullable(), reference: z.string().nullable() }),
  templateMonths: z.number(),
  contractStart: z.string(),
  contractEnd: z.string(),
  /** The contract's training months (1 …), for choosing planned periods. */
  months: z.array(TrainingMonth),
  positions: z.array(PlanPosition),
  history: z.array(PlanChange),
  /** The trainee's occupation differs from the plan's (the contract was changed). */
  occupationMismatch: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Plan = z.infer<typeof Plan>;

const itemId = z.object({ id }).strict();

export const MoveItemInput = z
  .object({ id, plannedFrom: isoDate, plannedTo: isoDate })
  .strict()
  .superRefine((v, ctx) => {
    if (v.plannedTo < v.plannedFrom) ctx.addIssue({ code: 'custom', path: ['plannedTo'], params: { key: 'end_before_start' } });
  });

export const SplitItemInput = z
  .object({
    id,
    /** The skills (keys) that go into the new block; the rest stay. */
    itemKeys: z.array(itemKey).max(80),
    /** Weeks of the new block (taken from the old one). */
    weeks: z.number().min(0).max(260),
    plannedFrom: isoDate,
    plannedTo: isoDate,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.plannedTo < v.plannedFrom) ctx.addIssue({ code: 'custom', path: ['plannedTo'], params: { key: 'end_before_start' } });
  });

export const AddItemInput = z
  .object({
    traineeId: id,
    positionNumber,
    text: text(2000, { multiline: true }),
    weeks: z.number().min(0).max(260),
    plannedFrom: isoDate,
    plannedTo: isoDate,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.plannedTo < v.plannedFrom) ctx.addIssue({ code: 'custom', path: ['plannedTo'], params: { key: 'end_before_start' } });
  });

export const AddPositionInput = z.object({ traineeId: id, number: positionNumber, title: text(500) }).strict();

export const SetStatusInput = z
  .object({
    id,
    status: z.enum(PLAN_STATUSES),
    doneOn: isoDate.nullish().transform((v) => v ?? null),
    confirmedBy: id.nullish().transform((v) => v ?? null),
    place: optText(300),
    note: optText(2000, { multiline: true }),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.status !== 'done') return;
    if (!v.doneOn) ctx.addIssue({ code: 'custom', path: ['doneOn'], params: { key: 'required' } });
    if (!v.confirmedBy) ctx.addIssue({ code: 'custom', path: ['confirmedBy'], params: { key: 'required' } });
  });

/** Planned versus done, per training year and per position, with what is overdue. */
export const ProgressCount = z.object({
  items: z.number(),
  done: z.number(),
  inProgress: z.number(),
  overdue: z.number(),
  weeks: z.number(),
  weeksDone: z.number(),
});
export type ProgressCount = z.infer<typeof ProgressCount>;

export const Progress = z.object({
  traineeId: id,
  asOf: z.string(),
  total: ProgressCount,
  throughout: ProgressCount,
  years: z.array(ProgressCount.extend({ year: z.number(), from: z.string(), to: z.string() })),
  positions: z.array(ProgressCount.extend({ number: z.string(), title: z.string() })),
  overdue: z.array(z.object({ id, positionNumber: z.string(), title: z.string(), label: z.string(), plannedTo: z.string() })),
});
export type Progress = z.infer<typeof Progress>;

const traineeRef = z.object({ traineeId: id }).strict();

export const planContract = {
  'plan.get': { input: traineeRef, output: Plan.nullable() },
  'plan.create': { input: traineeRef, output: Plan },
  'plan.move': { input: MoveItemInput, output: Plan },
  'plan.split': { input: SplitItemInput, output: Plan },
  'plan.addItem': { input: AddItemInput, output: Plan },
  'plan.addPosition': { input: AddPositionInput, output: Plan },
  'plan.removeItem': { input: itemId, output: Plan },
  'plan.setStatus': { input: SetStatusInput, output: Plan },
  'plan.progress': { input: traineeRef, output: Progress },
} as const;
