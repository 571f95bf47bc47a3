-- 004: work-language glossary (Fachwortschatz) and learning tasks (issue 5).

-- One glossary entry: a German term with its grammar, a short explanation in simple German, an example sentence
-- from the workplace, tags and an optional picture (a file under files/glossary/). occupation_id NULL means the
-- entry belongs to the whole firm (all occupations). When a custom occupation is deleted, its entries stay as
-- firm-wide entries.
CREATE TABLE glossary_entries (
  id            INTEGER PRIMARY KEY,
  occupation_id TEXT REFERENCES occupations (id) ON DELETE SET NULL,
  term          TEXT NOT NULL CHECK (length(term) BETWEEN 1 AND 120),
  article       TEXT CHECK (article IN ('der', 'die', 'das')),
  plural        TEXT,
  word_class    TEXT NOT NULL CHECK (word_class IN ('noun', 'verb', 'adjective', 'adverb', 'phrase', 'other')),
  explanation   TEXT,
  example       TEXT,
  tags          TEXT NOT NULL DEFAULT '[]',  -- JSON array of 'tool' | 'material' | 'machine' | 'safety' | 'process'
  picture_file  TEXT,                        -- path relative to files/, e.g. glossary/12-1a2b3c.png
  picture_mime  TEXT CHECK (picture_mime IN ('image/png', 'image/jpeg')),
  picture_bytes INTEGER,
  origin        TEXT NOT NULL CHECK (origin IN ('starter', 'user', 'import')),
  sort_key      TEXT NOT NULL,               -- the term folded (lower case, no accents) for sorting
  search_text   TEXT NOT NULL,               -- term, plural, explanation and translations folded, for search
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  CHECK ((picture_file IS NULL) = (picture_mime IS NULL)),
  CHECK (article IS NULL OR word_class = 'noun')
) STRICT;

CREATE INDEX glossary_entries_scope ON glossary_entries (occupation_id, sort_key);
CREATE INDEX glossary_entries_term ON glossary_entries (term);

-- Translations typed or imported by users (no machine translations are shipped), one per entry and language.
CREATE TABLE glossary_translations (
  entry_id INTEGER NOT NULL REFERENCES glossary_entries (id) ON DELETE CASCADE,
  language TEXT NOT NULL,
  text     TEXT NOT NULL CHECK (length(text) >= 1),
  PRIMARY KEY (entry_id, language)
) STRICT, WITHOUT ROWID;

-- The starter glossaries (resources/glossary/*.json) are copied into the workspace once per scope; an entry the
-- firm deletes does not come back. scope is an occupation id or 'general' (the firm-wide list).
CREATE TABLE glossary_starters (
  scope      TEXT PRIMARY KEY,
  version    INTEGER NOT NULL,
  entries    INTEGER NOT NULL,
  seeded_at  TEXT NOT NULL
) STRICT;

-- A learning task joins a real work task to the language needed for it. A task belongs to a trainee, or is a
-- template (trainee_id NULL, is_template 1) for an occupation. The task's occupation is the trainee's.
CREATE TABLE learning_tasks (
  id              INTEGER PRIMARY KEY,
  trainee_id      INTEGER REFERENCES trainees (id) ON DELETE CASCADE,
  occupation_id   TEXT REFERENCES occupations (id) ON DELETE CASCADE,
  is_template     INTEGER NOT NULL CHECK (is_template IN (0, 1)),
  title           TEXT NOT NULL CHECK (length(title) >= 1),
  vocational_goal TEXT NOT NULL,
  work_steps      TEXT NOT NULL DEFAULT '[]',  -- JSON array of strings, in order
  phrases         TEXT NOT NULL DEFAULT '[]',  -- JSON [{kind, text, translations: {lang: text}}]
  cefr_level      TEXT NOT NULL CHECK (cefr_level IN ('A1', 'A2', 'B1', 'B2')),
  scenario        TEXT,                        -- the situation in a few words
  scenario_steps  TEXT NOT NULL DEFAULT '[]',  -- JSON [{skill, text}]: the chain of communication
  checks          TEXT NOT NULL DEFAULT '[]',  -- JSON [{method, text}]: how the trainee shows understanding
  language        TEXT,                        -- language of the worksheet; NULL = the trainee's first language
  assigned_on     TEXT,
  due_by          TEXT,
  status          TEXT NOT NULL DEFAULT 'assigned' CHECK (status IN ('assigned', 'done', 'reviewed')),
  done_on         TEXT,
  reviewed_on     TEXT,
  feedback        TEXT,
  evidence        TEXT,
  seed            INTEGER NOT NULL,            -- exercises of the worksheet are generated from the task and this seed
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  CHECK ((is_template = 1) = (trainee_id IS NULL)),
  CHECK ((is_template = 1) = (occupation_id IS NOT NULL)),
  CHECK (is_template = 1 OR assigned_on IS NOT NULL),
  CHECK (due_by IS NULL OR assigned_on IS NULL OR due_by >= assigned_on)
) STRICT;

CREATE INDEX learning_tasks_trainee ON learning_tasks (trainee_id, status);
CREATE INDEX learning_tasks_template ON learning_tasks (is_template, occupation_id);

-- The glossary terms a task teaches, in order. A glossary entry used by a task cannot be deleted.
CREATE TABLE learning_task_terms (
  task_id  INTEGER NOT NULL REFERENCES learning_tasks (id) ON DELETE CASCADE,
  entry_id INTEGER NOT NULL REFERENCES glossary_entries (id) ON DELETE RESTRICT,
  sort     INTEGER NOT NULL,
  PRIMARY KEY (task_id, entry_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX learning_task_terms_entry ON learning_task_terms (entry_id);

-- Framework-plan positions the task belongs to: by number, as text, within the task's occupation (no foreign key
-- to the plan tables; the numbers are those of the occupation's Rahmenplan).
CREATE TABLE learning_task_positions (
  task_id         INTEGER NOT NULL REFERENCES learning_tasks (id) ON DELETE CASCADE,
  position_number TEXT NOT NULL CHECK (length(position_number) BETWEEN 1 AND 20),
  sort            INTEGER NOT NULL,
  PRIMARY KEY (task_id, position_number)
) STRICT, WITHOUT ROWID;
