// Every domain's handlers, merged. Add one spread per domain (ARCHITECTURE.md, "Add an API call").
import type { CallName } from '../../../shared/api';
import { exportHandlers } from '../exports/handlers';
import { firmHandlers } from '../firm/handlers';
import { systemHandlers } from '../system/handlers';
import { traineeHandlers } from '../trainees/handlers';
import type { HandlerMap } from './registry';

export const handlers = {
  ...systemHandlers,
  ...firmHandlers,
  ...traineeHandlers,
  ...exportHandlers,
} satisfies HandlerMap<CallName>;
