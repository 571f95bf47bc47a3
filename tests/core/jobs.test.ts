// Heavy work runs in the worker thread of the built app, with its own connection to the workspace.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { stageRestore } from '../../electron/core/store/backup';
import { checkDatabase } from '../../electron/core/store/db';
import { DIST, ensureBuilt, tempDir, testCore, traineeInput } from './helpers';
import { pdfText } from './pdfText';

beforeAll(ensureBuilt, 120_000);

describe('jobs in the worker thread', () => {
  it('backs up the workspace and renders a PDF off the calling thread', async () => {
    const c = testCore({ workerFile: path.join(DIST, 'worker.cjs') });
    const t = await c.call('trainees.create', traineeInput({ lastName: 'Worker' }));
    const backup = await c.call('system.backup');
    const file = path.join(c.dataDir, 'backups', backup.name);
    expect(backup.format).toBe('zip');
    const staged = await stageRestore(tempDir(), file);
    expect(checkDatabase(path.join(staged.staging, 'werkbruecke.sqlite')).ok).toBe(true);
    const pdfFile = await c.call('exports.create', { kind: 'stammblatt', traineeId: t.id });
    expect(pdfFile.mimeType).toBe('application/pdf');
    expect(pdfFile.fileName).toBe('Stammblatt_Worker_Amina.pdf');
    expect(await pdfText(Buffer.from(pdfFile.base64, 'base64'))).toContain('Worker, Amina');
  });

  it('reports a job error as a typed error and keeps working', async () => {
    const c = testCore({ workerFile: path.join(DIST, 'worker.cjs') });
    const err = await c.fail('exports.create', { kind: 'stammblatt', traineeId: 4711 });
    expect(err.code).toBe('not_found');
    const t = await c.call('trainees.create', traineeInput());
    expect((await c.call('exports.create', { kind: 'stammblatt', traineeId: t.id })).bytes).toBeGreaterThan(1000);
  });
});
