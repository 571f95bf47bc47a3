// The trainee signs a week with a personal PIN: only a salted KDF hash is stored, wrong entries are limited with a
// recorded lockout, a supervisor's reset is recorded with who and when.
import { describe, expect, it } from 'vitest';
import { firmInput, testCore, traineeInput } from './helpers';

const content = {
  entries: [{ kind: 'work' as const, day: null, text: 'Korpus zugeschnitten und verleimt', hours: 31, positions: ['9'] }],
  absences: [],
  remarks: null,
};

async function setup() {
  // A clock the test moves by hand (no waiting): the lockout ends when the clock passes it.
  let now = new Date('2026-09-20T10:00:00Z');
  const c = testCore({ now: () => now });
  const firm = await c.call('firm.save', firmInput());
  const t = await c.call('trainees.create', traineeInput());
  await c.call('plan.create', { traineeId: t.id });
  const r = await c.call('nachweis.save', { traineeId: t.id, from: '2026-08-10', to: '2026-08-14', content });
  return { c, t, r, trainerId: firm.trainers[0]!.id, trainerName: firm.trainers[0]!.name, advance: (minutes: number) => (now = new Date(now.getTime() + minutes * 60_000)) };
}

const issueKey = (e: { issues?: { key: string }[] }) => e.issues?.[0]?.key;

