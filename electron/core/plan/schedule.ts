// Scheduling (zeitliche Gliederung) as pure functions: the template's periods are mapped onto the contract's
// training months (scaled when the contract is shorter or longer than the regulation's duration), and within a
// period the time guide values are laid out one after the other in the template's order. The supervisor then
// moves and splits what does not fit the firm's work.
import type { RahmenplanTemplate } from '../../../shared/planTemplate';
import { addDays, daysBetween, trainingMonths, type TrainingMonth } from '../../../shared/trainingCalendar';

export interface ScheduledBlock {
  positionIndex: number;
  itemKeys: string[];
  period: string | null;
  weeks: number;
  from: string;
  to: string;
}

/** Contract months [first, last] (1-based, inclusive) a template period maps to. */
export function periodMonths(p: { fromMonth: number; toMonth: number }, templateMonths: number, contractMonths: number): [number, number] {
  const f = contractMonths / templateMonths;
  const a = Math.min(contractMonths, Math.max(1, Math.round((p.fromMonth - 1) * f) + 1));
  const b = Math.min(contractMonths, Math.max(a, Math.round(p.toMonth * f)));
  return [a, b];
}

export function scheduleTemplate(template: RahmenplanTemplate, contractStart: string, contractEnd: string): ScheduledBlock[] {
  const months = trainingMonths(contractStart, contractEnd);
  const n = months.length;
  const blocks: ScheduledBlock[] = [];
  template.positions.forEach((p, positionIndex) => {
    if (p.throughoutTraining) {
      blocks.push({ positionIndex, itemKeys: p.items.map((i) => i.key), period: null, weeks: 0, from: contractStart, to: contractEnd });
    }
  });
  for (const period of template.periods) {
    const [a, b] = periodMonths(period, template.durationMonths, n);
    const span = b - a + 1;
    const groups = template.positions.flatMap((p, positionIndex) => p.timeGuide.filter((g) => g.period === period.id).map((g) => ({ positionIndex, g })));
    const total = groups.reduce((s, x) => s + x.g.weeks, 0);
    let cum = 0;
    for (const { positionIndex, g } of groups) {
      const first = a + Math.min(span - 1, Math.floor((cum / total) * span));
      const last = Math.max(first, a + Math.ceil(((cum + g.weeks) / total) * span) - 1);
      cum += g.weeks;
      blocks.push({ positionIndex, itemKeys: [...g.items], period: g.period, weeks: g.weeks, from: months[first - 1]!.from, to: months[Math.min(last, n) - 1]!.to });
    }
  }
  return blocks;
}

/** The training month that contains `date` (clamped to the contract). */
export function monthContaining(months: TrainingMonth[], date: string): TrainingMonth {
  if (date <= months[0]!.from) return months[0]!;
  for (const m of months) if (date <= m.to) return m;
  return months[months.length - 1]!;
}

export interface OpenItem {
  id: number;
  from: string;
  to: string;
  throughout: boolean;
}

export interface ContractWindow {
  start: string;
  end: string;
}

/**
 * New planned periods for the open items after a contract change, as of `today`:
 * - what lies ahead is stretched or compressed from what remained of the old contract onto what remains of the
 *   new one (a shift of the start moves everything);
 * - what is overdue is planned anew from today, with its length;
 * - content taught throughout the training spans the new contract.
 * Every period is snapped to whole training months and kept inside the contract.
 */
export function reschedule(items: OpenItem[], before: ContractWindow, after: ContractWindow, today: string): Map<number, { from: string; to: string }> {
  const months = trainingMonths(after.start, after.end);
  const out = new Map<number, { from: string; to: string }>();
  const pOld = today > before.start ? today : before.start;
  const pNew = today > after.start ? today : after.start;
  const oldSpan = daysBetween(pOld, before.end);
  const newSpan = Math.max(0, daysBetween(pNew, after.end));
  const map = (d: string) => {
    if (oldSpan <= 0) return pNew;
    const x = Math.min(oldSpan, Math.max(0, daysBetween(pOld, d)));
    return addDays(pNew, Math.round((x * newSpan) / oldSpan));
  };
  for (const it of items) {
    let from: string;
    let to: string;
    if (it.throughout) {
      from = after.start;
      to = after.end;
    } else if (it.to < pOld || oldSpan <= 0) {
      const len = Math.max(0, daysBetween(it.from, it.to));
      from = pNew;
      to = addDays(pNew, Math.min(len, newSpan));
    } else {
      from = map(it.from < pOld ? pOld : it.from);
      to = map(it.to);
    }
    const f = monthContaining(months, from);
    const t = monthContaining(months, to < from ? from : to);
    out.set(it.id, { from: f.from, to: t.to });
  }
  return out;
}
