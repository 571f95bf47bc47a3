// Document copies (scans) kept inside the workspace: type checked by content (magic bytes and end marker),
// not by the file name; at most 20 MB; a SHA-256 of the content; written atomically (temp file + fsync + rename).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MAX_COPY_BYTES, type CopyMimeType } from '../../../shared/immigration';
import { AppError, fieldError } from '../errors';
import type { Store } from '../store/db';
import { traineeFilesDir } from '../trainees/service';

const EXTENSIONS: Record<string, CopyMimeType> = { pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png' };
const EXT_OF: Record<CopyMimeType, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The type the content really has, or null. */
export function sniffMime(b: Buffer): CopyMimeType | null {
  if (b.length >= 5 && b.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  return null;
}

/** Whether the file is complete: a cut-off download or a damaged scan lacks its end marker. */
export function looksComplete(b: Buffer, mime: CopyMimeType): boolean {
  const tail = b.subarray(Math.max(0, b.length - 1024));
  switch (mime) {
    case 'application/pdf':
      return tail.includes('%%EOF', 0, 'latin1');
    case 'image/jpeg':
      return b.length > 4 && tail.includes(Buffer.from([0xff, 0xd9]));
    case 'image/png':
      return b.length >= 33 && b.subarray(12, 16).toString('latin1') === 'IHDR' && tail.includes('IEND', 0, 'latin1');
  }
}

export interface CheckedCopy {
  name: string;
  mime: CopyMimeType;
  bytes: Buffer;
  size: number;
  sha256: string;
}

/** Decodes and checks an upload; every problem is reported on the field `copy`. */
export function checkCopy(upload: { fileName: string; base64: string }): CheckedCopy {
  const ext = path.extname(upload.fileName).slice(1).toLowerCase();
  const expected = EXTENSIONS[ext];
  if (!expected) throw fieldError(['copy'], 'file_type_not_allowed', `Only PDF, JPEG and PNG copies are accepted, not "${upload.fileName}"`, { name: upload.fileName });
  const bytes = Buffer.from(upload.base64, 'base64');
  if (bytes.length > MAX_COPY_BYTES) throw fieldError(['copy'], 'file_too_large', `The copy is larger than 20 MB`, { maxMb: 20 });
  const actual = sniffMime(bytes);
  if (bytes.length === 0 || (actual === null && bytes.length < 8)) throw fieldError(['copy'], 'file_unreadable', 'The copy is empty or unreadable');
  if (actual !== expected) {
    throw fieldError(['copy'], 'file_type_mismatch', `"${upload.fileName}" is not a ${ext.toUpperCase()} file`, { name: upload.fileName, ext: ext.toUpperCase() });
  }
  if (!looksComplete(bytes, actual)) throw fieldError(['copy'], 'file_unreadable', `"${upload.fileName}" is incomplete or damaged`, { name: upload.fileName });
  const name = path.basename(upload.fileName).replace(/[\u0000-\u001f]/g, '').slice(0, 255);
  return { name, mime: actual, bytes, size: bytes.length, sha256: crypto.createHash('sha256').update(bytes).digest('hex') };
}

/** Path of a copy relative to the trainee's folder, unique per document and content. */
export const copyRelPath = (documentId: number, c: CheckedCopy) => path.posix.join('documents', `${documentId}-${c.sha256.slice(0, 16)}.${EXT_OF[c.mime]}`);

export function copyAbsPath(store: Store, traineeId: number, rel: string): string {
  const base = traineeFilesDir(store, traineeId);
  const abs = path.resolve(base, rel);
  if (!abs.startsWith(path.resolve(base) + path.sep)) throw new Error(`copy path outside the trainee folder: ${rel}`);
  return abs;
}

/** Writes the whole file or nothing: a temp file beside the target, flushed to disk, then renamed over it. */
export function writeFileAtomic(file: string, bytes: Uint8Array) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}-${crypto.randomBytes(4).toString('hex')}.tmp`;
  const fd = fs.openSync(tmp, 'wx');
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

export function removeQuietly(file: string) {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // A copy that cannot be removed now (locked by a viewer on Windows) is left behind; its row is already gone.
  }
}

/** A stored copy or scan, checked against its SHA-256; `what` names it in the log ("the copy of document 3"). */
export function readChecked(store: Store, traineeId: number, rel: string, sha256: string | null, what: string): Buffer {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(copyAbsPath(store, traineeId, rel));
  } catch {
    throw new AppError('copy_damaged', `${what} cannot be read`);
  }
  if (crypto.createHash('sha256').update(bytes).digest('hex') !== sha256) throw new AppError('copy_damaged', `${what} was changed or damaged`);
  return bytes;
}
