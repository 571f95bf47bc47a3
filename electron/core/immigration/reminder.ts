// The daily desktop reminder: what is overdue or due within 14 days, at most once a day. The Electron shell shows it
// (core never imports electron); the date of the last reminder is kept in the workspace's settings.
import { toIsoDate } from '../../../shared/format';
import type { Deadline } from '../../../shared/immigration';
import { getSetting, setSetting } from '../settings';
import type { Db } from '../store/db';
import { listDeadlines } from './deadlines';
import { loadRules } from './rules';

const LAST_KEY = 'immigration.lastReminder';

export interface Reminder {
  date: string;
  overdue: number;
  soon: number;
  /** The most pressing deadline, named in the notification. */
  first: Deadline;
}

/** Returns the reminder if one is due today and records that it was given; null if nothing is due or it was given today. */
export function takeDailyReminder(db: Db, now: Date): Reminder | null {
  const today = toIsoDate(now);
  return db.transaction(() => {
    if (getSetting<string | null>(db, LAST_KEY, null) === today) return null;
    const { soonDays } = loadRules().file.dashboard;
    const due = listDeadlines(db, today, soonDays).open.filter((d) => d.daysLeft <= soonDays);
    if (due.length === 0) return null;
    setSetting(db, LAST_KEY, today);
    return { date: today, overdue: due.filter((d) => d.daysLeft < 0).length, soon: due.filter((d) => d.daysLeft >= 0).length, first: due[0]! };
  })();
}
