-- 002: occupation templates, the firm's training plan and the Ausbildungsnachweis (issue 3).

-- The firm's own occupations (occupations.custom = 1) keep their framework-plan template here, as JSON in the
-- template format of shared/planTemplate.ts (checked on every write and read). Shipped occupations read theirs
-- from resources/rahmenplaene/<id>.json.
CREATE TABLE occupation_templates (
  occupation_id TEXT PRIMARY KEY REFERENCES occupations (id) ON DELETE CASCADE,
  body          TEXT NOT NULL,
  origin        TEXT NOT NULL CHECK (origin IN ('new', 'copy', 'import')),
  based_on      TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;

-- One plan per trainee, made from the template of the trainee's occupation (copied: later template edits do
-- not change an existing plan).
CREATE TABLE training_plans (
  trainee_id      INTEGER PRIMARY KEY REFERENCES trainees (id) ON DELETE CASCADE,
  occupation_id   TEXT NOT NULL REFERENCES occupations (id),
  occupation_name TEXT NOT NULL,
  regulation      TEXT NOT NULL,  -- JSON {name, short, date, reference}
  template_months INTEGER NOT NULL CHECK (template_months > 0),
  periods         TEXT NOT NULL,  -- JSON: the template's periods
  sections        TEXT NOT NULL,  -- JSON: the template's sections
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT;

CREATE TABLE plan_positions (
  id            INTEGER PRIMARY KEY,
  trainee_id    INTEGER NOT NULL REFERENCES training_plans (trainee_id) ON DELETE CASCADE,
  number        TEXT NOT NULL,
  section       TEXT,
  title         TEXT NOT NULL,
  throughout    INTEGER NOT NULL CHECK (throughout IN (0, 1)),
  firm_specific INTEGER NOT NULL DEFAULT 0 CHECK (firm_specific IN (0, 1)),
  skills        TEXT NOT NULL DEFAULT '[]',  -- JSON: the template's items [{key, text, subitems?}]
  sort          INTEGER NOT NULL,
  UNIQUE (trainee_id, number)
) STRICT;

-- A block of the plan: some skills of one position (or a firm-specific text) with its time guide value,
-- scheduled into a planned period of the contract, with its status and who confirmed it.
CREATE TABLE plan_items (
  id              INTEGER PRIMARY KEY,
  trainee_id      INTEGER NOT NULL REFERENCES training_plans (trainee_id) ON DELETE CASCADE,
  position_id     INTEGER NOT NULL REFERENCES plan_positions (id) ON DELETE CASCADE,
  item_keys       TEXT NOT NULL DEFAULT '[]',  -- JSON array of skill keys
  text            TEXT,                        -- firm-specific content; NULL = the template's skills
  template_period TEXT,
  weeks           REAL NOT NULL CHECK (weeks >= 0),
  planned_from    TEXT NOT NULL,
  planned_to      TEXT NOT NULL CHECK (planned_to >= planned_from),
  status          TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_progress', 'done')),
  done_on         TEXT,
  confirmed_by    INTEGER REFERENCES trainers (id),
  place           TEXT,
  note            TEXT,
  sort            INTEGER NOT NULL,
  updated_at      TEXT NOT NULL,
  CHECK ((status = 'done') = (done_on IS NOT NULL)),
  CHECK ((status = 'done') = (confirmed_by IS NOT NULL)),
  CHECK (text IS NOT NULL OR item_keys <> '[]')
) STRICT;
CREATE INDEX plan_items_trainee ON plan_items (trainee_id, planned_from);
CREATE INDEX plan_items_position ON plan_items (position_id);

-- What changed in a plan and why (contract changes, moves, splits, status): kind + parameters, shown translated.
CREATE TABLE plan_changes (
  id         INTEGER PRIMARY KEY,
  trainee_id INTEGER NOT NULL REFERENCES trainees (id) ON DELETE CASCADE,
  at         TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('created', 'contract', 'moved', 'split', 'added', 'status', 'removed')),
  params     TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX plan_changes_trainee ON plan_changes (trainee_id, at);

-- Ausbildungsnachweis: weekly by default, daily per trainee as an option.
CREATE TABLE nachweis_settings (
  trainee_id INTEGER PRIMARY KEY REFERENCES trainees (id) ON DELETE CASCADE,
  mode       TEXT NOT NULL CHECK (mode IN ('weekly', 'daily'))
) STRICT;

-- One sheet (a week, or part of one at the start or end of the training). `content` is the text as written and
-- signed (JSON, shared/nachweis.ts); corrections after signing are separate rows in nachweis_amendments.
CREATE TABLE nachweis_records (
  id                  INTEGER PRIMARY KEY,
  trainee_id          INTEGER NOT NULL REFERENCES trainees (id) ON DELETE CASCADE,
  period_from         TEXT NOT NULL,
  period_to           TEXT NOT NULL CHECK (period_to >= period_from),
  mode                TEXT NOT NULL CHECK (mode IN ('weekly', 'daily')),
  content             TEXT NOT NULL,
  trainee_signed_at   TEXT,
  trainee_signed_name TEXT,
  trainer_signed_at   TEXT,
  trainer_id          INTEGER REFERENCES trainers (id),
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  UNIQUE (trainee_id, period_from),
  CHECK ((trainee_signed_at IS NULL) = (trainee_signed_name IS NULL)),
  CHECK ((trainer_signed_at IS NULL) = (trainer_id IS NULL)),
  CHECK (trainer_signed_at IS NULL OR trainee_signed_at IS NOT NULL)
) STRICT;
CREATE INDEX nachweis_records_period ON nachweis_records (trainee_id, period_to);

-- A signed sheet is never overwritten: its text and period are fixed once the trainee signed, and nothing of it
-- changes once the trainer signed (the database refuses, whatever the code does).
CREATE TRIGGER nachweis_records_locked_text BEFORE UPDATE OF period_from, period_to, mode, content ON nachweis_records
WHEN OLD.trainee_signed_at IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'nachweis record is signed and locked');
END;
CREATE TRIGGER nachweis_records_locked_signed BEFORE UPDATE ON nachweis_records
WHEN OLD.trainer_signed_at IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'nachweis record is signed and locked');
END;

-- A correction of a signed sheet: the whole corrected content, with reason, date and author. Never changed.
CREATE TABLE nachweis_amendments (
  id         INTEGER PRIMARY KEY,
  record_id  INTEGER NOT NULL REFERENCES nachweis_records (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  author     TEXT NOT NULL,
  trainer_id INTEGER REFERENCES trainers (id),
  reason     TEXT NOT NULL,
  content    TEXT NOT NULL
) STRICT;
CREATE INDEX nachweis_amendments_record ON nachweis_amendments (record_id, id);
CREATE TRIGGER nachweis_amendments_fixed BEFORE UPDATE ON nachweis_amendments
BEGIN
  SELECT RAISE(ABORT, 'amendments are never changed');
END;
