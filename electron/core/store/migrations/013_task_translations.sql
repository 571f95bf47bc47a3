-- 013 (issue 13): a learning task's own texts in the trainee's languages, printed under the German on the
-- worksheet: JSON {lang: {vocationalGoal, workSteps: [text|null by step], scenario}} (shared/tasks.ts TaskTranslation).
ALTER TABLE learning_tasks ADD COLUMN translations TEXT NOT NULL DEFAULT '{}';
