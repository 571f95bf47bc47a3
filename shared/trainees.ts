import { z } from 'zod';
import { empty, id, isoDate, longText, optDate, optEmail, optText, orderedDates, text, userText } from './common';
import { LANGUAGE_CODES } from './languages';

export const CEFR_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
/** 'applicant': a trainee file without a training contract yet (Praktikum, EQ); "Ausbildungsvertrag erfassen" makes it 'active'. */
export const TRAINEE_STATUSES = ['applicant', 'active', 'ended_regular', 'ended_early'] as const;
export type TraineeStatus = (typeof TRAINEE_STATUSES)[number];

const lang = z.enum(LANGUAGE_CODES);
const langList = z.array(lang).max(10).refine((l) => new Set(l).size === l.length, { params: { key: 'duplicate_language' } });

const traineeFields = {
  firstName: text(100),
  lastName: text(100),
  dateOfBirth: optDate,
  nationality: optText(100),
  firstLanguages: langList,
  otherLanguages: langList,
  germanLevel: z.enum(CEFR_LEVELS).nullish().transform((v) => v ?? null),
  germanLevelDate: optDate,
  germanLevelSource: optText(200),
  phone: optText(50),
  email: optEmail,
  address: optText(300),
  occupationId: text(64),
  contractStart: isoDate,
  contractEndPlanned: isoDate,
  probationMonths: z.number().int().min(1).max(4),
  weeklyHours: z.number().min(1).max(48),
  /** ISO weekdays 1 (Monday) … 6 (Saturday) on which the trainee is at the vocational school. */
  schoolDays: z.array(z.number().int().min(1).max(6)).max(6),
  /** Monthly gross pay in euros per training year (1st, 2nd, …). */
  payPerYear: z.array(z.number().min(0).max(10000)).max(5),
  chamberRegistrationDate: optDate,
  chamberRegistrationNo: optText(50),
  priorExperience: longText(),
  notes: longText(),
};

function checkTrainee(v: { contractStart: string; contractEndPlanned: string; dateOfBirth: string | null }, ctx: z.RefinementCtx) {
  orderedDates<typeof v>('contractStart', 'contractEndPlanned')(v, ctx);
  if (v.dateOfBirth && v.dateOfBirth >= v.contractStart) {
    ctx.addIssue({ code: 'custom', path: ['dateOfBirth'], params: { key: 'birth_after_start' } });
  }
}

export const TraineeInput = z.object(traineeFields).strict().superRefine(checkTrainee);
export type TraineeInput = z.input<typeof TraineeInput>;
const { contractStart: _s, contractEndPlanned: _e, probationMonths: _p, weeklyHours: _w, ...applicantFields } = traineeFields;
/** An applicant (Praktikum, EQ): the person and the occupation aimed at, no contract yet. */
export const ApplicantInput = z.object(applicantFields).strict();
export const ApplicantUpdate = z.object({ id, ...applicantFields }).strict();
export const TraineeUpdate = z
  .object({ id, ...traineeFields })
  .strict()
  .superRefine(checkTrainee);
/** "Ausbildungsvertrag erfassen": an applicant's file with the contract, which makes it a trainee's (status active). */
export const ContractInput = TraineeUpdate;

