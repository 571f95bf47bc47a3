-- 005 (assigned number 009; the lead renumbers at merge): the trainee's network (issue 11).
-- People, measures, conflict moderation, consents and disclosures, counselling notes, competences brought along.
-- Every row belongs to a trainee (directly or through its parent) and goes with it (ON DELETE CASCADE).

CREATE TABLE network_people (
  id           INTEGER PRIMARY KEY,
  uuid         TEXT NOT NULL UNIQUE,
  trainee_id   INTEGER NOT NULL REFERENCES trainees (id) ON DELETE CASCADE,
  name         TEXT NOT NULL,
  role         TEXT NOT NULL CHECK (role IN ('mediator', 'counsellor', 'asa_coach', 'teacher_school', 'teacher_language', 'ausbildungsberater', 'willkommenslotse', 'mentor', 'interpreter', 'other')),
  contact_id   INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
  partner_type TEXT CHECK (partner_type IN ('operative', 'strategic')),
  since        TEXT,
  until        TEXT,
  phone        TEXT,
  email        TEXT,
  reach        TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  CHECK (until IS NULL OR since IS NULL OR until >= since)
) STRICT;
CREATE INDEX network_people_trainee ON network_people (trainee_id);
CREATE INDEX network_people_contact ON network_people (contact_id);

CREATE TABLE measures (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE,
  trainee_id  INTEGER NOT NULL REFERENCES trainees (id) ON DELETE CASCADE,
  type        TEXT NOT NULL CHECK (type IN ('praktikum', 'eq', 'sprachkurs', 'asa_flex', 'berufsschule', 'ausbildung', 'zwischenpruefung', 'gp_teil1', 'gp_teil2', 'verlaengerung', 'ende')),
  title       TEXT,
  provider    TEXT,
  contact_id  INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
  start_on    TEXT NOT NULL,
  end_on      TEXT,
  status      TEXT NOT NULL CHECK (status IN ('planned', 'running', 'done', 'broken_off')),
  level       TEXT CHECK (level IN ('A1', 'A2', 'B1', 'B2', 'C1', 'C2')),
  hours       INTEGER CHECK (hours > 0),
  next_step   TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  CHECK (end_on IS NULL OR end_on >= start_on)
) STRICT;
CREATE INDEX measures_trainee ON measures (trainee_id, end_on);
CREATE INDEX measures_contact ON measures (contact_id);

CREATE TABLE conflict_cases (
  id               INTEGER PRIMARY KEY,
  uuid             TEXT NOT NULL UNIQUE,
  trainee_id       INTEGER NOT NULL REFERENCES trainees (id) ON DELETE CASCADE,
  category         TEXT NOT NULL CHECK (category IN ('attendance', 'school', 'communication', 'language', 'safety', 'culture', 'pay_hours', 'residence', 'private', 'other')),
  occasion         TEXT NOT NULL,
  raised_by        TEXT NOT NULL CHECK (raised_by IN ('firm', 'trainee', 'school', 'network', 'other')),
  raised_on        TEXT NOT NULL,
  earlier_warnings TEXT,
  outcome          TEXT CHECK (outcome IN ('resolved', 'partly', 'escalated', 'termination_agreement', 'dismissal', 'change_of_firm', 'settlement', 'ruling')),
  outcome_note     TEXT,
  closed_on        TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  CHECK (closed_on IS NULL OR closed_on >= raised_on)
) STRICT;
CREATE INDEX conflict_cases_trainee ON conflict_cases (trainee_id);

CREATE TABLE conflict_steps (
  id           INTEGER PRIMARY KEY,
  uuid         TEXT NOT NULL UNIQUE,
  case_id      INTEGER NOT NULL REFERENCES conflict_cases (id) ON DELETE CASCADE,
  kind         TEXT NOT NULL CHECK (kind IN ('firm_talk', 'moderated', 'ausbildungsberater', 'schlichtung')),
  held_on      TEXT NOT NULL,
  place        TEXT,
  -- JSON array of { name, role, language } (language: for an interpreter).
  participants TEXT NOT NULL CHECK (json_valid(participants) AND json_type(participants) = 'array'),
  facts        TEXT,
  summary_to   TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
) STRICT;
CREATE INDEX conflict_steps_case ON conflict_steps (case_id);

CREATE TABLE conflict_views (
  id           INTEGER PRIMARY KEY,
  uuid         TEXT NOT NULL UNIQUE,
  step_id      INTEGER NOT NULL REFERENCES conflict_steps (id) ON DELETE CASCADE,
  side         TEXT NOT NULL CHECK (side IN ('firm', 'trainee')),
  text         TEXT NOT NULL,
  confirmed_on TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  UNIQUE (step_id, side)
) STRICT;

