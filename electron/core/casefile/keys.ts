// The workspace's keys for case files, made at first use and kept in the workspace database (casefile_keys):
// Ed25519 to sign (pure JS, @noble/curves: the same in Node, Electron's BoringSSL and a browser) and an X25519 age
// identity to receive files encrypted to this workspace. The fingerprint people compare on the phone covers both
// public keys: SHA-256 over them, the first 128 bits as 8 groups of 4 hex digits.
import { createHash } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519.js';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { KeyFile, KEYFILE_FORMAT, PublicKeys } from '../../../shared/casefile';
import { AppError } from '../errors';
import { getFirm } from '../firm/service';
import type { Db } from '../store/db';

export interface WorkspaceKeys {
  signingSecret: Uint8Array;
  signingPublic: Uint8Array;
  ageIdentity: string;
  ageRecipient: string;
}

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
export const fromB64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));

export function fingerprint(signingKey: string, ageRecipient: string): string {
  const h = createHash('sha256').update(fromB64(signingKey)).update(ageRecipient, 'utf8').digest('hex').slice(0, 32).toUpperCase();
  return h.match(/.{4}/g)!.join(' ');
}

function readKeys(db: Db): WorkspaceKeys | null {
  const r = db.prepare('SELECT * FROM casefile_keys WHERE id = 1').get() as { signing_secret: Buffer; signing_public: Buffer; age_identity: string; age_recipient: string } | undefined;
  return r ? { signingSecret: new Uint8Array(r.signing_secret), signingPublic: new Uint8Array(r.signing_public), ageIdentity: r.age_identity, ageRecipient: r.age_recipient } : null;
}

/** The keys, made now if this workspace has none yet (call on the thread that writes the workspace). */
export async function ensureKeys(db: Db, now: Date): Promise<WorkspaceKeys> {
  const have = readKeys(db);
  if (have) return have;
  const { secretKey, publicKey } = ed25519.keygen();
  const ageIdentity = await generateX25519Identity();
  const ageRecipient = await identityToRecipient(ageIdentity);
  db.prepare('INSERT OR IGNORE INTO casefile_keys (id, signing_secret, signing_public, age_identity, age_recipient, created_at) VALUES (1, ?, ?, ?, ?, ?)').run(
    Buffer.from(secretKey), Buffer.from(publicKey), ageIdentity, ageRecipient, now.toISOString());
  return readKeys(db)!;
}

/** The keys of a workspace that has them (a job worker reads what the main thread made). */
export function workspaceKeys(db: Db): WorkspaceKeys {
  const k = readKeys(db);
  if (!k) throw new AppError('casefile_no_keys', 'This workspace has no keys yet');
  return k;
}

/** Who this workspace is (the firm profile's name) with its public keys. */
export function publicKeys(db: Db, k: WorkspaceKeys): PublicKeys {
  const signingKey = b64(k.signingPublic);
  return { name: getFirm(db)?.name ?? 'Werkbrücke', signingKey, ageRecipient: k.ageRecipient, fingerprint: fingerprint(signingKey, k.ageRecipient) };
}

export const keyFileText = (keys: PublicKeys) => `${JSON.stringify({ format: KEYFILE_FORMAT, version: 1, keys }, null, 2)}\n`;

/** Reads a key file; its fingerprint is computed here, never taken from the file. */
export function parseKeyFile(text: string): PublicKeys {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('casefile_bad_keyfile', 'This is not a Werkbrücke key file');
  }
  const r = KeyFile.safeParse(json);
  if (!r.success || fromB64(r.data.keys.signingKey).length !== 32) throw new AppError('casefile_bad_keyfile', 'This is not a Werkbrücke key file');
  const k = r.data.keys;
  return { ...k, fingerprint: fingerprint(k.signingKey, k.ageRecipient) };
}

export const sign = (msg: Uint8Array, k: WorkspaceKeys) => ed25519.sign(msg, k.signingSecret);
export function verify(sig: Uint8Array, msg: Uint8Array, signingKey: string): boolean {
  try {
    return ed25519.verify(sig, msg, fromB64(signingKey));
  } catch {
    return false;
  }
}
