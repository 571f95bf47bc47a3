// The trainee's personal PIN for signing a week: only a salted scrypt hash is kept, compared in constant time.
// Wrong entries are counted; after MAX_ATTEMPTS the PIN is locked for LOCK_MINUTES (recorded in the history).
// A supervisor can reset a forgotten PIN (recorded: who, when); the trainee then sets a new one.
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';
import { formatDateTime } from '../../../shared/format';
import type { PinStatus, SetPinInput } from '../../../shared/nachweis';
import { AppError, fieldError } from '../errors';
import type { Db } from '../store/db';
import { getTrainee } from '../trainees/service';

/** The PIN the demo's trainees have set (README, "Command line"). */
export const DEMO_PIN = '2468';
export const MAX_ATTEMPTS = 5;
export const LOCK_MINUTES = 15;
/** scrypt cost (N = 2^14, r = 8, p = 1: about 16 MB and a few dozen milliseconds per check). */
const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

interface PinRow {
  trainee_id: number;
  hash: string;
  set_at: string;
  failed: number;
  locked_until: string | null;
}

/** 'scrypt$N$r$p$salt$hash' (salt and hash base64). */
export function hashPin(pin: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(pin, salt, KEY_LENGTH, { N, r: R, p: P });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export function pinMatches(pin: string, stored: string): boolean {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = scryptSync(pin, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return timingSafeEqual(key, expected);
}

const pinRow = (db: Db, traineeId: number) => db.prepare('SELECT * FROM trainee_pins WHERE trainee_id = ?').get(traineeId) as PinRow | undefined;

function addEvent(db: Db, traineeId: number, kind: PinStatus['events'][number]['kind'], byName: string, ts: string, trainerId: number | null = null) {
  db.prepare('INSERT INTO trainee_pin_events (trainee_id, at, kind, trainer_id, by_name) VALUES (?, ?, ?, ?, ?)').run(traineeId, ts, kind, trainerId, byName);
}

const activeLock = (row: PinRow, now: Date) => (row.locked_until && row.locked_until > now.toISOString() ? row.locked_until : null);

export function pinStatus(db: Db, traineeId: number, now = new Date()): PinStatus {
  getTrainee(db, traineeId);
  const row = pinRow(db, traineeId);
  const events = db.prepare('SELECT at, kind, by_name AS byName FROM trainee_pin_events WHERE trainee_id = ? ORDER BY id DESC').all(traineeId) as PinStatus['events'];
  const lockedUntil = row ? activeLock(row, now) : null;
  return {
    traineeId,
    set: row !== undefined,
    setAt: row?.set_at ?? null,
    lockedUntil,
    attemptsLeft: row && !lockedUntil ? MAX_ATTEMPTS - row.failed : MAX_ATTEMPTS,
    events,
  };
}

/**
 * Checks the trainee's PIN; throws pin_not_set, pin_locked or pin_wrong (with the attempts left). A wrong entry is
 * counted and committed before the error goes out, so call this outside a transaction that the error rolls back.
 */
export function verifyPin(db: Db, traineeId: number, pin: string, path: (string | number)[], now = new Date()): void {
  const row = pinRow(db, traineeId);
  if (!row) throw new AppError('pin_not_set', `Trainee ${traineeId} has no PIN yet`, { traineeId });
  const locked = activeLock(row, now);
  if (locked) throw new AppError('pin_locked', `The PIN is locked until ${locked}`, { until: formatDateTime(locked) });
  if (pinMatches(pin, row.hash)) {
    if (row.failed > 0 || row.locked_until) db.prepare('UPDATE trainee_pins SET failed = 0, locked_until = NULL WHERE trainee_id = ?').run(traineeId);
    return;
  }
  const failed = row.failed + 1;
  if (failed >= MAX_ATTEMPTS) {
    const until = new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString();
    db.transaction(() => {
      db.prepare('UPDATE trainee_pins SET failed = 0, locked_until = ? WHERE trainee_id = ?').run(until, traineeId);
      addEvent(db, traineeId, 'locked', '', now.toISOString());
    })();
    throw new AppError('pin_locked', `Too many wrong PINs; locked until ${until}`, { until: formatDateTime(until) });
  }
  db.prepare('UPDATE trainee_pins SET failed = ?, locked_until = NULL WHERE trainee_id = ?').run(failed, traineeId);
  throw fieldError(path, 'pin_wrong', 'The PIN is wrong', { count: MAX_ATTEMPTS - failed });
}

/** The trainee sets a PIN (first time), or changes it with the current one. */
export function setPin(db: Db, input: z.output<typeof SetPinInput>, now = new Date()): PinStatus {
  const t = getTrainee(db, input.traineeId);
  const row = pinRow(db, t.id);
  if (row) {
    if (!input.currentPin) throw fieldError(['currentPin'], 'required', 'The current PIN is needed to change it');
    verifyPin(db, t.id, input.currentPin, ['currentPin'], now);
  }
  const ts = now.toISOString();
  db.transaction(() => {
    db.prepare('INSERT INTO trainee_pins (trainee_id, hash, set_at) VALUES (?, ?, ?) ON CONFLICT (trainee_id) DO UPDATE SET hash = excluded.hash, set_at = excluded.set_at, failed = 0, locked_until = NULL').run(
      t.id,
      hashPin(input.pin),
      ts,
    );
    addEvent(db, t.id, row ? 'changed' : 'set', `${t.firstName} ${t.lastName}`, ts);
  })();
  return pinStatus(db, t.id, now);
}

/** A supervisor removes a forgotten or locked PIN; recorded with the trainer's name and the time. */
export function resetPin(db: Db, traineeId: number, trainerId: number, now = new Date()): PinStatus {
  getTrainee(db, traineeId);
  const trainer = db.prepare('SELECT name FROM trainers WHERE id = ? AND active = 1').get(trainerId) as { name: string } | undefined;
  if (!trainer) throw fieldError(['trainerId'], 'unknown_trainer', `Trainer ${trainerId} not found`);
  if (!pinRow(db, traineeId)) throw new AppError('pin_not_set', `Trainee ${traineeId} has no PIN yet`, { traineeId });
  db.transaction(() => {
    db.prepare('DELETE FROM trainee_pins WHERE trainee_id = ?').run(traineeId);
    addEvent(db, traineeId, 'reset', trainer.name, now.toISOString(), trainerId);
  })();
  return pinStatus(db, traineeId, now);
}
