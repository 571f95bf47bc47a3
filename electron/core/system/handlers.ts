import fs from 'node:fs';
import type { systemContract } from '../../../shared/system';
import { defineHandlers } from '../api/registry';
import { getSettings, saveSettings } from '../settings';
import type { BackupInfo } from '../store/backup';
import { backupOverview, backupPath, saveBackupRetention, writeUpload } from './backups';

export const systemHandlers = defineHandlers<typeof systemContract>({
  'system.info': (_i, { store, transport, appVersion }) => ({
    appVersion,
    dataDir: store.dataDir,
    dbPath: store.dbPath,
    schemaVersion: store.schemaVersion(),
    transport,
  }),
  'settings.get': (_i, { store }) => getSettings(store.db),
  'settings.save': (input, { store }) => saveSettings(store.db, input),
  'system.backup': async (_i, { jobs }) => {
    const { file: _file, ...entry } = (await jobs.run('backup', { kind: 'manual' })) as BackupInfo;
    return entry;
  },
  'system.backups': (_i, { store, now }) => backupOverview(store, now()),
  'system.backupRetention': async (input, { store, now }) => {
    saveBackupRetention(store.db, input);
    return (await backupOverview(store, now())).retention;
  },
  'system.restore': async (input, { store, now, restore }) => {
    if ('name' in input) return restore(backupPath(store, input.name));
    const upload = writeUpload(store, input.base64, now());
    try {
      return await restore(upload);
    } finally {
      fs.rmSync(upload, { force: true });
    }
  },
});
