-- 003: residence documents, rules, deadlines, contacts (issue 4). Filled in by that issue's work; until then this migration only bumps the schema version.
SELECT 1;
