// All English namespaces: a chunk of its own, loaded only when the UI language is English (i18n/init.ts).
import casefile from './casefile';
import common from './common';
import errors from './errors';
import firm from './firm';
import immigration from './immigration';
import language from './language';
import nachweis from './nachweis';
import network from './network';
import plan from './plan';
import print from './print';
import settings from './settings';
import trainees from './trainees';

export const en = { common, errors, trainees, firm, settings, immigration, language, plan, nachweis, network, print, casefile } as const;
