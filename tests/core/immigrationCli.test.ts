// The demo workspace's immigration data, and the CLI as a user runs it: `list deadlines --json`, `export <kind>`.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { toIsoDate } from '../../shared/format';
import { createDemo } from '../../electron/core/demo';
import { addDays } from '../../electron/core/immigration/dates';
import { listDeadlines } from '../../electron/core/immigration/deadlines';
import { openStore } from '../../electron/core/store/db';
import { ensureBuilt, runCli, tempDir, testCore } from './helpers';
import { pdfText } from './pdfText';

const cli = runCli;

beforeAll(ensureBuilt, 120_000);

describe('demo workspace', () => {
  it('has documents for every trainee, one expiring within 60 days, and the open notice for the early end', async () => {
    const now = new Date('2026-11-24T09:00:00');
    const c = testCore({ now: () => now });
    const demo = createDemo(c.store, now);
    for (const t of demo.trainees) {
      const ov = await c.call('documents.list', { traineeId: t.id });
      expect(ov.documents.length, t.name).toBeGreaterThan(0);
    }
    const today = toIsoDate(now);
    const all = c.store.db.prepare('SELECT valid_until FROM residence_documents WHERE replaced_by_id IS NULL').pluck().all() as string[];
    expect(all.some((v) => v >= today && v <= addDays(today, 60))).toBe(true);
    const karimi = demo.trainees.find((t) => t.name === 'Mohammad Karimi')!;
    const list = await c.call('deadlines.list', {});
    expect(list.open.find((d) => d.traineeId === karimi.id)).toMatchObject({ kind: 'notify_end', ruleId: 'notify_60c', fromOn: '2026-11-13', dueOn: '2026-11-27', done: null });
    // The task was created by the end-of-training hook, not written by the demo directly.
    const row = c.store.db.prepare(`SELECT kind, stored FROM deadline_tasks WHERE trainee_id = ?`).get(karimi.id);
    expect(row).toEqual({ kind: 'notify_end', stored: 1 });
    // Someone may not train today (the expired separate permission), and an ABH is in the address book.
    expect(list.blocked.map((b) => `${b.firstName} ${b.lastName}`)).toEqual(['Saba Tesfay']);
    expect((await c.call('contacts.list', { traineeId: karimi.id })).map((x) => x.kind)).toContain('auslaenderbehoerde');
  });
});

describe('cli', () => {
  it('prints the dashboard list with `list deadlines --json`', () => {
    const dir = tempDir();
    expect(cli(['demo', '--data-dir', dir]).code).toBe(0);
    const r = cli(['list', 'deadlines', '--json', '--data-dir', dir]);
    expect(r.code, r.err).toBe(0);
    const rows = JSON.parse(r.out) as { key: string; kind: string; lastName: string; dueOn: string; bucket: string; source: string }[];
    const store = openStore(dir);
    try {
      expect(rows).toEqual(JSON.parse(JSON.stringify(listDeadlines(store.db, toIsoDate(new Date())).open)));
    } finally {
      store.close();
    }
    expect(rows.find((d) => d.lastName === 'Karimi')).toMatchObject({ kind: 'notify_end', source: expect.stringContaining('§ 60c') });
    const table = cli(['list', 'deadlines', '--data-dir', dir]);
    expect(table.out.split('\n')[0]).toContain('dueOn');
  });

  it('exports the letters, the overview and the calendar file', async () => {
    const dir = tempDir();
    const demo = cli(['demo', '--data-dir', dir]);
    const karimi = /^(\d+)\tMohammad Karimi/m.exec(demo.out)![1]!;
    const out = path.join(tempDir(), 'mitteilung.pdf');
    const r = cli(['export', 'mitteilung-abh', '--trainee', karimi, '--out', out, '--data-dir', dir]);
    expect(r.code, r.err).toBe(0);
    const text = await pdfText(fs.readFileSync(out));
    expect(text).toContain('Mitteilung über die vorzeitige Beendigung eines Ausbildungsverhältnisses');
    expect(text).toContain('Familienname Karimi');
    expect(text).toContain('Tag der Beendigung 13.11.2026');
    // The demo recorded a reason (electron/core/demo.ts); --without-reason leaves it out, as the option in the app does.
    expect(text).toContain('Grund der Beendigung Aufhebungsvertrag');
    const plain = path.join(tempDir(), 'ohne-grund.pdf');
    const w = cli(['export', 'mitteilung-abh', '--trainee', karimi, '--without-reason', '--out', plain, '--data-dir', dir]);
    expect(w.code, w.err).toBe(0);
    const plainText = await pdfText(fs.readFileSync(plain));
    expect(plainText).toContain('Tag der Beendigung 13.11.2026');
    expect(plainText).not.toContain('Grund der Beendigung');
    expect(plainText).not.toContain('Aufhebungsvertrag');
    // Only the notice has a reason to leave out: another kind refuses the option (usage, exit code 2).
    expect(cli(['export', 'dokumentenstand', '--trainee', karimi, '--without-reason', '--out', plain, '--data-dir', dir]).code).toBe(2);
    for (const kind of ['ausbildungsbestaetigung', 'dokumentenstand']) {
      const f = path.join(tempDir(), `${kind}.pdf`);
      expect(cli(['export', kind, '--trainee', karimi, '--out', f, '--data-dir', dir]).code).toBe(0);
      expect(fs.readFileSync(f).subarray(0, 5).toString()).toBe('%PDF-');
    }
    const ics = path.join(tempDir(), 'fristen.ics');
    const icsRun = cli(['export', 'fristen-ics', '--out', ics, '--data-dir', dir]);
    expect(icsRun.code).toBe(0);
    expect(icsRun.out).toMatch(/^Seit der letzten Ausgabe: [1-9]\d* neu, 0 geändert, 0 abgesagt, 0 unverändert\.$/m);
    expect(fs.readFileSync(ics, 'utf8')).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*DTSTART;VALUE=DATE:20261127\r\n[\s\S]*END:VCALENDAR\r\n$/);
    expect(cli(['export', 'fristen-ics', '--out', ics, '--data-dir', dir]).out).toMatch(/^Seit der letzten Ausgabe: 0 neu, 0 geändert, 0 abgesagt, [1-9]\d* unverändert\.$/m);
    // A regular trainee has no notice to send: a clear error, exit code 1, no file.
    const first = /^(\d+)\tAhmad Rahimi/m.exec(demo.out)![1]!;
    const bad = path.join(tempDir(), 'x.pdf');
    const e = cli(['export', 'mitteilung-abh', '--trainee', first, '--out', bad, '--data-dir', dir]);
    expect(e.code).toBe(1);
    expect(e.err).toMatch(/nicht vorzeitig beendet/);
    expect(fs.existsSync(bad)).toBe(false);
  });
});
