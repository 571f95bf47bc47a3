// Case files for network mediators (issue 12): the .wbfall format's manifest and data schemas (checked with zod
// when a file is opened) and the API calls of the firm (export, import a reply) and the mediator (open, sessions,
// reply). The format itself: electron/core/casefile/format.ts.
import { z } from 'zod';
import { id, isoDate, longText, optDate, optText, text, userText } from './common';
import { AGREEMENT_STATUSES, CONFLICT_CATEGORIES, DATA_CATEGORIES, OUTCOMES, PARTICIPANT_ROLES, RAISED_BY, STEP_KINDS, VIEW_SIDES } from './network';
import { FileResult } from './system';

export const CASEFILE_FORMAT = 'werkbruecke-fallakte';
export const CASEFILE_VERSION = 1;
export const CASEFILE_EXTENSION = '.wbfall';
export const KEYFILE_FORMAT = 'werkbruecke-schluessel';
export const CASEFILE_KINDS = ['case', 'reply'] as const;

const b64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/).max(200);
const sha = z.string().regex(/^[0-9a-f]{64}$/);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const str = (max = 20000) => z.string().max(max);
const nstr = (max = 20000) => z.string().max(max).nullable();
const cats = z.array(z.enum(DATA_CATEGORIES)).max(DATA_CATEGORIES.length);

/** A workspace's public keys, as in a key file and in a manifest. */
export const PublicKeys = z
  .object({ name: str(200), signingKey: b64, ageRecipient: z.string().regex(/^age1[02-9ac-hj-np-z]{58}$/), fingerprint: z.string().max(64) })
  .strict();
export type PublicKeys = z.infer<typeof PublicKeys>;
export const KeyFile = z.object({ format: z.literal(KEYFILE_FORMAT), version: z.literal(1), keys: PublicKeys }).strict();

export const ManifestEntry = z.object({ name: str(200), size: z.number().int().min(0), sha256: sha }).strict();
export const Manifest = z
  .object({
    format: z.literal(CASEFILE_FORMAT),
    formatVersion: z.literal(CASEFILE_VERSION),
    kind: z.enum(CASEFILE_KINDS),
    uuid: z.uuid(),
    created: z.iso.datetime(),
    sender: PublicKeys,
    recipient: z.object({ name: str(400), fingerprint: z.string().max(64).nullable() }).strict(),
    /** The person the file is about: full name with master data, initials otherwise. */
    subject: str(400),
    purpose: str(1000),
    consent: z.object({ uuid: z.uuid(), textVersion: z.number().int().min(1), givenOn: day, validUntil: day.nullable(), revokedOn: day.nullable() }).strict(),
    included: cats,
    withheld: cats,
    period: z.object({ from: day, to: day }).strict(),
    deleteBy: day,
    /** A reply: the case file it answers. */
    replyTo: z.uuid().nullable(),
    entries: z.array(ManifestEntry).max(2000),
  })
  .strict();
export type Manifest = z.infer<typeof Manifest>;

// data/*.json: each { schema, version, items }, one per category (an allow-list of columns, see core/casefile/content.ts).
const dataFile = <T extends z.ZodType>(schema: string, item: T) => z.object({ schema: z.literal(schema), version: z.literal(1), items: z.array(item).max(100000) }).strict();
const ModerationAgreement = z.object({ uuid: z.uuid(), what: str(), who: str(), dueOn: day, reviewOn: day.nullable(), status: z.enum(AGREEMENT_STATUSES) }).strict();
const ModerationView = z.object({ uuid: z.uuid(), side: z.enum(VIEW_SIDES), text: str(), confirmedOn: day.nullable() }).strict();
const ModerationStep = z
  .object({
    uuid: z.uuid(), kind: z.enum(STEP_KINDS), heldOn: day, place: nstr(), facts: nstr(), summaryTo: nstr(), byMediator: z.boolean(),
    participants: z.array(z.object({ name: str(), role: z.enum(PARTICIPANT_ROLES), language: nstr() }).strict()).max(30),
    views: z.array(ModerationView).max(2), agreements: z.array(ModerationAgreement).max(1000),
  })
  .strict();
export const ModerationCase = z
  .object({
    uuid: z.uuid(), category: z.enum(CONFLICT_CATEGORIES), occasion: str(), raisedBy: z.enum(RAISED_BY), raisedOn: day, earlierWarnings: nstr(),
    outcome: z.enum(OUTCOMES).nullable(), outcomeNote: nstr(), closedOn: day.nullable(), steps: z.array(ModerationStep).max(1000),
  })
  .strict();
