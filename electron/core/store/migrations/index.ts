// The numbered migrations, in order. Add a file NNN_name.sql and one line here (ARCHITECTURE.md, "Add a migration").
import m001 from './001_init.sql';
import m002 from './002_training.sql';
import m003 from './003_immigration.sql';
import m004 from './004_language.sql';
import m008 from './008_print.sql';

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
  // Assigned number 008; version 5 until the migrations numbered before it are merged (the lead renumbers).
  { version: 5, name: '008_print', sql: m008 },
];
