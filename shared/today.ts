// The start page's "Heute zu tun": what needs the supervisor's attention today, each with where it is resolved.
import { z } from 'zod';
import { empty } from './common';
import { Deadline, MayTrain } from './immigration';

const who = { traineeId: z.number(), name: z.string() };

export const TodoItem = z.discriminatedUnion('kind', [
  /** According to the recorded documents, training may not (or not clearly) go on today. */
  z.object({ kind: z.literal('may_not_train'), ...who, mayTrain: MayTrain }),
  /** A deadline that is overdue or due within the urgent window. */
  z.object({ kind: z.literal('deadline'), ...who, deadline: Deadline }),
  /** Weeks of the training record that are missing, or signed by the trainee and waiting for the trainer. */
  z.object({ kind: z.literal('weeks'), ...who, missing: z.number(), firstMissing: z.string().nullable(), waiting: z.number() }),
]);
export type TodoItem = z.infer<typeof TodoItem>;

export const TodayOverview = z.object({
  today: z.string(),
  items: z.array(TodoItem),
  /** For the navigation: open deadlines that are overdue or urgent, and trainees with missing or waiting weeks. */
  counts: z.object({ deadlines: z.number(), nachweise: z.number() }),
  /** Trainees with at least one item (the trainee list marks them). */
  attention: z.array(z.number()),
});
export type TodayOverview = z.infer<typeof TodayOverview>;

export const todayContract = {
  'today.overview': { input: empty, output: TodayOverview },
} as const;
