// Wording of the printed documents (PDFs are German, whatever the UI language): counts with their plural forms,
// through i18next (electron/core/pdf/words.ts). Here in shared/ because the core may not import the renderer;
// renderer/i18n/de/print.ts is this namespace's German source for the translation checks.
export default {
  sheets_one: '{{count}} Blatt',
  sheets_other: '{{count}} Blätter',
  weeks_one: '{{count}} Woche',
  weeks_other: '{{count}} Wochen',
  weeksMissing_one: '{{count}} Woche nicht erfasst',
  weeksMissing_other: '{{count}} Wochen nicht erfasst',
  signed_one: 'davon {{count}} abgezeichnet',
  signed_other: 'davon {{count}} abgezeichnet',
};
