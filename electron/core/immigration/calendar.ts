// The deadlines as a calendar that stays in step with the app (issue 15). Every deadline has one identity for its
// whole life — its rule and the record it belongs to, never its date — and so one UID in every export. What an
// export gave out is kept in calendar_events: the next export raises SEQUENCE when the date or text changed, and gives
// a deadline that was done or stopped applying once more as STATUS:CANCELLED (for a period from
// resources/rules/calendar.json), so a calendar that imports or subscribes to the file removes it.
// Alarms follow the deadline's lead times (the day to prepare or from which it is possible, the day it becomes urgent),
// at the time of day from the same file, and never for a moment already past at the time of the export.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { CalendarChanges } from '../../../shared/calendar';
import { formatDate, toIsoDate } from '../../../shared/format';
import type { Deadline, DeadlineKind } from '../../../shared/immigration';
import { resourcesDir } from '../paths';
import { getSetting, setSetting } from '../settings';
import type { ExportFile } from '../exports/registry';
import type { Db, Store } from '../store/db';
import { daysBetween } from './dates';
import { allOpenDeadlines } from './deadlines';
import { writeCalendar, type IcsAlarm, type IcsEvent } from './ics';
import { loadRules } from './rules';
import { FROM_LABEL_DE, KIND_SHORT_DE, personName, sourceDe, whatToDoDe } from './texts';

const CalendarRules = z.object({
  cancelledDays: z.number().int().min(1),
  cancelledReason: z.string().min(1),
  alarmTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  alarmTimeReason: z.string().min(1),
});
type CalendarRules = z.infer<typeof CalendarRules>;
let cached: CalendarRules | null = null;

/** resources/rules/calendar.json, read and checked once per process. */
export function calendarRules(): CalendarRules {
  cached ??= CalendarRules.parse(JSON.parse(fs.readFileSync(path.join(resourcesDir(), 'rules', 'calendar.json'), 'utf8')));
  return cached;
}

/**
 * The identity of a deadline: the rule and the record it belongs to. A renewal belongs to its document, the
 * Ausbildungsduldung and the check before the start to the trainee; a notice or an extension is a stored task whose
 * key was fixed when the event that created it happened (the early end, the longer training) and never changes.
 */
export function deadlineIdentity(d: { kind: DeadlineKind; traineeId: number; documentId: number | null; key: string }): string {
  switch (d.kind) {
    case 'renewal':
      return `renewal:${d.traineeId}:${d.documentId ?? '-'}`;
    case 'ausbildungsduldung':
    case 'start_check':
      return `${d.kind}:${d.traineeId}`;
    case 'notify_end':
    case 'extension':
      return d.key;
  }
}

const UID_KEY = 'calendar.uidDomain';
const CATEGORIES = ['Werkbrücke', 'Fristen'];
export const CALENDAR_NAME = 'Werkbrücke: Fristen';
const PRODID = '-//Werkbruecke//Fristen//DE';

/** The part of every UID that tells this workspace from another firm's (made once, kept in the settings). */
function uidDomain(db: Db): string {
  let v = getSetting<string | null>(db, UID_KEY, null);
  if (!v) {
    v = `${crypto.randomBytes(6).toString('hex')}.werkbruecke`;
    setSetting(db, UID_KEY, v);
  }
  return v;
}

interface StateRow {
  identity: string;
  kind: DeadlineKind;
  trainee_id: number;
  due_on: string;
  content_hash: string;
  sequence: number;
  created_at: string;
  last_modified: string;
  ended_at: string | null;
  ended_reason: 'done' | 'withdrawn' | null;
}

const hashOf = (date: string, summary: string, description: string) =>
  crypto.createHash('sha256').update(JSON.stringify([date, summary, description])).digest('hex');

/** The moment `iso` (a day) at the alarm time, in the local time zone (the one the calendar shows). */
function alarmMoment(iso: string, time: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const [h, min] = time.split(':').map(Number) as [number, number];
  return new Date(y, m - 1, d, h, min);
}

