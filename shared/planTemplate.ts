// The app's own format for framework-plan templates (Ausbildungsrahmenplan): the shipped files in
// resources/rahmenplaene/, the templates of the firm's own occupations, and the files a user imports or exports.
// The same schema checks all of them; a broken template is reported with its field and never half-loaded.
import { z } from 'zod';
import { isoDate, userText, type TextOptions } from './common';

export const TEMPLATE_FORMAT = 'werkbruecke-rahmenplan';
/** Limits for a template file a user imports: size in bytes, and how deeply its JSON may nest (the format needs ~10). */
export const TEMPLATE_MAX_BYTES = 2 * 1024 * 1024;
export const TEMPLATE_MAX_DEPTH = 20;

const line = (max: number, opts?: TextOptions) => userText(opts).min(1).max(max);
const optLine = (max: number, opts?: TextOptions) => line(max, opts).optional();
const long = { multiline: true };

const freeText = userText(long).max(5000);
/** Free-form data (an exam part's components, durations …): plain JSON at most 6 levels deep, texts by the text rule. */
const freeData = z.unknown().superRefine((value, ctx) => {
  const problem = (v: unknown, depth: number): string | null => {
    if (depth > 6) return 'too_deep';
    if (typeof v === 'string') return freeText.safeParse(v).success ? null : 'control_character';
    if (v === null || typeof v === 'number' || typeof v === 'boolean') return null;
    if (typeof v !== 'object') return 'invalid';
    const entries = Object.entries(v);
    if (entries.length > 100) return 'invalid';
    for (const [k, x] of entries) {
      const p = (Array.isArray(v) || freeText.safeParse(k).success ? null : 'control_character') ?? problem(x, depth + 1);
      if (p) return p;
    }
    return null;
  };
  const key = problem(value, 1);
  if (key) ctx.addIssue({ code: 'custom', params: { key } });
});

/** "1", "A12", "F3": a Berufsbildposition's number as printed (section letter + number where numbers restart). */
export const positionNumber = userText()
  .refine((s) => /^[A-Za-z]{0,3}\d{1,3}(\.\d{1,3})?$/.test(s), { params: { key: 'invalid_position_number' } });
export const itemKey = userText()
  .refine((s) => /^[a-z]{1,3}\d{0,2}$/.test(s), { params: { key: 'invalid_item_key' } });
const periodId = userText()
  .refine((s) => /^[a-z0-9]{1,8}$/.test(s), { params: { key: 'invalid_format' } });

export const TemplateItem = z
  .object({
    key: itemKey,
    text: line(2000),
    subitems: z.array(z.object({ key: itemKey, text: line(1000) }).strict()).max(40).optional(),
  })
  .strict();

/** A time guide value (zeitlicher Richtwert): these items of the position take `weeks` weeks in `period`. */
export const TimeGuide = z
  .object({
    period: periodId,
    weeks: z.number().positive().max(260),
    items: z.array(itemKey).min(1).max(60),
  })
  .strict();

export const TemplatePosition = z
  .object({
    number: positionNumber,
    section: userText().min(1).max(8).nullable(),
    title: line(500),
    paragraphRef: optLine(100),
    intro: optLine(1000, long),
    /** Taught during the whole training (no time guide value of its own). */
    throughoutTraining: z.boolean(),
    items: z.array(TemplateItem).min(1).max(80),
    timeGuide: z.array(TimeGuide).max(20),
  })
  .strict();
export type TemplatePosition = z.infer<typeof TemplatePosition>;

export const TemplatePeriod = z
  .object({
    id: periodId,
    label: line(100),
    fromMonth: z.number().int().min(1).max(72),
    toMonth: z.number().int().min(1).max(72),
  })
  .strict();

