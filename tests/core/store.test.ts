import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../electron/core/errors';
import { checkDatabase, LATEST_VERSION, openStore } from '../../electron/core/store/db';
import { MIGRATIONS } from '../../electron/core/store/migrations/index';
import { createTrainee } from '../../electron/core/trainees/service';
import { TraineeInput } from '../../shared/trainees';
import { tempDir, traineeInput } from './helpers';

const dbFile = (dir: string) => path.join(dir, 'werkbruecke.sqlite');

describe('store', () => {
  it('applies every migration to an empty database, with WAL and foreign keys', () => {
    const dir = tempDir();
    const store = openStore(dir);
    expect(store.schemaVersion()).toBe(MIGRATIONS.length);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(store.db.pragma('foreign_key_check')).toEqual([]);
    store.close();
    // A fresh database needs no backup; reopening is a no-op.
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
    openStore(dir).close();
    expect(checkDatabase(dbFile(dir)).ok).toBe(true);
  });

  it('backs up an existing database before migrating it, and keeps its data', () => {
    const dir = tempDir();
    const old = openStore(dir, { migrations: MIGRATIONS.slice(0, 1) });
    createTrainee(old.db, TraineeInput.parse(traineeInput()));
    old.close();
    const store = openStore(dir);
    expect(store.schemaVersion()).toBe(LATEST_VERSION);
    expect((store.db.prepare('SELECT count(*) AS n FROM trainees').get() as { n: number }).n).toBe(1);
    store.close();
    const backups = fs.readdirSync(path.join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/^before-migration-v1-.*\.sqlite$/);
    const b = new Database(path.join(dir, 'backups', backups[0]!), { readonly: true });
    expect(b.pragma('user_version', { simple: true })).toBe(1);
    expect((b.prepare('SELECT count(*) AS n FROM trainees').get() as { n: number }).n).toBe(1);
    b.close();
  });

  it('rolls back a failing migration completely and leaves the file at the old version', () => {
    const dir = tempDir();
    openStore(dir, { migrations: MIGRATIONS.slice(0, 1) }).close();
    const broken = [...MIGRATIONS.slice(0, 1), { version: 2, name: '002_broken', sql: 'CREATE TABLE x (a INTEGER); INSERT INTO nope VALUES (1);' }];
    expect(() => openStore(dir, { migrations: broken })).toThrow(/nope/);
    const db = new Database(dbFile(dir), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'x'").get()).toBeUndefined();
    db.close();
  });

  it('refuses a database newer than the app and does not touch it', () => {
    const dir = tempDir();
    openStore(dir).close();
    const db = new Database(dbFile(dir));
    db.pragma(`user_version = ${LATEST_VERSION + 5}`);
    db.close();
    const before = fs.readFileSync(dbFile(dir));
    let err: unknown;
    try {
      openStore(dir);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('db_too_new');
    expect(fs.readFileSync(dbFile(dir)).equals(before)).toBe(true);
  });

  it('refuses a file that is not a database and leaves it as it is', () => {
    const dir = tempDir();
    fs.writeFileSync(dbFile(dir), 'this is a letter, not a database '.repeat(200));
    const before = fs.readFileSync(dbFile(dir));
    expect(() => openStore(dir)).toThrow(expect.objectContaining({ code: 'db_unreadable' }));
    expect(fs.readFileSync(dbFile(dir)).equals(before)).toBe(true);
    expect(checkDatabase(dbFile(dir)).ok).toBe(false);
  });
  it('009 rebuilds residence_documents for the new type and keeps every row, version chain and deadline link', () => {
    const dir = tempDir();
    const old = openStore(dir, { migrations: MIGRATIONS.slice(0, 8) });
    const t = createTrainee(old.db, TraineeInput.parse(traineeInput()));
    const ts = '2026-12-01T10:00:00.000Z';
    const ins = old.db.prepare(
      `INSERT INTO residence_documents (trainee_id, type, issued_on, valid_until, work_note, safe_origin, file_number, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const first = Number(ins.run(t.id, 'aufenthaltsgestattung', '2025-01-01', '2026-06-30', 'beschaeftigung_nur_mit_erlaubnis', 1, 'AZ-1', ts, ts).lastInsertRowid);
    const second = Number(ins.run(t.id, 'duldung', '2026-07-01', '2026-12-31', 'beschaeftigung_nur_mit_erlaubnis', 0, null, ts, ts).lastInsertRowid);
    old.db.prepare('UPDATE residence_documents SET replaced_by_id = ? WHERE id = ?').run(second, first);
    old.db
      .prepare(`INSERT INTO deadline_tasks (key, trainee_id, document_id, kind, rule_id, due_on, from_on, event_on, stored, created_at) VALUES (?, ?, ?, 'notify_end', 'notify_recommended', '2026-12-29', '2026-12-01', '2026-12-01', 1, ?)`)
      .run(`notify_end:${t.id}:-:2026-12-01`, t.id, second, ts);
    // Version 8 refuses the new type (the CHECK that 009 rebuilds).
    expect(() => ins.run(t.id, 'ae_18_21', null, '2029-07-31', 'erwerbstaetigkeit_erlaubt', 0, null, ts, ts)).toThrow(/CHECK/);
    const rows = old.db.prepare('SELECT * FROM residence_documents ORDER BY id').all();
    old.close();

    const store = openStore(dir);
    expect(store.schemaVersion()).toBe(LATEST_VERSION);
    // Nothing lost: the rows as they were, the chain (replaced_by_id) and the task's document (no ON DELETE action fired).
    expect(store.db.prepare('SELECT * FROM residence_documents ORDER BY id').all()).toEqual(rows);
    expect(store.db.prepare('SELECT document_id FROM deadline_tasks').pluck().get()).toBe(second);
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('foreign_key_check')).toEqual([]);
    // The new type is accepted, the old CHECKs still hold, and the foreign keys still act on the rebuilt table.
    const third = Number(store.db.prepare(`INSERT INTO residence_documents (trainee_id, type, valid_until, work_note, created_at, updated_at) VALUES (?, 'ae_18_21', '2029-07-31', 'erwerbstaetigkeit_erlaubt', ?, ?)`).run(t.id, ts, ts).lastInsertRowid);
    expect(() => store.db.prepare(`INSERT INTO residence_documents (trainee_id, type, created_at, updated_at) VALUES (?, 'aufenthaltstitel', ?, ?)`).run(t.id, ts, ts)).toThrow(/CHECK/);
    expect(() => store.db.prepare(`INSERT INTO residence_documents (trainee_id, type, created_at, updated_at) VALUES (999, 'pass', ?, ?)`).run(ts, ts)).toThrow(/FOREIGN KEY/);
    store.db.prepare('DELETE FROM residence_documents WHERE id = ?').run(second);
    expect(store.db.prepare('SELECT replaced_by_id FROM residence_documents WHERE id = ?').pluck().get(first)).toBeNull();
    expect(store.db.prepare('SELECT document_id FROM deadline_tasks').pluck().get()).toBeNull();
    expect(third).toBeGreaterThan(second);
    store.close();
    // The migrated file has exactly the schema a new workspace gets (indexes included).
    const check = checkDatabase(dbFile(dir));
    expect(check.schemaDifferences).toEqual([]);
    expect(check.ok).toBe(true);
  });
});