CREATE TABLE conflict_agreements (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE,
  step_id     INTEGER NOT NULL REFERENCES conflict_steps (id) ON DELETE CASCADE,
  what        TEXT NOT NULL,
  who         TEXT NOT NULL,
  due_on      TEXT NOT NULL,
  review_on   TEXT,
  status      TEXT NOT NULL CHECK (status IN ('open', 'done', 'not_kept')),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
CREATE INDEX conflict_agreements_step ON conflict_agreements (step_id);
CREATE INDEX conflict_agreements_open ON conflict_agreements (due_on) WHERE status = 'open';

-- Consent texts are versioned: a text somebody consented to is never changed (the service refuses; a trigger too).
CREATE TABLE consent_texts (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE,
  family      TEXT NOT NULL,
  version     INTEGER NOT NULL CHECK (version >= 1),
  title       TEXT NOT NULL,
  body        TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  UNIQUE (family, version)
) STRICT;

CREATE TABLE consents (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE,
  trainee_id  INTEGER NOT NULL REFERENCES trainees (id) ON DELETE CASCADE,
  text_id     INTEGER NOT NULL REFERENCES consent_texts (id),
  person_id   INTEGER REFERENCES network_people (id),
  contact_id  INTEGER REFERENCES contacts (id),
  purpose     TEXT NOT NULL,
  categories  TEXT NOT NULL CHECK (json_valid(categories) AND json_array_length(categories) >= 1),
  given_on    TEXT NOT NULL,
  form        TEXT NOT NULL CHECK (form IN ('paper_scan', 'electronic')),
  valid_until TEXT,
  revoked_on  TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  CHECK ((person_id IS NULL) <> (contact_id IS NULL)),
  CHECK (valid_until IS NULL OR valid_until >= given_on),
  CHECK (revoked_on IS NULL OR revoked_on >= given_on)
) STRICT;
CREATE INDEX consents_trainee ON consents (trainee_id);
CREATE INDEX consents_text ON consents (text_id);
CREATE INDEX consents_person ON consents (person_id);
CREATE INDEX consents_contact ON consents (contact_id);

CREATE TRIGGER consent_texts_used_immutable BEFORE UPDATE OF title, body ON consent_texts
WHEN EXISTS (SELECT 1 FROM consents WHERE text_id = OLD.id)
BEGIN SELECT RAISE(ABORT, 'consent text in use'); END;

CREATE TRIGGER consents_revoked_immutable BEFORE UPDATE ON consents
WHEN OLD.revoked_on IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'consent revoked'); END;

CREATE TABLE disclosures (
  id           INTEGER PRIMARY KEY,
  uuid         TEXT NOT NULL UNIQUE,
  trainee_id   INTEGER NOT NULL REFERENCES trainees (id) ON DELETE CASCADE,
  consent_id   INTEGER NOT NULL REFERENCES consents (id),
  disclosed_on TEXT NOT NULL,
  recipient    TEXT NOT NULL,
  categories   TEXT NOT NULL CHECK (json_valid(categories) AND json_array_length(categories) >= 1),
  sha256       TEXT,
  note         TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
) STRICT;
CREATE INDEX disclosures_trainee ON disclosures (trainee_id);
CREATE INDEX disclosures_consent ON disclosures (consent_id);

CREATE TABLE network_notes (
  id           INTEGER PRIMARY KEY,
  uuid         TEXT NOT NULL UNIQUE,
  trainee_id   INTEGER NOT NULL REFERENCES trainees (id) ON DELETE CASCADE,
  noted_on     TEXT NOT NULL,
  author       TEXT NOT NULL,
  topic        TEXT NOT NULL,
  body         TEXT NOT NULL,
  confidential INTEGER NOT NULL CHECK (confidential IN (0, 1)),
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
) STRICT;
CREATE INDEX network_notes_trainee ON network_notes (trainee_id);

CREATE TABLE competences (
  id             INTEGER PRIMARY KEY,
  uuid           TEXT NOT NULL UNIQUE,
  trainee_id     INTEGER NOT NULL REFERENCES trainees (id) ON DELETE CASCADE,
  what           TEXT NOT NULL,
  source         TEXT NOT NULL CHECK (source IN ('country', 'work', 'route', 'other')),
  place          TEXT,
  proof          TEXT NOT NULL CHECK (proof IN ('practical_trial', 'certificate', 'own_account')),
  plan_positions TEXT NOT NULL CHECK (json_valid(plan_positions) AND json_type(plan_positions) = 'array'),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX competences_trainee ON competences (trainee_id);

-- What was deleted because its retention period ended: category and count, never the content.
CREATE TABLE network_deletions (
  id          INTEGER PRIMARY KEY,
  trainee_id  INTEGER NOT NULL REFERENCES trainees (id) ON DELETE CASCADE,
  category    TEXT NOT NULL CHECK (category IN ('moderation', 'counselling_notes')),
  count       INTEGER NOT NULL CHECK (count > 0),
  deleted_at  TEXT NOT NULL
) STRICT;
CREATE INDEX network_deletions_trainee ON network_deletions (trainee_id);
