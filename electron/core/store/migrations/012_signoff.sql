-- 012 (issue 14): the trainee signs a week with a personal PIN; shipped glossary translations are suggestions
-- until someone in the firm marks them checked.

-- The trainee's PIN (4-8 digits or a passphrase), only as a salted scrypt hash ('scrypt$N$r$p$salt$hash', base64).
-- failed: wrong entries since the last right one; locked_until: no sign-off by PIN before this moment.
CREATE TABLE trainee_pins (
  trainee_id   INTEGER PRIMARY KEY REFERENCES trainees (id) ON DELETE CASCADE,
  hash         TEXT NOT NULL CHECK (hash LIKE 'scrypt$%'),
  set_at       TEXT NOT NULL,
  failed       INTEGER NOT NULL DEFAULT 0 CHECK (failed >= 0),
  locked_until TEXT
) STRICT;

-- The trainee's PIN history: set or changed by the trainee, a lockout after too many wrong entries, a reset by a
-- supervisor (trainer_id, by_name: who). Never changed.
CREATE TABLE trainee_pin_events (
  id         INTEGER PRIMARY KEY,
  trainee_id INTEGER NOT NULL REFERENCES trainees (id) ON DELETE CASCADE,
  at         TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('set', 'changed', 'locked', 'reset')),
  trainer_id INTEGER REFERENCES trainers (id),
  by_name    TEXT NOT NULL
) STRICT;
CREATE INDEX trainee_pin_events_trainee ON trainee_pin_events (trainee_id, id);
CREATE TRIGGER trainee_pin_events_fixed BEFORE UPDATE ON trainee_pin_events
BEGIN
  SELECT RAISE(ABORT, 'PIN events are never changed');
END;

-- How the trainee signed a sheet: 'pin' (with the personal PIN) or 'click' (before PINs, or NULL while unsigned).
ALTER TABLE nachweis_records ADD COLUMN trainee_signed_by TEXT CHECK (trainee_signed_by IN ('click', 'pin'));
-- Sheets the trainer signed are locked by a trigger against any update: it is lifted for this one back-fill of the
-- new column only, inside this migration's transaction, and recreated exactly as 002 made it.
DROP TRIGGER nachweis_records_locked_signed;
UPDATE nachweis_records SET trainee_signed_by = 'click' WHERE trainee_signed_at IS NOT NULL;
CREATE TRIGGER nachweis_records_locked_signed BEFORE UPDATE ON nachweis_records
WHEN OLD.trainer_signed_at IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'nachweis record is signed and locked');
END;

-- A translation is 'suggested' (shipped with a starter glossary, not yet checked by the firm) or 'checked'.
-- Typed and imported translations are the firm's own and count as checked.
ALTER TABLE glossary_translations ADD COLUMN review TEXT NOT NULL DEFAULT 'checked' CHECK (review IN ('suggested', 'checked'));
