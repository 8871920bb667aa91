// Writing a signed package file, and reading one back with every check of exchange.md §2–§3 done
// before anything is handed to an importer. Each refusal says which check failed.
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { writeNewFile } from '../../db/files';
import { AppError } from '../errors';
import { signatureValid, signBytes, fingerprintOf, type Identity } from './keys';
import {
  FORMAT,
  FORMAT_MAJORS,
  FORMAT_VERSION,
  formatMajorOf,
  LIMITS,
  MANIFEST,
  MAX_COUNTER_STEP,
  MAX_PACKAGE_BYTES,
  MEMBER_NAME,
  manifestSchema,
  partyId,
  sha256,
  SIGNATURE,
  type Manifest,
} from './manifest';
import { readZip, ZipError, ZipWriter } from './zip';

export type RefusalCode =
  | 'NOT_A_PACKAGE'
  | 'DAMAGED'
  | 'TOO_LARGE'
  | 'UNSAFE_NAME'
  | 'BAD_MANIFEST'
  | 'UNSUPPORTED_VERSION'
  | 'BAD_SIGNATURE'
  | 'UNKNOWN_SENDER'
  | 'KEY_MISMATCH'
  | 'WRONG_RECEIVER'
  | 'MISSING_MEMBER'
  | 'EXTRA_MEMBER'
  | 'HASH_MISMATCH'
  | 'REPLAYED'
  | 'STALE'
  | 'BAD_SEQUENCE'
  | 'BAD_DATA';

/** A package refused before anything was written; the message tells the user which check failed. */
export class PackageRefusal extends AppError<RefusalCode> {
  constructor(code: RefusalCode, message: string) {
    super(code, message, 'PACKAGE_REFUSED');
    this.name = 'PackageRefusal';
  }
}

export type ManifestDraft = Omit<Manifest, 'format' | 'formatVersion' | 'packageId' | 'members' | 'createdAt' | 'sender'> & {
  sender: Omit<Manifest['sender'], 'publicKey' | 'fingerprint'>;
};

/**
 * Writes members + signed manifest to a new `file` (via a temporary name, so a half-written file never
 * exists); never replaces an existing file or one of the database's own (`dbPath`).
 */
export function writePackageFile(
  file: string,
  identity: Identity,
  draft: ManifestDraft,
  members: ReadonlyMap<string, Uint8Array>,
  dbPath?: string,
): { manifest: Manifest; fileSha256: string } {
  const manifest: Manifest = {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    packageId: randomUUID(),
    createdAt: new Date().toISOString(),
    ...draft,
    sender: { ...draft.sender, publicKey: identity.publicKey, fingerprint: identity.fingerprint },
    members: [...members].map(([name, bytes]) => ({ name, size: bytes.length, sha256: sha256(bytes) })),
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2), 'utf8');
  writeNewFile(
    path.resolve(file),
    (partial) => {
      const zip = new ZipWriter(partial);
      zip.add(MANIFEST, manifestBytes);
      zip.add(SIGNATURE, Buffer.from(signBytes(identity, manifestBytes), 'utf8'));
      for (const [name, bytes] of members) zip.add(name, bytes);
      zip.close();
    },
    dbPath,
  );
  return { manifest, fileSha256: sha256(fs.readFileSync(file)) };
}

export interface KnownPeer {
  publicKey: string;
  lastSequence: number;
}

export interface VerifyContext {
  /** This installation's party id (region, or region/unit): the package must be addressed to it. */
  selfId: string;
  peer(id: string): KnownPeer | undefined;
  /** Whether a package with this id was already imported here. */
  alreadyImported(packageId: string): boolean;
  /** The id of a package from this sender already imported with this sequence number. */
  packageWithSequence(sender: string, sequence: number): string | undefined;
  /** Accept an unknown sender's key on first contact (after the fingerprint was confirmed by phone). */
  trust: boolean;
  /** Size limits; the defaults suit every real package. */
  limits?: typeof LIMITS;
}

