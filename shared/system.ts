import { z } from 'zod';
import { empty, text } from './common';

export const UI_LANGUAGES = ['de', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export const SystemInfo = z.object({
  appVersion: z.string(),
  dataDir: z.string(),
  dbPath: z.string(),
  schemaVersion: z.number(),
  transport: z.enum(['ipc', 'http']),
});

export const Settings = z.object({ uiLanguage: z.enum(UI_LANGUAGES) });
export type Settings = z.infer<typeof Settings>;

/** A file produced by the core (PDF, CSV, ICS …) and handed to the renderer to open or save. */
export const FileResult = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  base64: z.string(),
  bytes: z.number(),
});
export type FileResult = z.infer<typeof FileResult>;

export const BACKUP_KINDS = ['manual', 'daily', 'before-migration', 'before-restore'] as const;

export const BackupEntry = z.object({
  name: z.string(),
  kind: z.enum(BACKUP_KINDS),
  createdAt: z.string(),
  bytes: z.number(),
  /** 'zip': database and files; 'sqlite': database only (before a migration, or from an earlier version). */
  format: z.enum(['zip', 'sqlite']),
  appVersion: z.string().nullable(),
  schemaVersion: z.number().nullable(),
  files: z.number(),
});
export type BackupEntry = z.infer<typeof BackupEntry>;

const retentionCount = z.number().int().min(0).max(1000);
export const BackupRetentionInput = z.object({ daily: retentionCount, weekly: retentionCount, monthly: retentionCount }).strict();
export const BackupRetention = BackupRetentionInput.extend({
  /** The last day on which an automatic backup made today may still exist. */
  automaticUntil: z.string(),
  /** Backups the user made; they are never deleted automatically. */
  manualCount: z.number(),
});
export type BackupRetention = z.infer<typeof BackupRetention>;

export const RestoreResult = z.object({ restoredFrom: z.string(), previous: z.string().nullable(), withFiles: z.boolean() });

/** At most what the browser-mode body limit (32 MB) carries as base64; larger backups: backups/ folder or CLI. */
export const MAX_UPLOAD_BACKUP_BYTES = 23 * 1024 * 1024;

export const systemContract = {
  'system.info': { input: empty, output: SystemInfo },
  'settings.get': { input: empty, output: Settings },
  'settings.save': { input: Settings.partial().strict(), output: Settings },
  /** Complete backup (database and files) into the workspace's backups/ folder (runs off the UI thread). */
  'system.backup': { input: empty, output: BackupEntry },
  'system.backups': { input: empty, output: z.object({ backups: z.array(BackupEntry), retention: BackupRetention }) },
  'system.backupRetention': { input: BackupRetentionInput, output: BackupRetention },
  /** Restores a listed backup (by file name) or an uploaded file; the current state is kept as a backup first. */
  'system.restore': {
    input: z.union([
      z.object({ name: text(255) }).strict(),
      z
        .object({
          fileName: text(255),
          base64: z
            .string()
            .refine((v) => v.length <= Math.ceil(MAX_UPLOAD_BACKUP_BYTES / 3) * 4, { params: { key: 'file_too_large', maxMb: 23 }, abort: true })
            .refine((v) => v.length > 0 && v.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(v), { params: { key: 'file_unreadable' } }),
        })
        .strict(),
    ]),
    output: RestoreResult,
  },
} as const;
