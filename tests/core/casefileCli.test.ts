// Case files on the command line, as a script runs them: the built CLI in child processes on two workspaces.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli, tempDir, testCore } from './helpers';

beforeAll(ensureBuilt, 300_000);

describe('casefile commands', () => {
  it('keys export, list consents, casefile export / open / reply / import, list cases; refusals exit 1 with a reason', async () => {
    const firm = tempDir();
    const med = tempDir();
    const files = tempDir();
    expect(runCli(['demo', '--data-dir', firm]).code).toBe(0);
    const keyFile = path.join(files, 'vermittlung.json');
    const keys = runCli(['keys', 'export', '--out', keyFile, '--data-dir', med]);
    expect(keys.code).toBe(0);
    const fingerprint = /Fingerabdruck: ([0-9A-F ]+)/.exec(keys.out)![1]!.trim();
    expect(JSON.parse(fs.readFileSync(keyFile, 'utf8')).keys.fingerprint).toBe(fingerprint);

    const consents = JSON.parse(runCli(['list', 'consents', '--json', '--data-dir', firm]).out) as { id: number; traineeId: number; categories: string[]; revokedOn: string | null; validUntil: string | null }[];
    const today = new Date().toISOString().slice(0, 10);
    const c = consents.find((k) => k.categories.includes('moderation_log') && k.revokedOn === null && (k.validUntil === null || k.validUntil >= today))!;
    expect(c).toBeDefined();
    const file = path.join(files, 'fall.wbfall');
    const exp = runCli(['casefile', 'export', '--trainee', String(c.traineeId), '--consent', String(c.id), '--out', file, '--recipient', keyFile, '--data-dir', firm]);
    expect(exp.code, exp.err).toBe(0);
    expect(exp.out).toContain(fingerprint);
    // Neither or both ways of encryption: a usage error.
    expect(runCli(['casefile', 'export', '--trainee', String(c.traineeId), '--consent', String(c.id), '--out', file, '--data-dir', firm]).code).toBe(2);

    // Another workspace cannot open it: exit 1 with the reason; nothing kept.
    const stranger = tempDir();
    const refused = runCli(['casefile', 'open', file, '--json', '--data-dir', stranger]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/nicht für diesen Arbeitsbereich verschlüsselt/);

    const opened = runCli(['casefile', 'open', file, '--json', '--data-dir', med]);
    expect(opened.code, opened.err).toBe(0);
    const o = JSON.parse(opened.out) as { case: { uuid: string; id: number }; manifest: { kind: string; included: string[] }; entries: { name: string }[] };
    expect(o.manifest.kind).toBe('case');
    expect(o.entries.map((e) => e.name)).toContain('data/moderation.json');
    const cases = JSON.parse(runCli(['list', 'cases', '--json', '--data-dir', med]).out) as { uuid: string }[];
    expect(cases.map((k) => k.uuid)).toEqual([o.case.uuid]);

    const reply = path.join(files, 'antwort.wbfall');
    const empty = runCli(['casefile', 'reply', '--case', o.case.uuid, '--out', reply, '--data-dir', med]);
    expect(empty.code).toBe(1);
    expect(empty.err).toMatch(/erst ein Gespräch eintragen/);
    // A session, recorded as in the app.
    const core = testCore({ dataDir: med });
    const detail = await core.call('casefile.case', { id: o.case.id });
    const moderation = detail.data['data/moderation.json'] as { items: { uuid: string; raisedOn: string }[] };
    await core.call('casefile.saveSession', { sharedCaseId: o.case.id, conflictCaseUuid: moderation.items[0]!.uuid, heldOn: today, notes: 'Moderiertes Gespräch', agreements: [{ what: 'Wochenplan abstimmen', who: 'Betrieb', dueOn: today, reviewOn: null }] });
    await core.close();
    const wrote = runCli(['casefile', 'reply', '--case', o.case.uuid, '--out', reply, '--data-dir', med]);
    expect(wrote.code, wrote.err).toBe(0);

    const imp = runCli(['casefile', 'import', reply, '--json', '--data-dir', firm]);
    expect(imp.code, imp.err).toBe(0);
    expect(JSON.parse(imp.out)).toMatchObject({ alreadyImported: false, sessions: 1, agreements: 1 });
    expect(JSON.parse(runCli(['casefile', 'import', reply, '--json', '--data-dir', firm]).out)).toMatchObject({ alreadyImported: true, sessions: 0 });
    // The case file itself is not a reply.
    const wrongKind = runCli(['casefile', 'import', file, '--data-dir', med]);
    expect(wrongKind.code).toBe(1);
    expect(wrongKind.err).toMatch(/andere(n)? Art/);
  });
});
