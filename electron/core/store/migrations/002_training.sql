-- 002: training plan, template positions and Ausbildungsnachweis (issue 3). Filled in by that issue's work; until then this migration only bumps the schema version.
SELECT 1;
