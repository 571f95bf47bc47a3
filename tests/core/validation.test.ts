// Bad input gets a typed, translatable error and changes nothing.
import { describe, expect, it } from 'vitest';
import { firmInput, testCore, traineeInput } from './helpers';

async function count(c: ReturnType<typeof testCore>) {
  return (await c.call('trainees.list', {})).total;
}

describe('validation of API input', () => {
  const cases: [string, Record<string, unknown>, string, string][] = [
    ['empty first name', { firstName: '' }, 'firstName', 'required'],
    ['blank last name', { lastName: '   ' }, 'lastName', 'required'],
    ['10,000-character name', { lastName: 'x'.repeat(10000) }, 'lastName', 'too_big_string'],
    ['end date before start', { contractStart: '2026-08-01', contractEndPlanned: '2026-07-31' }, 'contractEndPlanned', 'end_before_start'],
    ['probation of 0 months', { probationMonths: 0 }, 'probationMonths', 'too_small_number'],
    ['probation of 5 months', { probationMonths: 5 }, 'probationMonths', 'too_big_number'],
    ['probation of 2.5 months', { probationMonths: 2.5 }, 'probationMonths', 'invalid_type'],
    ['malformed date', { contractStart: '2026-13-01' }, 'contractStart', 'invalid_date'],
    ['impossible date', { contractStart: '2026-02-30' }, 'contractStart', 'invalid_date'],
    ['German-format date', { contractStart: '01.08.2026' }, 'contractStart', 'invalid_date'],
    ['date with time', { dateOfBirth: '2004-05-06T00:00:00Z' }, 'dateOfBirth', 'invalid_date'],
    ['unknown language', { firstLanguages: ['xx'] }, 'firstLanguages.0', 'invalid_choice'],
    ['language twice', { firstLanguages: ['ar', 'ar'] }, 'firstLanguages', 'duplicate_language'],
    ['unknown CEFR level', { germanLevel: 'B3' }, 'germanLevel', 'invalid_choice'],
    ['bad e-mail', { email: 'nicht-mail' }, 'email', 'invalid_email'],
    ['school day 7', { schoolDays: [7] }, 'schoolDays.0', 'too_big_number'],
    ['birth after start', { dateOfBirth: '2027-01-01' }, 'dateOfBirth', 'birth_after_start'],
    ['unexpected field', { asylumReason: 'x' }, '', 'unknown_field'],
  ];
  for (const [name, over, path, key] of cases) {
    it(`refuses ${name}`, async () => {
      const c = testCore();
      const err = await c.fail('trainees.create', traineeInput(over));
      expect(err.code).toBe('validation');
      expect(err.issues).toContainEqual(expect.objectContaining({ path: path ? path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) : [], key }));
      expect(await count(c)).toBe(0);
    });
  }

  it('refuses an unknown occupation without writing', async () => {
    const c = testCore();
    const err = await c.fail('trainees.create', traineeInput({ occupationId: 'astronaut' }));
    expect(err.issues).toEqual([expect.objectContaining({ path: ['occupationId'], key: 'unknown_occupation' })]);
    expect(await count(c)).toBe(0);
  });

  it('refuses an update that would break the trainee and keeps the old data', async () => {
    const c = testCore();
    const t = await c.call('trainees.create', traineeInput());
    const err = await c.fail('trainees.update', { ...traineeInput({ contractEndPlanned: '2020-01-01' }), id: t.id });
    expect(err.code).toBe('validation');
    expect((await c.call('trainees.get', { id: t.id })).contractEndPlanned).toBe(t.contractEndPlanned);
  });

  it('refuses an end of training before its start, and a second end', async () => {
    const c = testCore();
    const t = await c.call('trainees.create', traineeInput());
    const err = await c.fail('trainees.end', { id: t.id, kind: 'early', date: '2026-07-01', reason: 'Kündigung' });
    expect(err.issues).toEqual([expect.objectContaining({ path: ['date'], key: 'end_before_start' })]);
    expect((await c.fail('trainees.end', { id: t.id, kind: 'early', date: '2026-09-01', reason: null })).issues).toEqual([
      expect.objectContaining({ path: ['reason'], key: 'required' }),
    ]);
    expect((await c.call('trainees.get', { id: t.id })).status).toBe('active');
    await c.call('trainees.end', { id: t.id, kind: 'early', date: '2026-09-01', reason: 'Kündigung in der Probezeit' });
    expect((await c.fail('trainees.end', { id: t.id, kind: 'regular', date: '2026-10-01', reason: null })).code).toBe('already_ended');
  });

  it('refuses a bad firm profile field by field', async () => {
    const c = testCore();
    const err = await c.fail('firm.save', firmInput({ name: '', betriebsnummer: '1234', email: 'x@', trainers: [{ name: '', role: null, aevo: true }] }));
    const keys = err.issues!.map((i) => `${i.path.join('.')}:${i.key}`).sort();
    expect(keys).toEqual(['betriebsnummer:invalid_betriebsnummer', 'email:invalid_email', 'name:required', 'trainers.0.name:required']);
    expect(await c.call('firm.get')).toBeNull();
  });

  it('answers an unknown call and a non-object input with an error, not an exception', async () => {
    const c = testCore();
    expect((await c.registry.invoke('trainees.drop', {})).ok).toBe(false);
    expect((await c.registry.invoke('__proto__', {})).ok).toBe(false);
    const r = await c.registry.invoke('trainees.get', 'abc');
    expect(r.ok).toBe(false);
  });
});
