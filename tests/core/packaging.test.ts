// What the installers promise, checked on electron-builder.yml and package.json (installers themselves
// cannot be built on this machine: electron-builder downloads Electron and its tools from GitHub).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from './helpers';

const cfg = parse(fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8'));
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

describe('packaging', () => {
  it('builds Werkbrücke as a per-user Windows install without admin rights, AppImage, deb and dmg', () => {
    expect(cfg.productName).toBe('Werkbrücke');
    expect(cfg.win.target[0].target).toBe('nsis');
    expect(cfg.nsis).toMatchObject({ perMachine: false, allowElevation: false, oneClick: false });
    expect(cfg.linux.target).toEqual(['AppImage', 'deb']);
    expect(cfg.mac.target).toBe('dmg');
  });

  it('packs the app into asar, keeps the native SQLite module loadable, and ships resources beside it', () => {
    expect(cfg.asar).toBe(true);
    expect(cfg.asarUnpack).toContain('**/node_modules/better-sqlite3/**');
    expect(cfg.extraResources).toContainEqual(expect.objectContaining({ from: 'resources', to: 'resources' }));
    for (const f of ['LICENSE-DejaVu.txt', 'LICENSE-Vazirmatn.txt', 'LICENSE-NotoSansEthiopic.txt']) {
      expect(fs.existsSync(path.join(ROOT, 'resources', 'fonts', f)), f).toBe(true);
    }
    expect(pkg.main).toBe('dist/main.cjs');
    expect(cfg.files).toContain('dist/**/*');
  });

  it('hardens the release build with fuses', () => {
    expect(cfg.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('keeps electron and electron-builder as devDependencies and pins Node 22 for the npm scripts', () => {
    expect(pkg.devDependencies.electron).toBeDefined();
    expect(pkg.devDependencies['electron-builder']).toBeDefined();
    expect(pkg.dependencies?.electron).toBeUndefined();
    expect(pkg.devDependencies.node).toMatch(/^\^?22/);
    expect(pkg.dependencies['better-sqlite3']).toMatch(/^\^?13/);
  });
});
