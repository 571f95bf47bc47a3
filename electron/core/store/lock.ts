// One writer per workspace: the process that writes (the desktop app, browser mode, a writing CLI command) holds
// `werkbruecke.lock` in the data folder. The file names the holder (pid, host, what it is, since when).
// A lock whose process is gone (a crash, kill -9, a power cut) is stale and taken over; a lock of another
// host (a data folder on a network drive) is taken over only once its heartbeat is older than STALE_MS.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../errors';

export const LOCK_FILE = 'werkbruecke.lock';
const HEARTBEAT_MS = 10_000;
const STALE_MS = 60_000;

export interface LockHolder {
  pid: number;
  host: string;
  purpose: string;
  since: string;
}

export interface WorkspaceLock {
  readonly file: string;
  release(): void;
}

function readHolder(file: string): LockHolder | null {
  try {
    const h = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockHolder>;
    if (typeof h.pid !== 'number' || typeof h.host !== 'string') return null;
    return { pid: h.pid, host: h.host, purpose: String(h.purpose ?? ''), since: String(h.since ?? '') };
  } catch {
    return null;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the lock file belongs to a running process (or, for another host, was refreshed recently). */
function isLive(file: string, holder: LockHolder | null): boolean {
  if (!holder) {
    // Unreadable or half-written: live only while it is young (its writer may still be writing it).
    try {
      return Date.now() - fs.statSync(file).mtimeMs < 2_000;
    } catch {
      return false;
    }
  }
  if (holder.host === os.hostname()) return holder.pid === process.pid || processAlive(holder.pid);
  try {
    return Date.now() - fs.statSync(file).mtimeMs < STALE_MS;
  } catch {
    return false;
  }
}

/** Who holds the workspace's lock now, or null when nobody does. */
export function lockHolder(dataDir: string): LockHolder | null {
  const file = path.join(dataDir, LOCK_FILE);
  if (!fs.existsSync(file)) return null;
  const holder = readHolder(file);
  return isLive(file, holder) ? holder : null;
}

export function lockedError(holder: LockHolder | null): AppError {
  return new AppError(
    'workspace_locked',
    `The workspace is open in another Werkbrücke (${holder?.purpose || 'unknown'}, process ${holder?.pid ?? '?'} since ${holder?.since ?? '?'}). Close it first.`,
    { purpose: holder?.purpose ?? '', pid: holder?.pid ?? 0, since: holder?.since ?? '' },
  );
}

/**
 * Takes the workspace's lock or throws `workspace_locked`. `purpose` says who holds it ("app", "browser", "cli restore").
 * The lock is refreshed every few seconds and removed by release() and at process exit.
 */
export function acquireLock(dataDir: string, purpose: string): WorkspaceLock {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, LOCK_FILE);
  const me: LockHolder = { pid: process.pid, host: os.hostname(), purpose, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx', 0o600);
      try {
        fs.writeSync(fd, JSON.stringify(me));
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      return holdLock(file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = readHolder(file);
    if (isLive(file, holder)) throw lockedError(holder);
    // Stale: move it aside under a unique name (only one of two racing processes succeeds), then try again.
    const aside = `${file}.stale-${process.pid}-${attempt}`;
    try {
      fs.renameSync(file, aside);
      fs.rmSync(aside, { force: true });
    } catch {
      // Another process took it over or removed it first; the next attempt decides.
    }
  }
  throw lockedError(readHolder(file));
}

function holdLock(file: string): WorkspaceLock {
  let released = false;
  const timer = setInterval(() => {
    const now = new Date();
    try {
      fs.utimesSync(file, now, now);
    } catch {
      // The folder went away (a test removed it); nothing to refresh.
    }
  }, HEARTBEAT_MS);
  timer.unref();
  const release = () => {
    if (released) return;
    released = true;
    clearInterval(timer);
    process.off('exit', release);
    // Remove only our own lock.
    if (readHolder(file)?.pid === process.pid) fs.rmSync(file, { force: true });
  };
  process.on('exit', release);
  return { file, release };
}
