// The .wbfall file: age (a passphrase through scrypt, or an X25519 recipient) around a zip that holds
// manifest.json, manifest.sig (detached Ed25519 over the exact bytes of manifest.json), data/*.json and docs/*.
// Opening works in memory only (nothing is extracted to disk) and refuses, before anything is stored: a wrong key,
// any changed byte, unsafe names, entries not listed in the manifest, too many or too large entries or an extreme
// compression ratio, an unknown or newer format, and contents that do not match their schema.
import { createHash } from 'node:crypto';
import { Decrypter, Encrypter } from 'age-encryption';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { CASEFILE_FORMAT, CASEFILE_VERSION, DATA_FILES, Manifest, type DataFileName } from '../../../shared/casefile';
import { AppError } from '../errors';
import { normalisePassphrase } from './passphrase';
import { sign, verify, type WorkspaceKeys } from './keys';

export const LIMITS = {
  entries: 2000,
  uncompressed: 200 * 1024 * 1024,
  /** Largest encrypted file accepted (the zip inside is at most a little larger than its contents). */
  fileBytes: 210 * 1024 * 1024,
  /** Highest uncompressed/compressed ratio of one entry (text compresses 5–20 times; a zip bomb 1000 and more). */
  ratio: 200,
  manifestBytes: 1024 * 1024,
} as const;
export const SCRYPT_WORK_FACTOR = 18;

export const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export type Sealing = { mode: 'passphrase'; passphrase: string; workFactor?: number } | { mode: 'recipient'; ageRecipient: string };
export type Unsealing = { passphrase?: string | undefined; identity?: string | undefined };

/** Builds the zip (manifest with every entry's checksum, its signature, the entries) and encrypts it. */
export async function sealCasefile(manifest: Omit<Manifest, 'entries'>, entries: Record<string, Uint8Array>, keys: WorkspaceKeys, sealing: Sealing): Promise<{ bytes: Uint8Array; manifest: Manifest }> {
  const full: Manifest = { ...manifest, entries: Object.entries(entries).map(([name, b]) => ({ name, size: b.byteLength, sha256: sha256(b) })) };
  const manifestBytes = new TextEncoder().encode(JSON.stringify(full, null, 1));
  return { bytes: await encrypt(packZip({ 'manifest.json': manifestBytes, 'manifest.sig': sign(manifestBytes, keys), ...entries }), sealing), manifest: full };
}

/** The zip of named entries (PDFs are stored, being compressed already). */
export function packZip(entries: Record<string, Uint8Array>): Uint8Array {
  const z: Zippable = {};
  for (const [name, b] of Object.entries(entries)) z[name] = [b, { level: name.endsWith('.pdf') || name.endsWith('.jpg') || name.endsWith('.png') ? 0 : 6, mtime: new Date('2000-01-01T00:00:00Z') }];
  return zipSync(z);
}

export async function encrypt(zip: Uint8Array, sealing: Sealing): Promise<Uint8Array> {
  const e = new Encrypter();
  if (sealing.mode === 'passphrase') {
    e.setPassphrase(normalisePassphrase(sealing.passphrase));
    e.setScryptWorkFactor(sealing.workFactor ?? SCRYPT_WORK_FACTOR);
  } else e.addRecipient(sealing.ageRecipient);
  return e.encrypt(zip);
}

const AGE_MAGIC = 'age-encryption.org/v1\n';

