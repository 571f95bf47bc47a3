// Where the Electron binary is, without triggering its download (requiring 'electron' would try one).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** @returns {{ path: string } | { path: null, reason: string }} */
export function electronBinary() {
  const dir = path.join(root, 'node_modules', 'electron');
  if (!fs.existsSync(path.join(dir, 'package.json'))) return { path: null, reason: 'das Paket electron ist nicht installiert (npm install ausführen)' };
  const pathFile = path.join(dir, 'path.txt');
  const rel = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : null;
  const base = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(dir, 'dist');
  const candidate = path.join(base, rel || (process.platform === 'win32' ? 'electron.exe' : 'electron'));
  if (fs.existsSync(candidate)) return { path: candidate };
  return {
    path: null,
    reason: 'die Electron-Laufzeit ist auf diesem Rechner nicht installiert (mit "npx install-electron" nachinstallieren, wo github.com erreichbar ist, oder ELECTRON_OVERRIDE_DIST_PATH setzen)',
  };
}
