// This installation's signing identity. The Ed25519 key pair is made on first use; the private key is
// written beside the database file (never into the database, so backups and packages cannot carry it)
// and the public key is recorded in exchange_identity, with a fingerprint people read out by phone.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { signingKeyPath } from '../../db/files';
import type { Store } from '../../db/open';
import { exchangeIdentity, exchangePeers } from '../../db/schema';
import { AppError } from '../errors';

export interface Identity {
  publicKey: string; // base64 of the raw 32-byte key
  fingerprint: string;
  privateKey: KeyObject;
}

const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export const privateKeyPath = (store: Store) => signingKeyPath(store.path);

/** SHA-256 of the raw public key, in groups of four hex digits: easy to read out over the phone. */
export function fingerprintOf(publicKeyBase64: string): string {
  const digest = createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex').toUpperCase();
  return digest.slice(0, 32).match(/.{4}/g)!.join(' ');
}

function rawPublicKey(key: KeyObject): string {
  const der = key.export({ format: 'der', type: 'spki' });
  return der.subarray(SPKI_ED25519_PREFIX.length).toString('base64');
}

export function publicKeyObject(publicKeyBase64: string): KeyObject {
  const raw = Buffer.from(publicKeyBase64, 'base64');
  if (raw.length !== 32) throw new AppError('BAD_FILE', '公钥格式不正确');
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, raw]), format: 'der', type: 'spki' });
}

/** Returns this installation's identity, creating the key pair on first use. */
export function ensureIdentity(store: Store): Identity {
  const file = privateKeyPath(store);
  const row = store.db.select().from(exchangeIdentity).get();
  if (row) {
    if (!fs.existsSync(file)) {
      throw new AppError(
        'STORE',
        `找不到本机的签名私钥（${file}）。数据库可能是从其他电脑复制来的：请在原电脑上操作，或联系上级重新登记本机公钥。`,
      );
    }
    const privateKey = createPrivateKey(fs.readFileSync(file));
    if (rawPublicKey(createPublicKey(privateKey)) !== row.publicKey) {
      throw new AppError('STORE', `签名私钥（${file}）与本机登记的公钥不一致，不能签发数据包。`);
    }
    return { publicKey: row.publicKey, fingerprint: row.fingerprint, privateKey };
  }
  // A key file without its row (a database restored from before the key was made) is adopted, never replaced:
  // the prefecture knows this installation by that key.
  const existing = fs.existsSync(file) ? createPrivateKey(fs.readFileSync(file)) : null;
  const { privateKey, publicKey } = existing ? { privateKey: existing, publicKey: createPublicKey(existing) } : generateKeyPairSync('ed25519');
  if (!existing) fs.writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
  const raw = rawPublicKey(publicKey);
  store.db.insert(exchangeIdentity).values({ id: 1, publicKey: raw, fingerprint: fingerprintOf(raw) }).run();
  return { publicKey: raw, fingerprint: fingerprintOf(raw), privateKey };
}

export const signBytes = (identity: Identity, bytes: Uint8Array): string => sign(null, bytes, identity.privateKey).toString('base64');

export function signatureValid(publicKeyBase64: string, bytes: Uint8Array, signatureBase64: string): boolean {
  try {
    return verify(null, bytes, publicKeyObject(publicKeyBase64), Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}

/**
 * Carries this installation's signing identity and its peers (their keys and the last sequence seen) from
 * the live database into one being restored: they belong to the installation, not to the data. Sequences
 * only move forward, so the prefecture accepts the next package and a replayed old one is still refused.
 */
export function carryOverIdentity(from: Store, into: Store): void {
  const identity = from.db.select().from(exchangeIdentity).get();
  const peers = from.db.select().from(exchangePeers).all();
  into.db.transaction((tx) => {
    if (identity) {
      tx.insert(exchangeIdentity)
        .values(identity)
        .onConflictDoUpdate({
          target: exchangeIdentity.id,
          set: { publicKey: identity.publicKey, fingerprint: identity.fingerprint, nextSequence: sql`max(${exchangeIdentity.nextSequence}, ${identity.nextSequence})` },
        })
        .run();
    }
    for (const peer of peers) {
      tx.insert(exchangePeers)
        .values(peer)
        .onConflictDoUpdate({
          target: exchangePeers.regionCode,
          set: { publicKey: peer.publicKey, fingerprint: peer.fingerprint, trustedAt: peer.trustedAt, trustedBy: peer.trustedBy, lastSequence: sql`max(${exchangePeers.lastSequence}, ${peer.lastSequence})` },
        })
        .run();
    }
  });
}
