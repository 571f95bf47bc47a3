// Backups: one file (a zip) holding an online copy of the database and every file under files/, with a manifest
// of SHA-256 checksums. Written to `<name>.part` and renamed when complete, so a partial file is never listed.
// Restore verifies every entry against the manifest into a staging folder before it touches the workspace, keeps
// the current state as a backup, then swaps database and files under a journal that the next start completes.
// Old single-file `.sqlite` backups (earlier versions) restore the database and keep files/ as they are.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { z } from 'zod';
import { AppError } from '../errors';
import { APP_VERSION } from '../version';
import { DB_FILE } from '../paths';
import { checkDatabase, LATEST_VERSION, openDatabase, type Store } from './db';

export const BACKUP_EXT = '.wbbackup';
export const BACKUP_FORMAT = 'werkbruecke-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_KINDS = ['manual', 'daily', 'before-migration', 'before-restore'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];
/** Kinds the app makes by itself; only these are rotated. A backup the user made is never pruned automatically. */
export const AUTOMATIC_KINDS: readonly BackupKind[] = ['daily', 'before-migration', 'before-restore'];

const MANIFEST = 'manifest.json';
const JOURNAL = 'restore-journal.json';
const MAX_ENTRIES = 500_000;
/** A zip entry that inflates more than this many times its stored size is treated as a zip bomb. */
const MAX_RATIO = 1_000;

const Manifest = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    formatVersion: z.number().int().positive(),
    kind: z.enum(BACKUP_KINDS),
    createdAt: z.string(),
    appVersion: z.string(),
    schemaVersion: z.number().int().nonnegative(),
    entries: z.array(z.object({ path: z.string(), size: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict()),
  })
  .strict();
export type Manifest = z.infer<typeof Manifest>;

export interface BackupInfo {
  name: string;
  file: string;
  kind: BackupKind;
  createdAt: string;
  bytes: number;
  /** 'zip': database and files; 'sqlite': database only (before a migration, or from an earlier version). */
  format: 'zip' | 'sqlite';
  appVersion: string | null;
  schemaVersion: number | null;
  files: number;
}

const stamp = (d: Date) => d.toISOString().replace(/[:.]/g, '-');
const unstamp = (s: string) => s.replace(/^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, '$1:$2:$3.$4Z');

export function backupFileName(kind: BackupKind, now = new Date()) {
  return `werkbruecke-${kind}-${stamp(now)}${BACKUP_EXT}`;
}

/** What a backup's file name says (null: not a backup, e.g. a `.part` left by an interrupted one). */
export function parseBackupName(name: string): { kind: BackupKind; createdAt: string; format: 'zip' | 'sqlite' } | null {
  const ts = '(\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}-\\d{3}Z)';
  let m = new RegExp(`^werkbruecke-(${BACKUP_KINDS.join('|')})-${ts}\\${BACKUP_EXT}$`).exec(name);
  if (m) return { kind: m[1] as BackupKind, createdAt: unstamp(m[2]!), format: 'zip' };
  // Earlier versions: werkbruecke-<ts>.sqlite (manual), before-migration-vN-<ts>.sqlite, before-restore-<ts>.sqlite.
  m = new RegExp(`^(werkbruecke|before-migration-v\\d+|before-restore)-${ts}\\.sqlite$`).exec(name);
  if (!m) return null;
  const kind: BackupKind = m[1] === 'werkbruecke' ? 'manual' : m[1] === 'before-restore' ? 'before-restore' : 'before-migration';
  return { kind, createdAt: unstamp(m[2]!), format: 'sqlite' };
}

/** Hashes and counts what flows through. */
function hasher() {
  const hash = crypto.createHash('sha256');
  let size = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      hash.update(chunk);
      size += chunk.length;
      cb(null, chunk);
    },
  });
  return { stream, result: () => ({ size, sha256: hash.digest('hex') }) };
}

function walkFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, rel: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(dir, e.name), r);
      else if (e.isFile()) out.push(r);
    }
  };
  walk(root, '');
  return out;
}

const COMPRESSED = /\.(pdf|jpe?g|png|webp|zip|gz)$/i;

/**
 * Writes a complete backup of a live store: an online copy of the database, then every file under files/, each
 * streamed (a workspace with 1 GB of scans does not need 1 GB of memory). `out` must not exist yet.
 */
