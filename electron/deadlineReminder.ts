// Desktop notifications for deadlines that are overdue or due within 14 days, at most once a day. The core decides
// what is due and remembers the day in the workspace settings; this shell part only shows it.
import { Notification } from 'electron';
import type { Core } from './core/app';
import { takeDailyReminder } from './core/immigration/reminder';
import { getSettings } from './core/settings';
import { reminderText } from './reminderText';

const HOUR = 60 * 60 * 1000;

/** Checks now and every hour (the app may stay open over midnight); `onClick` brings the deadline page up. */
export function startDeadlineReminders(core: Core, onClick: () => void): () => void {
  const check = async () => {
    if (!Notification.isSupported()) return;
    try {
      const r = takeDailyReminder(core.store.db, new Date());
      if (!r) return;
      const n = new Notification(await reminderText(r, getSettings(core.store.db).uiLanguage));
      n.on('click', onClick);
      n.show();
    } catch (e) {
      console.error('deadline reminder failed', e);
    }
  };
  void check();
  const timer = setInterval(() => void check(), HOUR);
  return () => clearInterval(timer);
}
