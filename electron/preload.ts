// The only bridge between the sandboxed renderer and the main process: `window.api.invoke(name, input)`
// for the calls declared in shared/ contracts, nothing else. ipcRenderer itself is never exposed.
import { contextBridge, ipcRenderer } from 'electron';
import { CALL_NAMES } from '../shared/api';

const allowed = new Set<string>(CALL_NAMES);

contextBridge.exposeInMainWorld('api', {
  transport: 'ipc',
  invoke(name: string, input: unknown) {
    if (!allowed.has(name)) return Promise.reject(new Error(`Unknown API call ${name}`));
    return ipcRenderer.invoke('api:invoke', name, input);
  },
  openPdf(fileName: string, base64: string) {
    return ipcRenderer.invoke('shell:openPdf', fileName, base64);
  },
});
