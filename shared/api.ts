// The whole API: every domain's contract merged. The preload's allow-list, the HTTP router and the
// renderer's typed client are all derived from this one object.
import type { z } from 'zod';
import { calendarContract } from './calendar';
import { casefileContract } from './casefile';
import { contactsContract } from './contacts';
import { exportsContract } from './exports';
import { firmContract } from './firm';
import { glossaryContract } from './glossary';
import { tasksContract } from './tasks';
import { immigrationContract } from './immigration';
import { nachweisContract } from './nachweis';
import { networkContract } from './network';
import { occupationsContract, planContract } from './plan';
import { systemContract } from './system';
import { todayContract } from './today';
import { traineesContract } from './trainees';

export interface CallContract {
  input: z.ZodType;
  output: z.ZodType;
}

export const contracts = {
  ...systemContract,
  ...firmContract,
  ...traineesContract,
  ...exportsContract,
  ...immigrationContract,
  ...calendarContract,
  ...contactsContract,
  ...occupationsContract,
  ...planContract,
  ...nachweisContract,
  ...glossaryContract,
  ...tasksContract,
  ...todayContract,
  ...networkContract,
  ...casefileContract,
} satisfies Record<string, CallContract>;

export type Contracts = typeof contracts;
export type CallName = keyof Contracts;
export type CallInput<K extends CallName> = z.input<Contracts[K]['input']>;
export type CallOutput<K extends CallName> = z.output<Contracts[K]['output']>;
export const CALL_NAMES = Object.keys(contracts) as CallName[];
export const isCallName = (s: unknown): s is CallName => typeof s === 'string' && Object.hasOwn(contracts, s);
