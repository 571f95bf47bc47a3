// The numbered migrations, in order. Add a file NNN_name.sql and one line here (ARCHITECTURE.md, "Add a migration").
import m001 from './001_init.sql';
import m002 from './002_training.sql';
import m003 from './003_immigration.sql';
import m004 from './004_language.sql';
import m005 from './005_calendar.sql';
import m006 from './006_notice.sql';
import m007 from './007_network.sql';
import m008 from './008_print.sql';
import m014 from './014_speed.sql';

export interface Migration {
  version: number;
  name: string;
  sql: string;
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
  // 014 is this branch's number (issue 14, speed); version 9 until the lead renumbers at merge.
  { version: 9, name: '014_speed', sql: m014 },
];
