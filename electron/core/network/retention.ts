// Retention of the network's records (resources/network/retention.json): what is due for deletion, and deleting
// it per trainee and category in one step, recorded without the deleted content. The periods for moderation
// records and counselling notes are settings (default from the rules file).
import fs from 'node:fs';
import path from 'node:path';
import type { RetentionCategory, RetentionRules, RetentionYears } from '../../../shared/network';
import { AppError } from '../errors';
import { resourcesDir } from '../paths';
import { getSetting, setSetting } from '../settings';
import type { Db } from '../store/db';
import { getTraineeFile as getTrainee } from '../trainees/service';

type Rule = RetentionRules['rules'][number] & { years?: number };
const SETTING = 'networkRetentionYears';

function loadRules(): Rule[] {
  return (JSON.parse(fs.readFileSync(path.join(resourcesDir(), 'network', 'retention.json'), 'utf8')) as { rules: Rule[] }).rules;
}

function defaults(rules: Rule[]): RetentionYears {
  const y = (id: RetentionCategory) => {
    const v = rules.find((r) => r.id === id)?.years;
    if (!v) throw new AppError('rules_invalid', `Retention rule ${id} has no period`);
    return v;
  };
  return { moderation: y('moderation'), counselling_notes: y('counselling_notes') };
}

/** The periods in force: the setting where made, else the rules file's default. */
export function retentionYears(db: Db): RetentionYears {
  return { ...defaults(loadRules()), ...getSetting<Partial<RetentionYears>>(db, SETTING, {}) };
}

/** The rules with their source, the periods in force and their defaults (for the settings page). */
export function retentionRules(db: Db): RetentionRules {
  const rules = loadRules();
  return {
    rules: rules.map(({ id, what, keep, source, uncertain }) => ({ id, what, keep, source, uncertain })),
    years: retentionYears(db),
    defaults: defaults(rules),
  };
}

export function saveRetentionYears(db: Db, years: RetentionYears): RetentionRules {
  setSetting(db, SETTING, years);
  return retentionRules(db);
}

// Moderation: from the day the case was closed. Counselling notes: from the end of the training (the case of the
// trainee's file), at the earliest from the note's date; notes of a trainee still in training are never due.
const SQL: Record<RetentionCategory, { select: string; del: string }> = {
  moderation: { select: `SELECT id FROM conflict_cases WHERE trainee_id = @tid AND closed_on IS NOT NULL AND date(closed_on, '+' || @y || ' years') <= @today`, del: 'DELETE FROM conflict_cases WHERE id = ?' },
  counselling_notes: {
    select: `SELECT n.id FROM network_notes n JOIN trainees t ON t.id = n.trainee_id
      WHERE n.trainee_id = @tid AND t.ended_on IS NOT NULL AND date(max(n.noted_on, t.ended_on), '+' || @y || ' years') <= @today`,
    del: 'DELETE FROM network_notes WHERE id = ?',
  },
};

/** Per trainee and category: how many records are due for deletion today. */
export function dueForDeletion(db: Db, today: string) {
  const out: { traineeId: number; firstName: string; lastName: string; category: RetentionCategory; count: number }[] = [];
  const years = retentionYears(db);
  const trainees = db.prepare('SELECT id, first_name, last_name FROM trainees ORDER BY last_name, first_name, id').all() as { id: number; first_name: string; last_name: string }[];
  for (const category of Object.keys(SQL) as RetentionCategory[]) {
    const st = db.prepare(SQL[category].select);
    for (const t of trainees) {
      const n = st.all({ tid: t.id, y: years[category], today }).length;
      if (n > 0) out.push({ traineeId: t.id, firstName: t.first_name, lastName: t.last_name, category, count: n });
    }
  }
  return out;
}

/** Deletes what is due in one category for one trainee; the log keeps the category and count only. */
export function deleteDue(db: Db, traineeId: number, category: RetentionCategory, today: string, now: Date): { deleted: number } {
  return db.transaction(() => {
    getTrainee(db, traineeId);
    const ids = (db.prepare(SQL[category].select).all({ tid: traineeId, y: retentionYears(db)[category], today }) as { id: number }[]).map((r) => r.id);
    if (ids.length === 0) return { deleted: 0 };
    const del = db.prepare(SQL[category].del);
    for (const id of ids) del.run(id);
    db.prepare('INSERT INTO network_deletions (trainee_id, category, count, deleted_at) VALUES (?, ?, ?, ?)').run(traineeId, category, ids.length, now.toISOString());
    return { deleted: ids.length };
  })();
}

/** The deletion log, newest first (category and count only). */
export function deletionLog(db: Db) {
  return db
    .prepare(`SELECT d.id, d.trainee_id AS traineeId, t.first_name AS firstName, t.last_name AS lastName, d.category, d.count, d.deleted_at AS deletedAt
      FROM network_deletions d JOIN trainees t ON t.id = d.trainee_id ORDER BY d.deleted_at DESC, d.id DESC LIMIT 200`)
    .all() as { id: number; traineeId: number; firstName: string; lastName: string; category: RetentionCategory; count: number; deletedAt: string }[];
}
