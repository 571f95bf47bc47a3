import { z } from 'zod';
import { empty, id, optEmail, optText, text } from './common';

export const Trainer = z.object({
  id: id.optional(),
  name: text(200),
  role: optText(200),
  aevo: z.boolean(),
}).strict();

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
  trainers: z.array(z.object({ id, name: z.string(), role: z.string().nullable(), aevo: z.boolean() })),
});
export type Firm = z.infer<typeof Firm>;

export const firmContract = {
  'firm.get': { input: empty, output: Firm.nullable() },
  'firm.save': { input: FirmInput, output: Firm },
} as const;
