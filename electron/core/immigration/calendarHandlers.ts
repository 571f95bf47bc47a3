import type { calendarContract } from '../../../shared/calendar';
import { defineHandlers } from '../api/registry';
import { calendarFolder, setCalendarFolder } from './calendarFolder';

export const calendarHandlers = defineHandlers<typeof calendarContract>({
  'calendar.folder': (_i, { store }) => calendarFolder(store),
  'calendar.setFolder': ({ folder }, { store, now }) => setCalendarFolder(store, folder, now()),
});
