// The CLI as a user runs it: the built bundle in a child process, on a workspace in a temp dir.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIST, ensureBuilt, runCli, tempDir } from './helpers';
import { pdfText } from './pdfText';

const cli = runCli;

beforeAll(ensureBuilt, 120_000);

describe('cli', () => {
  it('creates demo data, lists it as JSON, and refuses to overwrite a non-empty workspace', () => {
    const dir = tempDir();
    const demo = cli(['demo', '--data-dir', dir]);
    expect(demo.code).toBe(0);
    const ids = [...demo.out.matchAll(/^(\d+)\t/gm)].map((m) => Number(m[1]));
    expect(ids.length).toBeGreaterThanOrEqual(3);
    const list = JSON.parse(cli(['list', 'trainees', '--json', '--data-dir', dir]).out) as { id: number; occupationId: string; status: string; firstLanguages: string[] }[];
    expect(list.map((t) => t.id).sort()).toEqual(ids.sort());
    expect(new Set(list.map((t) => t.occupationId)).size).toBe(3);
    expect(new Set(list.map((t) => t.status)).size).toBeGreaterThanOrEqual(2);
    expect(new Set(list.flatMap((t) => t.firstLanguages)).size).toBeGreaterThanOrEqual(3);
    const again = cli(['demo', '--data-dir', dir]);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/enthält bereits Daten/);
  });

  it('backs up, checks and restores', () => {
    const dir = tempDir();
    cli(['demo', '--data-dir', dir]);
    const out = path.join(tempDir(), 'sicherung.sqlite');
    expect(cli(['backup', '--out', out, '--data-dir', dir]).code).toBe(0);
    expect(fs.statSync(out).size).toBeGreaterThan(0);
    const check = cli(['check', '--json', '--data-dir', dir]);
    expect(check.code).toBe(0);
    expect(JSON.parse(check.out)).toMatchObject({ ok: true, integrity: ['ok'] });
    const other = tempDir();
    expect(cli(['restore', '--from', out, '--data-dir', other]).code).toBe(0);
    expect(JSON.parse(cli(['list', 'trainees', '--json', '--data-dir', other]).out).length).toBeGreaterThanOrEqual(3);
  });

  it('check fails with exit code 1 on a damaged workspace, and restore refuses a bad file', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'werkbruecke.sqlite'), 'kaputt');
    expect(cli(['check', '--data-dir', dir]).code).toBe(1);
    const bad = path.join(tempDir(), 'x.sqlite');
    fs.writeFileSync(bad, 'kaputt');
    const ok = tempDir();
    cli(['demo', '--data-dir', ok]);
    const r = cli(['restore', '--from', bad, '--data-dir', ok]);
    expect(r.code).toBe(1);
    expect(JSON.parse(cli(['list', 'trainees', '--json', '--data-dir', ok]).out).length).toBeGreaterThanOrEqual(3);
  });

  it('prints usage and exits 2 on unknown commands and bad options', () => {
    for (const args of [['frobnicate'], ['list', 'trainees', '--bogus'], ['list', 'planets'], ['serve', '--port', 'abc'], ['export', 'stammblatt', '--trainee', 'x', '--out', '/tmp/x.pdf'], []]) {
      const r = cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err + r.out).toMatch(/Usage: npm run cli/);
    }
  });

  it('exports a PDF whose text is the trainee data', async () => {
    const dir = tempDir();
    cli(['demo', '--data-dir', dir]);
    const out = path.join(tempDir(), 'stammblatt.pdf');
    const r = cli(['export', 'stammblatt', '--trainee', '1', '--out', out, '--data-dir', dir]);
    expect(r.code, r.err).toBe(0);
    const text = await pdfText(fs.readFileSync(out));
    expect(text).toContain('Stammblatt Auszubildende/r');
    expect(text).toContain('Rahimi, Ahmad');
    expect(text).toContain('17.04.2003');
    expect(text).toContain('Seite 1 von 1');
    expect(cli(['export', 'stammblatt', '--trainee', '999', '--out', out + '2', '--data-dir', dir]).code).toBe(1);
    expect(fs.existsSync(out + '2')).toBe(false);
  });

  it('serve prints a loopback address with a token', async () => {
    const { spawn } = await import('node:child_process');
    const dir = tempDir();
    const p = spawn(process.execPath, [path.join(DIST, 'cli.cjs'), 'serve', '--data-dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      p.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('#token=')) resolve(out);
      });
      p.on('exit', () => reject(new Error(out)));
    });
    p.kill('SIGTERM');
    expect(line).toMatch(/http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{32,}/);
  });
});
