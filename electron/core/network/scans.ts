// The scan of a consent given on signed paper: checked and stored like a residence document's copy (type by
// content, at most 20 MB, complete file, SHA-256; immigration/copies.ts) under files/trainees/<id>/consents/,
// removed with the trainee. The row and the file are written together: a failure leaves neither.
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { CopyUpload } from '../../../shared/immigration';
import { AppError } from '../errors';
import { checkCopy, copyAbsPath, readChecked, removeQuietly, writeFileAtomic } from '../immigration/copies';
import { checkPixels } from '../language/pictures';
import type { Store } from '../store/db';
import { getConsent } from './service';

const EXT: Record<string, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };
interface ScanRow { trainee_id: number; form: string; revoked_on: string | null; scan_path: string | null; scan_name: string | null; scan_mime: string | null; scan_sha256: string | null }
const row = (store: Store, id: number) => store.db.prepare('SELECT trainee_id, form, revoked_on, scan_path, scan_name, scan_mime, scan_sha256 FROM consents WHERE id = ?').get(id) as ScanRow | undefined;

export function attachConsentScan(store: Store, consentId: number, upload: z.output<typeof CopyUpload>, now: Date) {
  const c = getConsent(store.db, consentId);
  if (c.form !== 'paper_scan') throw new AppError('consent_not_paper', `Consent ${consentId} was given electronically: there is no paper to scan`);
  if (c.revokedOn !== null) throw new AppError('consent_revoked', `Consent ${consentId} was revoked and cannot be changed`, { date: c.revokedOn });
  const checked = checkCopy(upload);
  // A picture is checked from its header as well: broken structure or more pixels than a scan needs is refused.
  if (checked.mime !== 'application/pdf') checkPixels(checked.bytes, checked.mime);
  const before = row(store, consentId)!;
  const rel = path.posix.join('consents', `${consentId}-${checked.sha256.slice(0, 16)}.${EXT[checked.mime]}`);
  const abs = copyAbsPath(store, c.traineeId, rel);
  const fresh = !fs.existsSync(abs);
  try {
    store.db.transaction(() => {
      if (fresh) writeFileAtomic(abs, checked.bytes);
      store.db
        .prepare('UPDATE consents SET scan_path = ?, scan_name = ?, scan_mime = ?, scan_size = ?, scan_sha256 = ?, updated_at = ? WHERE id = ?')
        .run(rel, checked.name, checked.mime, checked.size, checked.sha256, now.toISOString(), consentId);
    })();
  } catch (e) {
    if (fresh) removeQuietly(abs);
    throw e;
  }
  if (before.scan_path && before.scan_path !== rel) removeQuietly(copyAbsPath(store, c.traineeId, before.scan_path));
  return getConsent(store.db, consentId);
}

/** The stored scan, checked against its hash. */
export function readConsentScan(store: Store, consentId: number) {
  getConsent(store.db, consentId);
  const r = row(store, consentId)!;
  if (!r.scan_path || !r.scan_name || !r.scan_mime) throw new AppError('copy_missing', `Consent ${consentId} has no stored scan`);
  const bytes = readChecked(store, r.trainee_id, r.scan_path, r.scan_sha256, `The scan of consent ${consentId}`);
  return { fileName: r.scan_name, mimeType: r.scan_mime, base64: bytes.toString('base64'), bytes: bytes.byteLength };
}
