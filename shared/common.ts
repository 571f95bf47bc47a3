// Building blocks for the zod contracts. Every message a user may see is an i18n key
// (see shared/errors.ts); the renderer translates it, the CLI prints the English text.
import { z } from 'zod';

/** Returns true when `s` is a real calendar date in ISO form (YYYY-MM-DD). */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1) return false;
  const dim = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= dim;
}

/** An ISO calendar date. A German date ("01.08.2026") or an impossible one ("2026-02-30") is refused. */
export const isoDate = z.string().refine(isIsoDate, { params: { key: 'invalid_date' } });

export const id = z.number().int().positive();

/** C0 and C1 control characters (tab, line feed and carriage return are decided by the field) and lone surrogates. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\p{Surrogate}/u;
const LINE_BREAK = /[\t\n\r\u2028\u2029]/;
/** Line breaks in the forms programs write them (CRLF, CR, Word's vertical tab, form feed, NEL, U+2028/2029). */
const ANY_LINE_BREAK = /\r\n|[\r\v\f\u0085\u2028\u2029]/g;

export interface TextOptions {
  /** A long text (notes, a week's activities): line breaks and tabs are allowed; every kind of line break becomes LF. */
  multiline?: boolean;
}

/**
 * A text stored before the text rule existed, made to pass it as a long text: line breaks become LF, other control
 * characters and lone surrogates are removed. Only for reading old data back, never for new input.
 */
export const scrubStoredText = (s: string) => s.replace(ANY_LINE_BREAK, '\n').replace(new RegExp(CONTROL.source, 'gu'), '');

/**
 * The one rule for every text a user types or imports: Unicode NFC, trimmed, no control characters (line breaks
 * and tabs only in multi-line texts; NUL, other C0/C1 controls and lone surrogates never), then the length check
 * (added by the caller with .min()/.max()). A refused text gets one translated field message.
 */
export const userText = (opts: TextOptions = {}) => {
  const base = z.string().normalize('NFC');
  return (opts.multiline ? base.overwrite((v) => v.replace(ANY_LINE_BREAK, '\n')) : base)
    .trim()
    .refine((v) => !CONTROL.test(v), { params: { key: 'control_character' }, abort: true })
    .refine((v) => opts.multiline === true || !LINE_BREAK.test(v), { params: { key: 'line_break' }, abort: true });
};

/** A required text: 1..max characters (single-line unless `multiline`). */
export const text = (max = 200, opts: TextOptions = {}) => userText(opts).min(1).max(max);
/** An optional text; empty strings become null. */
export const optText = (max = 200, opts: TextOptions = {}) =>
  userText(opts)
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
/** Long free text (notes): multi-line, up to 20,000 characters, empty becomes null. */
export const longText = (max = 20000) => optText(max, { multiline: true });
export const optEmail = userText()
  .max(254)
  .nullish()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), { params: { key: 'invalid_email' } });

export const optDate = isoDate.nullish().transform((v) => v ?? null);

export const empty = z.object({}).strict();

/** Adds an issue when `from` is after `to` (both optional). */
export function orderedDates<T extends Record<string, unknown>>(from: keyof T & string, to: keyof T & string, key = 'end_before_start') {
  return (v: T, ctx: z.RefinementCtx) => {
    const a = v[from];
    const b = v[to];
    if (typeof a === 'string' && typeof b === 'string' && b < a) {
      ctx.addIssue({ code: 'custom', path: [to], params: { key } });
    }
  };
}
