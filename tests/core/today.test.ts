// "Heute zu tun": what the start page lists, from the real rules and records (real SQLite).
import { describe, expect, it } from 'vitest';
import { docInput, at } from './immigrationFixtures';
import { testCore, traineeInput } from './helpers';

describe('today overview', () => {
  it('lists a trainee without documents, an urgent renewal and missing weeks, and counts them for the navigation', async () => {
    const c = testCore({ now: at('2026-12-01') });
    // Started 01.08.2026, no record yet: every week from the week of 03.08.2026 (KW 32) is missing.
    const noDocs = await c.call('trainees.create', traineeInput({ lastName: 'Ohnepapiere', contractStart: '2026-08-03' }));
    const renewal = await c.call('trainees.create', traineeInput({ lastName: 'Verlaengern', contractStart: '2026-08-03' }));
    // A Duldung valid until 11.12.2026: ten days left, within the urgent window of two weeks.
    await c.call('documents.create', docInput(renewal.id, { validUntil: '2026-12-11' }));
    const o = await c.call('today.overview');
    expect(o.today).toBe('2026-12-01');
    const of = (id: number) => o.items.filter((i) => i.traineeId === id).map((i) => i.kind);
    expect(of(noDocs.id)).toEqual(expect.arrayContaining(['may_not_train', 'weeks']));
    expect(of(renewal.id)).toEqual(expect.arrayContaining(['deadline', 'weeks']));
    const weeks = o.items.find((i) => i.kind === 'weeks' && i.traineeId === noDocs.id);
    // 03.08.2026 to the week before 30.11.2026: 17 weeks (KW 32–48).
    expect(weeks).toMatchObject({ firstMissing: '2026-08-03' });
    expect((weeks as { missing: number }).missing).toBeGreaterThanOrEqual(17);
    const deadline = o.items.find((i) => i.kind === 'deadline' && i.traineeId === renewal.id);
    expect(deadline).toMatchObject({ deadline: { dueOn: expect.any(String), bucket: expect.stringMatching(/overdue|soon/) } });
    expect(o.counts).toMatchObject({ nachweise: 2 });
    expect(o.counts.deadlines).toBeGreaterThanOrEqual(1);
    expect(o.attention).toEqual([noDocs.id, renewal.id].sort((a, b) => a - b));
    // The may-not-train line comes first: it is the most pressing.
    expect(o.items[0]!.kind).toBe('may_not_train');
  });

  it('is empty for a workspace with nothing to do', async () => {
    const c = testCore({ now: at('2026-12-01') });
    expect(await c.call('today.overview')).toMatchObject({ items: [], counts: { deadlines: 0, nachweise: 0 }, attention: [] });
  });
});
