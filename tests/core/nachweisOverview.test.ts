// The supervisor's overview of the training records counts the same weeks as each trainee's own list (weekRows),
// with a fixed number of statements however many trainees there are (no query per trainee).
import { describe, expect, it } from 'vitest';
import { createScaleDemo } from '../../electron/core/demoScale';
import type { CallInput } from '../../shared/api';
import { testCore, traineeInput, type TestCore } from './helpers';

const content = (text = 'Werkstatt: Korpus verleimt') => ({ entries: [{ kind: 'work' as const, day: null, text, hours: 39, positions: [] }], absences: [], remarks: null });

/** The overview as each trainee's week list gives it (what the overview must agree with). */
async function fromWeekLists(c: TestCore) {
  const active = (await c.call('nachweis.overview', {})).map((r) => r.traineeId);
  const out = [];
  for (const traineeId of active) {
    const l = await c.call('nachweis.list', { traineeId });
    const missing = l.weeks.filter((w) => w.state === 'missing');
    out.push({ traineeId, missing: missing.length, firstMissing: missing[0]?.from ?? null, draft: l.counts.draft, traineeSigned: l.counts.traineeSigned, signed: l.counts.signed });
  }
  return out;
}

const counts = (rows: { traineeId: number; missing: number; firstMissing: string | null; draft: number; traineeSigned: number; signed: number }[]) =>
  rows.map(({ traineeId, missing, firstMissing, draft, traineeSigned, signed }) => ({ traineeId, missing, firstMissing, draft, traineeSigned, signed }));

describe('nachweis overview', () => {
  it('agrees with every trainee’s week list on the demo at scale and on awkward contracts', async () => {
    const now = new Date('2026-12-02T09:00:00Z');
    const c = testCore({ now: () => now });
    createScaleDemo(c.store, 40, now);
    const trainerId = (c.store.db.prepare('SELECT id FROM trainers ORDER BY id LIMIT 1').pluck().get() as number);
    const make = async (over: Record<string, unknown>) => (await c.call('trainees.create', traineeInput(over))).id;
    const save = (traineeId: number, from: string, to: string) => c.call('nachweis.save', { traineeId, id: null, from, to, content: content() } as CallInput<'nachweis.save'>);
    // Starts on a Sunday: that week needs no sheet; nothing written at all.
    await make({ lastName: 'Sonntag', contractStart: '2026-09-06', contractEndPlanned: '2029-09-05' });
    // Starts on a Wednesday; two sheets in one week (one signed, one draft); a gap; a draft for the week after next.
    const mid = await make({ lastName: 'Mittwoch', contractStart: '2026-09-16', contractEndPlanned: '2029-09-15' });
    await c.call('nachweis.setPin', { traineeId: mid, pin: '2468', currentPin: null });
    const a = await save(mid, '2026-09-16', '2026-09-18');
    await c.call('nachweis.sign', { id: a.id, as: 'trainee', pin: '2468' });
    await c.call('nachweis.sign', { id: a.id, as: 'trainer', trainerId });
    const b = await save(mid, '2026-09-21', '2026-09-22');
    await c.call('nachweis.sign', { id: b.id, as: 'trainee', pin: '2468' });
    await save(mid, '2026-09-23', '2026-09-25');
    await save(mid, '2026-10-05', '2026-10-09');
    await save(mid, '2026-12-14', '2026-12-18');
    // The planned end lies before today while the training is still recorded as going on: every week is past.
    const over = await make({ lastName: 'Vorbei', contractStart: '2026-01-05', contractEndPlanned: '2026-11-18' });
    await save(over, '2026-11-16', '2026-11-18');
    // Starts next month: nothing is missing yet.
    await make({ lastName: 'Zukunft', contractStart: '2027-01-04', contractEndPlanned: '2030-01-03' });

    const overview = await c.call('nachweis.overview', {});
    expect(overview.length).toBeGreaterThan(30);
    expect(counts(overview)).toEqual(await fromWeekLists(c));
    expect(overview.find((r) => r.traineeId === mid)).toMatchObject({ missing: 8, firstMissing: '2026-09-28', draft: 3, traineeSigned: 0, signed: 1 });
    expect(overview.find((r) => r.traineeId === over)).toMatchObject({ missing: 45, firstMissing: '2026-01-05', draft: 1 });
    expect(overview.some((r) => r.missing > 0 && r.signed > 50)).toBe(true);
  });

  it('runs the same statements for 3 trainees as for 30', async () => {
    const now = new Date('2026-12-02T09:00:00Z');
    const statementsFor = async (n: number) => {
      const c = testCore({ now: () => now });
      createScaleDemo(c.store, n, now);
      const db = c.store.db;
      const prepare = db.prepare.bind(db);
      let statements = 0;
      db.prepare = ((sql: string) => (statements++, prepare(sql))) as typeof db.prepare;
      const rows = await c.call('nachweis.overview', {});
      db.prepare = prepare;
      return { rows: rows.length, statements };
    };
    const few = await statementsFor(3);
    const many = await statementsFor(30);
    expect(many.rows).toBeGreaterThan(few.rows);
    expect(many.statements).toBe(few.statements);
  });
});
