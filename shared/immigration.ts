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
  /** A residence title of Kapitel 2 Abschnitt 4 AufenthG (§§ 18–21: employment, e.g. § 18a, § 18b, § 19c, § 19d). */
  'ae_18_21',
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

/** `lapsed`: a document that depends on the training (Ausbildungsduldung, § 16g) after the training ended early. */
export const DOCUMENT_STATES = ['valid', 'expiring', 'expired', 'renewal_applied', 'replaced', 'lapsed'] as const;
export type DocumentState = (typeof DOCUMENT_STATES)[number];

/** A text of the rule catalogue in German (printed output, German screens) and English (English screens). */
export const Localized = z.object({ de: z.string(), en: z.string() });
export type Localized = z.infer<typeof Localized>;

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
  /** Aufenthaltsgestattung: national of a safe country of origin who applied after 31.08.2015 (§ 61 Abs. 2 S. 4 AsylG). */
  safeOrigin: z.boolean().default(false),
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
  safeOrigin: z.boolean(),
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
  'safe_origin',
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
  /** The rule the statement rests on, and what about it is uncertain. */
  source: Localized.nullable(),
  uncertain: Localized.nullable(),
});
export type MayTrain = z.infer<typeof MayTrain>;

export const MISSING_CODES = ['no_status_document', 'copy_missing', 'permission_missing', 'passport_missing', 'renewal_overdue', 'note_unclear', 'lapses', 'safe_origin'] as const;
export const Missing = z.object({
  code: z.enum(MISSING_CODES),
  documentId: z.number().nullable(),
  documentType: z.enum(DOCUMENT_TYPES).nullable(),
  /** For catalogue statements (a document lapses and what follows): the text, its source and what is uncertain. */
  text: Localized.nullable().default(null),
  source: Localized.nullable().default(null),
  uncertain: Localized.nullable().default(null),
});
export type Missing = z.infer<typeof Missing>;

/** How a notice (or another deadline) was done. */
export const DONE_VIA = ['post', 'fax', 'email', 'online', 'in_person'] as const;
export const RULE_BINDINGS = ['law', 'recommendation', 'hint'] as const;

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
  /** From this day on it is urgent (the lead time's "urgent" date, else 14 days before); null once done. */
  urgentOn: z.string().nullable(),
  /** The day of the event the deadline follows (the end of the training), for the notice. */
  eventOn: z.string().nullable(),
  ruleId: z.string(),
  /** The rule's source in German (printed, calendar) and both languages; a statutory period, a recommendation or a hint. */
  source: z.string(),
  sourceText: Localized,
  binding: z.enum(RULE_BINDINGS),
  uncertain: Localized.nullable(),
  /** What to do, for whom, by when. */
  text: Localized,
  done: z.object({ doneOn: z.string(), doneBy: z.string(), doneAt: z.string(), note: z.string().nullable(), via: z.enum(DONE_VIA).nullable() }).nullable(),
});
export type Deadline = z.infer<typeof Deadline>;

export const DeadlineListInput = z
  .object({
    /** Show open deadlines due within this many days (and all overdue ones); default: the catalogue's horizon. */
    horizonDays: z.number().int().min(0).max(3660).optional(),
    traineeId: id.optional(),
  })
  .strict();

export const DeadlineList = z.object({
  today: z.string(),
  /** The catalogue's buckets: "soon" up to soonDays, "upcoming" up to upcomingDays; the horizon shown. */
  soonDays: z.number(),
  upcomingDays: z.number(),
  horizonDays: z.number(),
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
    note: optText(1000, { multiline: true }),
    /** How it was done (for the notice: by post, fax, e-mail, online form, in person). */
    via: z.enum(DONE_VIA).nullish().transform((v) => v ?? null),
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
export const RULE_IDS = [
  'renewal',
  'renewal_104c',
  'renewal_duldung',
  'renewal_gestattung',
  'renewal_fiktion',
  'renewal_passport',
  'renewal_permission',
  'renewal_other',
  'ausbildungsduldung',
  'ausbildungsduldung_gestattung',
  'start_check',
  'notify_60c',
  'notify_16g',
  'notify_60d',
  'notify_4a',
  'notify_recommended',
  'lapse_60c',
  'lapse_16g',
  'extension',
  'safe_origin',
  'retention',
] as const;
export type RuleId = (typeof RULE_IDS)[number];
export const RuleInfo = z.object({
  id: z.enum(RULE_IDS),
  name: Localized,
  binding: z.enum(RULE_BINDINGS),
  source: Localized,
  url: z.string().nullable(),
  days: z.number().nullable(),
  uncertain: Localized.nullable(),
});
export const Catalogue = z.object({
  title: z.string(),
  checked: z.string(),
  disclaimer: Localized,
  uncertainMark: Localized,
  leadTimeSource: Localized,
  workNoteSource: Localized,
  dashboardSource: Localized,
  defaultLeadTimes: LeadTime,
  documentTypes: z.array(
    z.object({
      id: z.enum(DOCUMENT_TYPES),
      label: Localized,
      status: z.boolean(),
      source: Localized,
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
  /** The employment has actually ended and copies are still stored: propose deleting them. */
  proposeDeleteCopies: z.boolean(),
  /** The retention rule shown with that proposal. */
  retention: Localized,
});
export type DocumentOverview = z.infer<typeof DocumentOverview>;

/** What has to be sent to the Ausländerbehörde after an end of training, by when and why (before or after recording it). */
export const EndNoticeInput = z
  .object({ traineeId: id, kind: z.enum(['regular', 'early']), date: isoDate, knownOn: optDate })
  .strict();
export const EndNotice = z.object({
  /** A notice is due (by law or recommended). */
  due: z.boolean(),
  ruleId: z.string().nullable(),
  binding: z.enum(RULE_BINDINGS).nullable(),
  cite: z.string().nullable(),
  days: z.number().nullable(),
  /** The period runs from (end or day of knowledge) … until. */
  fromOn: z.string().nullable(),
  /** What the period runs from: the end, or the day the firm learned of it ("ab Kenntnis", § 4a Abs. 5 S. 3 Nr. 3). */
  from: z.enum(['end', 'knowledge']).nullable(),
  dueOn: z.string().nullable(),
  documentId: z.number().nullable(),
  documentType: z.enum(DOCUMENT_TYPES).nullable(),
  authority: z.object({ id: z.number(), organisation: z.string(), city: z.string().nullable() }).nullable(),
  source: Localized.nullable(),
  uncertain: Localized.nullable(),
});
export type EndNotice = z.infer<typeof EndNotice>;

export const immigrationContract = {
  'immigration.endNotice': { input: EndNoticeInput, output: EndNotice },
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
