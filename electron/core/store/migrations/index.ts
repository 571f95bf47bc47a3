// The numbered migrations, in order. Add a file NNN_name.sql and one line here (ARCHITECTURE.md, "Add a migration").
import m001 from './001_init.sql';
import m002 from './002_training.sql';
import m003 from './003_immigration.sql';
import m004 from './004_language.sql';
import m005 from './005_calendar.sql';
import m006 from './006_notice.sql';
import m007 from './007_network.sql';
import m008 from './008_print.sql';
import m009 from './009_employment_title.sql';
import m010 from './010_network_more.sql';
import m011 from './011_casefile.sql';
import m012 from './012_signoff.sql';
import m013 from './013_task_translations.sql';
import m014 from './014_speed.sql';
import m015 from './015_deadline_index.sql';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /**
   * Runs with foreign keys off (a table rebuilt to change a CHECK: dropping the old table must not fire ON DELETE
   * actions); every foreign key is checked before its transaction commits.
   */
  foreignKeysOff?: boolean;
}

export const MIGRATIONS: Migration[] = [
  { version: 1, name: '001_init', sql: m001 },
  { version: 2, name: '002_training', sql: m002 },
  { version: 3, name: '003_immigration', sql: m003 },
  { version: 4, name: '004_language', sql: m004 },
  { version: 5, name: '005_calendar', sql: m005 },
  { version: 6, name: '006_notice', sql: m006 },
  { version: 7, name: '007_network', sql: m007 },
  { version: 8, name: '008_print', sql: m008 },
  { version: 9, name: '009_employment_title', sql: m009, foreignKeysOff: true },
  { version: 10, name: '010_network_more', sql: m010, foreignKeysOff: true },
  { version: 11, name: '011_casefile', sql: m011 },
  { version: 12, name: '012_signoff', sql: m012 },
  { version: 13, name: '013_task_translations', sql: m013 },
  { version: 14, name: '014_speed', sql: m014 },
  { version: 15, name: '015_deadline_index', sql: m015 },
];
