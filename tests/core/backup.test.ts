// Backups hold everything (database and files, with checksums); restore verifies all of it before it touches the
// workspace, keeps the current state, and refuses what our migrations did not make. Real workspaces in temp dirs.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import yazl from 'yazl';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  backupsToPrune,
  cleanLeftovers,
  listBackups,
  readManifest,
  stageRestore,
  type BackupInfo,
} from '../../electron/core/store/backup';
import { checkDatabase, openStore } from '../../electron/core/store/db';
import { docInput, pdf, upload } from './immigrationFixtures';
import { ensureBuilt, runCli, tempDir, testCore, traineeInput } from './helpers';

const dbFile = (dir: string) => path.join(dir, 'werkbruecke.sqlite');
const names = (c: { call: (n: 'trainees.list', i: object) => Promise<{ items: { lastName: string }[] }> }) => c.call('trainees.list', {}).then((l) => l.items.map((t) => t.lastName).sort());

/** A workspace with one trainee and a document with a scanned copy under files/. */
async function workspace(lastName = 'Gesichert') {
  const c = testCore();
  const t = await c.call('trainees.create', traineeInput({ lastName }));
  const doc = await c.call('documents.create', { ...docInput(t.id), copy: upload('duldung.pdf', await pdf(`Scan ${lastName}`)) });
  return { c, t, doc };
}

function filesUnder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string) => {
    if (!fs.existsSync(d)) return;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(d, e.name), r);
      else out[r] = fs.readFileSync(path.join(d, e.name)).toString('base64');
    }
  };
  walk(dir, '');
  return out;
}

/**
 * A zip written like a backup, with whatever entries and manifest a test wants (a tampered or hostile file).
 * yazl refuses unsafe names, so each is written as a harmless name of the same length and then patched in.
 */
async function zipOf(entries: { name: string; data: Buffer }[], manifest: unknown): Promise<string> {
  const file = path.join(tempDir(), 'fremd.wbbackup');
  const zip = new yazl.ZipFile();
  const patches: [Buffer, Buffer][] = [];
  entries.forEach((e, i) => {
    const safe = /\.\.|\\|^\//.test(e.name) ? `files/${String(i).padStart(e.name.length - 6, 'x')}` : e.name;
    if (safe !== e.name) patches.push([Buffer.from(safe), Buffer.from(e.name)]);
    zip.addBuffer(e.data, safe, { compress: false });
  });
  zip.addBuffer(Buffer.from(JSON.stringify(manifest)), 'manifest.json');
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream as AsyncIterable<Buffer>) chunks.push(c);
  let bytes = Buffer.concat(chunks);
  for (const [from, to] of patches) {
    for (let at = bytes.indexOf(from); at >= 0; at = bytes.indexOf(from, at + 1)) to.copy(bytes, at);
  }
  fs.writeFileSync(file, bytes);
  bytes = Buffer.alloc(0);
  return file;
}

