import type { casefileContract } from '../../../shared/casefile';
import { defineHandlers } from '../api/registry';
import { ensureKeys, keyFileText, parseKeyFile, publicKeys } from './keys';
import { generatePassphrase } from './passphrase';
import * as s from './service';

const file = (f: { fileName: string; mimeType?: string; bytes: Uint8Array }) => {
  const buf = Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength);
  return { fileName: f.fileName, mimeType: f.mimeType ?? 'application/octet-stream', base64: buf.toString('base64'), bytes: buf.byteLength };
};
const bytesOf = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'));

export const casefileHandlers = defineHandlers<typeof casefileContract>({
  'casefile.keys': async (_i, { store, now }) => publicKeys(store.db, await ensureKeys(store.db, now())),
  'casefile.keyFile': async (_i, { store, now }) => {
    const keys = publicKeys(store.db, await ensureKeys(store.db, now()));
    return file({ fileName: 'Werkbruecke-Schluessel.json', mimeType: 'application/json', bytes: new TextEncoder().encode(keyFileText(keys)) });
  },
  'casefile.readKeyFile': ({ keyFile }) => parseKeyFile(keyFile),
  'casefile.passphrase': ({ forPdf }) => (forPdf ? generatePassphrase(4, s.PDF_PASSWORD_MAX) : generatePassphrase()),
  'casefile.export': async (i, { store, jobs, now }) => {
    const { bytes, ...r } = await s.exportCasefile(store, jobs, i, now());
    return { ...r, ...file({ fileName: r.fileName, mimeType: r.mimeType, bytes }) };
  },
  'casefile.open': ({ base64, passphrase }, { store, jobs, now }) => s.openShared(store, jobs, bytesOf(base64), passphrase, now()),
  'casefile.openPath': ({ path, passphrase }, { store, jobs, now }) => s.openSharedPath(store, jobs, path, passphrase, now()),
  'casefile.cases': (_i, { store, now }) => s.listShared(store.db, now()),
  'casefile.case': ({ id }, { store, now }) => s.sharedDetail(store.db, id, now()),
  'casefile.document': ({ id, name }, { store, now }) => file(s.sharedDocument(store.db, id, name, now())),
  'casefile.saveSession': (i, { store, now }) => s.saveSession(store.db, i, now()),
  'casefile.reply': async ({ id }, { store, jobs, now }) => {
    const { bytes, ...r } = await s.writeReply(store, jobs, id, now());
    return { ...r, ...file({ fileName: r.fileName, bytes }) };
  },
  'casefile.import': ({ base64 }, { store, jobs, now }) => s.importReply(store, jobs, bytesOf(base64), now()),
});
