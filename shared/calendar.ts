// The deadlines' calendar file (issue 15): what an export changed, and the folder where the app keeps one
// calendar file up to date for a calendar that subscribes to it.
import { z } from 'zod';
import { empty, optText } from './common';

/** What an export changed compared with the one before (a download or the kept file, whichever came last). */
export const CalendarChanges = z.object({
  added: z.number().int().min(0),
  updated: z.number().int().min(0),
  /** Done or no longer applying since the export before: given out as cancelled. */
  cancelled: z.number().int().min(0),
  unchanged: z.number().int().min(0),
});
export type CalendarChanges = z.infer<typeof CalendarChanges>;

export const CalendarFolder = z.object({
  /** The folder chosen by the user; null: no file is kept. */
  folder: z.string().nullable(),
  /** The kept file and its file:// address (for subscribing in Thunderbird). */
  file: z.string().nullable(),
  fileUrl: z.string().nullable(),
  /** The chosen folder exists right now (a USB stick or network drive may be gone). */
  available: z.boolean(),
  /** The last time the app wrote the file, or failed to. */
  lastWrite: z
    .object({ at: z.string(), ok: z.boolean(), error: z.string().nullable(), changes: CalendarChanges.nullable() })
    .nullable(),
});
export type CalendarFolder = z.infer<typeof CalendarFolder>;

export const calendarContract = {
  'calendar.folder': { input: empty, output: CalendarFolder },
  /** Chooses the folder (an existing one, absolute path) and writes the file there at once; null stops keeping it. */
  'calendar.setFolder': {
    input: z.object({ folder: optText(1000) }).strict(),
    output: CalendarFolder,
  },
} as const;
