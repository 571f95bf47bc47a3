// Wording of the daily desktop reminder, in the UI language, from the renderer's translation files
// (the Electron shell has no React, so it uses its own small i18next instance). No electron import: testable.
import i18next from 'i18next';
import { formatDate } from '../shared/format';
import type { Reminder } from './core/immigration/reminder';
import de from '../renderer/i18n/de/immigration';
import en from '../renderer/i18n/en/immigration';

const i18n = i18next.createInstance();
const ready = i18n.init({ resources: { de: { immigration: de }, en: { immigration: en } }, lng: 'de', fallbackLng: 'de', ns: ['immigration'], defaultNS: 'immigration', interpolation: { escapeValue: false } });

export async function reminderText(r: Reminder, lng: 'de' | 'en'): Promise<{ title: string; body: string }> {
  await ready;
  const t = i18n.getFixedT(lng, 'immigration');
  return {
    title: t('notification.title'),
    body: t('notification.body', {
      count: r.overdue + r.soon,
      first: t(`kindShort.${r.first.kind}`),
      name: `${r.first.firstName} ${r.first.lastName}`,
      date: formatDate(r.first.dueOn),
    }),
  };
}
