// One handler registry for every transport (Electron IPC, HTTP in browser mode, tests).
// invoke() validates the input with the call's zod contract, runs the handler, checks the output, and always
// answers with an envelope: { ok: true, data } or { ok: false, error }. Nothing throws across a transport.
// No envelope carries SQL, a file path or a stack trace: an unexpected error gets a generic message (its cause is
// logged), and an AppError whose text would show such internals has that text replaced.
import type { z } from 'zod';
import { contracts, isCallName, type CallName, type CallOutput, type Contracts } from '../../../shared/api';
import { toFieldIssues, type ApiErrorBody, type Envelope } from '../../../shared/errors';
import { AppError } from '../errors';
import type { JobRunner } from '../jobs/runner';
import type { Store } from '../store/db';

export interface Context {
  /** The open workspace (a new object after a restore). */
  readonly store: Store;
  jobs: JobRunner;
  transport: 'ipc' | 'http';
  appVersion: string;
  now: () => Date;
  /** Verifies a backup file, keeps the current state as a backup, swaps the workspace and reopens it. */
  restore: (from: string) => Promise<{ restoredFrom: string; previous: string | null; withFiles: boolean }>;
}

export type Handler<K extends CallName> = (input: z.output<Contracts[K]['input']>, ctx: Context) => CallOutput<K> | Promise<CallOutput<K>>;
export type HandlerMap<K extends CallName> = { [P in K]: Handler<P> };

/** Declares the handlers of one domain; `K` is the set of call names of that domain's contract. */
export const defineHandlers = <C extends Record<string, unknown>>(h: HandlerMap<Extract<keyof C, CallName>>) => h;

export const INTERNAL_MESSAGE = 'An unexpected error occurred; your data was not changed. The details were written to the log.';

/** File paths (POSIX, Windows, UNC), SQL and SQLite messages, stack frames: what no user-visible error may show. */
const INTERNALS = [
  /(^|[\s'"(=:])(\/[^\s/'"]+){2,}/,
  /\b[A-Za-z]:\\/,
  /\\\\[^\s\\]+\\/,
  /\bSQLITE_|\bsqlite|constraint failed|no such (table|column|index|trigger)|near "[^"]*": syntax error/i,
  /\b(SELECT|INSERT INTO|UPDATE|DELETE FROM|CREATE|DROP|ALTER|PRAGMA)\b[\s\S]*\b(FROM|VALUES|SET|WHERE|TABLE|INDEX|TRIGGER)\b/,
  /^\s+at .+(:\d+:\d+\)?|\(native\))$/m,
];
export const showsInternals = (s: string) => INTERNALS.some((r) => r.test(s));

/** The envelope's error for an AppError, without internals: such a message or parameter is replaced, the cause logged. */
function appErrorBody(e: AppError, name: string, log: (msg: string, e: unknown) => void): ApiErrorBody {
  // The job worker hands unexpected errors over as AppError('internal', <the original message>).
  const leaks = e.code === 'internal' || showsInternals(e.message);
  const params = Object.fromEntries(Object.entries(e.params).filter(([, v]) => typeof v !== 'string' || !showsInternals(v)));
  if (leaks || Object.keys(params).length !== Object.keys(e.params).length) log(`call ${name} failed (${e.code})`, e);
  return {
    code: e.code,
    message: e.code === 'internal' ? INTERNAL_MESSAGE : leaks ? `The call failed (${e.code}); the details were written to the log.` : e.message,
    params,
    ...(e.issues ? { issues: e.issues } : {}),
  };
}

export interface Registry {
  invoke(name: unknown, input: unknown): Promise<Envelope<unknown>>;
  context: Context;
}

/**
 * `afterWrite` runs after a call that changed the workspace (counted with SQLite's total_changes() on the core's
 * connection), outside its transaction and before the answer goes out: core/hooks.ts afterCommit.
 * `beforeCall` runs before each handler (the core uses it to settle ends of training recorded in advance).
 */
export function createRegistry(
  handlers: HandlerMap<CallName>,
  context: Context,
  log: (msg: string, e: unknown) => void = console.error,
  afterWrite?: (context: Context) => void,
  beforeCall: () => void = () => {},
): Registry {
  const changes = () => context.store.db.prepare('SELECT total_changes()').pluck().get() as number;
  return {
    context,
    async invoke(name, input) {
      if (!isCallName(name)) return { ok: false, error: { code: 'unknown_call', message: `Unknown call ${String(name)}`, params: { name: String(name) } } };
      const contract = contracts[name];
      const parsed = contract.input.safeParse(input ?? {});
      if (!parsed.success) {
        const issues = toFieldIssues(parsed.error.issues, input);
        return { ok: false, error: { code: 'validation', message: `Invalid input for ${name}: ${JSON.stringify(issues)}`, issues } };
      }
      try {
        beforeCall();
        const handler = handlers[name] as (i: unknown, c: Context) => unknown;
        const changesBefore = afterWrite ? changes() : 0;
        const result = await handler(parsed.data, context);
        if (afterWrite && changes() !== changesBefore) afterWrite(context);
        const out = contract.output.safeParse(result);
        if (!out.success) {
          log(`output of ${name} does not match its contract`, out.error);
          return { ok: false, error: { code: 'internal', message: `Output of ${name} does not match its contract` } };
        }
        return { ok: true, data: out.data };
      } catch (e) {
        if (e instanceof AppError) return { ok: false, error: appErrorBody(e, name, log) };
        log(`call ${name} failed`, e);
        return { ok: false, error: { code: 'internal', message: INTERNAL_MESSAGE } };
      }
    },
  };
}
