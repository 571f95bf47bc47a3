// Ausbildungsnachweis (training record): one sheet per week (weekly, or with days in daily mode), written by
// the trainee, signed off by trainee and trainer. A signed sheet is locked; corrections are amendments.
import { z } from 'zod';
import { id, isoDate, longText, optText, text, userText } from './common';
import { positionNumber } from './planTemplate';
import { addDays } from './trainingCalendar';

export const NACHWEIS_MODES = ['weekly', 'daily'] as const;
export type NachweisMode = (typeof NACHWEIS_MODES)[number];
/** Work done in the firm, instruction and courses (also inter-company courses), vocational-school topics. */
export const ENTRY_KINDS = ['work', 'instruction', 'school'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];
export const ABSENCE_KINDS = ['school', 'holiday', 'illness', 'public_holiday', 'other'] as const;
export type AbsenceKind = (typeof ABSENCE_KINDS)[number];

export const Entry = z
  .object({
    kind: z.enum(ENTRY_KINDS),
    /** The day (daily mode: required; weekly mode: optional). */
    day: isoDate.nullish().transform((v) => v ?? null),
    text: text(20000, { multiline: true }),
    /** Hours spent (an entry for the whole week may have more than a day's hours). */
    hours: z.number().positive().max(80),
    /** Numbers of the plan positions the activity belongs to (e.g. "9", "A6"). */
    positions: z.array(positionNumber).max(20).default([]),
  })
  .strict();
export type Entry = z.infer<typeof Entry>;

export const Absence = z
  .object({
    day: isoDate,
    kind: z.enum(ABSENCE_KINDS),
    /** Hours missed; empty = a whole working day. */
    hours: z.number().positive().max(24).nullish().transform((v) => v ?? null),
    note: optText(500, { multiline: true }),
  })
  .strict();
export type Absence = z.infer<typeof Absence>;

export const RecordContent = z
  .object({
    entries: z.array(Entry).max(300),
    absences: z.array(Absence).max(14).default([]),
    remarks: longText(5000),
  })
  .strict();
export type RecordContent = z.infer<typeof RecordContent>;
export type RecordContentInput = z.input<typeof RecordContent>;

export const SaveRecordInput = z
  .object({
    traineeId: id,
    /** Set to change an unsigned sheet; without it a new sheet is created. */
    id: id.nullish().transform((v) => v ?? null),
    from: isoDate,
    to: isoDate,
    content: RecordContent,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], params: { key: 'end_before_start' } });
  });

export const RECORD_STATUSES = ['draft', 'trainee_signed', 'signed'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

export const Warning = z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) });
export type Warning = z.infer<typeof Warning>;

export const Amendment = z.object({
  id,
  createdAt: z.string(),
  author: z.string(),
  reason: z.string(),
  content: RecordContent,
});
export type Amendment = z.infer<typeof Amendment>;

