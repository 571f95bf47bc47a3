// One handler registry for every transport (Electron IPC, HTTP in browser mode, tests).
// invoke() validates the input with the call's zod contract, runs the handler, checks the output, and always
// answers with an envelope: { ok: true, data } or { ok: false, error }. Nothing throws across a transport.
import type { z } from 'zod';
import { contracts, isCallName, type CallName, type CallOutput, type Contracts } from '../../../shared/api';
import { toFieldIssues, type Envelope } from '../../../shared/errors';
import { AppError } from '../errors';
import type { JobRunner } from '../jobs/runner';
import type { Store } from '../store/db';

export interface Context {
  store: Store;
  jobs: JobRunner;
  transport: 'ipc' | 'http';
  appVersion: string;
  now: () => Date;
}

export type Handler<K extends CallName> = (input: z.output<Contracts[K]['input']>, ctx: Context) => CallOutput<K> | Promise<CallOutput<K>>;
export type HandlerMap<K extends CallName> = { [P in K]: Handler<P> };

/** Declares the handlers of one domain; `K` is the set of call names of that domain's contract. */
export const defineHandlers = <C extends Record<string, unknown>>(h: HandlerMap<Extract<keyof C, CallName>>) => h;

export interface Registry {
  invoke(name: unknown, input: unknown): Promise<Envelope<unknown>>;
  context: Context;
}

/** `before` runs before each handler (the core uses it to settle ends of training recorded in advance). */
export function createRegistry(
  handlers: HandlerMap<CallName>,
  context: Context,
  log: (msg: string, e: unknown) => void = console.error,
  before: () => void = () => {},
): Registry {
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
        before();
        const handler = handlers[name] as (i: unknown, c: Context) => unknown;
        const result = await handler(parsed.data, context);
        const out = contract.output.safeParse(result);
        if (!out.success) {
          log(`output of ${name} does not match its contract`, out.error);
          return { ok: false, error: { code: 'internal', message: `Output of ${name} does not match its contract` } };
        }
        return { ok: true, data: out.data };
      } catch (e) {
        if (e instanceof AppError) {
          return { ok: false, error: { code: e.code, message: e.message, params: e.params, ...(e.issues ? { issues: e.issues } : {}) } };
        }
        log(`call ${name} failed`, e);
        return { ok: false, error: { code: 'internal', message: (e as Error)?.message ?? String(e) } };
      }
    },
  };
}