/** Alarms on the lead-time days (the later one wins when two fall on one day), none already past. */
export function deadlineAlarms(d: Deadline, now: Date, time = calendarRules().alarmTime): IcsAlarm[] {
  if (d.dueOn < toIsoDate(now)) return [];
  const [h, m] = time.split(':').map(Number) as [number, number];
  const what = `${KIND_SHORT_DE[d.kind]} – ${personName(d)}, bis ${formatDate(d.dueOn)}`;
  const days = new Map<string, string>();
  if (d.fromOn && d.fromOn < d.dueOn) days.set(d.fromOn, `${FROM_LABEL_DE[d.kind]}: ${what}`);
  if (d.urgentOn && d.urgentOn <= d.dueOn) days.set(d.urgentOn, `Dringend: ${what}`);
  return [...days.entries()]
    .filter(([day]) => alarmMoment(day, time) > now)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([day, description]) => ({ offsetMinutes: -daysBetween(day, d.dueOn) * 1440 + h * 60 + m, description }));
}

function openEventText(d: Deadline) {
  const rules = loadRules();
  const lead = [
    d.fromOn && d.fromOn < d.dueOn ? `${FROM_LABEL_DE[d.kind]} ab ${formatDate(d.fromOn)}` : null,
    d.urgentOn && d.urgentOn <= d.dueOn ? `dringend ab ${formatDate(d.urgentOn)}` : null,
  ].filter(Boolean);
  return {
    summary: `Frist: ${KIND_SHORT_DE[d.kind]} – ${d.lastName}, ${d.firstName}`,
    description: `${whatToDoDe(d, rules)}${lead.length ? `\n${lead.join(', ')}.` : ''}\n\nQuelle: ${sourceDe(rules, d.sourceText, d.uncertain)}\n${rules.file.disclaimer.de}`,
  };
}

function cancelledEventText(row: StateRow, name: string | null) {
  const done = row.ended_reason === 'done';
  return {
    summary: `${done ? 'Erledigt' : 'Entfällt'}: ${KIND_SHORT_DE[row.kind]}${name ? ` – ${name}` : ''}`,
    description: done
      ? 'Diese Frist ist in Werkbrücke als erledigt eingetragen. Der Termin ist abgesagt.'
      : 'Diese Frist gilt nicht mehr (zum Beispiel: Dokument ersetzt, Daten berichtigt, Ausbildung beendet oder Auszubildende/r gelöscht). Der Termin ist abgesagt.',
  };
}

/** Identities of every deadline recorded as done. */
function doneIdentities(db: Db): Set<string> {
  const rows = db.prepare('SELECT key, kind, trainee_id, document_id FROM deadline_tasks WHERE done_at IS NOT NULL').all() as {
    key: string;
    kind: DeadlineKind;
    trainee_id: number;
    document_id: number | null;
  }[];
  return new Set(rows.map((r) => deadlineIdentity({ key: r.key, kind: r.kind, traineeId: r.trainee_id, documentId: r.document_id })));
}

export interface CalendarExport {
  text: string;
  changes: CalendarChanges;
}

/**
 * Builds the calendar of every open deadline plus the recently cancelled ones, and records what it gave out, in one
 * (immediate) transaction: two exports at once (a download in the job worker and the kept file) take turns.
 */
