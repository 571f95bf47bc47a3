-- 009: a document type for residence titles of Kapitel 2 Abschnitt 4 AufenthG (§§ 18–21, "Aufenthalt zum Zweck der
-- Erwerbstätigkeit"), the only titles the notice of § 4a Abs. 5 S. 3 Nr. 3 covers (issue 10). SQLite cannot change a
-- CHECK in place, so residence_documents is rebuilt: new table, copy, drop, rename, indexes again. This migration runs
-- with foreign keys off (migrations/index.ts `foreignKeysOff`), so dropping the old table neither clears
-- deadline_tasks.document_id nor replaced_by_id; db.ts checks every foreign key before the transaction commits.
CREATE TABLE residence_documents_new (
  id                   INTEGER PRIMARY KEY,
  trainee_id           INTEGER NOT NULL REFERENCES trainees (id) ON DELETE CASCADE,
  type                 TEXT NOT NULL CHECK (type IN ('aufenthaltsgestattung', 'duldung', 'ausbildungsduldung', 'ae_16g', 'ae_16a', 'ae_25',
                         'ae_18_21', 'beschaeftigungsduldung', 'chancen_104c', 'fiktionsbescheinigung', 'pass', 'beschaeftigungserlaubnis',
                         'sonstiges')),
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
  -- National of a safe country of origin who applied for asylum after 31.08.2015 (§ 61 Abs. 2 S. 4 AsylG; 006).
  safe_origin          INTEGER NOT NULL DEFAULT 0 CHECK (safe_origin IN (0, 1)),
  -- The authority's file number (Aktenzeichen; 008).
  file_number          TEXT,
  CHECK (valid_until IS NULL OR issued_on IS NULL OR valid_until >= issued_on),
  CHECK ((copy_path IS NULL) = (copy_mime IS NULL) AND (copy_path IS NULL) = (copy_size IS NULL) AND (copy_path IS NULL) = (copy_sha256 IS NULL)
         AND (copy_path IS NULL) = (copy_name IS NULL))
) STRICT;

INSERT INTO residence_documents_new (id, trainee_id, type, type_detail, number, authority, issued_on, valid_until, work_note, work_note_text,
  residence_obligation, renewal_applied_on, replaced_by_id, copy_path, copy_name, copy_mime, copy_size, copy_sha256, created_at, updated_at,
  safe_origin, file_number)
SELECT id, trainee_id, type, type_detail, number, authority, issued_on, valid_until, work_note, work_note_text,
  residence_obligation, renewal_applied_on, replaced_by_id, copy_path, copy_name, copy_mime, copy_size, copy_sha256, created_at, updated_at,
  safe_origin, file_number
FROM residence_documents;

DROP TABLE residence_documents;
ALTER TABLE residence_documents_new RENAME TO residence_documents;

CREATE INDEX residence_documents_trainee ON residence_documents (trainee_id);
CREATE INDEX residence_documents_current ON residence_documents (trainee_id) WHERE replaced_by_id IS NULL;
CREATE INDEX residence_documents_replaced_by ON residence_documents (replaced_by_id);