export async function writeBackup(store: Store, o: { kind: BackupKind; out?: string; now?: Date }): Promise<BackupInfo> {
  const now = o.now ?? new Date();
  const out = path.resolve(o.out ?? path.join(store.backupsDir, backupFileName(o.kind, now)));
  if (fs.existsSync(out)) throw new AppError('file_exists', `${out} exists already; choose a new file name`, { file: path.basename(out) });
  fs.mkdirSync(path.dirname(out), { recursive: true, mode: 0o700 });
  const part = `${out}.part`;
  const dbCopy = `${out}.db.part`;
  try {
    await store.db.backup(dbCopy);
    // The copy leaves WAL mode, so it is one self-contained file (no -wal/-shm beside it, in the zip or restored).
    const copy = openDatabase(dbCopy);
    copy.pragma('journal_mode = DELETE');
    copy.close();
    const check = checkDatabase(dbCopy);
    if (!check.ok) throw new AppError('backup_failed', `Backup check failed: ${check.problems.join('; ')}`, { problems: check.problems.join('; ') });
    const zip = new yazl.ZipFile();
    const written = pipeline(zip.outputStream, fs.createWriteStream(part, { mode: 0o600 }));
    const entries: Manifest['entries'] = [];
    const add = async (file: string, name: string, compress: boolean) => {
      const h = hasher();
      const source = fs.createReadStream(file);
      const done = new Promise<void>((resolve, reject) => {
        h.stream.on('end', resolve);
        h.stream.on('error', reject);
        source.on('error', reject);
      });
      zip.addReadStream(source.pipe(h.stream), name, { compress, mtime: now, mode: 0o100600 });
      await done;
      entries.push({ path: name, ...h.result() });
    };
    await add(dbCopy, DB_FILE, true);
    for (const rel of walkFiles(store.filesDir)) {
      try {
        await add(path.join(store.filesDir, ...rel.split('/')), `files/${rel}`, !COMPRESSED.test(rel));
      } catch (e) {
        // A file removed between the database copy and now (a trainee deleted meanwhile) is left out.
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
    }
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      kind: o.kind,
      createdAt: now.toISOString(),
      appVersion: APP_VERSION,
      schemaVersion: check.schemaVersion,
      entries,
    };
    zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 1)), MANIFEST, { mtime: now, mode: 0o100600 });
    zip.end();
    await written;
    const fd = fs.openSync(part, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(part, out);
  } finally {
    for (const f of [part, dbCopy, `${dbCopy}-wal`, `${dbCopy}-shm`, `${dbCopy}-journal`]) fs.rmSync(f, { force: true });
  }
  return infoOf(out, (await readManifest(out)).manifest);
}

function infoOf(file: string, manifest: Manifest | null): BackupInfo {
  const name = path.basename(file);
  const parsed = parseBackupName(name);
  return {
    name,
    file,
    kind: manifest?.kind ?? parsed?.kind ?? 'manual',
    createdAt: manifest?.createdAt ?? parsed?.createdAt ?? fs.statSync(file).mtime.toISOString(),
    bytes: fs.statSync(file).size,
    format: manifest ? 'zip' : 'sqlite',
    appVersion: manifest?.appVersion ?? null,
    schemaVersion: manifest?.schemaVersion ?? null,
    files: manifest ? manifest.entries.filter((e) => e.path.startsWith('files/')).length : 0,
  };
}

/** Why a file cannot be restored; each reason has a translation (errors.restoreReasons.<reason>). */
export type RestoreReason = 'not_backup' | 'manifest' | 'too_new' | 'unsafe_name' | 'not_listed' | 'missing_entry' | 'no_database' | 'checksum' | 'damaged' | 'too_many' | 'bomb' | 'schema' | 'empty';

const invalid = (file: string, reason: RestoreReason, why: string) =>
  new AppError('restore_invalid', `${path.basename(file)} cannot be restored: ${why}`, { file: path.basename(file), reason, why });

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false, strictFileNames: true, validateEntrySizes: true }, (err, zip) => (err ? reject(invalid(file, 'not_backup', 'not a Werkbrücke backup')) : resolve(zip))),
  );
}

/** All entries of the central directory (no content read yet). */
function listEntries(file: string, zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (e: yauzl.Entry) => {
      if (entries.length >= MAX_ENTRIES) return reject(invalid(file, 'too_many', 'too many entries'));
      entries.push(e);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', () => reject(invalid(file, 'damaged', 'the zip directory is damaged')));
    zip.readEntry();
  });
}

function entryStream(file: string, zip: yauzl.ZipFile, e: yauzl.Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) => zip.openReadStream(e, (err, s) => (err ? reject(invalid(file, 'damaged', `entry ${e.fileName} is damaged`)) : resolve(s))));
}

