// Errors the core raises on purpose. `code` is an i18n key under `errors.` (renderer/i18n/*/errors.ts);
// `message` is the English text for logs and the CLI.
import type { FieldIssue } from '../../shared/errors';

export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly params: Record<string, string | number> = {},
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string, id: number | string) =>
  new AppError('not_found', `${what} ${id} not found`, { what, id });

/** A validation problem found by the core (not by the zod contract), reported on one field. */
export const fieldError = (path: (string | number)[], key: string, message: string, params: Record<string, string | number> = {}) =>
  new AppError('validation', message, {}, [{ path, key, params }]);
