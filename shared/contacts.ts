// The address book of the institutions around the trainees (authorities, chamber, school, support).
// Letters to an authority take the recipient's address from here.
import { z } from 'zod';
import { id, optEmail, optText, text } from './common';

export const CONTACT_KINDS = [
  'auslaenderbehoerde',
  'agentur_fuer_arbeit',
  'handwerkskammer',
  'berufsschule',
  'asa_flex',
  'sprachkurs',
  'beratung',
  'sonstige',
] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

const contactFields = {
  kind: z.enum(CONTACT_KINDS),
  organisation: text(200),
  department: optText(200),
  person: optText(200),
  phone: optText(50),
  email: optEmail,
  street: optText(200),
  zip: optText(10).refine((v) => v === null || /^[0-9A-Za-z -]{3,10}$/.test(v), { params: { key: 'invalid_zip' } }),
  city: optText(100),
  notes: optText(1000, { multiline: true }),
};

export const ContactInput = z.object(contactFields).strict();
export type ContactInput = z.input<typeof ContactInput>;
export const ContactUpdate = z.object({ id, ...contactFields }).strict();

export const Contact = z.object({
  id,
  kind: z.enum(CONTACT_KINDS),
  organisation: z.string(),
  department: z.string().nullable(),
  person: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  street: z.string().nullable(),
  zip: z.string().nullable(),
  city: z.string().nullable(),
  notes: z.string().nullable(),
  /** Trainees this institution is linked to. */
  traineeIds: z.array(z.number()),
});
export type Contact = z.infer<typeof Contact>;

export const contactsContract = {
  'contacts.list': { input: z.object({ traineeId: id.optional() }).strict(), output: z.array(Contact) },
  'contacts.create': { input: ContactInput, output: Contact },
  'contacts.update': { input: ContactUpdate, output: Contact },
  'contacts.delete': { input: z.object({ id }).strict(), output: z.object({ deleted: z.literal(true) }) },
  /** Sets which institutions belong to a trainee (replaces the previous links). */
  'contacts.setForTrainee': {
    input: z
      .object({ traineeId: id, contactIds: z.array(id).max(100) })
      .strict()
      .refine((v) => new Set(v.contactIds).size === v.contactIds.length, { path: ['contactIds'], params: { key: 'duplicate_contact' } }),
    output: z.array(Contact),
  },
} as const;
