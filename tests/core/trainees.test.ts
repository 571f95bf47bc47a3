import { describe, expect, it } from 'vitest';
import { firmInput, testCore, traineeInput } from './helpers';

describe('trainees', () => {
  it('creates, lists, searches, edits and deletes a trainee', async () => {
    const c = testCore();
    const t = await c.call('trainees.create', traineeInput());
    expect(t.occupationName).toBe('Tischler/-in');
    await c.call('trainees.create', traineeInput({ firstName: 'Dawit', lastName: 'Bekele', occupationId: 'elektroniker-eg' }));
    expect((await c.call('trainees.list', {})).items.map((x) => x.lastName)).toEqual(['Bekele', 'Yousef']);
    expect((await c.call('trainees.list', { search: 'yóusef' })).items.map((x) => x.id)).toEqual([t.id]);
    expect((await c.call('trainees.list', { search: 'Elektroniker' })).items.map((x) => x.lastName)).toEqual(['Bekele']);
    // The list's own form "Nachname, Vorname", the other order, and parts of names.
    for (const search of ['Yousef, Amina', 'Amina Yousef', 'ami you', 'Yousef,Amina']) {
      expect((await c.call('trainees.list', { search })).items.map((x) => x.id), search).toEqual([t.id]);
    }
    const u = await c.call('trainees.update', { ...traineeInput({ weeklyHours: 35.5 }), id: t.id });
    expect(u.weeklyHours).toBe(35.5);
    await c.call('trainees.delete', { id: t.id });
    expect((await c.fail('trainees.get', { id: t.id })).code).toBe('not_found');
  });

  it('keeps the firm profile with its trainers', async () => {
    const c = testCore();
    const f = await c.call('firm.save', firmInput());
    expect(f.trainers).toHaveLength(1);
    const again = await c.call('firm.save', firmInput({ trainers: [{ id: f.trainers[0]!.id, name: 'Neu', role: null, aevo: false }] }));
    expect(again.trainers).toEqual([{ id: f.trainers[0]!.id, name: 'Neu', role: null, aevo: false }]);
  });
});
