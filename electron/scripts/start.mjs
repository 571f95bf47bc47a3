// `npm start`: builds if needed, then starts the desktop app; where the Electron runtime is missing,
// says so in one line and starts browser mode instead. Arguments after `--` are passed on (e.g. --data-dir DIR).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electronBinary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
await import('./ensureBuilt.mjs');
const args = process.argv.slice(2);
const bin = electronBinary();
const child = bin.path
  ? spawn(bin.path, [path.join(root, 'dist', 'main.cjs'), ...args], { stdio: 'inherit' })
  : (console.log(`Desktop-App nicht verfügbar: ${bin.reason}. Werkbrücke startet stattdessen im Browser-Modus.`),
    spawn(process.execPath, [path.join(root, 'dist', 'cli.cjs'), 'serve', ...args], { stdio: 'inherit' }));
child.on('exit', (code) => process.exit(code ?? 0));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