export async function decrypt(bytes: Uint8Array, how: Unsealing): Promise<Uint8Array> {
  if (bytes.byteLength > LIMITS.fileBytes) throw new AppError('casefile_too_large', 'The file is larger than a case file may be', { limit: '200 MB' });
  if (Buffer.from(bytes.subarray(0, AGE_MAGIC.length)).toString('latin1') !== AGE_MAGIC) throw new AppError('casefile_not_casefile', 'This is not a Werkbrücke case file');
  const scrypt = Buffer.from(bytes.subarray(0, 200)).toString('latin1').includes('\n-> scrypt ');
  const d = new Decrypter();
  if (scrypt) {
    if (!how.passphrase) throw new AppError('casefile_passphrase_needed', 'This case file is protected by a passphrase');
    d.addPassphrase(normalisePassphrase(how.passphrase));
  } else if (how.identity) d.addIdentity(how.identity);
  else throw new AppError('casefile_not_for_us', 'This case file was not encrypted for this workspace');
  try {
    return await d.decrypt(bytes);
  } catch (e) {
    const msg = (e as Error).message ?? '';
    if (/no identity matched/.test(msg)) {
      throw scrypt ? new AppError('casefile_wrong_passphrase', 'The passphrase does not open this case file (or the file was changed)') : new AppError('casefile_not_for_us', 'This case file was not encrypted for this workspace');
    }
    throw new AppError('casefile_damaged', 'The case file was changed or is damaged');
  }
}

/** Names that may appear in a case file: no `..`, no absolute path, no backslash, nothing but our folders. */
export function unsafeName(name: string): boolean {
  return (
    name.includes('\\') || name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.split('/').some((p) => p === '..' || p === '.' || p === '') ||
    !/^(manifest\.json|manifest\.sig|data\/[a-z]+\.json|docs\/[A-Za-z0-9_-][A-Za-z0-9._-]{0,120}\.(pdf|jpg|png))$/.test(name)
  );
}

export interface OpenedCasefile {
  manifest: Manifest;
  /** Every entry listed in the manifest, checked against its checksum. */
  entries: Map<string, Uint8Array>;
  /** The parsed and validated data files. */
  data: Partial<Record<DataFileName, { items: unknown[] }>>;
}

const refuse = (code: string, message: string, params: Record<string, string | number> = {}) => new AppError(code, message, params);

/**
 * Reads a decrypted zip: first only the directory (names and sizes; nothing inflated), then the manifest and its
 * signature, then exactly the entries the manifest lists. `expectSigner` (a reply at the firm: the key recorded
 * for the case) replaces trust in the key the manifest names.
 */
