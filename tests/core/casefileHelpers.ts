// Two real workspaces (firm and mediator) for the case-file tests, and helpers to take a file apart and build
// hostile variants with the real format code (age, zip, Ed25519).
import { Decrypter } from 'age-encryption';
import { unzipSync } from 'fflate';
import type { CallInput } from '../../shared/api';
import type { Manifest } from '../../shared/casefile';
import { encrypt, packZip, sealCasefile } from '../../electron/core/casefile/format';
import { workspaceKeys } from '../../electron/core/casefile/keys';
import { firmInput, testCore, traineeInput, type TestCore } from './helpers';

export const NOW = new Date('2026-09-01T10:00:00Z');

export async function firmWithCase(over: { categories?: CallInput<'network.saveConsent'>['categories']; trainee?: Record<string, unknown>; validUntil?: string } = {}) {
  const firm = testCore({ now: () => NOW });
  await firm.call('firm.save', firmInput());
  const t = await firm.call('trainees.create', traineeInput(over.trainee ?? {}));
  const person = await firm.call('network.savePerson', { traineeId: t.id, name: 'Sara Berater', role: 'mediator' });
  const text = await firm.call('network.saveConsentText', { title: 'Einwilligung Moderation', body: 'Ich willige ein …' });
  const consent = await firm.call('network.saveConsent', {
    traineeId: t.id, textId: text.id, personId: person.id, purpose: 'Konfliktmoderation', categories: over.categories ?? ['moderation_log', 'master_data'], givenOn: '2026-08-01', form: 'paper_scan', validUntil: over.validUntil ?? '2027-08-01',
  });
  const c = await firm.call('network.saveCase', { traineeId: t.id, category: 'attendance', occasion: 'Dreimal zu spät in zwei Wochen', raisedBy: 'firm', raisedOn: '2026-08-20' });
  await firm.call('network.saveStep', { caseId: c.id, kind: 'firm_talk', heldOn: '2026-08-22', participants: [{ name: 'Meister Muster', role: 'firm' }], facts: 'Verspätungen am 12., 14. und 19.08.' });
  return { firm, t, consent, conflictCase: c };
}

export async function mediator(name = 'Netzwerk Vermittlung Nord', now = () => NOW) {
  const m = testCore({ now });
  await m.call('firm.save', firmInput({ name }));
  return m;
}

export const keyFileOf = async (core: TestCore) => Buffer.from((await core.call('casefile.keyFile', {})).base64, 'base64').toString('utf8');
export const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
export const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));

/** Decrypts a file with a workspace's identity (as the app does) and returns the zip's bytes and entries. */
export async function decryptWith(core: TestCore, file: Uint8Array) {
  const d = new Decrypter();
  d.addIdentity(workspaceKeys(core.store.db).ageIdentity);
  const zip = await d.decrypt(file);
  return { zip, entries: unzipSync(zip) };
}

/** Re-encrypts changed zip entries to a workspace (signature and checksums as they are unless rebuilt). */
export async function reencrypt(to: TestCore, entries: Record<string, Uint8Array>) {
  return encrypt(packZip(entries), { mode: 'recipient', ageRecipient: workspaceKeys(to.store.db).ageRecipient });
}

/** A properly signed file with a manifest changed by `edit` (signed by `signer`'s keys), encrypted to `to`. */
export async function forged(signer: TestCore, to: TestCore, original: Uint8Array, edit: (m: Manifest) => Manifest, extra: Record<string, Uint8Array> = {}) {
  const { entries } = await decryptWith(to, original);
  const m = JSON.parse(new TextDecoder().decode(entries['manifest.json'])) as Manifest;
  const { entries: listed, ...rest } = edit(m);
  const content = Object.fromEntries(listed.map((e) => [e.name, entries[e.name]!]));
  return (await sealCasefile(rest, { ...content, ...extra }, workspaceKeys(signer.store.db), { mode: 'recipient', ageRecipient: workspaceKeys(to.store.db).ageRecipient })).bytes;
}

/** Sets the uncompressed size an entry declares in the zip's central directory (what a zip bomb lies about). */
export function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = Uint8Array.from(zip);
  const v = new DataView(out.buffer);
  const n = new TextEncoder().encode(name);
  for (let i = 0; i + 46 < out.length; i++) {
    if (v.getUint32(i, true) !== 0x02014b50) continue;
    const len = v.getUint16(i + 28, true);
    if (len === n.length && Buffer.from(out.subarray(i + 46, i + 46 + len)).equals(Buffer.from(n))) {
      v.setUint32(i + 24, size, true);
      return out;
    }
  }
  throw new Error(`entry ${name} not found`);
}

export const sharedCount = (core: TestCore) => (core.store.db.prepare('SELECT count(*) FROM shared_cases').pluck().get() as number) + (core.store.db.prepare('SELECT count(*) FROM shared_case_entries').pluck().get() as number);