export type ModerationCase = z.infer<typeof ModerationCase>;
export const DATA_FILES = {
  'data/master.json': dataFile('master_data', z.object({ firstName: str(), lastName: str(), dateOfBirth: nstr(), nationality: nstr(), firstLanguages: z.array(str(20)), otherLanguages: z.array(str(20)), germanLevel: nstr(), occupationId: str(), contractStart: day, contractEndPlanned: day }).strict()),
  'data/records.json': dataFile('training_record', z.object({ periodFrom: day, periodTo: day, mode: str(), content: str(200000), traineeSigned: z.boolean(), trainerSigned: z.boolean() }).strict()),
  'data/documents.json': dataFile('residence', z.object({ type: str(), validUntil: nstr(), workNote: nstr(), renewalAppliedOn: nstr(), current: z.boolean(), copy: nstr() }).strict()),
  'data/moderation.json': dataFile('moderation_log', ModerationCase),
  'data/notes.json': dataFile('counselling_notes', z.object({ notedOn: day, author: str(), topic: str(), body: str() }).strict()),
  'data/competences.json': dataFile('competences', z.object({ what: str(), source: str(), where: nstr(), proof: str(), planPositions: z.array(str()) }).strict()),
  'data/tasks.json': dataFile('learning_tasks', z.object({ title: str(), cefrLevel: str(), assignedOn: nstr(), dueBy: nstr(), status: str(), doneOn: nstr() }).strict()),
  'data/reply.json': dataFile('reply', z.object({ uuid: z.uuid(), conflictCaseUuid: z.uuid(), heldOn: day, place: nstr(), notes: str(), firmView: nstr(), traineeView: nstr(), agreements: z.array(ModerationAgreement).max(1000) }).strict()),
} as const;
export type DataFileName = keyof typeof DATA_FILES;

// API ------------------------------------------------------------------------------------------------------
export const PASSPHRASE_MIN = 20;
const passphrase = userText().min(1).max(500);
/** A key file's JSON text (the core parses and checks it). */
const keyFileText = userText({ multiline: true }).min(1).max(5000);
/** A file's bytes as base64 (the core checks them as a case file). */
const fileBase64 = (max: number) => z.string().max(max).refine((v) => v.length > 0 && v.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(v), { params: { key: 'file_unreadable' } });
export const Encryption = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('passphrase'), passphrase: userText().max(500).refine((p) => p.trim().length >= PASSPHRASE_MIN, { params: { key: 'passphrase_too_short', min: PASSPHRASE_MIN } }) }).strict(),
  /** The recipient's key file (JSON text). */
  z.object({ mode: z.literal('recipient'), keyFile: keyFileText }).strict(),
]);
export type Encryption = z.infer<typeof Encryption>;
export const EXPORT_PARTS = ['pdfs', 'recordPdf', 'progressPdf', 'copies'] as const;
export const ExportInput = z
  .object({
    traineeId: id,
    consentId: id,
    from: isoDate,
    to: isoDate,
    /** Subset of the consent's categories; default all of them. */
    categories: z.array(z.enum(DATA_CATEGORIES)).max(DATA_CATEGORIES.length).optional(),
    /** Moderation cases to include (default: all in the period). */
    caseIds: z.array(id).max(200).optional(),
    /** Also put the PDFs (protocol, training record, progress) in the file. */
    pdfs: z.boolean().default(true),
    /** 'pdf': a password-protected PDF summary (AES-256) for a recipient without Werkbrücke; needs a passphrase. */
    format: z.enum(['wbfall', 'pdf']).default('wbfall'),
    deleteBy: optDate,
    encryption: Encryption,
  })
  .strict()
  .refine((v) => v.from <= v.to, { path: ['to'], params: { key: 'end_before_start' } });
export type ExportInput = z.input<typeof ExportInput>;

export const CasefileSummary = z.object({ manifest: Manifest, entries: z.array(z.object({ name: z.string(), size: z.number() })) });
export const OpenInput = z.object({ base64: fileBase64(300_000_000), passphrase: passphrase.optional() }).strict();
export const SessionInput = z
  .object({
    id: id.optional(),
    sharedCaseId: id,
    conflictCaseUuid: z.uuid(),
    heldOn: isoDate,
    place: optText(200),
    notes: text(20000, { multiline: true }),
    firmView: longText(10000),
    traineeView: longText(10000),
    agreements: z.array(z.object({ what: text(2000), who: text(200), dueOn: isoDate, reviewOn: optDate }).strict()).max(50),
  })
  .strict();
