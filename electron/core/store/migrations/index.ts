// The numbered migrations, in order. Add a file NNN_name.sql and one line here (ARCHITECTURE.md, "Add a migration").
import m001 from './001_init.sql';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  { version: 1, name: '001_init', sql: m001 },
];
