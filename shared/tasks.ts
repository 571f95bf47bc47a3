// Learning tasks: a real work task joined to the language needed for it (glossary terms, phrases for workplace
// communication, a scenario and comprehension checks), assigned to a trainee or kept as a template.
import { z } from 'zod';
import { id, longText, optDate, optText, text, userText } from './common';
import { ARTICLES, Translations, translationLanguage } from './glossary';
import { LANGUAGE_CODES } from './languages';

export const TASK_LEVELS = ['A1', 'A2', 'B1', 'B2'] as const;
export type TaskLevel = (typeof TASK_LEVELS)[number];
export const TASK_STATUSES = ['assigned', 'done', 'reviewed'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
/** Phrases for workplace communication, by what they are for. */
export const PHRASE_KINDS = ['ask_back', 'confirm', 'report_problem', 'safety', 'other'] as const;
export type PhraseKind = (typeof PHRASE_KINDS)[number];
/** What the trainee does in a step of the scenario. */
export const SCENARIO_SKILLS = ['listen', 'speak', 'read', 'write'] as const;
export type ScenarioSkill = (typeof SCENARIO_SKILLS)[number];
/** How the trainee shows that they understood. */
export const CHECK_METHODS = ['explain_back', 'show', 'write'] as const;
export type CheckMethod = (typeof CHECK_METHODS)[number];

export const TASK_LIMITS = { workSteps: 20, terms: 60, phrases: 20, scenarioSteps: 12, checks: 10, positions: 20 } as const;

const lang = z.enum(LANGUAGE_CODES);
/** A Rahmenplan position number as printed in the plan ("5", "12.1", "A 3"). */
export const positionNumber = userText()
  .min(1)
  .max(20)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} .\-/]*$/u);

const unique = <T>(l: T[]) => new Set(l).size === l.length;

export const Phrase = z.object({ kind: z.enum(PHRASE_KINDS), text: text(300), translations: Translations.default({}) }).strict();
export const ScenarioStep = z.object({ skill: z.enum(SCENARIO_SKILLS), text: text(300) }).strict();
export const Check = z.object({ method: z.enum(CHECK_METHODS), text: text(300) }).strict();

/**
 * The task's own texts in one of the trainee's languages: the goal, each work step (by its place in
 * `workSteps`; an empty entry has none) and the situation. Printed full-width under the German on the worksheet.
 */
export const TaskTranslation = z
  .object({
    vocationalGoal: optText(2000, { multiline: true }),
    workSteps: z.array(optText(300)).max(TASK_LIMITS.workSteps).default([]),
    scenario: optText(1000, { multiline: true }),
  })
  .strict();
export type TaskTranslation = z.output<typeof TaskTranslation>;

const taskFields = {
  /** The trainee the task is for; null for a template. */
  traineeId: id.nullable(),
  /** Only for a template: the occupation it is for (a trainee's task follows the trainee's occupation). */
  occupationId: userText()
    .max(64)
    .nullish()
    .transform((v) => (v ? v : null)),
  title: text(200),
  vocationalGoal: text(2000, { multiline: true }),
  workSteps: z.array(text(300)).max(TASK_LIMITS.workSteps).default([]),
  positions: z
    .array(positionNumber)
    .max(TASK_LIMITS.positions)
    .refine(unique, { params: { key: 'duplicate_entry' } })
    .default([]),
  termIds: z
    .array(id)
    .max(TASK_LIMITS.terms)
    .refine(unique, { params: { key: 'duplicate_entry' } })
    .default([]),
  phrases: z.array(Phrase).max(TASK_LIMITS.phrases).default([]),
  level: z.enum(TASK_LEVELS),
  scenario: optText(1000, { multiline: true }),
  scenarioSteps: z.array(ScenarioStep).max(TASK_LIMITS.scenarioSteps).default([]),
  checks: z.array(Check).max(TASK_LIMITS.checks).default([]),
  /** Language of the worksheet; null = the trainee's first language. */
  language: lang.nullish().transform((v) => v ?? null),
  assignedOn: optDate,
  dueBy: optDate,
  status: z.enum(TASK_STATUSES).default('assigned'),
  feedback: longText(5000),
  evidence: longText(5000),
  /** By language; a language with no text at all is dropped. */
  translations: z
    .partialRecord(translationLanguage, TaskTranslation)
    .default({})
    .transform((r) => {
      const out: Partial<Record<z.output<typeof translationLanguage>, TaskTranslation>> = {};
      for (const [k, v] of Object.entries(r)) {
        if (!v) continue;
        const steps = [...v.workSteps];
        while (steps.length && !steps[steps.length - 1]) steps.pop();
        if (v.vocationalGoal || v.scenario || steps.length) out[k as keyof typeof out] = { ...v, workSteps: steps };
      }
      return out;
    }),
};

function checkTask(
  v: {
    traineeId: number | null;
    occupationId: string | null;
    assignedOn: string | null;
    dueBy: string | null;
    status: TaskStatus;
    workSteps: string[];
    translations: Partial<Record<string, TaskTranslation>>;
  },
  ctx: z.RefinementCtx,
) {
  for (const [lang, tr] of Object.entries(v.translations)) {
    // A translation belongs to a step: none for a step that is not there.
    tr?.workSteps.forEach((s, i) => {
      if (s && i >= v.workSteps.length) ctx.addIssue({ code: 'custom', path: ['translations', lang, 'workSteps', i], params: { key: 'translation_without_step' } });
    });
  }
  if (v.traineeId === null) {
    if (!v.occupationId) ctx.addIssue({ code: 'custom', path: ['occupationId'], params: { key: 'required' } });
    if (v.status !== 'assigned') ctx.addIssue({ code: 'custom', path: ['status'], params: { key: 'template_no_status' } });
  } else if (!v.assignedOn) {
    ctx.addIssue({ code: 'custom', path: ['assignedOn'], params: { key: 'required' } });
  }
  if (v.assignedOn && v.dueBy && v.dueBy < v.assignedOn) ctx.addIssue({ code: 'custom', path: ['dueBy'], params: { key: 'due_before_assigned' } });
}