/** A trainee's file: an applicant's has no contract (those four fields null); use `Trainee` where a contract is needed. */
export const TraineeFile = z.object({
  id,
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: z.string().nullable(),
  nationality: z.string().nullable(),
  firstLanguages: z.array(z.string()),
  otherLanguages: z.array(z.string()),
  germanLevel: z.enum(CEFR_LEVELS).nullable(),
  germanLevelDate: z.string().nullable(),
  germanLevelSource: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  occupationId: z.string(),
  occupationName: z.string(),
  contractStart: z.string().nullable(),
  contractEndPlanned: z.string().nullable(),
  probationMonths: z.number().nullable(),
  weeklyHours: z.number().nullable(),
  schoolDays: z.array(z.number()),
  payPerYear: z.array(z.number()),
  chamberRegistrationDate: z.string().nullable(),
  chamberRegistrationNo: z.string().nullable(),
  priorExperience: z.string().nullable(),
  notes: z.string().nullable(),
  status: z.enum(TRAINEE_STATUSES),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
  /** The day the firm learned of the end (recorded or scheduled). */
  endKnownOn: z.string().nullable(),
  /** An end recorded in advance: the trainee stays active until that day. */
  scheduledEnd: z.object({ kind: z.enum(['regular', 'early']), date: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TraineeFile = z.infer<typeof TraineeFile>;
/** A trainee with a training contract (every part that needs one: plan, Nachweis, immigration letters …). */
export const Trainee = TraineeFile.extend({ contractStart: z.string(), contractEndPlanned: z.string(), probationMonths: z.number(), weeklyHours: z.number() });
export type Trainee = z.infer<typeof Trainee>;

export const TraineeSummary = TraineeFile.pick({
  id: true,
  firstName: true,
  lastName: true,
  occupationId: true,
  occupationName: true,
  contractStart: true,
  contractEndPlanned: true,
  status: true,
  firstLanguages: true,
  germanLevel: true,
});
export type TraineeSummary = z.infer<typeof TraineeSummary>;

export const TraineeListInput = z
  .object({
    search: userText().max(200).optional(),
    status: z.enum(['all', 'active', 'ended']).default('all'),
    // Filters and paging of the trainee list (issue 14): occupation, training year today, something to do today.
    occupationId: text(64).optional(),
    trainingYear: z.number().int().min(1).max(5).optional(),
    attention: z.boolean().optional(),
    offset: z.number().int().min(0).max(1_000_000).default(0),
    /** Rows of one page; without it every matching row. */
    limit: z.number().int().min(1).max(500).optional(),
  })
  .strict();

/** One page of the trainee list and how many trainees match in all. */
export const TraineePage = z.object({ items: z.array(TraineeSummary), total: z.number(), offset: z.number() });
export type TraineePage = z.infer<typeof TraineePage>;

export const EndTrainingInput = z
  .object({
    id,
    kind: z.enum(['regular', 'early']),
    /** The last day of the training; a day in the future keeps the trainee active until then. */
    date: isoDate,
    reason: optText(1000, { multiline: true }),
    /** The day the firm learned of the end (periods "ab Kenntnis", § 4a Abs. 5 AufenthG); default: the end date. */
    knownOn: optDate,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.kind === 'early' && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], params: { key: 'required' } });
  });

export const Occupation = z.object({
  id: z.string(),
  name: z.string(),
  custom: z.boolean(),
  /** Regular duration from the framework plan (36 or 42 months), null when the template is missing or broken. */
  durationMonths: z.number().nullable(),
});
export type Occupation = z.infer<typeof Occupation>;

export const traineesContract = {
  'trainees.list': { input: TraineeListInput, output: TraineePage },
  'trainees.get': { input: z.object({ id }).strict(), output: TraineeFile },
  'trainees.create': { input: TraineeInput, output: Trainee },
  'trainees.update': { input: TraineeUpdate, output: Trainee },
  /** An applicant (Bewerber/in) without a contract yet: created, changed, and given the contract later. */
  'trainees.createApplicant': { input: ApplicantInput, output: TraineeFile },
  'trainees.updateApplicant': { input: ApplicantUpdate, output: TraineeFile },
  'trainees.recordContract': { input: ContractInput, output: Trainee },
  'trainees.end': { input: EndTrainingInput, output: Trainee },
  'trainees.reopen': { input: z.object({ id }).strict(), output: Trainee },
  'trainees.delete': { input: z.object({ id }).strict(), output: z.object({ deleted: z.literal(true) }) },
  'occupations.list': { input: empty, output: z.array(Occupation) },
} as const;