/** A path inside the backup that may be written below the workspace: relative, forward slashes, no "..". */
function safeEntryName(name: string): boolean {
  if (name === DB_FILE || name === MANIFEST) return true;
  if (!name.startsWith('files/') || name.includes('\\') || name.includes('\0') || name.endsWith('/')) return false;
  return name.split('/').every((part) => part !== '' && part !== '.' && part !== '..' && !/^[a-zA-Z]:$/.test(part));
}

const isSqliteFile = (file: string) => {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    fs.readSync(fd, head, 0, 16, 0);
    return head.toString('latin1') === 'SQLite format 3\0';
  } finally {
    fs.closeSync(fd);
  }
};

/** Reads and checks the manifest of a zip backup; a plain SQLite file gives `manifest: null`. */
export async function readManifest(file: string): Promise<{ manifest: Manifest | null }> {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw invalid(file, 'not_backup', 'file not found');
  if (isSqliteFile(file)) return { manifest: null };
  const zip = await openZip(file);
  try {
    const entries = await listEntries(file, zip);
    return { manifest: await manifestOf(file, zip, entries) };
  } finally {
    zip.close();
  }
}

async function manifestOf(file: string, zip: yauzl.ZipFile, entries: yauzl.Entry[]): Promise<Manifest> {
  const m = entries.find((e) => e.fileName === MANIFEST);
  if (!m || m.uncompressedSize > 64 * 1024 * 1024) throw invalid(file, 'manifest', 'no manifest');
  const chunks: Buffer[] = [];
  for await (const c of (await entryStream(file, zip, m)) as AsyncIterable<Buffer>) chunks.push(c);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw invalid(file, 'manifest', 'the manifest is not valid JSON');
  }
  const r = Manifest.safeParse(parsed);
  if (!r.success) throw invalid(file, 'manifest', 'the manifest is not one Werkbrücke writes');
  if (r.data.formatVersion > BACKUP_FORMAT_VERSION) throw invalid(file, 'too_new', `backup format ${r.data.formatVersion} is newer than this app`);
  if (r.data.schemaVersion > LATEST_VERSION) throw invalid(file, 'too_new', `schema ${r.data.schemaVersion} is newer than this app (${LATEST_VERSION})`);
  return r.data;
}

export interface StagedRestore {
  staging: string;
  /** Whether the backup holds files/ (a zip); an old `.sqlite` backup holds the database only. */
  withFiles: boolean;
  manifest: Manifest | null;
}

/**
 * Verifies a backup completely into a new staging folder inside the workspace: every entry named safely, listed in
 * the manifest with its size and SHA-256, the database's schema exactly what our migrations make. Throws
 * `restore_invalid` (and removes the staging folder) on any difference; the workspace itself is not touched.
 */
export async function stageRestore(dataDir: string, from: string): Promise<StagedRestore> {
  const staging = path.join(dataDir, `.restore-${stamp(new Date())}-${process.pid}`);
  fs.mkdirSync(staging, { recursive: true, mode: 0o700 });
  try {
    const { manifest } = await readManifest(from);
    if (manifest === null) {
      fs.copyFileSync(from, path.join(staging, DB_FILE));
    } else {
      fs.mkdirSync(path.join(staging, 'files'), { mode: 0o700 });
      await extractVerified(from, manifest, staging);
    }
    const check = checkDatabase(path.join(staging, DB_FILE));
    if (!check.ok) throw invalid(from, check.schemaVersion > LATEST_VERSION ? 'too_new' : check.problems[0] === 'not a database' ? 'not_backup' : 'schema', check.problems.join('; '));
    return { staging, withFiles: manifest !== null, manifest };
  } catch (e) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw e;
  }
}

