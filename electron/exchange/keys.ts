// This installation's signing identity. The Ed25519 key pair is made on first use; the private key is
// written beside the database file (never into the database, so backups and packages cannot carry it)
// and the public key is recorded in exchange_identity, with a fingerprint people read out by phone.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import type { Store } from '../../db/open';
import { exchangeIdentity } from '../../db/schema';
import { AppError } from '../errors';

export interface Identity {
  publicKey: string; // base64 of the raw 32-byte key
  fingerprint: string;
  privateKey: KeyObject;
}

const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export const privateKeyPath = (store: Store) => `${store.path}.signing-key.pem`;

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
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  fs.writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
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
