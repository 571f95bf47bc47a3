import type { Settings } from '../../shared/system';
import type { Db } from './store/db';

const DEFAULTS: Settings = { uiLanguage: 'de' };

export function getSetting<T>(db: Db, key: string, fallback: T): T {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as T) : fallback;
}

export function setSetting(db: Db, key: string, value: unknown) {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
}

export function getSettings(db: Db): Settings {
  return { uiLanguage: getSetting(db, 'uiLanguage', DEFAULTS.uiLanguage) };
}

export function saveSettings(db: Db, patch: Partial<Settings>): Settings {
  db.transaction(() => {
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) setSetting(db, k, v);
  })();
  return getSettings(db);
}