export const NachweisRecord = z.object({
  id,
  traineeId: id,
  from: z.string(),
  to: z.string(),
  week: z.number(),
  weekYear: z.number(),
  trainingYear: z.number(),
  mode: z.enum(NACHWEIS_MODES),
  status: z.enum(RECORD_STATUSES),
  /** What applies now: the signed text, or the latest amendment. */
  content: RecordContent,
  /** The text as written and signed (never changed after signing). */
  original: RecordContent,
  amendments: z.array(Amendment),
  traineeSignedAt: z.string().nullable(),
  traineeSignedName: z.string().nullable(),
  /** How the trainee signed: with the personal PIN, or by a click (sheets signed before PINs). */
  traineeSignedBy: z.enum(['pin', 'click']).nullable(),
  trainerSignedAt: z.string().nullable(),
  trainerId: z.number().nullable(),
  trainerName: z.string().nullable(),
  totalHours: z.number(),
  warnings: z.array(Warning),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type NachweisRecord = z.infer<typeof NachweisRecord>;

export const WEEK_STATES = ['missing', 'open', 'draft', 'trainee_signed', 'signed'] as const;
export type WeekState = (typeof WEEK_STATES)[number];

/** A public holiday of the firm's federal state. */
export const PublicHoliday = z.object({ day: z.string(), name: z.string() });
export type PublicHoliday = z.infer<typeof PublicHoliday>;

/** One calendar week of the training and what is recorded for it. */
export const WeekRow = z.object({
  monday: z.string(),
  /** The days of the week inside the contract. */
  from: z.string(),
  to: z.string(),
  week: z.number(),
  weekYear: z.number(),
  trainingYear: z.number(),
  /** missing: past week without a sheet; open: current or future week without one. */
  state: z.enum(WEEK_STATES),
  recordIds: z.array(z.number()),
  amended: z.boolean(),
  hours: z.number().nullable(),
  warnings: z.number(),
  /** Public holidays (firm's federal state) on the week's days inside the contract. */
  holidays: z.array(PublicHoliday),
});
export type WeekRow = z.infer<typeof WeekRow>;

export const NachweisList = z.object({
  traineeId: id,
  mode: z.enum(NACHWEIS_MODES),
  asOf: z.string(),
  weeks: z.array(WeekRow),
  counts: z.object({ missing: z.number(), draft: z.number(), traineeSigned: z.number(), signed: z.number() }),
  /** Plan positions a week's entries can link to. */
  positions: z.array(z.object({ number: z.string(), title: z.string() })),
});
export type NachweisList = z.infer<typeof NachweisList>;

export const NachweisOverviewRow = z.object({
  traineeId: id,
  name: z.string(),
  occupationName: z.string(),
  missing: z.number(),
  firstMissing: z.string().nullable(),
  draft: z.number(),
  traineeSigned: z.number(),
  signed: z.number(),
});

/**
 * The trainee's personal PIN: 4 to 8 digits, or a passphrase of 8 to 64 characters (not only digits).
 * Only its salted scrypt hash is stored.
 */
export const pin = userText()
  .min(1)
  .max(64)
  .superRefine((v, ctx) => {
    const digits = /^\d+$/.test(v);
    if (digits ? v.length < 4 || v.length > 8 : v.length < 8) ctx.addIssue({ code: 'custom', params: { key: 'pin_format' } });
    else if (digits && (/^(\d)\1+$/.test(v) || '0123456789'.includes(v) || '9876543210'.includes(v))) ctx.addIssue({ code: 'custom', params: { key: 'pin_too_simple' } });
  });

/** A PIN as typed to sign: checked against the stored hash only (a wrong one counts as a wrong entry). */
const pinEntry = userText().min(1).max(64);

export const SignInput = z.discriminatedUnion('as', [
  /** The trainee signs with their personal PIN (nachweis.setPin first). */
  z.object({ id, as: z.literal('trainee'), pin: pinEntry }).strict(),
  z.object({ id, as: z.literal('trainer'), trainerId: id }).strict(),
]);

export const AmendInput = z
  .object({
    id,
    reason: text(2000, { multiline: true }),
    /** A trainer (by id) or the trainee makes the correction. */
    trainerId: id.nullish().transform((v) => v ?? null),
    content: RecordContent,
  })
  .strict();

const recordRef = z.object({ id }).strict();

export const PIN_EVENT_KINDS = ['set', 'changed', 'locked', 'reset'] as const;
export const PinStatus = z.object({
  traineeId: id,
  /** Whether the trainee has set a PIN. */
  set: z.boolean(),
  setAt: z.string().nullable(),
  /** While set, sign-off by PIN is refused until this moment (too many wrong entries). */
  lockedUntil: z.string().nullable(),
  /** Wrong entries left before the lockout. */
  attemptsLeft: z.number(),
  /** The PIN history: set, changed, lockouts, resets by a supervisor (who, when). */
  events: z.array(z.object({ at: z.string(), kind: z.enum(PIN_EVENT_KINDS), byName: z.string() })),
});
export type PinStatus = z.infer<typeof PinStatus>;

export const SetPinInput = z
  .object({
    traineeId: id,
    pin,
    /** Needed to change a PIN that is set. */
    currentPin: pinEntry.nullish().transform((v) => (v ? v : null)),
  })
  .strict();

export const nachweisContract = {
  'nachweis.list': { input: z.object({ traineeId: id }).strict(), output: NachweisList },
  'nachweis.get': { input: recordRef, output: NachweisRecord },
  'nachweis.save': { input: SaveRecordInput, output: NachweisRecord },
  'nachweis.delete': { input: recordRef, output: z.object({ deleted: z.literal(true) }) },
  'nachweis.sign': { input: SignInput, output: NachweisRecord },
  'nachweis.withdrawSignature': { input: recordRef, output: NachweisRecord },
  'nachweis.amend': { input: AmendInput, output: NachweisRecord },
  /** A new sheet for the following week with the same entries, as a start. */
  'nachweis.copyWeek': { input: recordRef, output: NachweisRecord },
  'nachweis.setMode': { input: z.object({ traineeId: id, mode: z.enum(NACHWEIS_MODES) }).strict(), output: z.object({ mode: z.enum(NACHWEIS_MODES) }) },
  'nachweis.pinStatus': { input: z.object({ traineeId: id }).strict(), output: PinStatus },
  /** The trainee sets their PIN (first time), or changes it with the current one. */
  'nachweis.setPin': { input: SetPinInput, output: PinStatus },
  /** A supervisor removes a forgotten PIN (recorded with who and when); the trainee then sets a new one. */
  'nachweis.resetPin': { input: z.object({ traineeId: id, trainerId: id }).strict(), output: PinStatus },
  /** Missing and unsigned weeks of every trainee in training (the supervisor's view). */
  'nachweis.overview': { input: z.object({}).strict(), output: z.array(NachweisOverviewRow) },
} as const;

/** The entries of one day copied onto another day (as a start for the next day), appended to the list. */
export function copyDayEntries<T extends { day: string | null }>(entries: T[], fromDay: string, toDay: string): T[] {
  return [...entries, ...entries.filter((e) => e.day === fromDay).map((e) => ({ ...e, day: toDay }))];
}

/** The days from..to (inclusive). */
export function daysOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to && out.length < 7; d = addDays(d, 1)) out.push(d);
  return out;
}

/** Sum of the hours of a sheet's entries. */
export const entryHours = (c: { entries: { hours: number }[] }) => c.entries.reduce((s, e) => s + e.hours, 0);

