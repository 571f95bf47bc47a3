// Where things live, without importing electron. The default data dir is the folder Electron's
// app.getPath('userData') uses for the product name "Werkbrücke", so the desktop app, the CLI and
// browser mode find the same workspace.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Werkbrücke';
export const DB_FILE = 'werkbruecke.sqlite';

export function defaultDataDir(platform = process.platform, env = process.env, home = os.homedir()): string {
  if (env.WERKBRUECKE_DATA_DIR) return env.WERKBRUECKE_DATA_DIR;
  switch (platform) {
    case 'win32':
      return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
    default:
      return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), PRODUCT_NAME);
  }
}

/** The app's resources/ folder (data files, rule catalogues, templates). */
export function resourcesDir(): string {
  // Set by the Electron main process of a packaged app (process.resourcesPath/resources); worker threads inherit it.
  if (process.env.WERKBRUECKE_RESOURCES) return process.env.WERKBRUECKE_RESOURCES;
  // Works from the sources (electron/core/…) and from the bundle (dist/…): walk up to the folder holding resources/.
  let dir = import.meta.dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'resources');
    if (fs.existsSync(path.join(candidate, 'RESOURCES.md'))) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error(`resources/ not found above ${import.meta.dirname}`);
}
