// The trainee's network (issue 11): people around the trainee, measures on one timeline with gap detection,
// the conflict moderation log, consents (Art. 7 GDPR, § 26 Abs. 2 BDSG) and disclosures, counselling notes and
// competences brought along. Records that will travel in case files carry a UUID and created/updated times.
import { z } from 'zod';
import { id, isoDate, longText, optDate, optEmail, optText, orderedDates, text } from './common';
import { CopyInfo, CopyUpload } from './immigration';
import { FileResult } from './system';

export const PERSON_ROLES = ['mediator', 'counsellor', 'asa_coach', 'teacher_school', 'teacher_language', 'ausbildungsberater', 'willkommenslotse', 'mentor', 'interpreter', 'other'] as const;
export const PARTNER_TYPES = ['operative', 'strategic'] as const;
export const MEASURE_TYPES = ['praktikum', 'eq', 'sprachkurs', 'asa_flex', 'berufsschule', 'ausbildung', 'zwischenpruefung', 'gp_teil1', 'gp_teil2', 'verlaengerung', 'ende'] as const;
export const MEASURE_STATUSES = ['planned', 'running', 'done', 'broken_off'] as const;
export const LANGUAGE_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export const CONFLICT_CATEGORIES = ['attendance', 'school', 'communication', 'language', 'safety', 'culture', 'pay_hours', 'residence', 'private', 'other'] as const;
export const RAISED_BY = ['firm', 'trainee', 'school', 'network', 'other'] as const;
export const STEP_KINDS = ['firm_talk', 'moderated', 'ausbildungsberater', 'schlichtung'] as const;
export const PARTICIPANT_ROLES = ['firm', 'trainee', 'mediator', 'interpreter', 'school', 'chamber', 'other'] as const;
export const VIEW_SIDES = ['firm', 'trainee'] as const;
export const AGREEMENT_STATUSES = ['open', 'done', 'not_kept'] as const;
export const OUTCOMES = ['resolved', 'partly', 'escalated', 'termination_agreement', 'dismissal', 'change_of_firm', 'settlement', 'ruling'] as const;
/** Outcomes that end the training: the UI leads into the end-of-training flow (notice to the Ausländerbehörde). */
export const ENDING_OUTCOMES: readonly Outcome[] = ['termination_agreement', 'dismissal', 'change_of_firm'];
export const DATA_CATEGORIES = ['master_data', 'training_plan', 'training_record', 'learning_tasks', 'residence', 'document_copies', 'moderation_log', 'counselling_notes', 'competences'] as const;
export const CONSENT_FORMS = ['paper_scan', 'electronic'] as const;
export const COMPETENCE_SOURCES = ['country', 'work', 'route', 'other'] as const;
export const COMPETENCE_PROOFS = ['practical_trial', 'certificate', 'own_account'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export type DataCategory = (typeof DATA_CATEGORIES)[number];

const meta = { id, uuid: z.string(), createdAt: z.string(), updatedAt: z.string() };
const traineeId = id;
/** id present: update; absent: create. */
const optId = id.optional();

// People ---------------------------------------------------------------------------------------------------
const personFields = {
  name: text(200),
  role: z.enum(PERSON_ROLES),
  contactId: id.nullish().transform((v) => v ?? null),
  partnerType: z.enum(PARTNER_TYPES).nullish().transform((v) => v ?? null),
  since: optDate,
  until: optDate,
  phone: optText(50),
  email: optEmail,
  reach: optText(500),
};
export const PersonInput = z.object({ id: optId, traineeId, ...personFields }).strict().superRefine(orderedDates('since', 'until'));
export const Person = z.object({ ...meta, traineeId, name: z.string(), role: z.enum(PERSON_ROLES), contactId: z.number().nullable(), organisation: z.string().nullable(),
  partnerType: z.enum(PARTNER_TYPES).nullable(), since: z.string().nullable(), until: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable(), reach: z.string().nullable() });
export type Person = z.infer<typeof Person>;

// Measures -------------------------------------------------------------------------------------------------
export const MeasureInput = z
  .object({
    id: optId,
    traineeId,
    type: z.enum(MEASURE_TYPES),
    title: optText(200),
    provider: optText(200),
    contactId: id.nullish().transform((v) => v ?? null),
    startOn: isoDate,
    endOn: optDate,
    status: z.enum(MEASURE_STATUSES),
    level: z.enum(LANGUAGE_LEVELS).nullish().transform((v) => v ?? null),
    hours: z.number().int().min(1).max(10000).nullish().transform((v) => v ?? null),
    nextStep: optText(500),
  })
  .strict()
  .superRefine(orderedDates('startOn', 'endOn'))
  .superRefine((v, ctx) => {
    // EQ: 4 to 12 months (§ 54a SGB III).
    if (v.type === 'eq' && v.endOn) {
      const months = monthsBetween(v.startOn, v.endOn);
      if (months < 4 || months > 12) ctx.addIssue({ code: 'custom', path: ['endOn'], params: { key: 'eq_duration' } });
    }
  });
export const Measure = z.object({ ...meta, traineeId, type: z.enum(MEASURE_TYPES), title: z.string().nullable(), provider: z.string().nullable(), contactId: z.number().nullable(),
  startOn: z.string(), endOn: z.string().nullable(), status: z.enum(MEASURE_STATUSES), level: z.enum(LANGUAGE_LEVELS).nullable(), hours: z.number().nullable(),
  nextStep: z.string().nullable(), gap: z.boolean() });
export type Measure = z.infer<typeof Measure>;

/** Whole months from a to b, counting a last partial month that reaches the day before the start day as full (1.8. → 30.11. = 4). */
export function monthsBetween(a: string, b: string): number {
  const [ya, ma, da] = a.split('-').map(Number) as [number, number, number];
  const [yb, mb, db] = b.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(yb, mb - 1, db));
  next.setUTCDate(next.getUTCDate() + 1);
  let m = (next.getUTCFullYear() - ya) * 12 + (next.getUTCMonth() + 1 - ma);
  if (next.getUTCDate() < da) m -= 1;
  return m;
}

