// Werkbrücke on the command line, over the same core as the app: `npm run cli -- <command> [--data-dir DIR]`.
import './requireNode22';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EXPORT_KINDS, ExportRequest } from '../shared/exports';
import { toFieldIssues } from '../shared/errors';
import { startCore } from './core/app';
import { createDemo } from './core/demo';
import { createScaleDemo } from './core/demoScale';
import { AppError } from './core/errors';
import { errorText } from './errorText';
import { runExport } from './core/exports/registry';
import { defaultDataDir } from './core/paths';
import { restoreWorkspace } from './core/system/restore';
import { cleanLeftovers, writeBackup } from './core/store/backup';
import { checkDatabase, openStore, type Store } from './core/store/db';
import { acquireLock, lockHolder } from './core/store/lock';
import { DB_FILE } from './core/paths';
import { settleEnds } from './core/trainees/service';
import { listTrainees } from './core/trainees/service';
import { listDeadlines } from './core/immigration/deadlines';
import { tasksForCli } from './core/language/tasks';
import { nachweisOverview } from './core/nachweis/weeks';
import { occupationsOverview } from './core/plan/occupations';
import { toIsoDate } from '../shared/format';
import { startServer } from './server/http';

const USAGE = `Werkbrücke CLI

Usage: npm run cli -- <command> [options] [--data-dir DIR]

Commands:
  demo [--trainees N]          create a workspace with demo data and print the trainee ids; with --trainees, N
                               trainees (up to 5000) modelled on the demo's, with their weeks and documents
  list trainees [--json]       list the trainees
  list deadlines [--json]      open deadlines as on the dashboard (overdue, due within 60 days)
  list tasks [--json]          learning tasks and templates with their trainee and worksheet language
  list occupations [--json]    occupations with their framework-plan templates (shipped, copied, own, imported)
  list nachweise [--json]      missing and unsigned weeks of the training records per trainee in training
  backup --out FILE            complete backup (database and files) into FILE (.wbbackup), also while the app runs
  restore --from FILE          verify FILE and make it the workspace (the current state is kept in backups/);
                               refused while the app has the workspace open
  check                        integrity check and schema version (exit code 1 on problems)
  serve [--port N]             browser mode on 127.0.0.1; prints the address with its token
  export <kind> --out FILE [--trainee ID] [--task ID] [--case ID] [--consent ID] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--language CODE]
                               export a file; kinds: ${EXPORT_KINDS.join(', ')}

Options:
  --data-dir DIR               workspace folder (default: ${defaultDataDir()})
  --help                       this text`;

class UsageError extends Error {}

/** What `list <what>` can print; each returns JSON-serialisable rows. Add a line per domain. */
const LISTS: Record<string, (store: Store) => unknown[]> = {
  trainees: (store) => listTrainees(store.db, { status: 'all', offset: 0 }, { today: toIsoDate(new Date()) }).items,
  deadlines: (store) => listDeadlines(store.db, toIsoDate(new Date())).open,
  tasks: (store) => tasksForCli(store.db),
  occupations: (store) => occupationsOverview(store.db).map(({ problem, ...o }) => ({ ...o, problem: problem ? `${problem.key} ${problem.field} (line ${problem.line ?? '-'})` : null })),
  nachweise: (store) => nachweisOverview(store.db),
};

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        'data-dir': { type: 'string' },
        json: { type: 'boolean' },
        out: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        port: { type: 'string' },
        trainee: { type: 'string' },
        task: { type: 'string' },
        case: { type: 'string' },
        consent: { type: 'string' },
        language: { type: 'string' },
        trainees: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

function positiveInt(v: string | undefined, flag: string): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < 1) throw new UsageError(`${flag} expects a positive whole number, got "${v}"`);
  return Number(v);
}

function need<T>(v: T | undefined, flag: string): T {
  if (v === undefined) throw new UsageError(`missing ${flag}`);
  return v;
}

function printTable(rows: Record<string, unknown>[]) {
  if (rows.length === 0) return console.log('(keine Einträge)');
  const cols = Object.keys(rows[0]!).filter((k) => typeof rows[0]![k] !== 'object' || rows[0]![k] === null);
  console.log(cols.join('\t'));
  for (const r of rows) console.log(cols.map((c) => String(r[c] ?? '')).join('\t'));
}

