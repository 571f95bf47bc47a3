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
import { cliLang, cliText } from './cliText';
import { errorText, fieldText } from './errorText';
import { DEMO_PIN } from './core/nachweis/pin';
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
// Case files (issue 12)
import { ExportInput } from '../shared/casefile';
import { addDays } from '../shared/trainingCalendar';
import { ensureKeys, keyFileText, publicKeys } from './core/casefile/keys';
import { exportCasefile, importReply, listShared, openShared, writeReply } from './core/casefile/service';
import { inlineRunner } from './core/jobs/runner';
import { listConsents } from './core/network/service';

// One language for everything the CLI prints (cliText.ts): German, or English with WERKBRUECKE_LANG=en / --lang en.
const LANG = cliLang(process.argv.slice(2));
const say = cliText(LANG, defaultDataDir());

class UsageError extends Error {}

/** What `list <what>` can print; each returns JSON-serialisable rows. Add a line per domain. */
const LISTS: Record<string, (store: Store) => unknown[]> = {
  trainees: (store) => listTrainees(store.db, { status: 'all', offset: 0 }, { today: toIsoDate(new Date()) }).items,
  deadlines: (store) => listDeadlines(store.db, toIsoDate(new Date())).open,
  tasks: (store) => tasksForCli(store.db),
  occupations: (store) => occupationsOverview(store.db).map(({ problem, ...o }) => ({ ...o, problem: problem ? `${problem.key} ${problem.field} (line ${problem.line ?? '-'})` : null })),
  nachweise: (store) => nachweisOverview(store.db),
  // Case files (issue 12). `cases` only reads: expired cases are left out here and removed by the app or a writing command.
  consents: (store) => listTrainees(store.db, { status: 'all', offset: 0 }, { today: toIsoDate(new Date()) }).items.flatMap((t) => listConsents(store.db, t.id)),
  cases: (store) => listShared(store.db, new Date(), { purge: false }).cases,
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
        'without-reason': { type: 'boolean' },
        'passphrase-file': { type: 'string' },
        format: { type: 'string' },
        recipient: { type: 'string' },
        suggestions: { type: 'boolean' },
        lang: { type: 'string' },
        trainees: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    // node's own message is English: say it in the CLI's language, naming the option
    const m = (e as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(m);
    const bad = /Option '([^' ]+)/.exec(m);
    throw new UsageError(unknown ? say.unknownOption(unknown[1]!) : bad ? say.badOption(bad[1]!) : say.badOptions(m));
  }
}

function positiveInt(v: string | undefined, flag: string): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < 1) throw new UsageError(say.positiveInt(flag, v));
  return Number(v);
}

function need<T>(v: T | undefined, flag: string): T {
  if (v === undefined) throw new UsageError(say.missing(flag));
  return v;
}

function printTable(rows: Record<string, unknown>[]) {
  if (rows.length === 0) return console.log(say.noRows);
  const cols = Object.keys(rows[0]!).filter((k) => typeof rows[0]![k] !== 'object' || rows[0]![k] === null);
  console.log(cols.join('\t'));
  for (const r of rows) console.log(cols.map((c) => String(r[c] ?? '')).join('\t'));
}