describe('complete backups', () => {
  it('holds the database and every file under files/, each with its SHA-256 in the manifest', async () => {
    const { c } = await workspace();
    const b = await c.call('system.backup');
    expect(b).toMatchObject({ kind: 'manual', format: 'zip', files: 1, appVersion: expect.any(String), schemaVersion: c.store.schemaVersion() });
    const file = path.join(c.dataDir, 'backups', b.name);
    const { manifest } = await readManifest(file);
    expect(manifest!.entries.map((e) => e.path)).toEqual(['werkbruecke.sqlite', expect.stringMatching(/^files\/trainees\/\d+\/.+\.pdf$/)]);
    expect(fs.readdirSync(path.join(c.dataDir, 'backups')).filter((n) => n.includes('.part'))).toEqual([]);
    expect((await c.call('system.backups')).backups.map((x) => x.name)).toEqual([b.name]);
  });

  it('restores database and files into another workspace exactly', async () => {
    const { c } = await workspace();
    const b = await c.call('system.backup');
    const other = testCore();
    await other.call('trainees.create', traineeInput({ lastName: 'WirdErsetzt' }));
    const r = await other.call('system.restore', { fileName: b.name, base64: fs.readFileSync(path.join(c.dataDir, 'backups', b.name)).toString('base64') });
    expect(r).toMatchObject({ withFiles: true, previous: expect.stringMatching(/^werkbruecke-before-restore-.*\.wbbackup$/) });
    expect(await names(other)).toEqual(['Gesichert']);
    expect(filesUnder(path.join(other.dataDir, 'files'))).toEqual(filesUnder(path.join(c.dataDir, 'files')));
    // The store was reopened on the restored file: later writes land in it and survive a restart.
    await other.call('trainees.create', traineeInput({ lastName: 'NachDemRestore' }));
    await other.close();
    const again = testCore({ dataDir: other.dataDir });
    expect(await names(again)).toEqual(['Gesichert', 'NachDemRestore']);
    // The state before the restore is a complete backup of its own.
    const prev = (await again.call('system.backups')).backups.find((x) => x.kind === 'before-restore')!;
    expect(prev.format).toBe('zip');
  });

  it('restores a listed backup by name and refuses a name that is not one', async () => {
    const { c } = await workspace();
    const b = await c.call('system.backup');
    await c.call('trainees.create', traineeInput({ lastName: 'Spaeter' }));
    expect(await names(c)).toEqual(['Gesichert', 'Spaeter']);
    await c.call('system.restore', { name: b.name });
    expect(await names(c)).toEqual(['Gesichert']);
    for (const name of ['../werkbruecke.sqlite', 'irgendwas.txt', 'werkbruecke-manual-2020-01-01T00-00-00-000Z.wbbackup']) {
      expect((await c.fail('system.restore', { name })).code, name).toBe('not_found');
    }
  });

  it('still restores an old single-file .sqlite backup and keeps files/ as it is', async () => {
    const { c } = await workspace('Alt');
    const old = path.join(tempDir(), 'werkbruecke-2026-11-24T10-00-00-000Z.sqlite');
    c.store.db.prepare('VACUUM INTO ?').run(old);
    await c.call('trainees.create', traineeInput({ lastName: 'Neu' }));
    const filesBefore = filesUnder(path.join(c.dataDir, 'files'));
    const r = await c.call('system.restore', { fileName: path.basename(old), base64: fs.readFileSync(old).toString('base64') });
    expect(r.withFiles).toBe(false);
    expect(await names(c)).toEqual(['Alt']);
    expect(filesUnder(path.join(c.dataDir, 'files'))).toEqual(filesBefore);
  });
});