export async function main(argv: string[]): Promise<number> {
  const { values: v, positionals } = parse(argv);
  const [cmd, ...rest] = positionals;
  if (v.help || !cmd) {
    console.log(USAGE);
    return v.help ? 0 : 2;
  }
  const dataDir = path.resolve(v['data-dir'] ?? defaultDataDir());
  /**
   * Reading commands (list, export, backup, check) work while the app has the workspace open: they then use it as
   * it is. When nobody has it open they hold its lock meanwhile, so that they may bring its schema up to date.
   */
  const withStore = async <T>(fn: (s: Store) => T | Promise<T>): Promise<T> => {
    const lock = lockHolder(dataDir) ? null : acquireLock(dataDir, `cli ${cmd}`);
    try {
      const store = openStore(dataDir, { migrate: lock !== null });
      try {
        return await fn(store);
      } finally {
        store.close();
      }
    } finally {
      lock?.release();
    }
  };
  /** Writing commands (demo, restore, imports) refuse while the workspace is open elsewhere (exit code 1). */
  const writing = async <T>(fn: () => T | Promise<T>): Promise<T> => {
    const lock = acquireLock(dataDir, `cli ${cmd}`);
    try {
      cleanLeftovers(dataDir);
      return await fn();
    } finally {
      lock.release();
    }
  };
  const expectArgs = (n: number) => {
    if (rest.length !== n) throw new UsageError(`"${cmd}" takes ${n === 0 ? 'no' : n} argument${n === 1 ? '' : 's'}`);
  };

  switch (cmd) {
    case 'demo': {
      expectArgs(0);
      const n = v.trainees === undefined ? null : Number(v.trainees);
      if (n !== null && (!Number.isInteger(n) || n < 1 || n > 5000)) throw new UsageError('--trainees expects a number from 1 to 5000');
      const result = await writing(async () => {
        const store = openStore(dataDir);
        try {
          if (n === null) return await createDemo(store);
          createScaleDemo(store, n);
          return { trainees: listTrainees(store.db, { status: 'all', offset: 0 }, { today: toIsoDate(new Date()) }).items.map((t) => ({ id: t.id, name: `${t.firstName} ${t.lastName}`, occupationId: t.occupationId, status: t.status })) };
        } finally {
          store.close();
        }
      });
      if (v.json) console.log(JSON.stringify(result, null, 2));
      else {
        console.log(`Demo-Arbeitsbereich angelegt in ${dataDir}`);
        for (const t of result.trainees) console.log(`${t.id}\t${t.name}\t${t.occupationId}\t${t.status}`);
      }
      return 0;
    }
    case 'list': {
      const what = rest[0];
      if (rest.length !== 1 || !what || !Object.hasOwn(LISTS, what)) throw new UsageError(`list expects one of: ${Object.keys(LISTS).join(', ')}`);
      // Ends of training recorded in advance take effect on their day, as in the app.
      const rows = await withStore((s) => (settleEnds(s.db, toIsoDate(new Date())), LISTS[what]!(s)));
      if (v.json) console.log(JSON.stringify(rows, null, 2));
      else printTable(rows as Record<string, unknown>[]);
      return 0;
    }
    case 'backup': {
      expectArgs(0);
      const out = path.resolve(need(v.out, '--out FILE'));
      const r = await withStore((s) => writeBackup(s, { kind: 'manual', out }));
      console.log(`Sicherung geschrieben: ${r.file} (${r.bytes} Bytes, Datenbank und ${r.files} Dateien)`);
      return 0;
    }
    case 'restore': {
      expectArgs(0);
      const from = path.resolve(need(v.from, '--from FILE'));
      const r = await writing(async () => {
        let store: Store | null = null;
        try {
          store = openStore(dataDir);
        } catch {
          // A workspace that cannot be opened any more is exactly what a restore is for; it is kept aside byte for byte.
        }
        const current = store;
        try {
          return await restoreWorkspace(dataDir, from, {
            store: current,
            close: () => current?.close(),
          });
        } finally {
          current?.close();
          // Brings an older backup to the current schema (with its own backup before migrating).
          openStore(dataDir).close();
        }
      });
      console.log(`Wiederhergestellt aus ${from}${r.withFiles ? ' (Datenbank und Dateien)' : ' (nur Datenbank; der Ordner files/ blieb, wie er war)'}.`);
      if (r.previous) console.log(`Der vorige Stand liegt in ${path.join(dataDir, 'backups', r.previous)}`);
      return 0;
    }
    case 'check': {
      expectArgs(0);
      const r = checkDatabase(path.join(dataDir, DB_FILE));
      if (v.json) console.log(JSON.stringify(r, null, 2));
      else {
        console.log(`Datei: ${r.file}\nSchema-Version: ${r.schemaVersion} (App: ${r.supportedVersion})\nIntegrität: ${r.integrity.join(', ') || '-'}`);
        console.log(r.ok ? 'OK' : `PROBLEME:\n- ${r.problems.join('\n- ')}`);
      }
      return r.ok ? 0 : 1;
    }
    case 'serve': {
      expectArgs(0);
      const port = positiveInt(v.port, '--port');
      if (port !== undefined && port > 65535) throw new UsageError('--port must be at most 65535');
      // A request never ends the server: errors inside handlers become 500 answers (server/http.ts); anything
      // that still escapes is logged here instead of ending the process silently.
      process.on('uncaughtException', (e) => console.error('Werkbrücke: unerwarteter Fehler (läuft weiter):', e));
      process.on('unhandledRejection', (e) => console.error('Werkbrücke: unerwarteter Fehler (läuft weiter):', e));
      const core = startCore({ dataDir, transport: 'http', workerFile: path.join(import.meta.dirname, 'worker.cjs'), dailyBackup: true });
      const staticDir = path.join(import.meta.dirname, 'renderer');
      const server = await startServer({ registry: core.registry, staticDir, ...(port ? { port } : {}) });
      console.log(`Werkbrücke läuft im Browser-Modus: ${server.openUrl}`);
      console.log(`Daten: ${dataDir}. Beenden mit Strg+C.`);
      const stop = async () => {
        await server.close();
        await core.close();
        process.exit(0);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      return new Promise<number>(() => {});
    }
    case 'export': {
      const kind = rest[0];
      if (rest.length !== 1 || !kind) throw new UsageError(`export expects one kind: ${EXPORT_KINDS.join(', ')}`);
      const out = path.resolve(need(v.out, '--out FILE'));
      const raw = {
        kind,
        traineeId: positiveInt(v.trainee, '--trainee'),
        taskId: positiveInt(v.task, '--task'),
        caseId: positiveInt(v.case, '--case'),
        consentId: positiveInt(v.consent, '--consent'),
        from: v.from,
        to: v.to,
        language: v.language,
      };
      const request = Object.fromEntries(Object.entries(raw).filter(([, x]) => x !== undefined));
      const parsed = ExportRequest.safeParse(request);
      if (!parsed.success) {
        const issues = toFieldIssues(parsed.error.issues, request);
        throw new UsageError(`invalid export options: ${issues.map((i) => `${i.path.join('.') || 'kind'}: ${i.key}`).join(', ')}`);
      }
      const file = await withStore((s) => (settleEnds(s.db, toIsoDate(new Date())), runExport(s, parsed.data)));
      fs.writeFileSync(out, file.bytes);
      console.log(`${out} (${file.bytes.byteLength} Bytes)`);
      if (file.calendar) {
        const k = file.calendar;
        console.log(`Seit der letzten Ausgabe: ${k.added} neu, ${k.updated} geändert, ${k.cancelled} abgesagt, ${k.unchanged} unverändert.`);
      }
      return 0;
    }
    default:
      throw new UsageError(`unknown command "${cmd}"`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    if (e instanceof UsageError) {
      console.error(`Fehler: ${e.message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else if (e instanceof AppError) {
      console.error(`Fehler: ${errorText(e) ?? e.message}`);
      if (e.issues) for (const i of e.issues) console.error(`  ${i.path.join('.')}: ${i.key}`);
      process.exitCode = 1;
    } else {
      console.error(e);
      process.exitCode = 1;
    }
  },
);