async function extractVerified(from: string, manifest: Manifest, staging: string) {
  const zip = await openZip(from);
  try {
    const entries = await listEntries(from, zip);
    const listed = new Map(manifest.entries.map((e) => [e.path, e]));
    if (listed.size !== manifest.entries.length) throw invalid(from, 'manifest', 'the manifest names an entry twice');
    const seen = new Set<string>();
    for (const e of entries) {
      if (!safeEntryName(e.fileName)) throw invalid(from, 'unsafe_name', `unsafe entry name ${JSON.stringify(e.fileName)}`);
      if (seen.has(e.fileName)) throw invalid(from, 'unsafe_name', `entry ${e.fileName} appears twice`);
      seen.add(e.fileName);
      if (e.fileName === MANIFEST) continue;
      const m = listed.get(e.fileName);
      if (!m) throw invalid(from, 'not_listed', `entry ${e.fileName} is not in the manifest`);
      if (m.size !== e.uncompressedSize) throw invalid(from, 'checksum', `entry ${e.fileName} has the wrong size`);
      if (e.uncompressedSize > 1024 * 1024 && e.uncompressedSize > e.compressedSize * MAX_RATIO) throw invalid(from, 'bomb', `entry ${e.fileName} is compressed suspiciously well`);
    }
    for (const p of listed.keys()) if (!seen.has(p)) throw invalid(from, 'missing_entry', `entry ${p} is missing`);
    if (!seen.has(DB_FILE)) throw invalid(from, 'no_database', 'the database is missing');
    for (const e of entries) {
      if (e.fileName === MANIFEST) continue;
      const target = path.join(staging, ...e.fileName.split('/'));
      fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
      const h = hasher();
      await pipeline(await entryStream(from, zip, e), h.stream, fs.createWriteStream(target, { mode: 0o600 }));
      const got = h.result();
      const want = listed.get(e.fileName)!;
      if (got.size !== want.size || got.sha256 !== want.sha256) throw invalid(from, 'checksum', `entry ${e.fileName} does not match its checksum`);
    }
  } finally {
    zip.close();
  }
}

interface Journal {
  staging: string;
  replaced: string;
  withFiles: boolean;
}

const moveIfPresent = (from: string, to: string) => {
  if (fs.existsSync(from)) fs.renameSync(from, to);
};

/**
 * Puts a verified staging folder in place of the workspace's database (and files/). The store must be closed.
 * The journal is written first; every step is idempotent, so a crash in between is completed at the next start.
 */
export function commitRestore(dataDir: string, staged: StagedRestore) {
  const journal: Journal = { staging: path.basename(staged.staging), replaced: `.replaced-${stamp(new Date())}-${process.pid}`, withFiles: staged.withFiles };
  const journalFile = path.join(dataDir, JOURNAL);
  fs.writeFileSync(`${journalFile}.part`, JSON.stringify(journal));
  fs.renameSync(`${journalFile}.part`, journalFile);
  applyRestore(dataDir, journal);
}

/**
 * Rolls a journaled restore forward. The staging folder holds `files/` (always created, possibly empty) until it
 * is moved in, and the database until it is moved in; what is still in staging has not been put in place yet.
 */
function applyRestore(dataDir: string, j: Journal) {
  const staging = path.join(dataDir, j.staging);
  const replaced = path.join(dataDir, j.replaced);
  fs.mkdirSync(replaced, { recursive: true, mode: 0o700 });
  const files = path.join(dataDir, 'files');
  if (j.withFiles && fs.existsSync(path.join(staging, 'files'))) {
    if (!fs.existsSync(path.join(replaced, 'files'))) moveIfPresent(files, path.join(replaced, 'files'));
    fs.renameSync(path.join(staging, 'files'), files);
  }
  const db = path.join(dataDir, DB_FILE);
  if (fs.existsSync(path.join(staging, DB_FILE))) {
    for (const suffix of ['', '-wal', '-shm']) {
      if (!fs.existsSync(path.join(replaced, DB_FILE + suffix))) moveIfPresent(db + suffix, path.join(replaced, DB_FILE + suffix));
      else fs.rmSync(db + suffix, { force: true });
    }
    fs.renameSync(path.join(staging, DB_FILE), db);
  }
  fs.rmSync(path.join(dataDir, JOURNAL), { force: true });
  fs.rmSync(staging, { recursive: true, force: true });
  fs.rmSync(replaced, { recursive: true, force: true });
}

/**
 * At start, before the database is opened: completes a restore that a crash interrupted, and removes what
 * interrupted backups and restores left behind (`.part` files, staging folders, SQLite side files of copies).
 * Returns the names removed.
 */
export function cleanLeftovers(dataDir: string): string[] {
  const removed: string[] = [];
  const journalFile = path.join(dataDir, JOURNAL);
  if (fs.existsSync(journalFile)) {
    try {
      applyRestore(dataDir, JSON.parse(fs.readFileSync(journalFile, 'utf8')) as Journal);
      removed.push(JOURNAL);
    } catch {
      // A journal we cannot read is left for a person to look at; nothing is deleted because of it.
    }
  }
  fs.rmSync(`${journalFile}.part`, { force: true });
  if (!fs.existsSync(journalFile) && fs.existsSync(dataDir)) {
    for (const e of fs.readdirSync(dataDir, { withFileTypes: true })) {
      if (e.isDirectory() && /^\.(restore|replaced)-/.test(e.name)) {
        fs.rmSync(path.join(dataDir, e.name), { recursive: true, force: true });
        removed.push(e.name);
      }
    }
  }
  const backups = path.join(dataDir, 'backups');
  if (fs.existsSync(backups)) {
    for (const name of fs.readdirSync(backups)) {
      if (name.endsWith('.part') || /\.sqlite-(wal|shm|journal)$/.test(name) || /\.wbbackup-(wal|shm|journal)$/.test(name)) {
        fs.rmSync(path.join(backups, name), { force: true });
        removed.push(`backups/${name}`);
      }
    }
  }
  return removed;
}