export function exportCalendar(db: Db, now: Date): CalendarExport {
  return db
    .transaction((): CalendarExport => {
      const ts = now.toISOString();
      const { cancelledDays } = calendarRules();
      const cutoff = new Date(now.getTime() - cancelledDays * 86_400_000).toISOString();
      const domain = uidDomain(db);
      const state = new Map((db.prepare('SELECT * FROM calendar_events').all() as StateRow[]).map((r) => [r.identity, r]));
      const insert = db.prepare(
        `INSERT INTO calendar_events (identity, kind, trainee_id, due_on, content_hash, sequence, created_at, last_modified)
         VALUES (@identity, @kind, @trainee_id, @due_on, @content_hash, 0, @ts, @ts)`,
      );
      const update = db.prepare(
        `UPDATE calendar_events SET kind = @kind, trainee_id = @trainee_id, due_on = @due_on, content_hash = @content_hash,
         sequence = sequence + 1, last_modified = @ts, ended_at = NULL, ended_reason = NULL WHERE identity = @identity`,
      );
      const end = db.prepare('UPDATE calendar_events SET sequence = sequence + 1, last_modified = ?, ended_at = ?, ended_reason = ? WHERE identity = ?');
      const changes: CalendarChanges = { added: 0, updated: 0, cancelled: 0, unchanged: 0 };
      const events: IcsEvent[] = [];
      const seen = new Set<string>();

      for (const d of allOpenDeadlines(db, toIsoDate(now))) {
        const identity = deadlineIdentity(d);
        seen.add(identity);
        const { summary, description } = openEventText(d);
        const v = { identity, kind: d.kind, trainee_id: d.traineeId, due_on: d.dueOn, content_hash: hashOf(d.dueOn, summary, description), ts };
        const before = state.get(identity);
        const changed = !before || before.ended_at !== null || before.content_hash !== v.content_hash;
        if (!before) {
          insert.run(v);
          changes.added++;
        } else if (changed) {
          update.run(v);
          // Back after a cancellation that calendars may already have dropped: new to them.
          if (before.ended_at !== null && before.ended_at < cutoff) changes.added++;
          else changes.updated++;
        } else changes.unchanged++;
        events.push({
          uid: `${identity}@${domain}`,
          date: d.dueOn,
          summary,
          description,
          status: 'CONFIRMED',
          sequence: before ? before.sequence + (changed ? 1 : 0) : 0,
          created: before?.created_at ?? ts,
          lastModified: changed ? ts : before.last_modified,
          categories: CATEGORIES,
          alarms: deadlineAlarms(d, now),
        });
      }

      const done = doneIdentities(db);
      for (const r of state.values()) {
        if (seen.has(r.identity) || r.ended_at !== null) continue;
        end.run(ts, ts, done.has(r.identity) ? 'done' : 'withdrawn', r.identity);
        changes.cancelled++;
      }
      const cancelled = db
        .prepare(
          `SELECT c.*, t.first_name, t.last_name FROM calendar_events c LEFT JOIN trainees t ON t.id = c.trainee_id
           WHERE c.ended_at IS NOT NULL AND c.ended_at >= ?`,
        )
        .all(cutoff) as (StateRow & { first_name: string | null; last_name: string | null })[];
      for (const r of cancelled) {
        const name = r.first_name !== null && r.last_name !== null ? `${r.last_name}, ${r.first_name}` : null;
        events.push({
          uid: `${r.identity}@${domain}`,
          date: r.due_on,
          ...cancelledEventText(r, name),
          status: 'CANCELLED',
          sequence: r.sequence,
          created: r.created_at,
          lastModified: r.last_modified,
          categories: CATEGORIES,
          alarms: [],
        });
      }
      events.sort((a, b) => (a.date === b.date ? (a.uid < b.uid ? -1 : 1) : a.date < b.date ? -1 : 1));
      return { text: writeCalendar({ prodId: PRODID, name: CALENDAR_NAME, events }), changes };
    })
    .immediate();
}

/** The export kind "fristen-ics": the calendar as a file to download, with what changed since the export before. */
export async function fristenIcs(store: Store, now: Date): Promise<ExportFile> {
  const { text, changes } = exportCalendar(store.db, now);
  return { fileName: `Fristen_Werkbruecke_${toIsoDate(now)}.ics`, mimeType: 'text/calendar', bytes: new TextEncoder().encode(text), calendar: changes };
}
