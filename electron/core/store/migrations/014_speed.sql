-- 014 (issue 14, speed at scale): each sheet's calendar week and state as one number, kept in an index, so that the
-- Nachweise overview of all trainees reads them from the index without reading the sheets.
-- week_state = 4 * week + state; week: Monday-based week number counted from 1970 (week w starts on day 7w - 3 after
-- 1970-01-01); state: 0 draft, 1 signed by the trainee, 2 signed by the trainer.
ALTER TABLE nachweis_records ADD COLUMN week_state INTEGER GENERATED ALWAYS AS (
  ((unixepoch(period_from) / 86400 + 3) / 7) * 4
  + CASE WHEN trainer_signed_at IS NOT NULL THEN 2 WHEN trainee_signed_at IS NOT NULL THEN 1 ELSE 0 END
) VIRTUAL;
CREATE INDEX nachweis_records_week_state ON nachweis_records (trainee_id, week_state);

-- The trainee list's order (name, as the list sorts it), so that one page is read without sorting everyone.
CREATE INDEX trainees_list_order ON trainees (last_name COLLATE NOCASE, first_name COLLATE NOCASE, id);