/** The backups in the workspace's backups/ folder, newest first. Partial or foreign files are not listed. */
export async function listBackups(backupsDir: string): Promise<BackupInfo[]> {
  if (!fs.existsSync(backupsDir)) return [];
  const out: BackupInfo[] = [];
  for (const name of fs.readdirSync(backupsDir)) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    const file = path.join(backupsDir, name);
    if (parsed.format === 'sqlite') {
      out.push(infoOf(file, null));
      continue;
    }
    try {
      out.push(infoOf(file, (await readManifest(file)).manifest));
    } catch {
      // A damaged file is not offered for restore.
    }
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export interface Retention {
  daily: number;
  weekly: number;
  monthly: number;
}
export const DEFAULT_RETENTION: Retention = { daily: 7, weekly: 4, monthly: 12 };
/** Automatic backups younger than this are never pruned (a restore made by mistake can still be undone). */
const KEEP_YOUNG_MS = 48 * 3600 * 1000;

const isoWeek = (d: Date) => {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const year = t.getUTCFullYear();
  const week = Math.ceil(((t.getTime() - Date.UTC(year, 0, 1)) / 86400000 + 1) / 7);
  return `${year}-W${week}`;
};

/**
 * Which automatic backups to keep: the newest of each of the last `daily` days, `weekly` ISO weeks and `monthly`
 * months that have a backup, and every one younger than 48 hours. Manual backups are not considered.
 */
export function backupsToPrune(backups: BackupInfo[], r: Retention, now = new Date()): BackupInfo[] {
  const auto = backups.filter((b) => AUTOMATIC_KINDS.includes(b.kind)).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const keep = new Set<string>();
  const bucket = (n: number, key: (d: Date) => string) => {
    const seen = new Set<string>();
    for (const b of auto) {
      const k = key(new Date(b.createdAt));
      if (seen.has(k)) continue;
      if (seen.size >= n) break;
      seen.add(k);
      keep.add(b.name);
    }
  };
  bucket(r.daily, (d) => d.toISOString().slice(0, 10));
  bucket(r.weekly, isoWeek);
  bucket(r.monthly, (d) => d.toISOString().slice(0, 7));
  for (const b of auto) if (now.getTime() - new Date(b.createdAt).getTime() < KEEP_YOUNG_MS) keep.add(b.name);
  return auto.filter((b) => !keep.has(b.name));
}

/** Removes the automatic backups the retention does not keep; returns their names. */
export async function rotateBackups(backupsDir: string, r: Retention, now = new Date()): Promise<string[]> {
  const prune = backupsToPrune(await listBackups(backupsDir), r, now);
  for (const b of prune) fs.rmSync(b.file, { force: true });
  return prune.map((b) => b.name);
}

/** The last day on which an automatic backup made today may still exist under this retention. */
export function retainedUntil(r: Retention, now = new Date()): string {
  const d = new Date(now);
  if (r.monthly > 0) d.setUTCMonth(d.getUTCMonth() + r.monthly);
  else if (r.weekly > 0) d.setUTCDate(d.getUTCDate() + 7 * r.weekly);
  else d.setUTCDate(d.getUTCDate() + Math.max(r.daily, 2));
  return d.toISOString().slice(0, 10);
}

/** Whether today has no daily backup yet. */
export async function dailyBackupDue(backupsDir: string, now = new Date()): Promise<boolean> {
  const today = now.toISOString().slice(0, 10);
  return !(await listBackups(backupsDir)).some((b) => b.kind === 'daily' && b.createdAt.slice(0, 10) === today);
}

/** Copies a database that cannot be opened any more aside, byte for byte, before a restore replaces it. */
export function keepUnreadable(dataDir: string, now = new Date()): string | null {
  const db = path.join(dataDir, DB_FILE);
  if (!fs.existsSync(db)) return null;
  try {
    openDatabase(db, true).close();
    return null;
  } catch {
    const target = path.join(dataDir, 'backups', `before-restore-${stamp(now)}.sqlite`);
    fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
    fs.copyFileSync(db, target);
    return target;
  }
}
