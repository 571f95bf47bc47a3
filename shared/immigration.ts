// Residence documents, work permission, deadlines and the rule catalogue (issue 4).
// Rules themselves live in resources/rules/immigration.json; this module holds only the contracts.
import { z } from 'zod';
import { empty, id, isoDate, optDate, optText, text } from './common';
import { FileResult } from './system';

export const DOCUMENT_TYPES = [
  'aufenthaltsgestattung',
  'duldung',
  'ausbildungsduldung',
  'ae_16g',
  'ae_16a',
  'ae_25',
  'beschaeftigungsduldung',
  'chancen_104c',
  'fiktionsbescheinigung',
  'pass',
  'beschaeftigungserlaubnis',
  'sonstiges',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** The standard wordings of the work note (Nebenbestimmung) on a document. */
export const WORK_NOTES = [
  'erwerbstaetigkeit_erlaubt',
  'beschaeftigung_erlaubt',
  'ausbildung_bei_betrieb',
  'beschaeftigung_nur_mit_erlaubnis',
  'erwerbstaetigkeit_nicht_gestattet',
  'sonstige',
] as const;
export type WorkNote = (typeof WORK_NOTES)[number];

export const DOCUMENT_STATES = ['valid', 'expiring', 'expired', 'renewal_applied', 'replaced'] as const;
export type DocumentState = (typeof DOCUMENT_STATES)[number];

export const COPY_MIME_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type CopyMimeType = (typeof COPY_MIME_TYPES)[number];
/** Largest copy (scan) accepted, in bytes. */
export const MAX_COPY_BYTES = 20 * 1024 * 1024;
const MAX_COPY_BASE64 = Math.ceil(MAX_COPY_BYTES / 3) * 4;

/** A scan sent by the renderer: the file's name (for its extension) and its bytes as base64. */
export const CopyUpload = z
  .object({
    fileName: text(255),
    base64: z
      .string()
      .refine((s) => s.length <= MAX_COPY_BASE64, { params: { key: 'file_too_large', maxMb: 20 }, abort: true })
      .refine((s) => s.length > 0 && s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s), { params: { key: 'file_unreadable' } }),
  })
  .strict();

const documentFields = {
  type: z.enum(DOCUMENT_TYPES),
  /** What kind of document, for "sonstiges" (e.g. "Aufenthaltserlaubnis § 24 AufenthG"). */
  typeDetail: optText(200),
  number: optText(50),
  authority: optText(200),
  issuedOn: optDate,
  validUntil: optDate,
  workNote: z.enum(WORK_NOTES).nullish().transform((v) => v ?? null),
  /** The note's exact wording or additions (e.g. the firm named in it). */
  workNoteText: optText(500),
  /** Wohnsitzauflage or räumliche Beschränkung, as written on the document. */
  residenceObligation: optText(300),
  /** The authority's file number (Aktenzeichen); letters to the authority quote it as "Ihr Zeichen". */
  fileNumber: optText(100),
};

interface Checked {
  type: DocumentType;
  issuedOn: string | null;
  validUntil: string | null;
  workNote: WorkNote | null;
  typeDetail: string | null;
}

function checkDocument(v: Checked, ctx: z.RefinementCtx) {
  if (v.issuedOn && v.validUntil && v.validUntil < v.issuedOn) {
    ctx.addIssue({ code: 'custom', path: ['validUntil'], params: { key: 'valid_before_issued' } });
  }
  if (v.type !== 'sonstiges' && !v.validUntil) ctx.addIssue({ code: 'custom', path: ['validUntil'], params: { key: 'required' } });
  if (v.type === 'sonstiges' && !v.typeDetail) ctx.addIssue({ code: 'custom', path: ['typeDetail'], params: { key: 'required' } });
  if (v.type !== 'pass' && !v.workNote) ctx.addIssue({ code: 'custom', path: ['workNote'], params: { key: 'required' } });
}

export const DocumentInput = z
  .object({ traineeId: id, ...documentFields, copy: CopyUpload.nullish() })
  .strict()
  .superRefine(checkDocument);
export type DocumentInput = z.input<typeof DocumentInput>;

export const DocumentUpdate = z
  .object({ id, ...documentFields, copy: CopyUpload.nullish(), removeCopy: z.boolean().default(false) })
  .strict()
  .superRefine(checkDocument);