export function readCasefileZip(zip: Uint8Array): OpenedCasefile {
  const dir: { name: string; size: number; originalSize: number }[] = [];
  try {
    unzipSync(zip, { filter: (f) => (dir.push({ name: f.name, size: f.size, originalSize: f.originalSize }), false) });
  } catch {
    throw refuse('casefile_damaged', 'The case file was changed or is damaged');
  }
  if (dir.length > LIMITS.entries) throw refuse('casefile_too_many_entries', `More than ${LIMITS.entries} entries`, { limit: LIMITS.entries });
  const bad = dir.find((f) => unsafeName(f.name));
  if (bad) throw refuse('casefile_unsafe_name', `Unsafe entry name ${JSON.stringify(bad.name.slice(0, 80))}`, { name: bad.name.slice(0, 80).replace(/[\\/]/g, '∕') });
  if (new Set(dir.map((f) => f.name)).size !== dir.length) throw refuse('casefile_damaged', 'An entry appears twice');
  const total = dir.reduce((s, f) => s + f.originalSize, 0);
  if (total > LIMITS.uncompressed) throw refuse('casefile_too_large', 'The contents are larger than a case file may be', { limit: '200 MB' });
  if (dir.some((f) => f.originalSize > 1024 * 1024 && f.originalSize / Math.max(f.size, 1) > LIMITS.ratio)) throw refuse('casefile_bomb', 'An entry is compressed beyond any real document');

  const only = (names: Set<string>) => {
    try {
      return unzipSync(zip, { filter: (f) => names.has(f.name) });
    } catch {
      throw refuse('casefile_damaged', 'The case file was changed or is damaged');
    }
  };
  const head = dir.find((f) => f.name === 'manifest.json');
  if (!head || !dir.some((f) => f.name === 'manifest.sig') || head.originalSize > LIMITS.manifestBytes) throw refuse('casefile_not_casefile', 'This is not a Werkbrücke case file');
  const h = only(new Set(['manifest.json', 'manifest.sig']));
  const manifestBytes = h['manifest.json']!;
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(manifestBytes));
  } catch {
    throw refuse('casefile_damaged', 'The case file was changed or is damaged');
  }
  const r = raw as { format?: unknown; formatVersion?: unknown };
  if (r?.format !== CASEFILE_FORMAT) throw refuse('casefile_not_casefile', 'This is not a Werkbrücke case file');
  if (typeof r.formatVersion !== 'number' || r.formatVersion !== CASEFILE_VERSION) {
    throw refuse('casefile_version', `Case file format ${String(r.formatVersion)} is not known to this version of Werkbrücke`, { found: String(r.formatVersion).slice(0, 10), supported: CASEFILE_VERSION });
  }
  const parsed = Manifest.safeParse(raw);
  if (!parsed.success) throw refuse('casefile_invalid_content', 'The case file\'s manifest is not valid', { entry: 'manifest.json' });
  const manifest = parsed.data;
  if (!verify(h['manifest.sig']!, manifestBytes, manifest.sender.signingKey)) throw refuse('casefile_bad_signature', 'The signature does not match: the file was changed');

  const listed = new Set(manifest.entries.map((e) => e.name));
  if (listed.size !== manifest.entries.length || listed.has('manifest.json') || listed.has('manifest.sig')) throw refuse('casefile_invalid_content', 'The case file\'s manifest is not valid', { entry: 'manifest.json' });
  const unlisted = dir.find((f) => f.name !== 'manifest.json' && f.name !== 'manifest.sig' && !listed.has(f.name));
  if (unlisted) throw refuse('casefile_unlisted_entry', `Entry ${unlisted.name} is not listed in the manifest`, { name: unlisted.name.slice(0, 80) });
  const missing = manifest.entries.find((e) => !dir.some((f) => f.name === e.name));
  if (missing) throw refuse('casefile_damaged', `Entry ${missing.name} is missing`);
  const files = only(listed);
  const entries = new Map<string, Uint8Array>();
  for (const e of manifest.entries) {
    const b = files[e.name];
    if (!b || b.byteLength !== e.size || sha256(b) !== e.sha256) throw refuse('casefile_bad_checksum', `The checksum of ${e.name} does not match: the file was changed`, { name: e.name });
    entries.set(e.name, b);
  }
  const data: OpenedCasefile['data'] = {};
  for (const [name, b] of entries) {
    if (!name.startsWith('data/')) continue;
    const schema = DATA_FILES[name as DataFileName];
    if (!schema) throw refuse('casefile_invalid_content', `Unknown data file ${name}`, { entry: name });
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(b));
    } catch {
      throw refuse('casefile_invalid_content', `${name} is not valid`, { entry: name });
    }
    const v = schema.safeParse(json);
    if (!v.success) throw refuse('casefile_invalid_content', `${name} does not match its schema`, { entry: name });
    data[name as DataFileName] = v.data as { items: unknown[] };
  }
  return { manifest, entries, data };
}

/** Decrypts and reads a case file or reply; refuses a file whose consent was not in force when it was made. */
export async function openCasefile(bytes: Uint8Array, how: Unsealing): Promise<OpenedCasefile> {
  const opened = readCasefileZip(await decrypt(bytes, how));
  const { consent, created } = opened.manifest;
  const day = created.slice(0, 10);
  if ((consent.revokedOn !== null && consent.revokedOn <= day) || (consent.validUntil !== null && consent.validUntil < day) || consent.givenOn > day) {
    throw refuse('casefile_consent_not_active', 'The consent was not in force when this case file was made', { date: consent.revokedOn ?? consent.validUntil ?? consent.givenOn });
  }
  return opened;
}
