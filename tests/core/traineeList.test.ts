// The trainee list in pages, with filters by occupation, training year today and "needs attention" (issue 14).
import { describe, expect, it } from 'vitest';
import { createScaleDemo } from '../../electron/core/demoScale';
import { startsInTrainingYear } from '../../electron/core/trainees/service';
import { addDays, trainingYear } from '../../shared/trainingCalendar';
import { testCore, traineeInput } from './helpers';

const now = new Date('2026-12-02T09:00:00Z');
const today = '2026-12-02';

async function workspace() {
  const c = testCore({ now: () => now });
  createScaleDemo(c.store, 60, now);
  return c;
}

describe('trainee list', () => {
  it('gives one page at a time with the total, in name order', async () => {
    const c = await workspace();
    const all = await c.call('trainees.list', {});
    expect(all.total).toBe(60);
    expect(all.items).toHaveLength(60);
    const first = await c.call('trainees.list', { limit: 25 });
    expect(first).toMatchObject({ total: 60, offset: 0 });
    expect(first.items).toHaveLength(25);
    const last = await c.call('trainees.list', { limit: 25, offset: 50 });
    expect(last).toMatchObject({ total: 60, offset: 50 });
    expect(last.items).toHaveLength(10);
    const middle = await c.call('trainees.list', { limit: 25, offset: 25 });
    expect([...first.items, ...middle.items, ...last.items].map((t) => t.id)).toEqual(all.items.map((t) => t.id));
    expect((await c.call('trainees.list', { limit: 25, offset: 75 })).items).toEqual([]);
    // A search is paged the same way and counts what it found.
    const found = await c.call('trainees.list', { search: 'haddad', limit: 3 });
    expect(found.items).toHaveLength(3);
    expect(found.total).toBe(all.items.filter((t) => t.lastName.toLowerCase().includes('haddad')).length);
    expect(found.total).toBeGreaterThan(3);
  });

  it('filters by occupation, training year today and needs attention, and refuses bad filters', async () => {
    const c = await workspace();
    const all = (await c.call('trainees.list', {})).items;
    const shk = await c.call('trainees.list', { occupationId: 'anlagenmechaniker-shk', limit: 10 });
    expect(shk.total).toBe(all.filter((t) => t.occupationId === 'anlagenmechaniker-shk').length);
    expect(shk.total).toBeGreaterThan(10);
    expect(shk.items.every((t) => t.occupationId === 'anlagenmechaniker-shk')).toBe(true);
    for (const year of [1, 2, 3]) {
      const r = await c.call('trainees.list', { trainingYear: year });
      const expected = all.filter((t) => trainingYear(t.contractStart!, today) === year).map((t) => t.id);
      expect(expected.length, `year ${year}`).toBeGreaterThan(0);
      expect(r.items.map((t) => t.id)).toEqual(expected);
    }
    const both = await c.call('trainees.list', { trainingYear: 2, occupationId: 'tischler', status: 'active' });
    expect(both.items.map((t) => t.id)).toEqual(all.filter((t) => t.status === 'active' && t.occupationId === 'tischler' && trainingYear(t.contractStart!, today) === 2).map((t) => t.id));

    // The same trainees as the start page marks; one who finished years ago has nothing to do.
    const done = await c.call('trainees.create', traineeInput({ lastName: 'Fertig', contractStart: '2020-08-03', contractEndPlanned: '2023-07-31' }));
    await c.call('trainees.end', { id: done.id, kind: 'regular', date: '2023-07-31' });
    const marked = new Set((await c.call('today.overview')).attention);
    const attention = await c.call('trainees.list', { attention: true, limit: 5 });
    const expected = all.filter((t) => marked.has(t.id));
    expect(attention.total).toBe(expected.length);
    expect(attention.total).toBeGreaterThan(5);
    expect(marked.has(done.id)).toBe(false);
    expect(attention.items.map((t) => t.id)).toEqual(expected.slice(0, 5).map((t) => t.id));

    for (const bad of [{ limit: 0 }, { limit: 501 }, { offset: -1 }, { trainingYear: 0 }, { trainingYear: 1.5 }, { attention: 'ja' }, { occupationId: '' }]) {
      expect((await c.fail('trainees.list', bad)).code, JSON.stringify(bad)).toBe('validation');
    }
  });

  it('finds the contract starts of a training year exactly, also around 29 February', () => {
    for (const day of ['2026-12-02', '2028-02-29', '2027-02-28', '2028-03-01', '2026-08-01']) {
      for (const year of [1, 2, 3, 4]) {
        const { from, to } = startsInTrainingYear(year, day);
        for (let s = addDays(from, -3); s <= addDays(to, 3); s = addDays(s, 1)) {
          expect(trainingYear(s, day) === year, `${s} on ${day}, year ${year}`).toBe(s >= from && s <= to);
        }
      }
    }
  });
});
