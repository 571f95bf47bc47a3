// "Heute zu tun": one list from what the domains already compute (may-train verdicts and deadlines from the
// immigration rules, missing and waiting weeks from the training record), most pressing first.
import type { TodayOverview, TodoItem } from '../../../shared/today';
import { listDeadlines } from '../immigration/deadlines';
import { nachweisOverview } from '../nachweis/weeks';
import type { Db } from '../store/db';

export function todayOverview(db: Db, today: string, now: Date): TodayOverview {
  const d = listDeadlines(db, today);
  const pressing = d.open.filter((x) => x.bucket === 'overdue' || x.bucket === 'soon');
  const weeks = nachweisOverview(db, now).filter((w) => w.missing > 0 || w.traineeSigned > 0);
  const items: TodoItem[] = [
    ...d.blocked.map((m) => ({ kind: 'may_not_train' as const, traineeId: m.traineeId, name: `${m.lastName}, ${m.firstName}`, mayTrain: m })),
    ...pressing.map((x) => ({ kind: 'deadline' as const, traineeId: x.traineeId, name: `${x.lastName}, ${x.firstName}`, deadline: x })),
    ...weeks.map((w) => ({ kind: 'weeks' as const, traineeId: w.traineeId, name: w.name, missing: w.missing, firstMissing: w.firstMissing, waiting: w.traineeSigned })),
  ];
  return {
    today,
    items,
    counts: { deadlines: pressing.length, nachweise: weeks.length },
    attention: [...new Set(items.map((i) => i.traineeId))].sort((a, b) => a - b),
  };
}
