// Everything the CLI says, in one language: German by default, English with WERKBRUECKE_LANG=en or --lang en
// (README, "Command line"). Errors the core raises come translated from the renderer's texts (errorText.ts).
import { EXPORT_KINDS } from '../shared/exports';

export type CliLang = 'de' | 'en';

/** --lang de|en (also --lang=en) wins over WERKBRUECKE_LANG; anything else is German. */
export function cliLang(argv: string[], env: NodeJS.ProcessEnv = process.env): CliLang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const v = i < 0 ? env.WERKBRUECKE_LANG : argv[i]!.includes('=') ? argv[i]!.slice(7) : argv[i + 1];
  return v?.toLowerCase().startsWith('en') ? 'en' : 'de';
}

const usage = (dataDir: string) => ({
  de: `Werkbrücke auf der Kommandozeile

Aufruf: npm run cli -- <Befehl> [Optionen] [--data-dir ORDNER] [--lang de|en]

Befehle:
  demo [--trainees N]          Arbeitsbereich mit Beispieldaten anlegen und die Nummern der Auszubildenden ausgeben;
                               mit --trainees N Auszubildende (bis 5000) nach dem Vorbild der Demo, mit Wochen und Dokumenten
  list trainees [--json]       die Auszubildenden
  list deadlines [--json]      offene Fristen wie auf der Übersicht (überfällig, fällig in den nächsten 60 Tagen)
  list tasks [--json]          Lernaufgaben und Vorlagen mit Auszubildender/m und Sprache des Arbeitsblatts
  list occupations [--json]    Berufe mit ihren Rahmenplan-Vorlagen (mitgeliefert, kopiert, eigene, importiert)
  list nachweise [--json]      fehlende und nicht abgezeichnete Wochen der Ausbildungsnachweise je Auszubildender/m
  backup --out DATEI           vollständige Sicherung (Datenbank und Dateien) in DATEI (.wbbackup), auch während die App läuft
  restore --from DATEI         DATEI prüfen und zum Arbeitsbereich machen (der bisherige Stand bleibt in backups/);
                               abgelehnt, solange die App den Arbeitsbereich geöffnet hat
  check                        Integrität und Schema-Version prüfen (Rückgabewert 1 bei Problemen)
  serve [--port N]             Browser-Modus auf 127.0.0.1; gibt die Adresse mit ihrem Zugangsschlüssel aus
  casefile export --trainee NR --consent NR --out DATEI (--passphrase-file D | --recipient SCHLÜSSELDATEI) [--from D --to D] [--format pdf]
                               eine Fallakte für eine Vermittlerin / einen Vermittler des Netzwerks schreiben (Standard-
                               zeitraum: die letzten 8 Wochen); --format pdf: eine mit AES-256 passwortgeschützte
                               PDF-Zusammenfassung (Passwort höchstens 32 Zeichen)
  casefile open DATEI [--passphrase-file D] [--json]
                               eine Fallakte prüfen, Manifest und Inhalt ausgeben, den Fall in diesem Arbeitsbereich behalten
  casefile reply --case UUID --out DATEI
                               die Antwort der Vermittlung (Sitzungen, Sichtweisen, Vereinbarungen) zu einem Fall
  casefile import DATEI        die Antwort einer Vermittlung ins Moderationsprotokoll übernehmen (einmal)
  keys export --out DATEI      die öffentlichen Schlüssel dieses Arbeitsbereichs als Schlüsseldatei für den Betrieb
  list consents [--json]       Einwilligungen aller Auszubildenden (für casefile export --consent)
  list cases [--json]          Fälle, die mit diesem Arbeitsbereich (Vermittlung) geteilt wurden
  export <Art> --out DATEI [--trainee NR] [--task NR] [--case NR] [--consent NR] [--from JJJJ-MM-TT] [--to JJJJ-MM-TT] [--language CODE] [--suggestions] [--without-reason]
                               eine Datei ausgeben; Arten: ${EXPORT_KINDS.join(', ')}
                               --suggestions: auf dem Arbeitsblatt auch ungeprüfte Übersetzungsvorschläge
                               --without-reason: mitteilung-abh ohne den erfassten Grund der Beendigung

Optionen:
  --data-dir ORDNER            Ordner des Arbeitsbereichs (Standard: ${dataDir})
  --lang de|en                 Sprache der Ausgaben (Standard: Deutsch; auch WERKBRUECKE_LANG=en)
  --help                       dieser Text`,
  en: `Werkbrücke on the command line

Usage: npm run cli -- <command> [options] [--data-dir DIR] [--lang de|en]

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
  casefile export --trainee ID --consent ID --out FILE (--passphrase-file F | --recipient KEYFILE) [--from D --to D] [--format pdf]
                               write a case file for a network mediator (default period: the last 8 weeks);
                               --format pdf: an AES-256 password-protected PDF summary (password at most 32 characters)
  casefile open FILE [--passphrase-file F] [--json]
                               check a case file, print its manifest and contents, keep the case in this workspace
  casefile reply --case UUID --out FILE
                               the mediator's reply (sessions, views, agreements) for a kept case
  casefile import FILE         import a mediator's reply into the moderation log (once)
  keys export --out FILE       this workspace's public keys as a key file for the firm
  list consents [--json]       consents of all trainees (for casefile export --consent)
  list cases [--json]          cases shared with this (mediator) workspace
  export <kind> --out FILE [--trainee ID] [--task ID] [--case ID] [--consent ID] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--language CODE] [--suggestions] [--without-reason]
                               export a file; kinds: ${EXPORT_KINDS.join(', ')}
                               --suggestions: the worksheet also prints unchecked translation suggestions
                               --without-reason: mitteilung-abh without the recorded reason for the end

Options:
  --data-dir DIR               workspace folder (default: ${dataDir})
  --lang de|en                 language of the output (default: German; also WERKBRUECKE_LANG=en)
  --help                       this text`,
});