const templateShape = {
  format: z.literal(TEMPLATE_FORMAT),
  formatVersion: z.literal(1),
  occupation: z
    .object({
      name: line(200),
      officialName: optLine(300),
      specialisation: optLine(200),
      fieldsOfApplication: z.array(line(200)).max(20).optional(),
      fieldsOfApplicationNote: optLine(2000, long),
    })
    .strict(),
  regulation: z
    .object({
      name: line(500),
      short: optLine(50),
      date: isoDate.optional(),
      reference: optLine(300),
      annexReference: optLine(300),
      inForce: isoDate.optional(),
      legalBasis: optLine(500),
      replaces: optLine(1000, long),
      officialUrl: optLine(500),
    })
    .strict(),
  durationMonths: z.number().int().min(6).max(72),
  exam: z
    .object({ summary: line(5000, long), parts: z.array(z.record(userText().min(1).max(100), freeData)).max(10) })
    .strict()
    .optional(),
  periods: z.array(TemplatePeriod).min(1).max(12),
  sections: z.array(z.object({ id: userText().min(1).max(8), title: line(500) }).strict()).max(12),
  positions: z.array(TemplatePosition).min(1).max(200),
  source: z
    .object({
      description: optLine(1000),
      url: optLine(500),
      checked: z.array(line(1000)).max(20).optional(),
      notes: optLine(20000, long),
      numbering: optLine(1000),
    })
    .strict()
    .optional(),
};

type TemplateShape = z.infer<z.ZodObject<typeof templateShape>>;

/** Cross-field rules: unique numbers and keys, known periods and sections, every item with exactly one time value. */
function checkTemplate(t: TemplateShape, ctx: z.RefinementCtx) {
  const issue = (path: (string | number)[], key: string, params: Record<string, string | number> = {}) =>
    ctx.addIssue({ code: 'custom', path, params: { key, ...params } });
  const periods = new Set<string>();
  t.periods.forEach((p, i) => {
    if (periods.has(p.id)) issue(['periods', i, 'id'], 'duplicate_value', { value: p.id });
    periods.add(p.id);
    if (p.toMonth < p.fromMonth) issue(['periods', i, 'toMonth'], 'end_before_start');
    if (p.toMonth > t.durationMonths) issue(['periods', i, 'toMonth'], 'period_after_end', { months: t.durationMonths });
  });
  const sections = new Set<string>();
  t.sections.forEach((s, i) => {
    if (sections.has(s.id)) issue(['sections', i, 'id'], 'duplicate_value', { value: s.id });
    sections.add(s.id);
  });
  const numbers = new Set<string>();
  t.positions.forEach((p, i) => {
    if (numbers.has(p.number)) issue(['positions', i, 'number'], 'duplicate_value', { value: p.number });
    numbers.add(p.number);
    if (p.section !== null && !sections.has(p.section)) issue(['positions', i, 'section'], 'unknown_section', { value: p.section });
    const keys = new Set<string>();
    p.items.forEach((it, j) => {
      if (keys.has(it.key)) issue(['positions', i, 'items', j, 'key'], 'duplicate_value', { value: it.key });
      keys.add(it.key);
    });
    if (p.throughoutTraining) {
      if (p.timeGuide.length > 0) issue(['positions', i, 'timeGuide'], 'throughout_with_time');
      return;
    }
    if (p.timeGuide.length === 0) issue(['positions', i, 'timeGuide'], 'required');
    const covered = new Set<string>();
    p.timeGuide.forEach((g, j) => {
      if (!periods.has(g.period)) issue(['positions', i, 'timeGuide', j, 'period'], 'unknown_period', { value: g.period });
      g.items.forEach((k, m) => {
        if (!keys.has(k)) issue(['positions', i, 'timeGuide', j, 'items', m], 'unknown_item', { value: k });
        else if (covered.has(k)) issue(['positions', i, 'timeGuide', j, 'items', m], 'item_in_two_groups', { value: k });
        covered.add(k);
      });
    });
    p.items.forEach((it, j) => {
      if (p.timeGuide.length > 0 && !covered.has(it.key)) issue(['positions', i, 'items', j, 'key'], 'item_without_time', { value: it.key });
    });
  });
}

export const RahmenplanTemplate = z.object(templateShape).strict().superRefine(checkTemplate);
export type RahmenplanTemplate = z.infer<typeof RahmenplanTemplate>;

/** A problem in a template file: where (JSON path and, when known, the line) and what (an i18n key). */
export const TemplateProblem = z.object({
  field: z.string(),
  line: z.number().nullable(),
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type TemplateProblem = z.infer<typeof TemplateProblem>;

/** "positions[3].items[0].text" from a zod path. */
export function fieldPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${p}` : p), '');
}
