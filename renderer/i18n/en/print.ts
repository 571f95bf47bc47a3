import type { Shape } from '../shape';
import type de from '../de/print';

// The PDFs are printed in German; these English forms exist for the shape check and a future English print.
export default {
  sheets_one: '{{count}} sheet',
  sheets_other: '{{count}} sheets',
  weeks_one: '{{count}} week',
  weeks_other: '{{count}} weeks',
  weeksMissing_one: '{{count}} week not recorded',
  weeksMissing_other: '{{count}} weeks not recorded',
  signed_one: '{{count}} of them signed',
  signed_other: '{{count}} of them signed',
} satisfies Shape<typeof de>;
