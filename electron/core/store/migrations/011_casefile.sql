-- 011: case files for network
-- mediators (issue 12). The workspace's keys; at the firm what was sent and which replies came back; at the
-- mediator the cases shared with them (contents kept in the database, never extracted to disk) and their sessions.

-- This workspace's keys, made at first use: Ed25519 (signing) and X25519 (age identity). One row.
CREATE TABLE casefile_keys (
  id             INTEGER PRIMARY KEY CHECK (id = 1),
  signing_secret BLOB NOT NULL CHECK (length(signing_secret) = 32),
  signing_public BLOB NOT NULL CHECK (length(signing_public) = 32),
  age_identity   TEXT NOT NULL,
  age_recipient  TEXT NOT NULL,
  created_at     TEXT NOT NULL
) STRICT;

-- Firm side: every case file written (its disclosure is in disclosures).
CREATE TABLE casefile_exports (
  id                    INTEGER PRIMARY KEY,
  uuid                  TEXT NOT NULL UNIQUE,
  trainee_id            INTEGER NOT NULL REFERENCES trainees (id) ON DELETE CASCADE,
  consent_id            INTEGER NOT NULL REFERENCES consents (id),
  disclosure_id         INTEGER NOT NULL REFERENCES disclosures (id),
  recipient             TEXT NOT NULL,
  -- The mediator's signing key (base64): from the key file the file was encrypted to, or pinned by the first reply.
  recipient_signing_key TEXT,
  case_uuids            TEXT NOT NULL CHECK (json_valid(case_uuids) AND json_type(case_uuids) = 'array'),
  delete_by             TEXT NOT NULL,
  sha256                TEXT NOT NULL,
  created_at            TEXT NOT NULL
) STRICT;
CREATE INDEX casefile_exports_trainee ON casefile_exports (trainee_id);
CREATE INDEX casefile_exports_consent ON casefile_exports (consent_id);
CREATE INDEX casefile_exports_disclosure ON casefile_exports (disclosure_id);

-- Firm side: replies imported (a reply is imported once; its entries keep their UUIDs).
CREATE TABLE casefile_replies (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE,
  export_id   INTEGER NOT NULL REFERENCES casefile_exports (id) ON DELETE CASCADE,
  mediator    TEXT NOT NULL,
  signing_key TEXT NOT NULL,
  sessions    INTEGER NOT NULL CHECK (sessions >= 0),
  imported_at TEXT NOT NULL
) STRICT;
CREATE INDEX casefile_replies_export ON casefile_replies (export_id);

-- Moderation entries that came in a mediator's reply: attributed to it, append-only (content never changes;
-- an agreement's status may still be tracked by the firm).
ALTER TABLE conflict_steps ADD COLUMN from_reply_id INTEGER REFERENCES casefile_replies (id) ON DELETE SET NULL;
CREATE INDEX conflict_steps_reply ON conflict_steps (from_reply_id);
CREATE TRIGGER conflict_steps_imported_immutable BEFORE UPDATE ON conflict_steps
WHEN OLD.from_reply_id IS NOT NULL AND NEW.from_reply_id IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'imported moderation entry'); END;
CREATE TRIGGER conflict_views_imported_immutable BEFORE UPDATE ON conflict_views
WHEN EXISTS (SELECT 1 FROM conflict_steps WHERE id = OLD.step_id AND from_reply_id IS NOT NULL)
BEGIN SELECT RAISE(ABORT, 'imported moderation entry'); END;
CREATE TRIGGER conflict_agreements_imported_immutable BEFORE UPDATE ON conflict_agreements
WHEN (NEW.step_id IS NOT OLD.step_id OR NEW.what IS NOT OLD.what OR NEW.who IS NOT OLD.who OR NEW.due_on IS NOT OLD.due_on OR NEW.review_on IS NOT OLD.review_on)
  AND EXISTS (SELECT 1 FROM conflict_steps WHERE id = OLD.step_id AND from_reply_id IS NOT NULL)
BEGIN SELECT RAISE(ABORT, 'imported moderation entry'); END;

-- Mediator side: cases shared with this workspace, read-only, removed when their delete-by date has passed.
CREATE TABLE shared_cases (
  id                 INTEGER PRIMARY KEY,
  uuid               TEXT NOT NULL UNIQUE,
  firm_name          TEXT NOT NULL,
  firm_signing_key   TEXT NOT NULL,
  firm_age_recipient TEXT NOT NULL,
  firm_fingerprint   TEXT NOT NULL,
  subject            TEXT NOT NULL,
  recipient          TEXT NOT NULL,
  purpose            TEXT NOT NULL,
  consent_uuid       TEXT NOT NULL,
  consent_version    INTEGER NOT NULL,
  included           TEXT NOT NULL CHECK (json_valid(included) AND json_type(included) = 'array'),
  withheld           TEXT NOT NULL CHECK (json_valid(withheld) AND json_type(withheld) = 'array'),
  period_from        TEXT NOT NULL,
  period_to          TEXT NOT NULL,
  created            TEXT NOT NULL,
  delete_by          TEXT NOT NULL,
  manifest           TEXT NOT NULL CHECK (json_valid(manifest)),
  opened_at          TEXT NOT NULL
) STRICT;

CREATE TABLE shared_case_entries (
  case_id INTEGER NOT NULL REFERENCES shared_cases (id) ON DELETE CASCADE,
  name    TEXT NOT NULL,
  sha256  TEXT NOT NULL,
  bytes   BLOB NOT NULL,
  PRIMARY KEY (case_id, name)
) STRICT;

-- The mediator's sessions in a shared case (notes, both views, agreements as JSON), sent back in replies.
CREATE TABLE mediator_sessions (
  id                 INTEGER PRIMARY KEY,
  uuid               TEXT NOT NULL UNIQUE,
  case_id            INTEGER NOT NULL REFERENCES shared_cases (id) ON DELETE CASCADE,
  conflict_case_uuid TEXT NOT NULL,
  held_on            TEXT NOT NULL,
  content            TEXT NOT NULL CHECK (json_valid(content)),
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL
) STRICT;
CREATE INDEX mediator_sessions_case ON mediator_sessions (case_id);

-- What was removed because its delete-by date passed (no content).
CREATE TABLE shared_case_removals (
  id         INTEGER PRIMARY KEY,
  uuid       TEXT NOT NULL,
  firm_name  TEXT NOT NULL,
  subject    TEXT NOT NULL,
  delete_by  TEXT NOT NULL,
  removed_at TEXT NOT NULL
) STRICT;
