// i18next with one namespace per domain. German is the default and the source of the key types;
// English must have the same keys (checked by `satisfies Shape<…>` in each file).
// Both languages together, for the types and the tests; the renderer itself starts i18next from ./init, which
// bundles German and loads English only when it is needed.
import { de } from './de/index';
import { en } from './en/index';

export const resources = { de, en } as const;

export const NAMESPACES = Object.keys(resources.de) as (keyof (typeof resources)['de'])[];