export async function main(argv: string[]): Promise<number> {
  const { values: v, positionals } = parse(argv);
  const [cmd, ...rest] = positionals;
  if (v.help || !cmd) {
    console.log(say.usage);
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
    if (rest.length !== n) throw new UsageError(say.takesArgs(cmd, n));
  };

  switch (cmd) {
    case 'demo': {
      expectArgs(0);
      const n = v.trainees === undefined ? null : Number(v.trainees);
      if (n !== null && (!Number.isInteger(n) || n < 1 || n > 5000)) throw new UsageError(say.traineesRange);
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
        console.log(say.demoCreated(dataDir, DEMO_PIN));
        for (const t of result.trainees) console.log(`${t.id}\t${t.name}\t${t.occupationId}\t${t.status}`);
      }
      return 0;
    }
    case 'list': {
      const what = rest[0];
      if (rest.length !== 1 || !what || !Object.hasOwn(LISTS, what)) throw new UsageError(say.listExpects(Object.keys(LISTS).join(', ')));
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
      console.log(say.backupWritten(r.file, r.bytes, r.files));
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
      console.log(say.restored(from, r.withFiles));
      if (r.previous) console.log(say.previous(path.join(dataDir, 'backups', r.previous)));
      return 0;
    }
    case 'check': {
      expectArgs(0);
      const r = checkDatabase(path.join(dataDir, DB_FILE));
      if (v.json) console.log(JSON.stringify(r, null, 2));
      else {
        console.log(say.check(r.file, r.schemaVersion, r.supportedVersion, r.integrity.join(', ') || '-'));
        console.log(r.ok ? 'OK' : say.problems(r.problems));
      }
      return r.ok ? 0 : 1;
    }
    case 'serve': {
      expectArgs(0);
      const port = positiveInt(v.port, '--port');
      if (port !== undefined && port > 65535) throw new UsageError(say.portMax);
      // A request never ends the server: errors inside handlers become 500 answers (server/http.ts); anything
      // that still escapes is logged here instead of ending the process silently.
      process.on('uncaughtException', (e) => console.error(say.unexpected, e));
      process.on('unhandledRejection', (e) => console.error(say.unexpected, e));
      const core = startCore({ dataDir, transport: 'http', workerFile: path.join(import.meta.dirname, 'worker.cjs'), dailyBackup: true });
      const staticDir = path.join(import.meta.dirname, 'renderer');
      const server = await startServer({ registry: core.registry, staticDir, ...(port ? { port } : {}) });
      console.log(say.serving(server.openUrl));
      console.log(say.servingData(dataDir));
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
      if (rest.length !== 1 || !kind) throw new UsageError(say.exportExpects(EXPORT_KINDS.join(', ')));
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
        // mitteilung-abh: leave out the recorded reason for the end (the other kinds refuse the option).
        withReason: v['without-reason'] ? false : undefined,
        suggestions: v.suggestions,
      };
      const request = Object.fromEntries(Object.entries(raw).filter(([, x]) => x !== undefined));
      const parsed = ExportRequest.safeParse(request);
      if (!parsed.success) {
        const issues = toFieldIssues(parsed.error.issues, request);
        // An option the kind does not take ("--suggestions" for a Nachweis) is named as the option the user typed.
        const FLAG: Record<string, string> = { traineeId: '--trainee', taskId: '--task', caseId: '--case', consentId: '--consent', from: '--from', to: '--to', language: '--language', withReason: '--without-reason', suggestions: '--suggestions' };
        throw new UsageError(
          say.invalidExport(
            issues
              .map((i) =>
                i.path.length === 0 && i.key === 'unknown_field'
                  ? say.optionNotFor(String(i.params?.fields ?? '').split(', ').map((f) => FLAG[f] ?? f).join(', '), kind)
                  : `${i.path.join('.') || 'kind'}: ${fieldText(i, LANG)}`,
              )
              .join('; '),
          ),
        );
      }
      const file = await withStore((s) => (settleEnds(s.db, toIsoDate(new Date())), runExport(s, parsed.data)));
      fs.writeFileSync(out, file.bytes);
      console.log(say.written(out, file.bytes.byteLength));
      if (file.calendar) console.log(say.calendar(file.calendar));
      return 0;
    }
    case 'casefile':
      return casefileCommand(rest, v, writing);
    case 'keys': {
      if (rest.length !== 1 || rest[0] !== 'export') throw new UsageError(say.keysExpects);
      const out = path.resolve(need(v.out, '--out FILE'));
      const keys = await writing(async () => {
        const store = openStore(dataDir);
        try {
          return publicKeys(store.db, await ensureKeys(store.db, new Date()));
        } finally {
          store.close();
        }
      });
      fs.writeFileSync(out, keyFileText(keys));
      console.log(say.keysWritten(out, keys.name, keys.fingerprint));
      return 0;
    }
    default:
      throw new UsageError(say.unknownCommand(cmd));
  }
}

// Case files (issue 12) ----------------------------------------------------------------------------------------
type Values = ReturnType<typeof parse>['values'];
const readPassphrase = (file: string | undefined) => (file === undefined ? undefined : fs.readFileSync(path.resolve(file), 'utf8').split(/\r?\n/)[0]!.trim());