export const TaskInput = z.object(taskFields).strict().superRefine(checkTask);
export type TaskInput = z.input<typeof TaskInput>;
export type TaskData = z.output<typeof TaskInput>;
export const TaskUpdate = z
  .object({ id, ...taskFields })
  .strict()
  .superRefine(checkTask);

export const TaskTerm = z.object({
  id,
  term: z.string(),
  article: z.enum(ARTICLES).nullable(),
  plural: z.string().nullable(),
  /** In the task's language; null when nobody has translated the term yet. */
  translation: z.string().nullable(),
  hasPicture: z.boolean(),
});
export type TaskTerm = z.infer<typeof TaskTerm>;

export const Task = z.object({
  id,
  traineeId: z.number().nullable(),
  traineeName: z.string().nullable(),
  isTemplate: z.boolean(),
  occupationId: z.string(),
  occupationName: z.string(),
  title: z.string(),
  vocationalGoal: z.string(),
  workSteps: z.array(z.string()),
  positions: z.array(z.string()),
  terms: z.array(TaskTerm),
  phrases: z.array(z.object({ kind: z.enum(PHRASE_KINDS), text: z.string(), translations: z.record(z.string(), z.string()) })),
  level: z.enum(TASK_LEVELS),
  scenario: z.string().nullable(),
  scenarioSteps: z.array(z.object({ skill: z.enum(SCENARIO_SKILLS), text: z.string() })),
  checks: z.array(z.object({ method: z.enum(CHECK_METHODS), text: z.string() })),
  translations: z.record(z.string(), z.object({ vocationalGoal: z.string().nullable(), workSteps: z.array(z.string().nullable()), scenario: z.string().nullable() })),
  /** As stored: null means "the trainee's first language". */
  language: lang.nullable(),
  /** The language the worksheet uses: the task's, else the trainee's first language, else null (German only). */
  effectiveLanguage: z.string().nullable(),
  assignedOn: z.string().nullable(),
  dueBy: z.string().nullable(),
  status: z.enum(TASK_STATUSES),
  doneOn: z.string().nullable(),
  reviewedOn: z.string().nullable(),
  feedback: z.string().nullable(),
  evidence: z.string().nullable(),
  seed: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Task = z.infer<typeof Task>;

export const TaskSummary = Task.pick({
  id: true,
  traineeId: true,
  traineeName: true,
  isTemplate: true,
  occupationId: true,
  occupationName: true,
  title: true,
  level: true,
  status: true,
  effectiveLanguage: true,
  assignedOn: true,
  dueBy: true,
}).extend({ termCount: z.number() });
export type TaskSummary = z.infer<typeof TaskSummary>;

export const TaskListInput = z
  .object({
    traineeId: id.optional(),
    /** 'tasks' (assigned to trainees), 'templates', or 'all'. */
    kind: z.enum(['tasks', 'templates', 'all']).default('all'),
    status: z.enum(TASK_STATUSES).optional(),
  })
  .strict();

export const TaskProgress = z.object({
  traineeId: id,
  tasks: z.object({ total: z.number(), assigned: z.number(), done: z.number(), reviewed: z.number(), overdue: z.number() }),
  /** Per level: all tasks, those finished (done or reviewed), and those reviewed. */
  byLevel: z.array(z.object({ level: z.enum(TASK_LEVELS), total: z.number(), done: z.number(), reviewed: z.number() })),
  /** Distinct glossary terms in the trainee's tasks, and those in tasks done or reviewed. */
  terms: z.object({ assigned: z.number(), covered: z.number() }),
  /** Tasks per plan position (numbers of the trainee's occupation), for showing beside the plan's progress. */
  byPosition: z.array(z.object({ number: z.string(), tasks: z.number(), finished: z.number() })),
});
export type TaskProgress = z.infer<typeof TaskProgress>;

export const tasksContract = {
  'tasks.list': { input: TaskListInput, output: z.array(TaskSummary) },
  'tasks.get': { input: z.object({ id }).strict(), output: Task },
  'tasks.create': { input: TaskInput, output: Task },
  'tasks.update': { input: TaskUpdate, output: Task },
  'tasks.setStatus': { input: z.object({ id, status: z.enum(TASK_STATUSES) }).strict(), output: Task },
  'tasks.delete': { input: z.object({ id }).strict(), output: z.object({ deleted: z.literal(true) }) },
  /** Copies a task (or template) to a trainee, or saves it as a template (traineeId null). */
  'tasks.copy': { input: z.object({ id, traineeId: id.nullable() }).strict(), output: Task },
  /** New exercises for the worksheet: a new seed (the same seed always gives the same sheet). */
  'tasks.reshuffle': { input: z.object({ id }).strict(), output: Task },
  'tasks.progress': { input: z.object({ traineeId: id }).strict(), output: TaskProgress },
} as const;
