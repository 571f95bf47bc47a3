// Test helpers: real SQLite workspaces in temp dirs, the real registry. No mocks of our own code.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { startCore, type Core } from '../../electron/core/app';
import type { CallInput, CallName, CallOutput } from '../../shared/api';
import type { ApiErrorBody } from '../../shared/errors';

const dirs: string[] = [];
const cores: Core[] = [];

export function tempDir(prefix = 'wb-test-'): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(d);
  return d;
}

afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

export interface TestCore extends Core {
  dataDir: string;
  /** Calls the registry like a transport does; throws with the error body when the call fails. */
  call<K extends CallName>(name: K, input?: CallInput<K>): Promise<CallOutput<K>>;
  /** Calls the registry and returns the error body; throws when the call succeeds. */
  fail<K extends CallName>(name: K, input: unknown): Promise<ApiErrorBody>;
}

/** A core on a fresh workspace (jobs inline unless workerFile is given). */
export function testCore(opts: { dataDir?: string; now?: () => Date; workerFile?: string } = {}): TestCore {
  const dataDir = opts.dataDir ?? tempDir();
  const core = startCore({ dataDir, transport: 'http', ...(opts.now ? { now: opts.now } : {}), ...(opts.workerFile ? { workerFile: opts.workerFile } : {}) });
  cores.push(core);
  return {
    ...core,
    dataDir,
    async call(name, input) {
      const r = await core.registry.invoke(name, input ?? {});
      if (!r.ok) throw new Error(`${name} failed: ${JSON.stringify(r.error)}`);
      return r.data as never;
    },
    async fail(name, input) {
      const r = await core.registry.invoke(name, input);
      if (r.ok) throw new Error(`${name} succeeded but should have failed`);
      return r.error;
    },
  };
}

/** A valid trainee input; override what a test is about. */
export function traineeInput(over: Record<string, unknown> = {}) {
  return {
    firstName: 'Amina',
    lastName: 'Yousef',
    dateOfBirth: '2004-05-06',
    nationality: 'syrisch',
    firstLanguages: ['ar'],
    otherLanguages: ['en'],
    germanLevel: 'B1',
    germanLevelDate: '2026-05-01',
    germanLevelSource: 'telc',
    phone: null,
    email: null,
    address: null,
    occupationId: 'tischler',
    contractStart: '2026-08-01',
    contractEndPlanned: '2029-07-31',
    probationMonths: 4,
    weeklyHours: 39,
    schoolDays: [2],
    payPerYear: [1000, 1100, 1200],
    chamberRegistrationDate: null,
    chamberRegistrationNo: null,
    priorExperience: 'Möbelbau in Damaskus',
    notes: null,
    ...over,
  } as CallInput<'trainees.create'>;
}

export const firmInput = (over: Record<string, unknown> = {}) =>
  ({
    name: 'Tischlerei Muster',
    street: 'Hauptstraße 1',
    zip: '20095',
    city: 'Hamburg',
    phone: '040 1',
    email: 'info@muster.de',
    betriebsnummer: '12345678',
    chamber: 'Handwerkskammer Hamburg',
    chamberMemberNo: '42',
    trainers: [{ name: 'Meister Muster', role: 'Inhaber', aevo: true }],
    ...over,
  }) as CallInput<'firm.save'>;

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const DIST = path.resolve(ROOT, process.env.WERKBRUECKE_DIST ?? 'dist');

/** Builds the bundle (dist/ or WERKBRUECKE_DIST) if it is older than the sources; for tests that run it. */
export function ensureBuilt() {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'electron/scripts/ensureBuilt.mjs')], { encoding: 'utf8', cwd: ROOT });
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
}

/** Runs the built CLI as a user would, e.g. runCli(['list', 'trainees', '--json', '--data-dir', dir]). */
export function runCli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [path.join(DIST, 'cli.cjs'), ...args], { encoding: 'utf8', cwd: ROOT, env: { ...process.env, WERKBRUECKE_LANG: '', ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

export interface ServeProcess {
  proc: import('node:child_process').ChildProcess;
  port: number;
  token: string;
  /** Everything the process printed so far. */
  output(): string;
  stop(): Promise<number | null>;
}

/** Starts browser mode (`cli serve`) as a user does, in a child process; resolves once it prints its address. */
export async function startServe(dataDir: string, extra: string[] = []): Promise<ServeProcess> {
  const { spawn } = await import('node:child_process');
  const proc = spawn(process.execPath, [path.join(DIST, 'cli.cjs'), 'serve', '--data-dir', dataDir, ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const m = await new Promise<RegExpExecArray>((resolve, reject) => {
    const onData = () => {
      const found = /http:\/\/127\.0\.0\.1:(\d+)\/#token=([\w-]+)/.exec(out);
      if (found) resolve(found);
    };
    proc.stdout!.on('data', onData);
    proc.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
  return {
    proc,
    port: Number(m[1]),
    token: m[2]!,
    output: () => out,
    stop: () =>
      new Promise((resolve) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return resolve(proc.exitCode);
        proc.once('exit', (code) => resolve(code));
        proc.kill('SIGTERM');
      }),
  };
}

/**
 * A workspace at an older schema version holding the demo: the demo is created at the current schema (its code
 * writes today's tables) and its rows are copied into a store migrated only up to `version`, column by column where
 * both have the column. For tests of a migration that must keep every row of an existing file.
 */
export async function demoAtVersion(dir: string, version: number, now: Date) {
  const [{ openStore }, { MIGRATIONS }, { createDemo }] = await Promise.all([
    import('../../electron/core/store/db'),
    import('../../electron/core/store/migrations'),
    import('../../electron/core/demo'),
  ]);
  const src = openStore(tempDir());
  createDemo(src, now);
  const srcFile = src.db.name;
  src.close();
  const old = openStore(dir, { migrations: MIGRATIONS.slice(0, version) });
  const { db } = old;
  db.prepare('ATTACH DATABASE ? AS src').run(srcFile);
  db.pragma('foreign_keys = OFF');
  const cols = (schema: string, t: string) => (db.prepare(`SELECT name FROM ${schema}.pragma_table_info(?)`).all(t) as { name: string }[]).map((c) => c.name);
  db.transaction(() => {
    const tables = db.prepare("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    for (const t of tables) {
      const theirs = new Set(cols('src', t));
      const common = cols('main', t).filter((c) => theirs.has(c)).map((c) => `"${c}"`);
      if (common.length === 0) continue;
      db.exec(`DELETE FROM main."${t}"; INSERT INTO main."${t}" (${common.join(', ')}) SELECT ${common.join(', ')} FROM src."${t}"`);
    }
  })();
  db.pragma('foreign_keys = ON');
  db.exec('DETACH DATABASE src');
  if ((db.pragma('foreign_key_check') as unknown[]).length > 0) throw new Error('demoAtVersion: foreign keys do not hold');
  return old;
}
