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
  /** Whether this open created the database (a new workspace). */
  readonly created: boolean;
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
    throw new AppError('db_unreadable', `Cannot open ${file}: ${(e as Error).message}`, { file: path.basename(file) });
  }
  try {
    // Nothing stored in a file we do not know yet (views, triggers) may call functions with side effects.
    db.pragma('trusted_schema = OFF');
    // Reading the schema fails on a file that is not a database; the file itself is left as it is.
    db.pragma('schema_version', { simple: true });
    if (!readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      // Deleted rows are overwritten, not left readable in free pages (a deleted trainee is gone from the file).
      db.pragma('secure_delete = ON');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
  } catch (e) {
    db.close();
    throw new AppError('db_unreadable', `${file} is not a Werkbrücke database: ${(e as Error).message}`, { file: path.basename(file) });
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
  for (const m of migrations.slice(current)) runMigration(db, m);
  const fkProblems = db.pragma('foreign_key_check') as unknown[];
  if (fkProblems.length > 0) throw new Error(`foreign key check failed after migrating: ${JSON.stringify(fkProblems.slice(0, 3))}`);
  return latest;
}

/**
 * One migration in one transaction. A migration marked `foreignKeysOff` rebuilds a table (SQLite's documented
 * procedure): foreign keys are off while it runs (a pragma that is a no-op inside a transaction, so switched before
 * it), and every foreign key is checked before the commit; a problem rolls the whole migration back.
 */
export function runMigration(db: Db, m: Migration) {
  const fkWasOn = db.pragma('foreign_keys', { simple: true }) === 1;
  if (m.foreignKeysOff) db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      db.exec(m.sql);
      if (m.foreignKeysOff) {
        const problems = db.pragma('foreign_key_check') as unknown[];
        if (problems.length > 0) throw new Error(`foreign key check failed in migration ${m.name}: ${JSON.stringify(problems.slice(0, 3))}`);
      }
      db.pragma(`user_version = ${m.version}`);
    })();
  } finally {
    if (m.foreignKeysOff && fkWasOn) db.pragma('foreign_keys = ON');
  }
}

export function openStore(dataDir: string, opts: OpenOptions = {}): Store {
  const migrations = opts.migrations ?? MIGRATIONS;
  // Owner-only on Linux and macOS: residence documents and notes are nobody else's business on a shared PC.
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const created = !fs.existsSync(path.join(dataDir, DB_FILE));
  const dbPath = path.join(dataDir, DB_FILE);
  const backupsDir = path.join(dataDir, 'backups');
  const filesDir = path.join(dataDir, 'files');
  const db = openDatabase(dbPath, opts.readonly);
  if (created) restrictPermissions(dbPath);
  try {
    if (opts.migrate === false || opts.readonly) {
      const v = db.pragma('user_version', { simple: true }) as number;
      if (v !== migrations.length) {
        throw new AppError('db_version_mismatch', `Schema version ${v}, expected ${migrations.length}`, { found: v, supported: migrations.length });
      }
    } else {
      migrate(db, migrations, (from) => {
        fs.mkdirSync(backupsDir, { recursive: true, mode: 0o700 });
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
    created,
    schemaVersion: () => db.pragma('user_version', { simple: true }) as number,
    close: () => {
      if (db.open) db.close();
    },
  };
}

function restrictPermissions(file: string) {
  if (process.platform === 'win32') return;
  try {
    fs.chmodSync(file, 0o600);
  } catch {
    // A file system without modes (a FAT stick) keeps its own.
  }
}

export interface CheckResult {
  ok: boolean;
  file: string;
  schemaVersion: number;
  supportedVersion: number;
  integrity: string[];
  foreignKeyProblems: number;
  /** Schema objects that differ from what our migrations make for this version ("missing table x", …). */
  schemaDifferences: string[];
  problems: string[];
}

interface SchemaObject {
  type: string;
  name: string;
  sql: string;
}

const expectedSchemas = new Map<number, Map<string, SchemaObject>>();

function schemaOf(db: Db): Map<string, SchemaObject> {
  const rows = db.prepare("SELECT type, name, COALESCE(sql, '') AS sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'").all() as SchemaObject[];
  return new Map(rows.map((r) => [`${r.type} ${r.name}`, { ...r, sql: r.sql.replace(/\s+/g, ' ').trim() }]));
}

/** The schema (tables, columns, indexes, triggers, views) that migrations 1..version make, from an empty database. */
function expectedSchema(version: number): Map<string, SchemaObject> {
  let schema = expectedSchemas.get(version);
  if (!schema) {
    const db = new Database(':memory:');
    try {
      for (const m of MIGRATIONS.slice(0, version)) db.exec(m.sql);
      schema = schemaOf(db);
    } finally {
      db.close();
    }
    expectedSchemas.set(version, schema);
  }
  return schema;
}

/** Differences between a database's schema and the one our migrations make for its version. */
export function schemaDifferences(db: Db, version: number): string[] {
  const want = expectedSchema(version);
  const have = schemaOf(db);
  const out: string[] = [];
  for (const [key, w] of want) {
    const h = have.get(key);
    if (!h) out.push(`${w.type} ${w.name} missing`);
    else if (h.sql !== w.sql) out.push(`${w.type} ${w.name} differs`);
  }
  for (const [key, h] of have) if (!want.has(key)) out.push(`${h.type} ${h.name} not made by Werkbrücke`);
  return out;
}

/**
 * Integrity and schema check of a database file, opened read-only with trusted_schema off. The schema is compared
 * with what our migrations make for its user_version before anything else is read from the file.
 */
export function checkDatabase(file: string): CheckResult {
  const result: CheckResult = {
    ok: false,
    file,
    schemaVersion: 0,
    supportedVersion: LATEST_VERSION,
    integrity: [],
    foreignKeyProblems: 0,
    schemaDifferences: [],
    problems: [],
  };
  if (!fs.existsSync(file)) {
    result.problems.push('file not found');
    return result;
  }
  let db: Db;
  try {
    db = openDatabase(file, true);
  } catch {
    result.problems.push('not a database');
    return result;
  }
  try {
    result.schemaVersion = db.pragma('user_version', { simple: true }) as number;
    if (result.schemaVersion === 0) result.problems.push('not a Werkbrücke workspace (schema version 0)');
    else if (result.schemaVersion > LATEST_VERSION) result.problems.push(`schema ${result.schemaVersion} is newer than this app (${LATEST_VERSION})`);
    else {
      result.schemaDifferences = schemaDifferences(db, result.schemaVersion);
      if (result.schemaDifferences.length) result.problems.push(`schema differs from version ${result.schemaVersion}: ${result.schemaDifferences.join(', ')}`);
    }
    result.integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (result.integrity.join() !== 'ok') result.problems.push(`integrity: ${result.integrity.slice(0, 5).join('; ')}`);
    if (result.problems.length === 0) {
      result.foreignKeyProblems = (db.pragma('foreign_key_check') as unknown[]).length;
      if (result.foreignKeyProblems > 0) result.problems.push(`${result.foreignKeyProblems} foreign key problems`);
    }
  } catch (e) {
    result.problems.push(`unreadable: ${(e as Error).message}`);
  } finally {
    db.close();
  }
  result.ok = result.problems.length === 0;
  return result;
}