describe('restore refuses what is not exactly a backup of ours, and changes nothing', () => {
  async function refused(c: Awaited<ReturnType<typeof workspace>>['c'], file: string, why: RegExp) {
    const before = { names: await names(c), files: filesUnder(path.join(c.dataDir, 'files')) };
    const err = await c.fail('system.restore', { fileName: path.basename(file), base64: fs.readFileSync(file).toString('base64') });
    expect(err.code).toBe('restore_invalid');
    expect(String(err.params?.why)).toMatch(why);
    expect(await names(c)).toEqual(before.names);
    expect(filesUnder(path.join(c.dataDir, 'files'))).toEqual(before.files);
    expect(fs.readdirSync(c.dataDir).filter((n) => n.startsWith('.restore-'))).toEqual([]);
  }

  it('refuses a backup with one changed byte in a file', async () => {
    const { c } = await workspace();
    const b = await c.call('system.backup');
    const bytes = fs.readFileSync(path.join(c.dataDir, 'backups', b.name));
    // PDFs are stored uncompressed: change one byte of the scan's text.
    const at = bytes.indexOf(Buffer.from('%PDF-'));
    expect(at).toBeGreaterThan(0);
    bytes[at + 200] = bytes[at + 200]! ^ 0x01;
    const tampered = path.join(tempDir(), b.name);
    fs.writeFileSync(tampered, bytes);
    await refused(c, tampered, /checksum|damaged/);
  });

  it('refuses unsafe entry names, unlisted entries and a missing database', async () => {
    const { c } = await workspace();
    const db = fs.readFileSync(path.join(c.dataDir, 'backups', (await c.call('system.backup')).name));
    const { manifest } = await readManifest(path.join(c.dataDir, 'backups', (await c.call('system.backups')).backups[0]!.name));
    const dbEntry = manifest!.entries[0]!;
    const realDb = path.join(tempDir(), 'db.sqlite');
    c.store.db.prepare('VACUUM INTO ?').run(realDb);
    const dbBytes = fs.readFileSync(realDb);
    const sha = (await import('node:crypto')).createHash('sha256').update(dbBytes).digest('hex');
    const base = { ...manifest!, entries: [{ path: 'werkbruecke.sqlite', size: dbBytes.length, sha256: sha }] };
    expect(db.length).toBeGreaterThan(0);
    expect(dbEntry.path).toBe('werkbruecke.sqlite');
    const evil = Buffer.from('evil');
    const evilEntry = { size: evil.length, sha256: (await import('node:crypto')).createHash('sha256').update(evil).digest('hex') };
    for (const name of ['files/../../evil.txt', 'files/a\\..\\evil.txt', 'werkbruecke.lock']) {
      const f = await zipOf([{ name: 'werkbruecke.sqlite', data: dbBytes }, { name, data: evil }], { ...base, entries: [...base.entries, { path: name, ...evilEntry }] });
      await refused(c, f, /unsafe entry name|damaged/);
    }
    await refused(c, await zipOf([{ name: 'werkbruecke.sqlite', data: dbBytes }, { name: 'files/extra.txt', data: evil }], base), /not in the manifest/);
    await refused(c, await zipOf([], { ...base, entries: [] }), /database is missing/);
    await refused(c, await zipOf([{ name: 'werkbruecke.sqlite', data: dbBytes }], { ...base, formatVersion: 99 }), /newer/);
    await refused(c, await zipOf([{ name: 'werkbruecke.sqlite', data: dbBytes }], { hello: 1 }), /manifest/);
    const junk = path.join(tempDir(), 'junk.wbbackup');
    fs.writeFileSync(junk, 'kein Zip und kein SQLite');
    await refused(c, junk, /not a Werkbrücke backup/);
  });

  /** A copy of a real workspace database, changed by `sql` (run with the file opened directly). */
  function alteredDb(source: string, sql: string): string {
    const f = path.join(tempDir(), 'werkbruecke-2026-11-24T10-00-00-000Z.sqlite');
    const src = new Database(source, { readonly: true });
    src.prepare('VACUUM INTO ?').run(f);
    src.close();
    const db = new Database(f);
    db.pragma('foreign_keys = OFF');
    db.exec(sql);
    db.close();
    return f;
  }

  it('refuses, and `check` reports, a database with missing tables, an extra trigger or dropped lock triggers', async () => {
    const { c } = await workspace();
    const src = path.join(tempDir(), 'src.sqlite');
    c.store.db.prepare('VACUUM INTO ?').run(src);
    const lockTrigger = (c.store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%signed%' LIMIT 1").get() as { name: string } | undefined)?.name;
    expect(lockTrigger, 'a trigger that locks signed weeks').toBeTruthy();
    const tables = (c.store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('trainees', 'firm', 'settings')").all() as { name: string }[]).map((r) => r.name);
    const cases: [string, RegExp][] = [
      [tables.map((t) => `DROP TABLE ${t};`).join(''), /table \w+ missing/],
      ['CREATE TRIGGER wipe AFTER INSERT ON trainees BEGIN DELETE FROM residence_documents; END;', /trigger wipe not made by Werkbrücke/],
      [`DROP TRIGGER ${lockTrigger};`, new RegExp(`trigger ${lockTrigger} missing`)],
      ['CREATE INDEX extra_idx ON trainees(first_name);', /index extra_idx not made by Werkbrücke/],
    ];
    for (const [sql, why] of cases) {
      const f = alteredDb(src, sql);
      const check = checkDatabase(f);
      expect(check.ok, sql).toBe(false);
      expect(check.schemaDifferences.join(', ')).toMatch(why);
      await refused(c, f, why);
    }
    expect(checkDatabase(src)).toMatchObject({ ok: true, schemaDifferences: [] });
  });
});

describe('leftovers and rotation', () => {
  it('completes an interrupted restore and removes partial files at the next start; a partial file is never listed', async () => {
    const { c } = await workspace('Vorher');
    const b = await c.call('system.backup');
    await c.call('trainees.create', traineeInput({ lastName: 'Danach' }));
    const staged = await stageRestore(c.dataDir, path.join(c.dataDir, 'backups', b.name));
    await c.close();
    // A crash in the middle of the swap: the journal is written, files/ moved in, the database not yet.
    const journal = { staging: path.basename(staged.staging), replaced: '.replaced-crash', withFiles: true };
    fs.writeFileSync(path.join(c.dataDir, 'restore-journal.json'), JSON.stringify(journal));
    fs.mkdirSync(path.join(c.dataDir, '.replaced-crash'));
    fs.renameSync(path.join(c.dataDir, 'files'), path.join(c.dataDir, '.replaced-crash', 'files'));
    fs.renameSync(path.join(staged.staging, 'files'), path.join(c.dataDir, 'files'));
    fs.writeFileSync(path.join(c.dataDir, 'backups', `${b.name}.part`), 'halb');
    fs.writeFileSync(path.join(c.dataDir, 'backups', 'werkbruecke-2026-11-24T10-00-00-000Z.sqlite-wal'), 'x');
    fs.mkdirSync(path.join(c.dataDir, '.restore-2026-01-01T00-00-00-000Z-1'));
    expect((await listBackups(path.join(c.dataDir, 'backups'))).map((x) => x.name)).toEqual([b.name]);

    const again = testCore({ dataDir: c.dataDir });
    expect(await names(again)).toEqual(['Vorher']);
    expect(fs.readdirSync(c.dataDir).sort()).toEqual(['backups', 'files', 'werkbruecke.lock', 'werkbruecke.sqlite', 'werkbruecke.sqlite-shm', 'werkbruecke.sqlite-wal'].filter((n) => fs.existsSync(path.join(c.dataDir, n))).sort());
    expect(fs.readdirSync(path.join(c.dataDir, 'backups')).filter((n) => !n.endsWith('.wbbackup'))).toEqual([]);
    expect(cleanLeftovers(c.dataDir)).toEqual([]);
  });

  it('keeps 7 daily, 4 weekly and 12 monthly automatic backups and never prunes a manual one', () => {
    const now = new Date('2026-12-01T08:00:00Z');
    const day = (n: number, kind: BackupInfo['kind'] = 'daily'): BackupInfo => {
      const d = new Date(now.getTime() - n * 86400000);
      return { name: `${kind}-${n}`, file: `/x/${n}`, kind, createdAt: d.toISOString(), bytes: 1, format: 'zip', appVersion: '0', schemaVersion: 1, files: 0 };
    };
    const all = [...Array.from({ length: 400 }, (_, i) => day(i)), day(300, 'manual'), day(399, 'manual')];
    const pruned = new Set(backupsToPrune(all, { daily: 7, weekly: 4, monthly: 12 }, now).map((b) => b.name));
    const kept = all.filter((b) => !pruned.has(b.name));
    expect(kept.filter((b) => b.kind === 'manual')).toHaveLength(2);
    const auto = kept.filter((b) => b.kind === 'daily').map((b) => b.name);
    // Days 0–6 (7 daily); the newest of 4 ISO weeks (days 0, 2, 9, 16: 2026-12-01 is a Tuesday, so days 0–1 are
    // this week, 2–8 the week before …); the newest of 12 months (Dec 1 = day 0, Nov 30 = day 1, Oct 31 = day 31, …).
    expect(auto).toEqual(expect.arrayContaining(['daily-0', 'daily-1', 'daily-2', 'daily-6', 'daily-9', 'daily-16', 'daily-31']));
    expect(auto.length).toBeLessThanOrEqual(7 + 4 + 12);
    expect(auto.length).toBeGreaterThanOrEqual(12);
    expect(pruned.has('daily-399')).toBe(true);
    expect(backupsToPrune(all, { daily: 0, weekly: 0, monthly: 0 }, now).some((b) => b.kind === 'manual')).toBe(false);
  });
});

describe('one writer per workspace', () => {
  beforeAll(ensureBuilt, 120_000);

  it('a second core on the same workspace is refused with a clear message; a stale lock is taken over', async () => {
    const c = testCore();
    expect(() => testCore({ dataDir: c.dataDir })).toThrow(expect.objectContaining({ code: 'workspace_locked' }));
    await c.close();
    // A lock left by a process that no longer runs (kill -9, power cut).
    fs.writeFileSync(path.join(c.dataDir, 'werkbruecke.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import('node:os')).hostname(), purpose: 'app', since: '2026-11-30T10:00:00Z' }));
    const again = testCore({ dataDir: c.dataDir });
    expect((await again.call('trainees.list', {})).items).toEqual([]);
  });

  it('CLI restore and demo refuse while the workspace is open, reading commands keep working, and no write is lost', async () => {
    const { c } = await workspace('Offen');
    const out = path.join(tempDir(), 'sicherung.wbbackup');
    const backup = runCli(['backup', '--out', out, '--data-dir', c.dataDir]);
    expect(backup.code, backup.err).toBe(0);
    const restore = runCli(['restore', '--from', out, '--data-dir', c.dataDir]);
    expect(restore.code).toBe(1);
    expect(restore.err).toMatch(/geöffnet/);
    expect(runCli(['demo', '--data-dir', c.dataDir]).code).toBe(1);
    for (let i = 0; i < 20; i++) await c.call('trainees.create', traineeInput({ lastName: `Nachher${i}` }));
    const list = runCli(['list', 'trainees', '--json', '--data-dir', c.dataDir]);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.out)).toHaveLength(21);
    expect(runCli(['check', '--data-dir', c.dataDir]).code).toBe(0);
    await c.close();
    const reopened = openStore(c.dataDir);
    expect((reopened.db.prepare('SELECT count(*) AS n FROM trainees').get() as { n: number }).n).toBe(21);
    reopened.close();
    // Once the app is closed, the CLI may restore.
    const ok = runCli(['restore', '--from', out, '--data-dir', c.dataDir]);
    expect(ok.code, ok.err).toBe(0);
    expect(JSON.parse(runCli(['list', 'trainees', '--json', '--data-dir', c.dataDir]).out)).toHaveLength(1);
  });

  it('CLI check reports schema differences with exit code 1', async () => {
    const { c } = await workspace();
    await c.close();
    const db = new Database(dbFile(c.dataDir));
    db.exec('CREATE TRIGGER wipe AFTER INSERT ON trainees BEGIN DELETE FROM residence_documents; END;');
    db.close();
    const r = runCli(['check', '--data-dir', c.dataDir]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/trigger wipe not made by Werkbrücke/);
  });
});

describe('deleted means deleted', () => {
  it('leaves no trace of a deleted trainee in the database file', async () => {
    const marker = 'ZZMARKERQX';
    const c = testCore();
    const t = await c.call('trainees.create', traineeInput({ lastName: `Name${marker}`, notes: `Notiz ${marker}`.repeat(50) }));
    await c.call('documents.create', docInput(t.id, { number: `NR${marker}` }));
    await c.call('trainees.delete', { id: t.id });
    await c.close();
    for (const f of fs.readdirSync(c.dataDir).filter((n) => n.startsWith('werkbruecke.sqlite'))) {
      expect(fs.readFileSync(path.join(c.dataDir, f)).includes(Buffer.from(marker)), f).toBe(false);
    }
  });

  it.runIf(process.platform !== 'win32')('creates the data folder and database for the owner only', async () => {
    const dir = path.join(tempDir(), 'neu');
    const c = testCore({ dataDir: dir });
    await c.call('system.backup');
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(dbFile(dir)).mode & 0o777).toBe(0o600);
    const b = fs.readdirSync(path.join(dir, 'backups'))[0]!;
    expect(fs.statSync(path.join(dir, 'backups', b)).mode & 0o777).toBe(0o600);
    const retention = (await c.call('system.backups')).retention;
    expect(retention).toMatchObject({ daily: 7, weekly: 4, monthly: 12, automaticUntil: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });
});
