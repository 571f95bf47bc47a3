// i18next with one namespace per domain. German is the default and the source of the key types;
// English must have the same keys (checked by `satisfies Shape<…>` in each file).
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import deCommon from './de/common';
import deErrors from './de/errors';
import deFirm from './de/firm';
import deImmigration from './de/immigration';
import deLanguage from './de/language';
import deNachweis from './de/nachweis';
import deNetwork from './de/network';
import dePlan from './de/plan';
import dePrint from './de/print';
import deSettings from './de/settings';
import deTrainees from './de/trainees';
import enCommon from './en/common';
import enErrors from './en/errors';
import enFirm from './en/firm';
import enImmigration from './en/immigration';
import enLanguage from './en/language';
import enNachweis from './en/nachweis';
import enNetwork from './en/network';
import enPlan from './en/plan';
import enPrint from './en/print';
import enSettings from './en/settings';
import enTrainees from './en/trainees';
// Case files (issue 12)
import deCasefile from './de/casefile';
import enCasefile from './en/casefile';

export const resources = {
  de: { common: deCommon, errors: deErrors, trainees: deTrainees, firm: deFirm, settings: deSettings, immigration: deImmigration, language: deLanguage, plan: dePlan, nachweis: deNachweis, network: deNetwork, print: dePrint, casefile: deCasefile },
  en: { common: enCommon, errors: enErrors, trainees: enTrainees, firm: enFirm, settings: enSettings, immigration: enImmigration, language: enLanguage, plan: enPlan, nachweis: enNachweis, network: enNetwork, print: enPrint, casefile: enCasefile },
} as const;

export const NAMESPACES = Object.keys(resources.de) as (keyof (typeof resources)['de'])[];

export function initI18n(lng: 'de' | 'en') {
  return i18next.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: 'de',
    ns: NAMESPACES,
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}

export default i18next;
