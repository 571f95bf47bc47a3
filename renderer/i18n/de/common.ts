import { LANGUAGE_NAMES_DE } from '../../../shared/languages';

// German is the source language: its keys define the shape every other language must fill.
export default {
  appName: 'Werkbrücke',
  skipToContent: 'Zum Inhalt springen',
  nav: {
    trainees: 'Auszubildende',
    firm: 'Betrieb',
    settings: 'Einstellungen',
    main: 'Hauptnavigation',
  },
  actions: {
    save: 'Speichern',
    cancel: 'Abbrechen',
    edit: 'Bearbeiten',
    delete: 'Löschen',
    back: 'Zurück',
    add: 'Hinzufügen',
    remove: 'Entfernen',
    confirm: 'Bestätigen',
    close: 'Schließen',
    export: 'Exportieren',
    download: 'Herunterladen',
  },
  status: {
    saved: 'Gespeichert.',
    saving: 'Wird gespeichert …',
    loading: 'Wird geladen …',
    exporting: 'Datei wird erstellt …',
    exported: 'Datei „{{file}}“ wurde erstellt.',
    calendarChanges: 'Seit der letzten Ausgabe: {{added}} neu, {{updated}} geändert, {{cancelled}} abgesagt, {{unchanged}} unverändert.',
  },
  yes: 'Ja',
  no: 'Nein',
  none: '—',
  datePlaceholder: 'TT.MM.JJJJ',
  required: 'Pflichtfeld',
  weekdays: { '1': 'Montag', '2': 'Dienstag', '3': 'Mittwoch', '4': 'Donnerstag', '5': 'Freitag', '6': 'Samstag' },
  weekdaysShort: { '1': 'Mo', '2': 'Di', '3': 'Mi', '4': 'Do', '5': 'Fr', '6': 'Sa' },
  languages: LANGUAGE_NAMES_DE,
  notLegalAdvice: 'Hinweise mit Quellenangabe, keine Rechtsberatung.',
};
