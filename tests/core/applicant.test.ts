// An applicant (Bewerber/in in a Praktikum or EQ): a trainee file without a contract. Migration 010 rebuilds the
// trainees table (nullable contract) without losing a row anywhere; timeline and network work; plan and Nachweis
// say there is no contract yet; "Ausbildungsvertrag erfassen" makes it a trainee's file.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CallInput } from '../../shared/api';
import { checkDatabase, openStore } from '../../electron/core/store/db';
import { MIGRATIONS } from '../../electron/core/store/migrations';
import { demoAtVersion, tempDir, testCore, traineeInput } from './helpers';

const NOW = new Date('2026-09-01T10:00:00Z');

function applicantInput(): CallInput<'trainees.createApplicant'> {
  const { contractStart: _s, contractEndPlanned: _e, probationMonths: _p, weeklyHours: _w, ...rest } = traineeInput({ firstName: 'Samir', lastName: 'Noori' }) as Record<string, unknown>;
  return rest as CallInput<'trainees.createApplicant'>;
}

describe('migration 010', () => {
  it('rebuilds the trainees table from version 9 keeping every row of every table, and the schema check stays green', async () => {
    const dir = tempDir();
    const old = await demoAtVersion(dir, 9, NOW);
    const tables = (old.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    const count = (db: typeof old.db) => Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get()]));
    const before = count(old.db);
    expect(before.nachweis_records).toBeGreaterThan(0);
    old.close();
    const store = openStore(dir);
    expect(store.schemaVersion()).toBe(MIGRATIONS.length);
    expect(count(store.db)).toEqual(before);
    expect(store.db.pragma('foreign_key_check')).toEqual([]);
    // The children still cascade from the new table.
    const id = store.db.prepare('SELECT trainee_id FROM nachweis_records LIMIT 1').pluck().get() as number;
    store.db.prepare('DELETE FROM trainees WHERE id = ?').run(id);
    expect(store.db.prepare('SELECT count(*) FROM nachweis_records WHERE trainee_id = ?').pluck().get(id)).toBe(0);
    store.close();
    const check = checkDatabase(path.join(dir, 'werkbruecke.sqlite'));
    expect(check.ok, JSON.stringify(check)).toBe(true);
  });
});

describe('an applicant without a contract', () => {
  it('has a file with timeline and network, no plan or Nachweis yet, and becomes a trainee with the contract', async () => {
    const core = testCore({ now: () => NOW });
    const a = await core.call('trainees.createApplicant', applicantInput());
    expect(a).toMatchObject({ status: 'applicant', contractStart: null, contractEndPlanned: null, probationMonths: null, weeklyHours: null });
    expect((await core.call('trainees.get', { id: a.id })).status).toBe('applicant');
    expect((await core.call('trainees.list', {})).items.map((t) => [t.id, t.status])).toEqual([[a.id, 'applicant']]);
    expect((await core.call('trainees.list', { status: 'active' })).items).toEqual([]);
    expect((await core.call('trainees.list', { status: 'ended' })).items).toEqual([]);

    // The timeline before the contract: a Praktikum, then an EQ with nothing after it (a gap on the dashboard).
    await core.call('network.saveMeasure', { traineeId: a.id, type: 'praktikum', startOn: '2026-03-01', endOn: '2026-03-31', status: 'done' });
    await core.call('network.saveMeasure', { traineeId: a.id, type: 'eq', startOn: '2026-04-01', endOn: '2026-09-30', status: 'running' });
    await core.call('network.savePerson', { traineeId: a.id, name: 'Sara Berater', role: 'mediator' });
    const o = await core.call('network.overview', { traineeId: a.id });
    expect(o.measures.map((m) => [m.type, m.gap])).toEqual([['praktikum', false], ['eq', true]]);
    expect((await core.call('network.dashboard', {})).gaps.map((g) => [g.traineeId, g.type])).toEqual([[a.id, 'eq']]);
    // Everything that needs a contract says so, and the pages across all trainees still work.
    for (const [name, input] of [['plan.get', { traineeId: a.id }], ['plan.create', { traineeId: a.id }], ['nachweis.list', { traineeId: a.id }], ['exports.create', { kind: 'ausbildungsnachweis', traineeId: a.id }], ['trainees.end', { id: a.id, kind: 'regular', date: '2026-09-01' }]] as const) {
      const err = await core.fail(name, input);
      expect(err.code, name).toBe('no_contract');
    }
    await core.call('today.overview', {});
    await core.call('deadlines.list', {} as never);
    await core.call('nachweis.overview', {});
    const stammblatt = await core.call('exports.create', { kind: 'stammblatt', traineeId: a.id });
    expect(stammblatt.bytes).toBeGreaterThan(0);
    await core.call('exports.create', { kind: 'auskunft-json', traineeId: a.id });
    // The database refuses half a contract.
    expect(() => core.store.db.prepare("UPDATE trainees SET contract_start = '2026-10-01' WHERE id = ?").run(a.id)).toThrow(/CHECK/);

    // Ausbildungsvertrag erfassen: the contract's fields are checked like a trainee's; then plan and Nachweis work.
    const withContract = { ...traineeInput({ firstName: "Samir", lastName: "Noori", contractStart: "2026-10-01", contractEndPlanned: "2029-09-30" }), id: a.id } as never;
    const bad = await core.fail('trainees.recordContract', { ...(withContract as object), contractEndPlanned: '2026-01-01' });
    expect(bad.issues?.[0]).toMatchObject({ path: ['contractEndPlanned'] });
    expect((await core.call('trainees.get', { id: a.id })).status).toBe('applicant');
    const t = await core.call('trainees.recordContract', withContract);
    expect(t).toMatchObject({ status: 'active', contractStart: '2026-10-01', contractEndPlanned: '2029-09-30' });
    expect((await core.call('plan.create', { traineeId: a.id })).traineeId).toBe(a.id);
    expect((await core.fail('trainees.recordContract', withContract)).code).toBe('not_applicant');
    expect((await core.fail('trainees.updateApplicant', { ...applicantInput(), id: a.id })).code).toBe('not_applicant');
    // The timeline stays with the file.
    expect((await core.call('network.overview', { traineeId: a.id })).measures).toHaveLength(2);
  });
});
