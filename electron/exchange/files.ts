// Where package files live on this machine: written packages in exchange/outbox, uploaded ones in
// exchange/inbox, both beside the database, so every package sent or received can be found again.
import fs from 'node:fs';
import path from 'node:path';
import { unusedName } from '../../db/files';
import type { Store } from '../../db/open';
import { localDateTime } from '../domain/clock';

/** The bureau's local date and time, 20260930-173005: a file made after midnight carries today's date. */
const stamp = () => localDateTime().replace(/[-:]/g, '').replace(' ', '-');

export function exchangeFolder(store: Store, box: 'inbox' | 'outbox'): string {
  const folder = path.join(path.dirname(store.path), 'exchange', box);
  fs.mkdirSync(folder, { recursive: true });
  return folder;
}

/** An ASCII file name: packages cross USB sticks and shared folders with unpredictable encodings. */
export function outboxPath(store: Store, parts: readonly (string | number | null | undefined)[]): string {
  const named = parts.filter((part) => part !== null && part !== undefined && part !== '');
  return unusedName(path.join(exchangeFolder(store, 'outbox'), `jixiao-${named.join('-')}-${stamp()}.zip`));
}

export function saveUpload(store: Store, fileName: string, bytes: Uint8Array): string {
  const safe = path.basename(fileName).replace(/[^\w.-]/g, '_').slice(-80);
  const file = unusedName(path.join(exchangeFolder(store, 'inbox'), `${stamp()}-${safe}`));
  fs.writeFileSync(file, bytes, { flag: 'wx' });
  return file;
}
