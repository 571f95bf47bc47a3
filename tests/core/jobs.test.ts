// Heavy work runs in the worker thread of the built app, with its own connection to the workspace.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkDatabase } from '../../electron/core/store/db';
import { DIST, ensureBuilt, testCore, traineeInput } from './helpers';
import { pdfText } from './pdfText';

beforeAll(ensureBuilt, 120_000);

describe('jobs in the worker thread', () => {
  it('backs up the workspace and renders a PDF off the calling thread', async () => {
    const c = testCore({ workerFile: path.join(DIST, 'worker.cjs') });
    const t = await c.call('trainees.create', traineeInput({ lastName: 'Worker' }));
    const backup = await c.call('system.backup');
    expect(fs.existsSync(backup.file)).toBe(true);
    expect(path.dirname(backup.file)).toBe(path.join(c.dataDir, 'backups'));
    expect(checkDatabase(backup.file).ok).toBe(true);
    const file = await c.call('exports.create', { kind: 'stammblatt', traineeId: t.id });
    expect(file.mimeType).toBe('application/pdf');
    expect(file.fileName).toBe('Stammblatt_Worker_Amina.pdf');
    expect(await pdfText(Buffer.from(file.base64, 'base64'))).toContain('Worker, Amina');
  });

  it('reports a job error as a typed error and keeps working', async () => {
    const c = testCore({ workerFile: path.join(DIST, 'worker.cjs') });
    const err = await c.fail('exports.create', { kind: 'stammblatt', traineeId: 4711 });
    expect(err.code).toBe('not_found');
    const t = await c.call('trainees.create', traineeInput());
    expect((await c.call('exports.create', { kind: 'stammblatt', traineeId: t.id })).bytes).toBeGreaterThan(1000);
  });
});
