// Library records are identified by their code in every installation: the same code gets the same id
// (a name-based UUID), so a prefecture's library update finds the county's copy of the starter library
// instead of colliding with it.
import { createHash } from 'node:crypto';

export type LibraryKind = 'project-type' | 'indicator' | 'mandatory';

export function libraryRecordId(kind: LibraryKind, code: string): string {
  const hash = createHash('sha1').update(`jixiao-library/${kind}/${code}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50; // version 5
  hash[8] = (hash[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
