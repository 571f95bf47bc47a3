// Small text helpers shared by the plan pages.
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format';
import type { Plan, PlanChange, PlanItem, PlanPosition } from '../../../shared/plan';

export const monthYear = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Options for choosing the start / end of a planned period in whole training months. */
export function useMonthOptions(plan: Plan) {
  const { t } = useTranslation('plan');
  return {
    from: plan.months.map((m) => ({ value: m.from, label: t('month', { n: m.n, date: monthYear(m.from) }) })),
    to: plan.months.map((m) => ({ value: m.to, label: t('month', { n: m.n, date: monthYear(m.to) }) })),
  };
}

/** "9 a, b, c" or "F1 Küchenmontage …": how one plan item is named in dialogs. */
export function itemLabel(p: PlanPosition, i: PlanItem): string {
  return i.text ? `${p.number} ${i.text.slice(0, 60)}` : `${p.number} ${i.itemKeys.join(', ')}`;
}

/** One change of the plan's history as a sentence. */
export function useChangeText() {
  const { t } = useTranslation('plan');
  return (h: PlanChange) => {
    const p = h.params;
    const d = (k: string) => (typeof p[k] === 'string' && /^\d{4}-\d{2}-\d{2}/.test(String(p[k])) ? formatDate(String(p[k])) : String(p[k] ?? ''));
    const status = (k: string) => (p[k] ? t(`status.${p[k]}` as 'status.planned') : '');
    switch (h.kind) {
      case 'created':
        return t('history.created', { regulation: p.regulation, items: p.items });
      case 'contract':
        return t('history.contract', {
          startBefore: d('startBefore'),
          start: d('start'),
          endBefore: d('endBefore'),
          end: d('end'),
          hoursBefore: p.hoursBefore,
          hours: p.hours,
          rescheduled: p.rescheduled,
          kept: p.kept,
        });
      case 'moved':
        return t('history.moved', { item: p.item, fromBefore: monthYear(String(p.fromBefore)), toBefore: monthYear(String(p.toBefore)), from: monthYear(String(p.from)), to: monthYear(String(p.to)) });
      case 'split':
        return t('history.split', { item: p.item, part: p.part, weeks: p.weeks, from: monthYear(String(p.from)), to: monthYear(String(p.to)) });
      case 'added':
        return t('history.added', { item: p.item });
      case 'removed':
        return t('history.removed', { item: p.item });
      case 'status':
        return t('history.status', { item: p.item, before: status('before'), status: status('status') });
    }
  };
}
