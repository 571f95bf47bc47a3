// The backups the user sees in Einstellungen: list, retention setting, restore by name or from an uploaded file.
import fs from 'node:fs';
import path from 'node:path';
import type { BackupEntry, BackupRetention } from '../../../shared/system';
import { AppError } from '../errors';
import { getSetting, setSetting } from '../settings';
import { BACKUP_EXT, DEFAULT_RETENTION, listBackups, parseBackupName, retainedUntil, type Retention } from '../store/backup';
import type { Db, Store } from '../store/db';

export function getBackupRetention(db: Db): Retention {
  return { ...DEFAULT_RETENTION, ...getSetting<Partial<Retention>>(db, 'backupRetention', {}) };
}

export function saveBackupRetention(db: Db, r: Retention): Retention {
  setSetting(db, 'backupRetention', r);
  return getBackupRetention(db);
}

export async function backupOverview(store: Store, now: Date): Promise<{ backups: BackupEntry[]; retention: BackupRetention }> {
  const backups = (await listBackups(store.backupsDir)).map(({ file: _file, ...b }) => b);
  const retention = getBackupRetention(store.db);
  return { backups, retention: { ...retention, automaticUntil: retainedUntil(retention, now), manualCount: backups.filter((b) => b.kind === 'manual').length } };
}

/** The path of a listed backup, by its file name (never a path the caller made up). */
export function backupPath(store: Store, name: string): string {
  if (path.basename(name) !== name || !parseBackupName(name)) throw new AppError('not_found', `No backup ${name}`, { what: 'backup', id: name });
  const file = path.join(store.backupsDir, name);
  if (!fs.existsSync(file)) throw new AppError('not_found', `No backup ${name}`, { what: 'backup', id: name });
  return file;
}

/**
 * Writes an uploaded backup to a temporary file in backups/ (never listed: it ends in `.part`, and leftovers are
 * removed at the next start). The caller restores from it and removes it.
 */
export function writeUpload(store: Store, base64: string, now: Date): string {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw new AppError('restore_invalid', 'The file is empty', { file: '', reason: 'empty', why: 'empty' });
  fs.mkdirSync(store.backupsDir, { recursive: true, mode: 0o700 });
  const file = path.join(store.backupsDir, `upload-${now.toISOString().replace(/[:.]/g, '-')}${BACKUP_EXT}.part`);
  fs.writeFileSync(file, bytes, { mode: 0o600 });
  return file;
}
