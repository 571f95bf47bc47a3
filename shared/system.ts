import { z } from 'zod';
import { empty } from './common';

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

export const systemContract = {
  'system.info': { input: empty, output: SystemInfo },
  'settings.get': { input: empty, output: Settings },
  'settings.save': { input: Settings.partial().strict(), output: Settings },
  /** Online backup of the workspace into its backups/ folder (runs off the UI thread). */
  'system.backup': { input: empty, output: z.object({ file: z.string(), bytes: z.number() }) },
} as const;