export interface VerifiedPackage {
  manifest: Manifest;
  members: Map<string, Buffer>;
  fileSha256: string;
  /** Set when the sender was unknown and is being trusted on first contact. */
  newPeer: { id: string; publicKey: string; fingerprint: string } | null;
  /** This exact package was imported before: the import will report everything unchanged. */
  repeat: boolean;
}

export function readPackageFile(file: string, ctx: VerifyContext): VerifiedPackage {
  return verifyPackage(readPackageBytes(file), ctx);
}

/** A package file's bytes, refused when it is missing or larger than any package can be. */
export function readPackageBytes(file: string): Buffer {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new PackageRefusal('NOT_A_PACKAGE', `找不到数据包文件“${file}”`);
  }
  if (stat.size > MAX_PACKAGE_BYTES) throw new PackageRefusal('TOO_LARGE', `数据包文件过大（${stat.size} 字节，上限 ${MAX_PACKAGE_BYTES}）`);
  return fs.readFileSync(file);
}

/** `fileSha256`: the bytes' hash, when the caller has it already (a package is hashed once). */
export function verifyPackage(bytes: Buffer, ctx: VerifyContext, fileSha256 = sha256(bytes)): VerifiedPackage {
  const members = openMembers(bytes, ctx.limits ?? LIMITS);
  const manifestBytes = members.get(MANIFEST);
  const signature = members.get(SIGNATURE);
  if (!manifestBytes || !signature) throw new PackageRefusal('NOT_A_PACKAGE', '这不是绩效数据包：缺少清单（manifest.json）或签名（manifest.sig）');
  const manifest = parseManifest(manifestBytes);
  const newPeer = checkSender(manifest, manifestBytes, signature.toString('utf8'), ctx);
  if (partyId(manifest.receiver) !== ctx.selfId) {
    throw new PackageRefusal(
      'WRONG_RECEIVER',
      `该数据包是发给 ${manifest.receiver.name}（${partyId(manifest.receiver)}）的，不是发给本机（${ctx.selfId}）的，请确认文件是否拿错`,
    );
  }
  checkMembers(manifest, members);
  const repeat = ctx.alreadyImported(manifest.packageId);
  if (!repeat) checkSequence(manifest, ctx);
  members.delete(MANIFEST);
  members.delete(SIGNATURE);
  return { manifest, members, fileSha256, newPeer, repeat };
}

function openMembers(bytes: Buffer, limits: typeof LIMITS): Map<string, Buffer> {
  try {
    const entries = readZip(bytes, limits);
    for (const entry of entries) {
      if (entry.name !== MANIFEST && entry.name !== SIGNATURE && !MEMBER_NAME.test(entry.name)) {
        throw new PackageRefusal('UNSAFE_NAME', `数据包内有不应出现的文件“${entry.name}”`);
      }
    }
    return new Map(entries.map((entry) => [entry.name, entry.read()]));
  } catch (error) {
    if (error instanceof PackageRefusal) throw error;
    if (error instanceof ZipError) {
      const code: RefusalCode = /不安全的文件名/.test(error.message) ? 'UNSAFE_NAME' : /过大|过多|上限/.test(error.message) ? 'TOO_LARGE' : 'DAMAGED';
      throw new PackageRefusal(code, error.message);
    }
    throw error;
  }
}

function parseManifest(bytes: Buffer): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new PackageRefusal('BAD_MANIFEST', '数据包清单不是有效的 JSON，文件已损坏');
  }
  const version = (json as { formatVersion?: unknown })?.formatVersion;
  if (typeof version === 'string' && !(FORMAT_MAJORS as readonly number[]).includes(formatMajorOf(version))) {
    const supported = FORMAT_MAJORS.map((major) => `${major}.x`).join('、');
    throw new PackageRefusal('UNSUPPORTED_VERSION', `数据包格式版本 ${version} 不受本软件支持（支持 ${supported}），请双方使用相同大版本的软件`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PackageRefusal('BAD_MANIFEST', `数据包清单格式不正确（${issue?.path.join('.')}：${issue?.message}）`);
  }
  return parsed.data;
}

