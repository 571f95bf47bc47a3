-- 001: firm, trainers, occupations, trainees, settings.
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE firm (
  id                INTEGER PRIMARY KEY CHECK (id = 1),
  name              TEXT NOT NULL,
  street            TEXT,
  zip               TEXT,
  city              TEXT,
  phone             TEXT,
  email             TEXT,
  betriebsnummer    TEXT,
  chamber           TEXT,
  chamber_member_no TEXT,
  updated_at        TEXT NOT NULL
) STRICT;

-- Trainers are never deleted (sign-offs refer to them): removing one from the firm profile sets active = 0.
CREATE TABLE trainers (
  id     INTEGER PRIMARY KEY,
  name   TEXT NOT NULL,
  role   TEXT,
  aevo   INTEGER NOT NULL CHECK (aevo IN (0, 1)),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

CREATE TABLE occupations (
  id     TEXT PRIMARY KEY,
  name   TEXT NOT NULL,
  custom INTEGER NOT NULL DEFAULT 0 CHECK (custom IN (0, 1))
) STRICT;

INSERT INTO occupations (id, name) VALUES
  ('tischler', 'Tischler/-in'),
  ('elektroniker-eg', 'Elektroniker/-in – Fachrichtung Energie- und Gebäudetechnik'),
  ('anlagenmechaniker-shk', 'Anlagenmechaniker/-in für Sanitär-, Heizungs- und Klimatechnik');

CREATE TABLE trainees (
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
  occupation_id             TEXT NOT NULL REFERENCES occupations (id),
  contract_start            TEXT NOT NULL,
  contract_end_planned      TEXT NOT NULL CHECK (contract_end_planned >= contract_start),
  probation_months          INTEGER NOT NULL CHECK (probation_months BETWEEN 1 AND 4),
  weekly_hours              REAL NOT NULL CHECK (weekly_hours > 0),
  school_days               TEXT NOT NULL DEFAULT '[]',  -- JSON array of ISO weekdays
  pay_per_year              TEXT NOT NULL DEFAULT '[]',  -- JSON array of euros per month
  chamber_registration_date TEXT,
  chamber_registration_no   TEXT,
  prior_experience          TEXT,
  notes                     TEXT,
  status                    TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'ended_regular', 'ended_early')),
  ended_on                  TEXT,
  end_reason                TEXT,
  created_at                TEXT NOT NULL,
  updated_at                TEXT NOT NULL,
  CHECK ((status = 'active') = (ended_on IS NULL))
) STRICT;

CREATE INDEX trainees_status ON trainees (status);
CREATE INDEX trainees_name ON trainees (last_name, first_name);
