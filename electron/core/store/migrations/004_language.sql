-- 004: glossary and learning tasks (issue 5). Filled in by that issue's work; until then this migration only bumps the schema version.
SELECT 1;
