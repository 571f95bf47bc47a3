import type { Shape } from '../shape';
import type de from '../de/settings';

export default {
  title: 'Settings',
  language: 'Interface language',
  languages: { de: 'Deutsch', en: 'English' },
  data: 'Data',
  dataDir: 'Data folder',
  dbPath: 'Database file',
  schema: 'Schema version',
  version: 'App version',
  transport: 'Connection',
  transports: { ipc: 'Desktop app', http: 'Browser mode (this PC only)' },
  backup: 'Back up now',
  backupHint: 'Writes a complete copy of the database to the “backups” folder inside the data folder. Copy that folder to a USB stick regularly.',
  backupDone: 'Backup created: {{file}}',
  rules: 'Deadlines and lead times',
  rulesHint: 'Adjust the lead times for renewals and notices, with the source of each rule.',
  privacy: 'All data stays on this PC. Werkbrücke sends nothing to the internet.',
} satisfies Shape<typeof de>;
