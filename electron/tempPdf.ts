// Temporary PDFs for "Öffnen/Drucken" in the desktop app: written owner-only into one folder under the system's
// temp dir, under a plain file name, only when the content really is a PDF; older ones are removed at start.
// No electron import: testable in plain Node.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const MAX_AGE_MS = 24 * 3600 * 1000;

export function writeTempPdf(dir: string, fileName: string, base64: string): string | null {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') return null;
  const base = path.basename(fileName).replace(/[^\p{L}\p{N}._ -]/gu, '_').replace(/\.pdf$/i, '').slice(0, 120) || 'Werkbruecke';
  const sub = path.join(dir, crypto.randomBytes(6).toString('hex'));
  fs.mkdirSync(sub, { recursive: true, mode: 0o700 });
  const file = path.join(sub, `${base}.pdf`);
  fs.writeFileSync(file, bytes, { mode: 0o600 });
  return file;
}

/** Removes what earlier "Öffnen/Drucken" left that is older than a day (a viewer may still have today's open). */
export function cleanTempPdfs(dir: string, now = Date.now()): void {
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) {
    const p = path.join(dir, name);
    try {
      if (now - fs.statSync(p).mtimeMs > MAX_AGE_MS) fs.rmSync(p, { recursive: true, force: true });
    } catch {
      // Still open in a viewer on Windows: try again next time.
    }
  }
}
