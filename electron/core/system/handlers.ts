import type { systemContract } from '../../../shared/system';
import { defineHandlers } from '../api/registry';
import { getSettings, saveSettings } from '../settings';

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
  'system.backup': async (_i, { jobs }) => (await jobs.run('backup', {})) as { file: string; bytes: number },
});
