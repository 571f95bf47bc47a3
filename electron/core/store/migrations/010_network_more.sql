-- 010 (issue 11, second part).
-- The scan of a consent given on signed paper (form 'paper_scan'), kept like a document copy under
-- files/trainees/<trainee_id>/consents/ with its name, type, size and SHA-256; all five set or none.
ALTER TABLE consents ADD COLUMN scan_path TEXT;
ALTER TABLE consents ADD COLUMN scan_name TEXT;
ALTER TABLE consents ADD COLUMN scan_mime TEXT CHECK (scan_mime IN ('application/pdf', 'image/jpeg', 'image/png'));
ALTER TABLE consents ADD COLUMN scan_size INTEGER CHECK (scan_size > 0);
ALTER TABLE consents ADD COLUMN scan_sha256 TEXT;

-- An applicant (Bewerber/in) in a Praktikum or an EQ: a trainee file without a training contract yet. Status
-- 'applicant', the contract's fields empty until "Ausbildungsvertrag erfassen" fills them and makes it 'active'.
-- SQLite cannot loosen NOT NULL in place: the table is rebuilt (sqlite.org/lang_altertable.html, "other kinds of
-- table schema changes"). The runner turns foreign keys off for this migration (`foreignKeysOff` in index.ts),
-- so dropping the old table deletes nothing elsewhere; the new table has the same ids, and the runner checks every
-- foreign key before it commits.
CREATE TABLE trainees_new (
  id                        INTEGER PRIMARY KEY,
  first_name                TEXT NOT NULL,
  last_name                 TEXT NOT NULL,
  date_of_birth             TEXT,
  nationality               TEXT,
  first_languages           TEXT NOT NULL DEFAULT '[]',  -- JSON array of language codes
  other_languages           TEXT NOT NULL DEFAULT '[]',
  german_level              TEXT CHECK (german_level IN ('A1', 'A2', 'B1', 'B2', 'C1', 'C2')),
  german_level_date         TEXT,
  german_level_source       TEXT,
  phone                     TEXT,
  email                     TEXT,
  address                   TEXT,
  -- The occupation aimed at (also for an applicant: the Praktikum or EQ prepares for it).
  occupation_id             TEXT NOT NULL REFERENCES occupations (id),
  contract_start            TEXT,
  contract_end_planned      TEXT CHECK (contract_end_planned >= contract_start),
  probation_months          INTEGER CHECK (probation_months BETWEEN 1 AND 4),
  weekly_hours              REAL CHECK (weekly_hours > 0),
  school_days               TEXT NOT NULL DEFAULT '[]',  -- JSON array of ISO weekdays
  pay_per_year              TEXT NOT NULL DEFAULT '[]',  -- JSON array of euros per month
  chamber_registration_date TEXT,
  chamber_registration_no   TEXT,
  prior_experience          TEXT,
  notes                     TEXT,
  status                    TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('applicant', 'active', 'ended_regular', 'ended_early')),
  ended_on                  TEXT,
  end_reason                TEXT,
  created_at                TEXT NOT NULL,
  updated_at                TEXT NOT NULL,
  end_known_on              TEXT,
  scheduled_end_on          TEXT,
  scheduled_end_kind        TEXT CHECK (scheduled_end_kind IN ('regular', 'early')),
  CHECK ((status IN ('applicant', 'active')) = (ended_on IS NULL)),
  -- A contract is all there or (applicant) not there at all.
  CHECK ((status = 'applicant') = (contract_start IS NULL) AND (contract_start IS NULL) = (contract_end_planned IS NULL)
         AND (contract_start IS NULL) = (probation_months IS NULL) AND (contract_start IS NULL) = (weekly_hours IS NULL)),
  CHECK (status <> 'applicant' OR scheduled_end_on IS NULL)
) STRICT;
INSERT INTO trainees_new (id, first_name, last_name, date_of_birth, nationality, first_languages, other_languages, german_level, german_level_date,
  german_level_source, phone, email, address, occupation_id, contract_start, contract_end_planned, probation_months, weekly_hours, school_days,
  pay_per_year, chamber_registration_date, chamber_registration_no, prior_experience, notes, status, ended_on, end_reason, created_at, updated_at,
  end_known_on, scheduled_end_on, scheduled_end_kind)
SELECT id, first_name, last_name, date_of_birth, nationality, first_languages, other_languages, german_level, german_level_date,
  german_level_source, phone, email, address, occupation_id, contract_start, contract_end_planned, probation_months, weekly_hours, school_days,
  pay_per_year, chamber_registration_date, chamber_registration_no, prior_experience, notes, status, ended_on, end_reason, created_at, updated_at,
  end_known_on, scheduled_end_on, scheduled_end_kind FROM trainees;
DROP TABLE trainees;
ALTER TABLE trainees_new RENAME TO trainees;
CREATE INDEX trainees_status ON trainees (status);
CREATE INDEX trainees_name ON trainees (last_name, first_name);