function checkSender(manifest: Manifest, manifestBytes: Buffer, signature: string, ctx: VerifyContext): VerifiedPackage['newPeer'] {
  const { sender } = manifest;
  const id = partyId(sender);
  const known = ctx.peer(id);
  const fingerprint = fingerprintOf(sender.publicKey);
  if (known && known.publicKey !== sender.publicKey) {
    throw new PackageRefusal(
      'KEY_MISMATCH',
      `发送方 ${sender.name}（${id}）的公钥与登记的不一致（包内指纹 ${fingerprint}）。可能是对方重装了软件或文件被伪造，请电话核实后再处理`,
    );
  }
  if (!signatureValid(sender.publicKey, manifestBytes, signature)) {
    throw new PackageRefusal('BAD_SIGNATURE', '数据包签名无效：清单在签发后被改动过，或签名不属于发送方。请让对方重新导出');
  }
  if (known) return null;
  if (!ctx.trust) {
    throw new PackageRefusal(
      'UNKNOWN_SENDER',
      `发送方 ${sender.name}（${id}）尚未登记。其公钥指纹为 ${fingerprint}，请电话与对方核对一致后，选择“信任并导入”`,
    );
  }
  return { id, publicKey: sender.publicKey, fingerprint };
}

function checkMembers(manifest: Manifest, members: Map<string, Buffer>): void {
  const listed = new Map(manifest.members.map((m) => [m.name, m]));
  for (const name of members.keys()) {
    if (name !== MANIFEST && name !== SIGNATURE && !listed.has(name)) {
      throw new PackageRefusal('EXTRA_MEMBER', `数据包内多出了清单中没有的文件“${name}”，可能被人为改动，已拒绝`);
    }
  }
  for (const entry of manifest.members) {
    const bytes = members.get(entry.name);
    if (!bytes) throw new PackageRefusal('MISSING_MEMBER', `数据包缺少清单中列出的文件“${entry.name}”`);
    if (bytes.length !== entry.size || sha256(bytes) !== entry.sha256) {
      throw new PackageRefusal('HASH_MISMATCH', `数据包内文件“${entry.name}”与清单中的校验值不符，文件已被改动或损坏`);
    }
  }
}

function checkSequence(manifest: Manifest, ctx: VerifyContext): void {
  const sender = partyId(manifest.sender);
  const reused = ctx.packageWithSequence(sender, manifest.sequence);
  if (reused) {
    throw new PackageRefusal('REPLAYED', `来自 ${manifest.sender.name} 的序号 ${manifest.sequence} 已被另一个数据包使用过，该包可能是重放或伪造的，已拒绝`);
  }
  // A receipt only marks what one of our own packages carried as delivered, so it stands outside the
  // sender's order: an older receipt is still good (it may have travelled slower than a newer reply),
  // and an imported receipt never makes an earlier reply stale (the importer does not count it).
  const last = ctx.peer(sender)?.lastSequence ?? 0;
  if (manifest.sequence > last + MAX_COUNTER_STEP) {
    throw new PackageRefusal(
      'BAD_SEQUENCE',
      `该数据包的序号 ${manifest.sequence} 比已导入的 ${manifest.sender.name} 数据包（序号 ${last}）超前 ${MAX_COUNTER_STEP} 以上，不是正常导出的数据包，已拒绝。请电话与对方核实，并让对方重新导出`,
    );
  }
  if (manifest.kind === 'receipt') return;
  if (manifest.sequence < last) {
    throw new PackageRefusal(
      'STALE',
      `该数据包（序号 ${manifest.sequence}）比已导入的 ${manifest.sender.name} 数据包（序号 ${last}）更旧，已拒绝。请导入对方最新导出的数据包`,
    );
  }
}
