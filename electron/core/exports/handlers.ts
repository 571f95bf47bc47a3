import type { exportsContract } from '../../../shared/exports';
import { defineHandlers } from '../api/registry';
import type { ExportFile } from './registry';

export const exportHandlers = defineHandlers<typeof exportsContract>({
  'exports.create': async (req, { jobs }) => {
    const file = (await jobs.run('export', req)) as ExportFile;
    const buf = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
    return { fileName: file.fileName, mimeType: file.mimeType, base64: buf.toString('base64'), bytes: buf.byteLength, ...(file.calendar ? { calendar: file.calendar } : {}) };
  },
});
