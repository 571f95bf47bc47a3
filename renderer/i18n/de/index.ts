// All German namespaces (the source language and the fallback): bundled into the start script.
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

export const de = { common, errors, trainees, firm, settings, immigration, language, plan, nachweis, network, print, casefile } as const;