/** A new version of a document: the old one stays visible as replaced. */
export const DocumentRenewal = z
  .object({ replacesId: id, ...documentFields, copy: CopyUpload.nullish() })
  .strict()
  .superRefine(checkDocument);

export const CopyInfo = z.object({ fileName: z.string(), mimeType: z.enum(COPY_MIME_TYPES), size: z.number(), sha256: z.string() });

export const DEADLINE_KINDS = ['renewal', 'ausbildungsduldung', 'start_check', 'notify_end', 'extension'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const ResidenceDocument = z.object({
  id,
  traineeId: id,
  type: z.enum(DOCUMENT_TYPES),
  typeDetail: z.string().nullable(),
  number: z.string().nullable(),
  authority: z.string().nullable(),
  issuedOn: z.string().nullable(),
  validUntil: z.string().nullable(),
  workNote: z.enum(WORK_NOTES).nullable(),
  workNoteText: z.string().nullable(),
  residenceObligation: z.string().nullable(),
  fileNumber: z.string().nullable(),
  renewalAppliedOn: z.string().nullable(),
  replacedById: z.number().nullable(),
  copy: CopyInfo.nullable(),
  state: z.enum(DOCUMENT_STATES),
  /** Inside the urgent lead time (or past its end date). */
  urgent: z.boolean(),
  /** The next open deadline for this document, if any. */
  nextDeadline: z.object({ kind: z.enum(DEADLINE_KINDS), dueOn: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ResidenceDocument = z.infer<typeof ResidenceDocument>;

export const TRAIN_VERDICTS = ['allowed', 'not_allowed', 'unclear', 'not_started', 'ended'] as const;
export const TRAIN_REASONS = [
  'allowed',
  'allowed_continuing',
  'no_document',
  'expired',
  'not_yet_valid',
  'work_forbidden',
  'permission_missing',
  'note_unclear',
  'not_started',
  'ended',
] as const;
export type TrainReason = (typeof TRAIN_REASONS)[number];

/** "May this trainee train today?" with the reason and the document it rests on. */
export const MayTrain = z.object({
  traineeId: id,
  date: z.string(),
  verdict: z.enum(TRAIN_VERDICTS),
  reason: z.enum(TRAIN_REASONS),
  documentId: z.number().nullable(),
  documentType: z.enum(DOCUMENT_TYPES).nullable(),
  /** The date the reason refers to (expired on, valid until, training starts on …). */
  reasonDate: z.string().nullable(),
});
export type MayTrain = z.infer<typeof MayTrain>;

export const MISSING_CODES = ['no_status_document', 'copy_missing', 'permission_missing', 'passport_missing', 'renewal_overdue', 'note_unclear'] as const;
export const Missing = z.object({ code: z.enum(MISSING_CODES), documentId: z.number().nullable(), documentType: z.enum(DOCUMENT_TYPES).nullable() });
export type Missing = z.infer<typeof Missing>;

export const DEADLINE_BUCKETS = ['overdue', 'soon', 'upcoming', 'later'] as const;
export type DeadlineBucket = (typeof DEADLINE_BUCKETS)[number];

export const Deadline = z.object({
  /** Stable key: the same deadline has the same key on every computation (used to record it as done). */
  key: z.string(),
  kind: z.enum(DEADLINE_KINDS),
  traineeId: id,
  firstName: z.string(),
  lastName: z.string(),
  documentId: z.number().nullable(),
  documentType: z.enum(DOCUMENT_TYPES).nullable(),
  /** By when it must be done (inclusive). */
  dueOn: z.string(),
  /** From when it can or should be started (window opens, lead time begins). */
  fromOn: z.string().nullable(),
  daysLeft: z.number(),
  bucket: z.enum(DEADLINE_BUCKETS),
  urgent: z.boolean(),
  ruleId: z.string(),
  source: z.string(),
  done: z.object({ doneOn: z.string(), doneBy: z.string(), doneAt: z.string(), note: z.string().nullable() }).nullable(),
});
export type Deadline = z.infer<typeof Deadline>;

export const DeadlineListInput = z
  .object({
    /** Show open deadlines due within this many days (and all overdue ones). */
    horizonDays: z.number().int().min(0).max(3660).default(60),
    traineeId: id.optional(),
  })
  .strict();

export const DeadlineList = z.object({
  today: z.string(),
  open: z.array(Deadline),
  /** The most recently completed, newest first. */
  done: z.array(Deadline),
  /** Active trainees who may not (or not clearly) train today. */
  blocked: z.array(MayTrain.extend({ firstName: z.string(), lastName: z.string() })),
});
export type DeadlineList = z.infer<typeof DeadlineList>;

export const CompleteDeadline = z
  .object({
    key: text(200),
    doneOn: isoDate,
    doneBy: text(200),
    note: optText(1000),
  })
  .strict();

export const LeadTime = z
  .object({ prepareWeeks: z.number().int().min(1).max(52), urgentWeeks: z.number().int().min(0).max(52) })
  .strict()
  .superRefine((v, ctx) => {
    if (v.urgentWeeks > v.prepareWeeks) ctx.addIssue({ code: 'custom', path: ['urgentWeeks'], params: { key: 'urgent_after_prepare' } });
  });
export type LeadTime = z.infer<typeof LeadTime>;
export type LeadTimes = Record<DocumentType, LeadTime>;

/** The rules of the catalogue (resources/rules/immigration.json) by id. */
export const RULE_IDS = ['renewal', 'ausbildungsduldung', 'start_check', 'notify_60c', 'notify_16g', 'notify_60d', 'notify_4a', 'extension', 'retention'] as const;
export type RuleId = (typeof RULE_IDS)[number];
export const RuleInfo = z.object({ id: z.enum(RULE_IDS), source: z.string(), url: z.string().nullable(), days: z.number().nullable() });
export const Catalogue = z.object({
  title: z.string(),
  checked: z.string(),
  disclaimer: z.string(),
  leadTimeSource: z.string(),
  workNoteSource: z.string(),
  defaultLeadTimes: LeadTime,
  documentTypes: z.array(
    z.object({
      id: z.enum(DOCUMENT_TYPES),
      label: z.string(),
      status: z.boolean(),
      source: z.string(),
      url: z.string().nullable(),
      notifyRule: z.string().nullable(),
      continuesWhenRenewalApplied: z.boolean(),
      leadTime: LeadTime,
      leadTimeChanged: z.boolean(),
    }),
  ),
  workNotes: z.array(z.object({ id: z.enum(WORK_NOTES), wording: z.string(), training: z.enum(['allowed', 'needs_permission', 'forbidden', 'unclear']) })),
  rules: z.array(RuleInfo),
});
export type Catalogue = z.infer<typeof Catalogue>;

export const DocumentOverview = z.object({
  documents: z.array(ResidenceDocument),
  mayTrain: MayTrain,
  missing: z.array(Missing),
  deadlines: z.array(Deadline),
  /** Training has ended and copies are still stored: propose deleting them. */
  proposeDeleteCopies: z.boolean(),
});
export type DocumentOverview = z.infer<typeof DocumentOverview>;

export const immigrationContract = {
  'documents.list': { input: z.object({ traineeId: id }).strict(), output: DocumentOverview },
  'documents.create': { input: DocumentInput, output: ResidenceDocument },
  'documents.update': { input: DocumentUpdate, output: ResidenceDocument },
  'documents.renew': { input: DocumentRenewal, output: ResidenceDocument },
  /** Records that renewal was applied for (the document then continues until decided, where the law says so). */
  'documents.renewalApplied': {
    input: z.object({ id, appliedOn: isoDate, doneBy: text(200) }).strict(),
    output: ResidenceDocument,
  },
  'documents.delete': { input: z.object({ id }).strict(), output: z.object({ deleted: z.literal(true) }) },
  /** The stored copy, to open or save. */
  'documents.copy': { input: z.object({ id }).strict(), output: FileResult },
  /** Deletes every stored copy of a trainee whose training has ended (the rows stay). */
  'documents.deleteCopies': { input: z.object({ traineeId: id }).strict(), output: z.object({ deleted: z.number() }) },
  'immigration.mayTrain': { input: z.object({ traineeId: id }).strict(), output: MayTrain },
  'immigration.catalogue': { input: empty, output: Catalogue },
  'immigration.saveLeadTimes': { input: z.object({ leadTimes: z.partialRecord(z.enum(DOCUMENT_TYPES), LeadTime) }).strict(), output: Catalogue },
  'deadlines.list': { input: DeadlineListInput, output: DeadlineList },
  'deadlines.complete': { input: CompleteDeadline, output: Deadline },
  'deadlines.reopen': { input: z.object({ key: text(200) }).strict(), output: z.object({ reopened: z.literal(true) }) },
} as const;
