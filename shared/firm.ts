import { z } from 'zod';
import { empty, id, optEmail, optText, text } from './common';

export const Trainer = z.object({
  id: id.optional(),
  name: text(200),
  role: optText(200),
  aevo: z.boolean(),
}).strict();

/** Federal states (feiertagejs codes): whose public holidays the Ausbildungsnachweis marks. */
export const FEDERAL_STATES = ['BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH'] as const;
export type FederalState = (typeof FEDERAL_STATES)[number];
/** Legal forms a craft firm may have; the letter footer prints what each one must show. */
export const LEGAL_FORMS = ['einzelunternehmen', 'ek', 'gbr', 'ohg', 'kg', 'gmbh', 'ug', 'gmbh_co_kg', 'ag', 'sonstige'] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];
/** Forms that are entered in the commercial register (court and number belong on every business letter). */
export const REGISTERED_FORMS: readonly LegalForm[] = ['ek', 'ohg', 'kg', 'gmbh', 'ug', 'gmbh_co_kg', 'ag'];
/** Forms whose letters name the managing directors (§ 35a GmbHG; for the GmbH & Co. KG those of the GmbH). */
export const DIRECTOR_FORMS: readonly LegalForm[] = ['gmbh', 'ug', 'gmbh_co_kg'];
export const ADDRESS_FORMS = ['du', 'sie'] as const;
export type AddressForm = (typeof ADDRESS_FORMS)[number];

export const FirmInput = z.object({
  name: text(200),
  street: optText(200),
  zip: optText(10).refine((v) => v === null || /^[0-9A-Za-z -]{3,10}$/.test(v), { params: { key: 'invalid_zip' } }),
  city: optText(100),
  phone: optText(50),
  email: optEmail,
  betriebsnummer: optText(8).refine((v) => v === null || /^\d{8}$/.test(v), { params: { key: 'invalid_betriebsnummer' } }),
  chamber: optText(200),
  chamberMemberNo: optText(50),
  federalState: z.enum(FEDERAL_STATES).nullish().transform((v) => v ?? null),
  legalForm: z.enum(LEGAL_FORMS).nullish().transform((v) => v ?? null),
  /** The proprietor of a sole proprietorship ("Inhaber/in"). */
  owner: optText(200),
  registerCourt: optText(100),
  registerNumber: optText(50),
  /** Managing directors, one per line. */
  managingDirectors: optText(500, { multiline: true }),
  vatId: optText(20).refine((v) => v === null || /^DE ?\d{9}$/.test(v), { params: { key: 'invalid_vat_id' } }),
  nachweisSignatureLines: z.boolean().default(false),
  addressForm: z.enum(ADDRESS_FORMS).default('sie'),
  trainers: z.array(Trainer).max(50),
}).strict();
export type FirmInput = z.input<typeof FirmInput>;

export const Firm = z.object({
  name: z.string(),
  street: z.string().nullable(),
  zip: z.string().nullable(),
  city: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  betriebsnummer: z.string().nullable(),
  chamber: z.string().nullable(),
  chamberMemberNo: z.string().nullable(),
  federalState: z.enum(FEDERAL_STATES).nullable(),
  legalForm: z.enum(LEGAL_FORMS).nullable(),
  owner: z.string().nullable(),
  registerCourt: z.string().nullable(),
  registerNumber: z.string().nullable(),
  managingDirectors: z.string().nullable(),
  vatId: z.string().nullable(),
  nachweisSignatureLines: z.boolean(),
  addressForm: z.enum(ADDRESS_FORMS),
  trainers: z.array(z.object({ id, name: z.string(), role: z.string().nullable(), aevo: z.boolean() })),
});
export type Firm = z.infer<typeof Firm>;

export const firmContract = {
  'firm.get': { input: empty, output: Firm.nullable() },
  'firm.save': { input: FirmInput, output: Firm },
} as const;