export const MediatorSession = z.object({ id: z.number(), uuid: z.string(), conflictCaseUuid: z.string(), heldOn: z.string(), place: z.string().nullable(), notes: z.string(), firmView: z.string().nullable(), traineeView: z.string().nullable(),
  agreements: z.array(ModerationAgreement), createdAt: z.string(), updatedAt: z.string() });
export type MediatorSession = z.infer<typeof MediatorSession>;
export const SharedCase = z.object({
  id: z.number(), uuid: z.string(), firmName: z.string(), firmFingerprint: z.string(), subject: z.string(), recipient: z.string(), purpose: z.string(), consentUuid: z.string(), consentVersion: z.number(),
  included: z.array(z.enum(DATA_CATEGORIES)), withheld: z.array(z.enum(DATA_CATEGORIES)), periodFrom: z.string(), periodTo: z.string(), created: z.string(), deleteBy: z.string(), openedAt: z.string(),
});
export type SharedCase = z.infer<typeof SharedCase>;
export const SharedCaseDetail = SharedCase.extend({
  entries: z.array(z.object({ name: z.string(), size: z.number() })),
  /** The data files' contents (validated on open), keyed by entry name. */
  data: z.record(z.string(), z.unknown()),
  sessions: z.array(MediatorSession),
});
export const Removal = z.object({ uuid: z.string(), firmName: z.string(), subject: z.string(), deleteBy: z.string(), removedAt: z.string() });
export const ImportResult = z.object({ replyUuid: z.string(), alreadyImported: z.boolean(), sessions: z.number(), agreements: z.number(), mediator: z.string(), traineeId: z.number() });
export const ExportResultCasefile = FileResult.extend({ uuid: z.string(), disclosureId: z.number(), fingerprint: z.string().nullable(), deleteBy: z.string() });

export const casefileContract = {
  /** This workspace's public keys and fingerprint (keys are made at first use). */
  'casefile.keys': { input: z.object({}).strict(), output: PublicKeys },
  /** The public keys as a small file to give to the firm. */
  'casefile.keyFile': { input: z.object({}).strict(), output: FileResult },
  /** Reads a recipient's key file: who it is and its fingerprint, to compare on the phone. */
  'casefile.readKeyFile': { input: z.object({ keyFile: keyFileText }).strict(), output: PublicKeys },
  /** forPdf: four words and at most 32 characters (what every PDF viewer accepts). */
  'casefile.passphrase': { input: z.object({ forPdf: z.boolean().optional() }).strict(), output: z.object({ passphrase: z.string(), words: z.number(), bits: z.number() }) },
  'casefile.export': { input: ExportInput, output: ExportResultCasefile },
  /** Mediator: opens a case file (checks everything) and keeps the case. */
  'casefile.open': { input: OpenInput, output: z.object({ case: SharedCase, alreadyOpen: z.boolean() }) },
  /** Mediator: opens a .wbfall file the desktop app was started with (double-click; file association). */
  'casefile.openPath': { input: z.object({ path: text(4000), passphrase: passphrase.optional() }).strict(), output: z.object({ case: SharedCase, alreadyOpen: z.boolean() }) },
  /** Mediator: the shared cases; removes those whose delete-by date has passed and says which. */
  'casefile.cases': { input: z.object({}).strict(), output: z.object({ cases: z.array(SharedCase), removed: z.array(Removal) }) },
  'casefile.case': { input: z.object({ id }).strict(), output: SharedCaseDetail },
  /** Mediator: a PDF inside a shared case. */
  'casefile.document': { input: z.object({ id, name: text(200) }).strict(), output: FileResult },
  'casefile.saveSession': { input: SessionInput, output: MediatorSession },
  'casefile.reply': { input: z.object({ id }).strict(), output: FileResult.extend({ uuid: z.string(), sessions: z.number() }) },
  /** Firm: imports a mediator's reply into the moderation log. */
  'casefile.import': { input: z.object({ base64: fileBase64(50_000_000) }).strict(), output: ImportResult },
} as const;