/** The CLI's sentences in one language. */
export function cliText(lang: CliLang, dataDir: string) {
  const de = lang === 'de';
  return {
    usage: usage(dataDir)[lang],
    error: (m: string) => (de ? `Fehler: ${m}` : `Error: ${m}`),
    unknownOption: (o: string) => (de ? `unbekannte Option ${o}` : `unknown option ${o}`),
    badOption: (o: string) => (de ? `Option ${o} falsch angegeben` : `option ${o} is not given correctly`),
    badOptions: (m: string) => (de ? `Optionen falsch angegeben (${m})` : `options are not given correctly (${m})`),
    positiveInt: (flag: string, v: string) => (de ? `${flag} erwartet eine positive ganze Zahl, nicht „${v}“` : `${flag} expects a positive whole number, got "${v}"`),
    missing: (flag: string) => (de ? `${flag} fehlt` : `missing ${flag}`),
    takesArgs: (cmd: string, n: number) =>
      de ? `„${cmd}“ nimmt ${n === 0 ? 'keine Argumente' : n === 1 ? 'ein Argument' : `${n} Argumente`}` : `"${cmd}" takes ${n === 0 ? 'no' : n} argument${n === 1 ? '' : 's'}`,
    listExpects: (l: string) => (de ? `list erwartet eines von: ${l}` : `list expects one of: ${l}`),
    portMax: de ? '--port darf höchstens 65535 sein' : '--port must be at most 65535',
    exportExpects: (l: string) => (de ? `export erwartet eine Art: ${l}` : `export expects one kind: ${l}`),
    invalidExport: (l: string) => (de ? `ungültige Angaben zum Export: ${l}` : `invalid export options: ${l}`),
    optionNotFor: (flags: string, kind: string) => (de ? `${flags} gilt nicht für „${kind}“` : `${flags} does not apply to "${kind}"`),
    unknownCommand: (c: string) => (de ? `unbekannter Befehl „${c}“` : `unknown command "${c}"`),
    noRows: de ? '(keine Einträge)' : '(no entries)',
    demoCreated: (dir: string, pin: string) =>
      de ? `Demo-Arbeitsbereich angelegt in ${dir}\nDie Demo-Auszubildenden zeichnen ihre Wochen mit der PIN ${pin} ab.` : `Demo workspace created in ${dir}\nThe demo trainees sign their weeks with the PIN ${pin}.`,
    backupWritten: (file: string, bytes: number, files: number) =>
      de ? `Sicherung geschrieben: ${file} (${bytes} Bytes, Datenbank und ${files} Dateien)` : `Backup written: ${file} (${bytes} bytes, database and ${files} files)`,
    restored: (from: string, withFiles: boolean) =>
      de
        ? `Wiederhergestellt aus ${from}${withFiles ? ' (Datenbank und Dateien)' : ' (nur Datenbank; der Ordner files/ blieb, wie er war)'}.`
        : `Restored from ${from}${withFiles ? ' (database and files)' : ' (database only; the folder files/ was left as it was)'}.`,
    previous: (p: string) => (de ? `Der vorige Stand liegt in ${p}` : `The previous state is kept in ${p}`),
    check: (file: string, schema: number, app: number, integrity: string) =>
      de ? `Datei: ${file}\nSchema-Version: ${schema} (App: ${app})\nIntegrität: ${integrity}` : `File: ${file}\nSchema version: ${schema} (app: ${app})\nIntegrity: ${integrity}`,
    problems: (list: string[]) => (de ? `PROBLEME:\n- ${list.join('\n- ')}` : `PROBLEMS:\n- ${list.join('\n- ')}`),
    unexpected: de ? 'Werkbrücke: unerwarteter Fehler (läuft weiter):' : 'Werkbrücke: unexpected error (keeps running):',
    serving: (url: string) => (de ? `Werkbrücke läuft im Browser-Modus: ${url}` : `Werkbrücke is running in browser mode: ${url}`),
    servingData: (dir: string) => (de ? `Daten: ${dir}. Beenden mit Strg+C.` : `Data: ${dir}. Stop with Ctrl+C.`),
    written: (out: string, bytes: number) => (de ? `${out} (${bytes} Bytes)` : `${out} (${bytes} bytes)`),
    calendar: (k: { added: number; updated: number; cancelled: number; unchanged: number }) =>
      de
        ? `Seit der letzten Ausgabe: ${k.added} neu, ${k.updated} geändert, ${k.cancelled} abgesagt, ${k.unchanged} unverändert.`
        : `Since the last export: ${k.added} new, ${k.updated} changed, ${k.cancelled} cancelled, ${k.unchanged} unchanged.`,
    traineesRange: de ? '--trainees erwartet eine Zahl von 1 bis 5000' : '--trainees expects a number from 1 to 5000',
    // Case files (issue 12)
    keysExpects: de ? 'keys erwartet: export --out DATEI' : 'keys expects: export --out FILE',
    keysWritten: (out: string, name: string, fp: string) => `${out}\n${name}\n${de ? 'Fingerabdruck' : 'Fingerprint'}: ${fp}`,
    noFileArgument: (cmd: string) => (de ? `${cmd} nimmt kein Datei-Argument (--out angeben)` : `${cmd} takes no file argument (use --out)`),
    oneFile: (cmd: string) => (de ? `${cmd} erwartet genau eine DATEI` : `${cmd} expects one FILE`),
    oneProtection: de
      ? 'casefile export braucht genau eines von --passphrase-file D und --recipient SCHLÜSSELDATEI'
      : 'casefile export needs exactly one of --passphrase-file F and --recipient KEYFILE',
    casefileExpects: de ? 'casefile erwartet eines von: export, open, reply, import' : 'casefile expects one of: export, open, reply, import',
    bytes: (n: number) => (de ? `${n} Bytes` : `${n} bytes`),
    casefileWritten: (out: string, bytes: number, uuid: string, deleteBy: string, fingerprint?: string | null) =>
      de
        ? `${out} (${bytes} Bytes)\nFallakte ${uuid}, zu löschen bis ${deleteBy}${fingerprint ? `\nverschlüsselt für den Schlüssel mit dem Fingerabdruck ${fingerprint}` : ''}`
        : `${out} (${bytes} bytes)\nCase file ${uuid}, to be deleted by ${deleteBy}${fingerprint ? `\nencrypted to the key with the fingerprint ${fingerprint}` : ''}`,
    casefileOpened: (again: boolean, c: { uuid: string; firmName: string; firmFingerprint: string; subject: string; deleteBy: string }) =>
      de
        ? `${again ? 'Bereits vorhanden' : 'Gespeichert'}: Fallakte ${c.uuid} von ${c.firmName} (Fingerabdruck ${c.firmFingerprint}) über ${c.subject}, zu löschen bis ${c.deleteBy}`
        : `${again ? 'Already kept' : 'Kept'}: case file ${c.uuid} from ${c.firmName} (fingerprint ${c.firmFingerprint}) about ${c.subject}, to be deleted by ${c.deleteBy}`,
    replyWritten: (out: string, bytes: number, sessions: number) =>
      de ? `${out} (${bytes} Bytes, ${sessions} Gespräch(e))` : `${out} (${bytes} bytes, ${sessions} session(s))`,
    replyAgain: (uuid: string) =>
      de ? `Diese Antwort (${uuid}) wurde bereits übernommen; nichts geändert.` : `This reply (${uuid}) was imported before; nothing changed.`,
    replyImported: (mediator: string, sessions: number, agreements: number) =>
      de
        ? `Übernommen von ${mediator}: ${sessions} Gespräch(e), ${agreements} Vereinbarung(en).`
        : `Imported from ${mediator}: ${sessions} session(s), ${agreements} agreement(s).`,
  };
}
