// One SQLite file per workspace. WAL, foreign keys, numbered migrations (user_version), one transaction each,
// a backup before migrating an existing database, and a refusal to open a database newer than the app.
// Nothing here deletes or overwrites a database because of an error.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../errors';
import { DB_FILE } from '../paths';
import { MIGRATIONS, type Migration } from './migrations/index';

export type Db = Database.Database;

export interface Store {
  readonly db: Db;
  readonly dataDir: string;
  readonly dbPath: string;
  /** Folder for files kept inside the workspace (document copies, pictures). */
  readonly filesDir: string;
  readonly backupsDir: string;
  schemaVersion(): number;
  close(): void;
}

export const LATEST_VERSION = MIGRATIONS.length;

export interface OpenOptions {
  /** Apply pending migrations (default). A worker opens an already migrated store with `false`. */
  migrate?: boolean;
  readonly?: boolean;
  migrations?: Migration[];
}

function timestamp(d = new Date()) {
  return d.toISOString().replace(/[:.]/g, '-');
}

export function openDatabase(file: string, readonly = false): Db {
  let db: Db;
  try {
    db = new Database(file, { readonly, fileMustExist: readonly });
  } catch (e) {
    throw new AppError('db_unreadable', `Cannot open ${file}: ${(e as Error).message}`, { file });
  }
  try {
    // Reading the schema fails on a file that is not a database; the file itself is left as it is.
    db.pragma('schema_version', { simple: true });
    if (!readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
  } catch (e) {
    db.close();
    throw new AppError('db_unreadable', `${file} is not a Werkbrücke database: ${(e as Error).message}`, { file });
  }
  return db;
}

export function migrate(db: Db, migrations: Migration[], backup: (fromVersion: number) => void): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.length;
  if (current > latest) {
    throw new AppError(
      'db_too_new',
      `The workspace was written by a newer Werkbrücke (schema ${current}, this app knows ${latest}). Please update the app.`,
      { found: current, supported: latest },
    );
  }
  if (current === latest) return current;
  if (current > 0) backup(current);
  for (const m of migrations.slice(current)) {
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  const fkProblems = db.pragma('foreign_key_check') as unknown[];
  if (fkProblems.length > 0) throw new Error(`foreign key check failed after migrating: ${JSON.stringify(fkProblems.slice(0, 3))}`);
  return latest;
}

export function openStore(dataDir: string, opts: OpenOptions = {}): Store {
  const migrations = opts.migrations ?? MIGRATIONS;
  fs.mkdirSync(dataDir, { recursive: true });
  const dbPath = path.join(dataDir, DB_FILE);
  const backupsDir = path.join(dataDir, 'backups');
  const filesDir = path.join(dataDir, 'files');
  const db = openDatabase(dbPath, opts.readonly);
  try {
    if (opts.migrate === false || opts.readonly) {
      const v = db.pragma('user_version', { simple: true }) as number;
      if (v !== migrations.length) {
        throw new AppError('db_version_mismatch', `Schema version ${v}, expected ${migrations.length}`, { found: v, supported: migrations.length });
      }
    } else {
      migrate(db, migrations, (from) => {
        fs.mkdirSync(backupsDir, { recursive: true });
        const target = path.join(backupsDir, `before-migration-v${from}-${timestamp()}.sqlite`);
        db.prepare('VACUUM INTO ?').run(target);
      });
    }
  } catch (e) {
    db.close();
    throw e;
  }
  return {
    db,
    dataDir,
    dbPath,
    filesDir,
    backupsDir,
    schemaVersion: () => db.pragma('user_version', { simple: true }) as number,
    close: () => {
      if (db.open) db.close();
    },
  };
}

export interface CheckResult {
  ok: boolean;
  file: string;
  schemaVersion: number;
  supportedVersion: number;
  integrity: string[];
  foreignKeyProblems: number;
  problems: string[];
}

/** Integrity and schema check of a database file, opened read-only. */
export function checkDatabase(file: string): CheckResult {
  const result: CheckResult = {
    ok: false,
    file,
    schemaVersion: 0,
    supportedVersion: LATEST_VERSION,
    integrity: [],
    foreignKeyProblems: 0,
    problems: [],
  };
  if (!fs.existsSync(file)) {
    result.problems.push('file not found');
    return result;
  }
  let db: Db;
  try {
    db = openDatabase(file, true);
  } catch (e) {
    result.problems.push((e as Error).message);
    return result;
  }
  try {
    result.schemaVersion = db.pragma('user_version', { simple: true }) as number;
    result.integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    result.foreignKeyProblems = (db.pragma('foreign_key_check') as unknown[]).length;
    if (result.integrity.join() !== 'ok') result.problems.push(`integrity: ${result.integrity.slice(0, 5).join('; ')}`);
    if (result.foreignKeyProblems > 0) result.problems.push(`${result.foreignKeyProblems} foreign key problems`);
    if (result.schemaVersion === 0) result.problems.push('not a Werkbrücke workspace (schema version 0)');
    if (result.schemaVersion > LATEST_VERSION) result.problems.push(`schema ${result.schemaVersion} is newer than this app (${LATEST_VERSION})`);
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
    for (const t of ['firm', 'trainees', 'settings']) if (!tables.has(t)) result.problems.push(`table ${t} missing`);
  } catch (e) {
    result.problems.push((e as Error).message);
  } finally {
    db.close();
  }
  result.ok = result.problems.length === 0;
  return result;
}

/** SQLite online backup of a live store into `out` (a new file; an existing file is refused). */
export async function backupStore(store: Store, out: string): Promise<{ file: string; bytes: number }> {
  if (fs.existsSync(out)) throw new AppError('file_exists', `${out} exists already; choose a new file name`, { file: out });
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  const tmp = `${out}.part`;
  try {
    await store.db.backup(tmp);
    const check = checkDatabase(tmp);
    if (!check.ok) throw new AppError('backup_failed', `Backup check failed: ${check.problems.join('; ')}`);
    fs.renameSync(tmp, out);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  return { file: out, bytes: fs.statSync(out).size };
}

/**
 * Replaces the workspace database with a checked backup. The current database is kept in backups/.
 * The store must be closed by the caller (no other connection may be open).
 */
export function restoreDatabase(dataDir: string, from: string): { restored: string; previous: string | null } {
  const check = checkDatabase(from);
  if (!check.ok) throw new AppError('restore_invalid', `${from} cannot be restored: ${check.problems.join('; ')}`, { file: from });
  const dbPath = path.join(dataDir, DB_FILE);
  const backupsDir = path.join(dataDir, 'backups');
  fs.mkdirSync(backupsDir, { recursive: true });
  let previous: string | null = null;
  if (fs.existsSync(dbPath)) {
    // Fold the WAL into a consistent copy of the current database before replacing it.
    previous = path.join(backupsDir, `before-restore-${timestamp()}.sqlite`);
    const cur = openDatabase(dbPath);
    try {
      cur.prepare('VACUUM INTO ?').run(previous);
      cur.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      cur.close();
    }
  }
  const tmp = `${dbPath}.restore`;
  fs.copyFileSync(from, tmp);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(dbPath + suffix, { force: true });
  fs.renameSync(tmp, dbPath);
  // Migrates an older backup to the current schema (with its own pre-migration backup).
  openStore(dataDir).close();
  return { restored: dbPath, previous };
}
