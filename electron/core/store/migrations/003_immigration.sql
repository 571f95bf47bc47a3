-- 003: residence documents with their copies, deadline tasks, the address book of institutions (issue 4).
-- No field for reasons of flight or asylum: only what the firm's duties need (type, work note, validity, copy).

CREATE TABLE residence_documents (
  id                   INTEGER PRIMARY KEY,
  trainee_id           INTEGER NOT NULL REFERENCES trainees (id) ON DELETE CASCADE,
  type                 TEXT NOT NULL CHECK (type IN ('aufenthaltsgestattung', 'duldung', 'ausbildungsduldung', 'ae_16g', 'ae_16a', 'ae_25',
                         'beschaeftigungsduldung', 'chancen_104c', 'fiktionsbescheinigung', 'pass', 'beschaeftigungserlaubnis', 'sonstiges')),
  type_detail          TEXT,
  number               TEXT,
  authority            TEXT,
  issued_on            TEXT,
  valid_until          TEXT,
  work_note            TEXT CHECK (work_note IN ('erwerbstaetigkeit_erlaubt', 'beschaeftigung_erlaubt', 'ausbildung_bei_betrieb',
                         'beschaeftigung_nur_mit_erlaubnis', 'erwerbstaetigkeit_nicht_gestattet', 'sonstige')),
  work_note_text       TEXT,
  residence_obligation TEXT,
  renewal_applied_on   TEXT,
  -- The newer version of this document; NULL while it is the current one. Deleting the newer version makes it current again.
  replaced_by_id       INTEGER REFERENCES residence_documents (id) ON DELETE SET NULL,
  -- The stored copy (scan), kept under files/trainees/<trainee_id>/; all four set or none.
  copy_path            TEXT,
  copy_name            TEXT,
  copy_mime            TEXT CHECK (copy_mime IN ('application/pdf', 'image/jpeg', 'image/png')),
  copy_size            INTEGER CHECK (copy_size > 0),
  copy_sha256          TEXT,
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL,
  CHECK (valid_until IS NULL OR issued_on IS NULL OR valid_until >= issued_on),
  CHECK ((copy_path IS NULL) = (copy_mime IS NULL) AND (copy_path IS NULL) = (copy_size IS NULL) AND (copy_path IS NULL) = (copy_sha256 IS NULL)
         AND (copy_path IS NULL) = (copy_name IS NULL))
) STRICT;

CREATE INDEX residence_documents_trainee ON residence_documents (trainee_id);
CREATE INDEX residence_documents_current ON residence_documents (trainee_id) WHERE replaced_by_id IS NULL;
CREATE INDEX residence_documents_replaced_by ON residence_documents (replaced_by_id);

-- Deadlines created by an event (notification after an early end, renewal after an extension of the training) and
-- the completion of any deadline (also of computed ones such as a renewal), keyed by the deadline's stable key.
CREATE TABLE deadline_tasks (
  id          INTEGER PRIMARY KEY,
  key         TEXT NOT NULL UNIQUE,
  trainee_id  INTEGER NOT NULL REFERENCES trainees (id) ON DELETE CASCADE,
  -- SET NULL: deleting a document must not delete a duty such as the notice after an early end.
  document_id INTEGER REFERENCES residence_documents (id) ON DELETE SET NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('renewal', 'ausbildungsduldung', 'start_check', 'notify_end', 'extension')),
  rule_id     TEXT NOT NULL,
  due_on      TEXT NOT NULL,
  from_on     TEXT,
  -- 1: created by an event and listed from this row; 0: only records the completion of a computed deadline.
  stored      INTEGER NOT NULL CHECK (stored IN (0, 1)),
  created_at  TEXT NOT NULL,
  done_on     TEXT,
  done_by     TEXT,
  done_at     TEXT,
  done_note   TEXT,
  CHECK ((done_at IS NULL) = (done_by IS NULL) AND (done_at IS NULL) = (done_on IS NULL))
) STRICT;

CREATE INDEX deadline_tasks_trainee ON deadline_tasks (trainee_id);
CREATE INDEX deadline_tasks_document ON deadline_tasks (document_id);
CREATE INDEX deadline_tasks_open ON deadline_tasks (due_on) WHERE done_at IS NULL AND stored = 1;

CREATE TABLE contacts (
  id           INTEGER PRIMARY KEY,
  kind         TEXT NOT NULL CHECK (kind IN ('auslaenderbehoerde', 'agentur_fuer_arbeit', 'handwerkskammer', 'berufsschule', 'asa_flex',
                 'sprachkurs', 'beratung', 'sonstige')),
  organisation TEXT NOT NULL,
  department   TEXT,
  person       TEXT,
  phone        TEXT,
  email        TEXT,
  street       TEXT,
  zip          TEXT,
  city         TEXT,
  notes        TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
) STRICT;

CREATE TABLE trainee_contacts (
  trainee_id INTEGER NOT NULL REFERENCES trainees (id) ON DELETE CASCADE,
  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  PRIMARY KEY (trainee_id, contact_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX trainee_contacts_contact ON trainee_contacts (contact_id);
