// The error envelope every transport returns. `code` and the issues' `key` are i18n keys under `errors.`.
import type { z } from 'zod';

export interface FieldIssue {
  path: (string | number)[];
  key: string;
  params?: Record<string, string | number>;
}

export interface ApiErrorBody {
  code: string;
  /** English text for logs and the CLI; the UI translates `code` instead. */
  message: string;
  params?: Record<string, string | number>;
  issues?: FieldIssue[];
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ApiErrorBody };

function valueAt(input: unknown, path: (string | number)[]): unknown {
  let v = input;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}

/** Maps zod issues to translatable field issues; `input` (what was sent) tells a missing value from a wrong one. */
export function toFieldIssues(issues: readonly z.core.$ZodIssue[], input?: unknown): FieldIssue[] {
  return issues.map((i) => {
    const path = i.path.filter((p): p is string | number => typeof p !== 'symbol');
    switch (i.code) {
      case 'too_small':
        if (i.origin === 'string' && Number(i.minimum) === 1) return { path, key: 'required' };
        return { path, key: `too_small_${i.origin === 'string' ? 'string' : i.origin === 'array' ? 'array' : 'number'}`, params: { min: Number(i.minimum) } };
      case 'too_big':
        return { path, key: `too_big_${i.origin === 'string' ? 'string' : i.origin === 'array' ? 'array' : 'number'}`, params: { max: Number(i.maximum) } };
      case 'invalid_type': {
        const v = valueAt(input, path);
        return { path, key: v === undefined || v === null || v === '' ? 'required' : 'invalid_type' };
      }
      case 'invalid_value':
        return { path, key: 'invalid_choice' };
      case 'invalid_format':
        return { path, key: 'invalid_format' };
      case 'unrecognized_keys':
        return { path, key: 'unknown_field', params: { fields: i.keys.join(', ') } };
      case 'custom': {
        const p = (i.params ?? {}) as Record<string, string | number>;
        const { key, ...rest } = p;
        return { path, key: typeof key === 'string' ? key : 'invalid', params: rest };
      }
      default:
        return { path, key: 'invalid' };
    }
  });
}
