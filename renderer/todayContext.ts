// "Heute zu tun" as the app loaded it for the navigation's counts (fresh after every change of page), shared with
// the start page so that it is computed once per page (issue 14: one call fewer during a cold start).
import { createContext } from 'react';
import type { TodayOverview } from '../shared/today';

export const TodayContext = createContext<TodayOverview | undefined>(undefined);
