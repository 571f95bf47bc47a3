-- 006: what the calendar export (.ics) last gave out per deadline (issue 15), so that every export gives a deadline
-- the same UID, a SEQUENCE that grows when its date or text changes, and one more STATUS:CANCELLED after it was done
-- or stopped applying. Keyed by the deadline's identity (its rule and the record it belongs to, never its date).
-- No names: the text of an event is rebuilt from the deadline; a cancelled one names the trainee only while the
-- trainee exists. No foreign key to trainees on purpose: the cancellation outlives a deleted trainee.
CREATE TABLE calendar_events (
  identity      TEXT PRIMARY KEY,
  kind          TEXT NOT NULL CHECK (kind IN ('renewal', 'ausbildungsduldung', 'start_check', 'notify_end', 'extension')),
  trainee_id    INTEGER NOT NULL,
  -- The day of the event as last given out (the cancellation is put on that day).
  due_on        TEXT NOT NULL,
  -- SHA-256 of the date and texts last given out; a different hash raises the sequence.
  content_hash  TEXT NOT NULL,
  sequence      INTEGER NOT NULL CHECK (sequence >= 0),
  created_at    TEXT NOT NULL,
  last_modified TEXT NOT NULL,
  -- When an export first found it done or no longer applying; NULL while it is open.
  ended_at      TEXT,
  ended_reason  TEXT CHECK (ended_reason IN ('done', 'withdrawn')),
  CHECK ((ended_at IS NULL) = (ended_reason IS NULL))
) STRICT;

CREATE INDEX calendar_events_ended ON calendar_events (ended_at) WHERE ended_at IS NOT NULL;
