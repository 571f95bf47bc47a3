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
      expect(r.err + r.out).toMatch(/Aufruf: npm run cli/);
    }
  });

  it('speaks one language: German by default, English with WERKBRUECKE_LANG=en or --lang en, in usage, errors and output', () => {
    const dir = tempDir();
    const de = cli(['demo', '--data-dir', dir]);
    expect(de.out).toContain(`Demo-Arbeitsbereich angelegt in ${dir}`);
    expect(de.out).toContain('Die Demo-Auszubildenden zeichnen ihre Wochen mit der PIN 2468 ab.');
    const deBad = cli(['list', 'trainees', '--bogus']);
    expect(deBad.err).toMatch(/^Fehler: unbekannte Option --bogus\n\nWerkbrücke auf der Kommandozeile\n\nAufruf: /);
    expect(deBad.err).not.toMatch(/Unknown|Usage|Commands/);
    const deRange = cli(['export', 'ausbildungsnachweis', '--trainee', '1', '--from', '2024-01-01', '--to', '2024-03-31', '--out', path.join(dir, 'x.pdf'), '--data-dir', dir]);
    expect(deRange.err).toMatch(/^Fehler: Für den Zeitraum 01\.01\.2024 bis 31\.03\.2024 gibt es keine Ausbildungsnachweise/);
    const deOpt = cli(['export', 'ausbildungsnachweis', '--trainee', '1', '--from', '01.01.2024', '--out', path.join(dir, 'x.pdf'), '--data-dir', dir]);
    expect(deOpt.err).toMatch(/^Fehler: ungültige Angaben zum Export: from: /);
    expect(deOpt.err).not.toMatch(/invalid_date/);

    for (const [args, env] of [
      [['--lang', 'en'], {}],
      [[], { WERKBRUECKE_LANG: 'en' }],
    ] as const) {
      const bad = cli(['list', 'trainees', '--bogus', ...args], env);
      expect(bad.code).toBe(2);
      expect(bad.err).toMatch(/^Error: unknown option --bogus\n\nWerkbrücke on the command line\n\nUsage: npm run cli/);
      expect(bad.err).not.toMatch(/Fehler|Aufruf|Befehle/);
      const range = cli(['export', 'ausbildungsnachweis', '--trainee', '1', '--from', '2024-01-01', '--to', '2024-03-31', '--out', path.join(dir, 'x.pdf'), '--data-dir', dir, ...args], env);
      expect(range.code).toBe(1);
      expect(range.err).toMatch(/^Error: There are no training records from 01\.01\.2024 to 31\.03\.2024\. No file was created\./);
      const again = cli(['demo', '--data-dir', dir, ...args], env);
      expect(again.err).toMatch(/^Error: The workspace already contains data/);
      const check = cli(['check', '--data-dir', dir, ...args], env);
      expect(check.out).toMatch(/^File: .*\nSchema version: \d+ \(app: \d+\)\nIntegrity: ok\nOK$/m);
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
