// The layering rules of ARCHITECTURE.md, checked on the sources: a violation fails this test.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CALL_NAMES, contracts } from '../../shared/api';
import { handlers } from '../../electron/core/api/handlers';
import { ROOT } from './helpers';

function files(dir: string, exts = ['.ts', '.tsx']): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...files(p, exts));
    else if (exts.some((x) => e.name.endsWith(x))) out.push(p);
  }
  return out;
}

function imports(file: string): string[] {
  const src = fs.readFileSync(file, 'utf8');
  const re = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;
  return [...src.matchAll(re)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]!);
}

describe('architecture', () => {
  it('the core never imports electron', () => {
    const offenders = files(path.join(ROOT, 'electron/core')).filter((f) => imports(f).some((i) => i === 'electron' || i.startsWith('electron/')));
    expect(offenders).toEqual([]);
  });

  it('the core, shared and the server never import the renderer or the Electron shell', () => {
    const dirs = ['electron/core', 'shared', 'electron/server'];
    const offenders = dirs.flatMap((d) =>
      files(path.join(ROOT, d)).filter((f) =>
        imports(f).some((i) => {
          if (!i.startsWith('.')) return false;
          const target = path.resolve(path.dirname(f), i);
          return target.startsWith(path.join(ROOT, 'renderer')) || ['main', 'preload'].some((m) => target === path.join(ROOT, 'electron', m));
        }),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('the renderer imports only shared/, its own code and UI libraries', () => {
    const allowedPackages = /^(react|react-dom|react-dom\/client|react\/jsx-runtime|i18next|react-i18next|zod)$/;
    const offenders: string[] = [];
    for (const f of files(path.join(ROOT, 'renderer'))) {
      for (const i of imports(f)) {
        if (i.startsWith('.')) {
          const target = path.resolve(path.dirname(f), i);
          if (!target.startsWith(path.join(ROOT, 'renderer')) && !target.startsWith(path.join(ROOT, 'shared'))) offenders.push(`${f}: ${i}`);
        } else if (!allowedPackages.test(i)) offenders.push(`${f}: ${i}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('shared/ holds only contracts: no Node built-ins, no database', () => {
    const offenders = files(path.join(ROOT, 'shared')).filter((f) => imports(f).some((i) => i.startsWith('node:') || i === 'better-sqlite3' || i === 'electron'));
    expect(offenders).toEqual([]);
  });

  it('every contract has exactly one handler', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CALL_NAMES].sort());
    for (const name of CALL_NAMES) expect(contracts[name].input).toBeDefined();
  });

  it('the preload exposes only the calls derived from the contracts', () => {
    const src = fs.readFileSync(path.join(ROOT, 'electron/preload.ts'), 'utf8');
    expect(src).toContain("import { CALL_NAMES } from '../shared/api'");
    expect(src).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*[,)]/);
  });

  it('the Electron window is locked down', () => {
    const src = fs.readFileSync(path.join(ROOT, 'electron/main.ts'), 'utf8');
    for (const needle of ['contextIsolation: true', 'sandbox: true', 'nodeIntegration: false', 'setWindowOpenHandler', "'will-navigate'", 'setPermissionRequestHandler', 'senderFrame', 'content-security-policy']) {
      expect(src).toContain(needle);
    }
  });
});
