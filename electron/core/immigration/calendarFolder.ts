// One calendar file kept up to date in a folder the user chose, so that a calendar (Thunderbird: "On the Network",
// iCalendar, file:// address) can subscribe to it. Written after every call that changed the workspace
// (core/hooks.ts afterCommit) and when the core starts; atomically (temp file, flushed, renamed over the old one), and
// only when its content changed. Works the same in the desktop app and in browser mode: the core runs in Node.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CalendarChanges, CalendarFolder } from '../../../shared/calendar';
import { AppError, fieldError } from '../errors';
import { getSetting, setSetting } from '../settings';
import type { Store } from '../store/db';
import { exportCalendar } from './calendar';
import { writeFileAtomic } from './copies';

export const CALENDAR_FILE_NAME = 'Werkbruecke-Fristen.ics';
const FOLDER_KEY = 'calendar.folder';
const STATUS_KEY = 'calendar.lastWrite';

type LastWrite = NonNullable<CalendarFolder['lastWrite']>;

export function calendarFolder(store: Store): CalendarFolder {
  const folder = getSetting<string | null>(store.db, FOLDER_KEY, null);
  const file = folder ? path.join(folder, CALENDAR_FILE_NAME) : null;
  return {
    folder,
    file,
    fileUrl: file ? pathToFileURL(file).href : null,
    available: folder !== null && isFolder(folder),
    lastWrite: folder ? getSetting<LastWrite | null>(store.db, STATUS_KEY, null) : null,
  };
}

function isFolder(folder: string): boolean {
  try {
    return fs.statSync(folder).isDirectory();
  } catch {
    return false;
  }
}

/** Writes the file if its content changed; throws AppError when the folder is gone or cannot be written. */
function writeInto(store: Store, folder: string, now: Date): CalendarChanges {
  if (!isFolder(folder)) throw new AppError('calendar_folder_missing', `The calendar folder ${folder} does not exist (any more)`, { folder });
  const { text, changes } = exportCalendar(store.db, now);
  const file = path.join(folder, CALENDAR_FILE_NAME);
  const bytes = Buffer.from(text, 'utf8');
  let old: Buffer | null = null;
  try {
    old = fs.readFileSync(file);
  } catch {
    // not written yet
  }
  if (!old || !old.equals(bytes)) {
    try {
      writeFileAtomic(file, bytes);
    } catch (e) {
      throw new AppError('calendar_write_failed', `The calendar file ${file} could not be written: ${(e as Error).message}`, { file });
    }
  }
  return changes;
}

/** Chooses the folder (or none) and writes the file there at once, so a wrong folder is reported now. */
export function setCalendarFolder(store: Store, folder: string | null, now: Date): CalendarFolder {
  if (folder === null) {
    store.db.transaction(() => {
      setSetting(store.db, FOLDER_KEY, null);
      setSetting(store.db, STATUS_KEY, null);
    })();
    return calendarFolder(store);
  }
  if (!path.isAbsolute(folder)) throw fieldError(['folder'], 'folder_not_absolute', 'The folder must be a full path');
  try {
    const changes = writeInto(store, folder, now);
    store.db.transaction(() => {
      setSetting(store.db, FOLDER_KEY, folder);
      setSetting(store.db, STATUS_KEY, { at: now.toISOString(), ok: true, error: null, changes } satisfies LastWrite);
    })();
  } catch (e) {
    if (e instanceof AppError) throw fieldError(['folder'], e.code, e.message, e.params);
    throw e;
  }
  return calendarFolder(store);
}

/** Keeps the file up to date when a folder is chosen. Never throws: a failure is recorded and shown in the settings. */
export function syncCalendarFolder(store: Store, now: Date, log: (msg: string, e: unknown) => void = console.error): void {
  const folder = getSetting<string | null>(store.db, FOLDER_KEY, null);
  if (!folder) return;
  const before = getSetting<LastWrite | null>(store.db, STATUS_KEY, null);
  let status: LastWrite;
  try {
    const changes = writeInto(store, folder, now);
    if (before?.ok && changes.added + changes.updated + changes.cancelled === 0) return;
    status = { at: now.toISOString(), ok: true, error: null, changes };
  } catch (e) {
    if (!(e instanceof AppError)) log('calendar file could not be written', e);
    status = { at: now.toISOString(), ok: false, error: e instanceof AppError ? e.code : 'internal', changes: null };
  }
  try {
    setSetting(store.db, STATUS_KEY, status);
  } catch (e) {
    log('calendar status could not be recorded', e);
  }
}