// Conflict moderation --------------------------------------------------------------------------------------
export const CaseInput = z
  .object({
    id: optId,
    traineeId,
    category: z.enum(CONFLICT_CATEGORIES),
    occasion: text(2000),
    raisedBy: z.enum(RAISED_BY),
    raisedOn: isoDate,
    earlierWarnings: longText(5000),
    outcome: z.enum(OUTCOMES).nullish().transform((v) => v ?? null),
    outcomeNote: longText(5000),
    closedOn: optDate,
  })
  .strict()
  .superRefine(orderedDates('raisedOn', 'closedOn'));
const Participant = z
  .object({ name: text(200), role: z.enum(PARTICIPANT_ROLES), language: optText(50) })
  .strict()
  .refine((p) => p.role !== 'interpreter' || p.language !== null, { path: ['language'], params: { key: 'interpreter_language' } });
export const StepInput = z
  .object({
    id: optId,
    caseId: id,
    kind: z.enum(STEP_KINDS),
    heldOn: isoDate,
    place: optText(200),
    participants: z.array(Participant).max(30),
    facts: longText(10000),
    summaryTo: optText(500),
  })
  .strict();
export const ViewInput = z.object({ stepId: id, side: z.enum(VIEW_SIDES), text: text(10000), confirmedOn: optDate }).strict();
export const AgreementInput = z
  .object({ id: optId, stepId: id, what: text(2000), who: text(200), dueOn: isoDate, reviewOn: optDate, status: z.enum(AGREEMENT_STATUSES).default('open') })
  .strict();
const View = z.object({ ...meta, stepId: z.number(), side: z.enum(VIEW_SIDES), text: z.string(), confirmedOn: z.string().nullable() });
const Agreement = z.object({ ...meta, stepId: z.number(), what: z.string(), who: z.string(), dueOn: z.string(), reviewOn: z.string().nullable(), status: z.enum(AGREEMENT_STATUSES) });
const Step = z.object({ ...meta, caseId: z.number(), kind: z.enum(STEP_KINDS), heldOn: z.string(), place: z.string().nullable(),
  participants: z.array(z.object({ name: z.string(), role: z.enum(PARTICIPANT_ROLES), language: z.string().nullable() })), facts: z.string().nullable(), summaryTo: z.string().nullable(),
  views: z.array(View), agreements: z.array(Agreement) });
export const ConflictCase = z.object({ ...meta, traineeId, category: z.enum(CONFLICT_CATEGORIES), occasion: z.string(), raisedBy: z.enum(RAISED_BY), raisedOn: z.string(),
  earlierWarnings: z.string().nullable(), outcome: z.enum(OUTCOMES).nullable(), outcomeNote: z.string().nullable(), closedOn: z.string().nullable(), endsTraining: z.boolean(), steps: z.array(Step) });
