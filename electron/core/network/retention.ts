// Retention of the network's records (resources/network/retention.json): what is due for deletion, and deleting
// it per trainee and category in one step, recorded without the deleted content.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';
import { resourcesDir } from '../paths';
import type { Db } from '../store/db';
import { getTrainee } from '../trainees/service';

export type RetentionCategory = 'moderation' | 'counselling_notes';
interface Rule { id: string; years?: number }

function years(id: RetentionCategory): number {
  const rules = (JSON.parse(fs.readFileSync(path.join(resourcesDir(), 'network', 'retention.json'), 'utf8')) as { rules: Rule[] }).rules;
  const y = rules.find((r) => r.id === id)?.years;
  if (!y) throw new AppError('rules_invalid', `Retention rule ${id} has no period`);
  return y;
}

const SQL: Record<RetentionCategory, { select: string; del: string }> = {
  moderation: { select: `SELECT id FROM conflict_cases WHERE trainee_id = @tid AND closed_on IS NOT NULL AND date(closed_on, '+' || @y || ' years') <= @today`, del: 'DELETE FROM conflict_cases WHERE id = ?' },
  counselling_notes: { select: `SELECT id FROM network_notes WHERE trainee_id = @tid AND date(noted_on, '+' || @y || ' years') <= @today`, del: 'DELETE FROM network_notes WHERE id = ?' },
};

/** Per trainee and category: how many records are due for deletion today. */
export function dueForDeletion(db: Db, today: string) {
  const out: { traineeId: number; firstName: string; lastName: string; category: RetentionCategory; count: number }[] = [];
  const trainees = db.prepare('SELECT id, first_name, last_name FROM trainees ORDER BY last_name, first_name, id').all() as { id: number; first_name: string; last_name: string }[];
  for (const category of Object.keys(SQL) as RetentionCategory[]) {
    const y = years(category);
    const st = db.prepare(SQL[category].select);
    for (const t of trainees) {
      const n = st.all({ tid: t.id, y, today }).length;
      if (n > 0) out.push({ traineeId: t.id, firstName: t.first_name, lastName: t.last_name, category, count: n });
    }
  }
  return out;
}

/** Deletes what is due in one category for one trainee; the log keeps the category and count only. */
export function deleteDue(db: Db, traineeId: number, category: RetentionCategory, today: string, now: Date): { deleted: number } {
  return db.transaction(() => {
    getTrainee(db, traineeId);
    const ids = (db.prepare(SQL[category].select).all({ tid: traineeId, y: years(category), today }) as { id: number }[]).map((r) => r.id);
    if (ids.length === 0) return { deleted: 0 };
    const del = db.prepare(SQL[category].del);
    for (const id of ids) del.run(id);
    db.prepare('INSERT INTO network_deletions (trainee_id, category, count, deleted_at) VALUES (?, ?, ?, ?)').run(traineeId, category, ids.length, now.toISOString());
    return { deleted: ids.length };
  })();
}