async function casefileCommand(rest: string[], v: Values, writing: <T>(fn: () => T | Promise<T>) => Promise<T>): Promise<number> {
  const [sub, ...files] = rest;
  const dataDir = path.resolve(v['data-dir'] ?? defaultDataDir());
  const withWriting = <T>(fn: (store: Store) => Promise<T>) =>
    writing(async () => {
      const store = openStore(dataDir);
      try {
        return await fn(store);
      } finally {
        store.close();
      }
    });
  const now = new Date();
  switch (sub) {
    case 'export': {
      if (files.length !== 0) throw new UsageError(say.noFileArgument('casefile export'));
      const out = path.resolve(need(v.out, '--out FILE'));
      if ((v['passphrase-file'] === undefined) === (v.recipient === undefined)) throw new UsageError(say.oneProtection);
      const today = toIsoDate(now);
      const raw = {
        traineeId: positiveInt(need(v.trainee, '--trainee ID'), '--trainee'),
        consentId: positiveInt(need(v.consent, '--consent ID'), '--consent'),
        from: v.from ?? addDays(today, -56),
        to: v.to ?? today,
        ...(v.format !== undefined ? { format: v.format } : {}),
        encryption: v.recipient !== undefined ? { mode: 'recipient', keyFile: fs.readFileSync(path.resolve(v.recipient), 'utf8') } : { mode: 'passphrase', passphrase: readPassphrase(v['passphrase-file']) },
      };
      const parsed = ExportInput.safeParse(raw);
      if (!parsed.success) {
        const issues = toFieldIssues(parsed.error.issues, raw);
        throw new AppError('validation', `invalid options: ${issues.map((i) => `${i.path.join('.')}: ${i.key}`).join(', ')}`, {}, issues);
      }
      const r = await withWriting((store) => exportCasefile(store, inlineRunner(() => store), parsed.data, now));
      fs.writeFileSync(out, r.bytes);
      console.log(say.casefileWritten(out, r.bytes.byteLength, r.uuid, r.deleteBy, r.fingerprint));
      return 0;
    }
    case 'open': {
      if (files.length !== 1) throw new UsageError(say.oneFile('casefile open'));
      const bytes = new Uint8Array(fs.readFileSync(path.resolve(files[0]!)));
      const r = await withWriting(async (store) => {
        const opened = await openShared(store, inlineRunner(() => store), bytes, readPassphrase(v['passphrase-file']), now);
        const entries = store.db.prepare('SELECT name, length(bytes) AS size FROM shared_case_entries WHERE case_id = ? ORDER BY name').all(opened.case.id) as { name: string; size: number }[];
        const manifest = JSON.parse(store.db.prepare('SELECT manifest FROM shared_cases WHERE id = ?').pluck().get(opened.case.id) as string) as unknown;
        return { ...opened, manifest, entries };
      });
      if (v.json) console.log(JSON.stringify(r, null, 2));
      else {
        console.log(say.casefileOpened(r.alreadyOpen, r.case));
        for (const e of r.entries) console.log(`  ${e.name}\t${say.bytes(e.size)}`);
      }
      return 0;
    }
    case 'reply': {
      if (files.length !== 0) throw new UsageError(say.noFileArgument('casefile reply'));
      const out = path.resolve(need(v.out, '--out FILE'));
      const uuid = need(v.case, '--case UUID');
      const r = await withWriting(async (store) => {
        const id = store.db.prepare('SELECT id FROM shared_cases WHERE uuid = ?').pluck().get(uuid) as number | undefined;
        if (id === undefined) throw new AppError('not_found', `shared case ${uuid} not found`, { what: 'shared case', id: uuid });
        return writeReply(store, inlineRunner(() => store), id, now);
      });
      fs.writeFileSync(out, r.bytes);
      console.log(say.replyWritten(out, r.bytes.byteLength, r.sessions));
      return 0;
    }
    case 'import': {
      if (files.length !== 1) throw new UsageError(say.oneFile('casefile import'));
      const bytes = new Uint8Array(fs.readFileSync(path.resolve(files[0]!)));
      const r = await withWriting((store) => importReply(store, inlineRunner(() => store), bytes, now));
      if (v.json) console.log(JSON.stringify(r, null, 2));
      else console.log(r.alreadyImported ? say.replyAgain(r.replyUuid) : say.replyImported(r.mediator, r.sessions, r.agreements));
      return 0;
    }
    default:
      throw new UsageError(say.casefileExpects);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    if (e instanceof UsageError) {
      console.error(`${say.error(e.message)}\n\n${say.usage}`);
      process.exitCode = 2;
    } else if (e instanceof AppError) {
      console.error(say.error(errorText(e, LANG) ?? e.message));
      if (e.issues) for (const i of e.issues) console.error(`  ${i.path.join('.')}: ${fieldText(i, LANG)}`);
      process.exitCode = 1;
    } else {
      console.error(e);
      process.exitCode = 1;
    }
  },
);