export type ConflictCase = z.infer<typeof ConflictCase>;
export type ConflictStep = z.infer<typeof Step>;

// Consent --------------------------------------------------------------------------------------------------
export const ConsentTextInput = z.object({ id: optId, title: text(200), body: text(20000) }).strict();
export const ConsentText = z.object({ ...meta, family: z.string(), version: z.number(), title: z.string(), body: z.string(), used: z.boolean() });
export type ConsentText = z.infer<typeof ConsentText>;
const categories = z
  .array(z.enum(DATA_CATEGORIES))
  .max(DATA_CATEGORIES.length)
  .refine((c) => c.length > 0, { params: { key: 'category_required' } })
  .refine((c) => new Set(c).size === c.length, { params: { key: 'duplicate_category' } });
export const ConsentInput = z
  .object({
    id: optId,
    traineeId,
    textId: id,
    personId: id.nullish().transform((v) => v ?? null),
    contactId: id.nullish().transform((v) => v ?? null),
    purpose: text(1000),
    categories,
    givenOn: isoDate,
    form: z.enum(CONSENT_FORMS),
    validUntil: optDate,
  })
  .strict()
  .superRefine(orderedDates('givenOn', 'validUntil'))
  .superRefine((v, ctx) => {
    if ((v.personId === null) === (v.contactId === null)) ctx.addIssue({ code: 'custom', path: ['personId'], params: { key: 'consent_recipient' } });
  });
export const Consent = z.object({ ...meta, traineeId, textId: z.number(), textVersion: z.number(), textTitle: z.string(), personId: z.number().nullable(), contactId: z.number().nullable(),
  recipient: z.string(), purpose: z.string(), categories: z.array(z.enum(DATA_CATEGORIES)), givenOn: z.string(), form: z.enum(CONSENT_FORMS), validUntil: z.string().nullable(),
  revokedOn: z.string().nullable(), scan: CopyInfo.nullable() });
export type Consent = z.infer<typeof Consent>;
export const DisclosureInput = z
  .object({ consentId: id, disclosedOn: isoDate, categories, sha256: z.string().refine((v) => /^[0-9a-f]{64}$/.test(v), { params: { key: 'invalid_checksum' } }).nullish().transform((v) => v ?? null), note: optText(500) })
  .strict();
export const Disclosure = z.object({ ...meta, traineeId, consentId: z.number(), disclosedOn: z.string(), recipient: z.string(), categories: z.array(z.enum(DATA_CATEGORIES)), sha256: z.string().nullable(), note: z.string().nullable() });
export type Disclosure = z.infer<typeof Disclosure>;

// Notes and competences ------------------------------------------------------------------------------------
export const NoteInput = z.object({ id: optId, traineeId, notedOn: isoDate, author: text(200), topic: text(200), body: text(20000), confidential: z.boolean() }).strict();
export const Note = z.object({ ...meta, traineeId, notedOn: z.string(), author: z.string(), topic: z.string(), body: z.string(), confidential: z.boolean() });
export const CompetenceInput = z
  .object({ id: optId, traineeId, what: text(500), source: z.enum(COMPETENCE_SOURCES), where: optText(300), proof: z.enum(COMPETENCE_PROOFS), planPositions: z.array(text(50)).max(30) })
  .strict();
export const Competence = z.object({ ...meta, traineeId, what: z.string(), source: z.enum(COMPETENCE_SOURCES), where: z.string().nullable(), proof: z.enum(COMPETENCE_PROOFS), planPositions: z.array(z.string()) });
export type Competence = z.infer<typeof Competence>;

// Overview and dashboard -----------------------------------------------------------------------------------
export const NetworkOverview = z.object({
  people: z.array(Person),
  measures: z.array(Measure),
  cases: z.array(ConflictCase),
  consents: z.array(Consent),
  disclosures: z.array(Disclosure),
  notes: z.array(Note),
  competences: z.array(Competence),
});
export type NetworkOverview = z.infer<typeof NetworkOverview>;
const who = { traineeId: z.number(), firstName: z.string(), lastName: z.string() };
export const NetworkDashboard = z.object({
  gaps: z.array(z.object({ ...who, measureId: z.number(), type: z.enum(MEASURE_TYPES), endOn: z.string() })),
  agreements: z.array(z.object({ ...who, agreementId: z.number(), caseId: z.number(), what: z.string(), responsible: z.string(), date: z.string(), dateKind: z.enum(['due', 'review']) })),
  consents: z.array(z.object({ ...who, consentId: z.number(), recipient: z.string(), validUntil: z.string() })),
});
export type NetworkDashboard = z.infer<typeof NetworkDashboard>;

