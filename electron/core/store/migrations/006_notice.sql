-- 007: the notice after an end of training (issue 10). An end can be recorded in advance (the trainee stays active
-- until that day), the day the firm learned of the end is kept (periods "ab Kenntnis"), sending the notice is
-- recorded with how it was sent, and an Aufenthaltsgestattung records the safe-country-of-origin exclusion.
ALTER TABLE trainees ADD COLUMN end_known_on TEXT;
-- A recorded end that lies in the future; moved to status/ended_on on that day (trainees/service.ts settleEnds).
ALTER TABLE trainees ADD COLUMN scheduled_end_on TEXT;
ALTER TABLE trainees ADD COLUMN scheduled_end_kind TEXT CHECK (scheduled_end_kind IN ('regular', 'early'));

-- How a deadline was done (for the notice: by post, fax, e-mail, online form, in person).
ALTER TABLE deadline_tasks ADD COLUMN done_via TEXT CHECK (done_via IN ('post', 'fax', 'email', 'online', 'in_person'));
-- The day of the event a stored task follows (the end of the training); from_on is when its period starts.
ALTER TABLE deadline_tasks ADD COLUMN event_on TEXT;
UPDATE deadline_tasks SET event_on = from_on WHERE kind = 'notify_end';

-- National of a safe country of origin who applied for asylum after 31.08.2015 (§ 61 Abs. 2 S. 4 AsylG).
ALTER TABLE residence_documents ADD COLUMN safe_origin INTEGER NOT NULL DEFAULT 0 CHECK (safe_origin IN (0, 1));