describe('sign-off by the trainee with a personal PIN', () => {
  it('refuses a sign-off without a PIN, and PINs that are too short, too simple or not a passphrase', async () => {
    const { c, t, r } = await setup();
    expect((await c.fail('nachweis.sign', { id: r.id, as: 'trainee' })).issues?.[0]).toMatchObject({ path: ['pin'], key: 'required' });
    expect((await c.fail('nachweis.sign', { id: r.id, as: 'trainee', pin: '2468' })).code).toBe('pin_not_set');
    for (const [pin, key] of [
      ['12', 'pin_format'],
      ['123456789', 'pin_format'],
      ['abc', 'pin_format'],
      ['1111', 'pin_too_simple'],
      ['1234', 'pin_too_simple'],
    ] as const) {
      expect(issueKey(await c.fail('nachweis.setPin', { traineeId: t.id, pin, currentPin: null })), pin).toBe(key);
    }
    expect((await c.call('nachweis.pinStatus', { traineeId: t.id })).set).toBe(false);
    expect((await c.call('nachweis.setPin', { traineeId: t.id, pin: 'Hobelbank 7', currentPin: null })).set).toBe(true);
  });

  it('stores only a salted scrypt hash and signs with the right PIN; the sheet says it was signed by PIN', async () => {
    const { c, t, r } = await setup();
    const other = await c.call('trainees.create', traineeInput({ firstName: 'Ahmad', lastName: 'Haddad' }));
    await c.call('nachweis.setPin', { traineeId: t.id, pin: '2468', currentPin: null });
    await c.call('nachweis.setPin', { traineeId: other.id, pin: '2468', currentPin: null });
    const rows = c.store.db.prepare('SELECT hash FROM trainee_pins ORDER BY trainee_id').all() as { hash: string }[];
    expect(rows).toHaveLength(2);
    for (const { hash } of rows) {
      expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
      expect(hash).not.toContain('2468');
    }
    expect(rows[0]!.hash).not.toBe(rows[1]!.hash); // salted: the same PIN gives another hash
    const s = await c.call('nachweis.sign', { id: r.id, as: 'trainee', pin: '2468' });
    expect(s).toMatchObject({ status: 'trainee_signed', traineeSignedBy: 'pin', traineeSignedName: 'Amina Yousef' });
    await c.call('nachweis.withdrawSignature', { id: r.id });
    expect((await c.call('nachweis.get', { id: r.id })).traineeSignedBy).toBeNull();
  });

  it('counts wrong PINs, locks after five with a recorded lockout, and opens again when the lockout is over', async () => {
    const { c, t, r, advance } = await setup();
    await c.call('nachweis.setPin', { traineeId: t.id, pin: '2468', currentPin: null });
    for (let left = 4; left >= 1; left--) {
      // any typed PIN is compared with the hash, also one that could never be set ('1111', 'abc')
      const e = await c.fail('nachweis.sign', { id: r.id, as: 'trainee', pin: ['8642', '1111', 'abc', '86420'][left - 1]! });
      expect(e.issues?.[0]).toMatchObject({ path: ['pin'], key: 'pin_wrong', params: { count: left } });
    }
    expect((await c.call('nachweis.pinStatus', { traineeId: t.id })).attemptsLeft).toBe(1);
    const locked = await c.fail('nachweis.sign', { id: r.id, as: 'trainee', pin: '8642' });
    expect(locked.code).toBe('pin_locked');
    // while locked, even the right PIN is refused, and nothing is signed
    expect((await c.fail('nachweis.sign', { id: r.id, as: 'trainee', pin: '2468' })).code).toBe('pin_locked');
    expect((await c.call('nachweis.get', { id: r.id })).status).toBe('draft');
    const st = await c.call('nachweis.pinStatus', { traineeId: t.id });
    expect(st.lockedUntil).toBe('2026-09-20T10:15:00.000Z');
    expect(st.events.map((e) => e.kind)).toEqual(['locked', 'set']);
    advance(16);
    expect((await c.call('nachweis.sign', { id: r.id, as: 'trainee', pin: '2468' })).status).toBe('trainee_signed');
    expect((await c.call('nachweis.pinStatus', { traineeId: t.id })).attemptsLeft).toBe(5);
  });

  it('changes a PIN only with the current one; a supervisor resets a forgotten PIN, recorded with who and when', async () => {
    const { c, t, r, trainerId, trainerName, advance } = await setup();
    await c.call('nachweis.setPin', { traineeId: t.id, pin: '2468', currentPin: null });
    expect((await c.fail('nachweis.setPin', { traineeId: t.id, pin: '9753', currentPin: null })).issues?.[0]).toMatchObject({ path: ['currentPin'], key: 'required' });
    expect((await c.fail('nachweis.setPin', { traineeId: t.id, pin: '9753', currentPin: '1357' })).issues?.[0]).toMatchObject({ path: ['currentPin'], key: 'pin_wrong' });
    await c.call('nachweis.setPin', { traineeId: t.id, pin: '9753', currentPin: '2468' });
    expect(issueKey(await c.fail('nachweis.sign', { id: r.id, as: 'trainee', pin: '2468' }))).toBe('pin_wrong');
    advance(60);
    expect(issueKey(await c.fail('nachweis.resetPin', { traineeId: t.id, trainerId: 999 }))).toBe('unknown_trainer');
    const reset = await c.call('nachweis.resetPin', { traineeId: t.id, trainerId });
    expect(reset.set).toBe(false);
    expect(reset.events[0]).toEqual({ at: '2026-09-20T11:00:00.000Z', kind: 'reset', byName: trainerName });
    expect(reset.events.map((e) => e.kind)).toEqual(['reset', 'changed', 'set']);
    expect((await c.fail('nachweis.sign', { id: r.id, as: 'trainee', pin: '9753' })).code).toBe('pin_not_set');
    await c.call('nachweis.setPin', { traineeId: t.id, pin: '3579', currentPin: null });
    expect((await c.call('nachweis.sign', { id: r.id, as: 'trainee', pin: '3579' })).status).toBe('trainee_signed');
    // the history cannot be rewritten, and goes with the trainee
    expect(() => c.store.db.prepare("UPDATE trainee_pin_events SET by_name = 'x'").run()).toThrow(/never changed/);
    await c.call('trainees.delete', { id: t.id });
    expect((c.store.db.prepare('SELECT count(*) AS n FROM trainee_pin_events').get() as { n: number }).n).toBe(0);
  });
});