const ok = z.object({ deleted: z.literal(true) });
export const RETENTION_CATEGORIES = ['moderation', 'counselling_notes'] as const;
export type RetentionCategory = (typeof RETENTION_CATEGORIES)[number];
/** Retention periods that are a setting: whole years, 1 to 10. */
const retentionYear = z.number().int().min(1).max(10);
export const RetentionYears = z.object({ moderation: retentionYear, counselling_notes: retentionYear }).strict();
export type RetentionYears = z.infer<typeof RetentionYears>;
const loc = z.object({ de: z.string(), en: z.string() });
export const RetentionRules = z.object({
  rules: z.array(z.object({ id: z.string(), what: loc, keep: loc, source: z.string(), uncertain: z.boolean() })),
  years: RetentionYears,
  defaults: RetentionYears,
});
export type RetentionRules = z.infer<typeof RetentionRules>;
const byId = z.object({ id }).strict();
export const networkContract = {
  'network.overview': { input: z.object({ traineeId }).strict(), output: NetworkOverview },
  'network.dashboard': { input: z.object({}).strict(), output: NetworkDashboard },
  'network.savePerson': { input: PersonInput, output: Person },
  'network.deletePerson': { input: byId, output: ok },
  'network.saveMeasure': { input: MeasureInput, output: Measure },
  'network.deleteMeasure': { input: byId, output: ok },
  'network.saveCase': { input: CaseInput, output: ConflictCase },
  'network.deleteCase': { input: byId, output: ok },
  'network.saveStep': { input: StepInput, output: ConflictCase },
  'network.saveView': { input: ViewInput, output: ConflictCase },
  'network.saveAgreement': { input: AgreementInput, output: ConflictCase },
  'network.consentTexts': { input: z.object({}).strict(), output: z.array(ConsentText) },
  /** Creates a text, or changes one nobody has consented to yet. */
  'network.saveConsentText': { input: ConsentTextInput, output: ConsentText },
  /** A new version of a text (the old one stays as it was). */
  'network.newConsentTextVersion': { input: z.object({ id, title: text(200), body: text(20000) }).strict(), output: ConsentText },
  'network.saveConsent': { input: ConsentInput, output: Consent },
  'network.revokeConsent': { input: z.object({ id, revokedOn: isoDate }).strict(), output: Consent },
  /** The scan of a consent given on signed paper (replaces an earlier scan). */
  'network.attachConsentScan': { input: z.object({ consentId: id, copy: CopyUpload }).strict(), output: Consent },
  'network.consentScan': { input: z.object({ consentId: id }).strict(), output: FileResult },
  'network.recordDisclosure': { input: DisclosureInput, output: Disclosure },
  'network.saveNote': { input: NoteInput, output: Note },
  'network.deleteNote': { input: byId, output: ok },
  'network.saveCompetence': { input: CompetenceInput, output: Competence },
  'network.deleteCompetence': { input: byId, output: ok },
  /** Per trainee and category, how many records are past their retention period (resources/network/retention.json). */
  'network.dueForDeletion': { input: z.object({}).strict(), output: z.array(z.object({ traineeId: z.number(), firstName: z.string(), lastName: z.string(), category: z.enum(RETENTION_CATEGORIES), count: z.number() })) },
  /** The retention rules with their source, and the periods in force (settings, default from the rules file). */
  'network.retention': { input: z.object({}).strict(), output: RetentionRules },
  'network.saveRetention': { input: RetentionYears, output: RetentionRules },
  /** What was deleted after its retention period: when, whose, which category and how many — never the content. */
  'network.deletionLog': { input: z.object({}).strict(), output: z.array(z.object({ id: z.number(), traineeId: z.number(), firstName: z.string(), lastName: z.string(), category: z.enum(RETENTION_CATEGORIES), count: z.number(), deletedAt: z.string() })) },
  'network.deleteDue': { input: z.object({ traineeId: id, category: z.enum(RETENTION_CATEGORIES) }).strict(), output: z.object({ deleted: z.number() }) },
} as const;
