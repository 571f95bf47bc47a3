// Every domain's handlers, merged. Add one spread per domain (ARCHITECTURE.md, "Add an API call").
import type { CallName } from '../../../shared/api';
import { casefileHandlers } from '../casefile/handlers';
import { contactHandlers } from '../contacts/handlers';
import { exportHandlers } from '../exports/handlers';
import { firmHandlers } from '../firm/handlers';
import { calendarHandlers } from '../immigration/calendarHandlers';
import { immigrationHandlers } from '../immigration/handlers';
import { glossaryHandlers, taskHandlers } from '../language/handlers';
import { nachweisHandlers } from '../nachweis/handlers';
import { networkHandlers } from '../network/handlers';
import { planHandlers } from '../plan/handlers';
import { occupationHandlers } from '../plan/occupationHandlers';
import { systemHandlers } from '../system/handlers';
import { todayHandlers } from '../today/handlers';
import { traineeHandlers } from '../trainees/handlers';
import type { HandlerMap } from './registry';

export const handlers = {
  ...systemHandlers,
  ...firmHandlers,
  ...traineeHandlers,
  ...exportHandlers,
  ...immigrationHandlers,
  ...calendarHandlers,
  ...contactHandlers,
  ...occupationHandlers,
  ...planHandlers,
  ...nachweisHandlers,
  ...glossaryHandlers,
  ...taskHandlers,
  ...todayHandlers,
  ...networkHandlers,
  ...casefileHandlers,
} satisfies HandlerMap<CallName>;
