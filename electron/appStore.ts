// The one way the application opens its database, whoever asks (Electron main, the web bridge, the CLI,
// a restore, a switch to another file): opened with its pragmas, checked, migrated, and given the shipped
// regions, so that nothing later has to seed them again. The app and the bridge pass their `holder`,
// which locks the file while they have it open.
import { closeDatabase, openDatabase, type OpenOptions, type Store } from '../db/open';
import { seedRegions } from './registry';

export function openAppStore(file: string, options: OpenOptions = {}): Store {
  const store = openDatabase(file, options);
  try {
    seedRegions(store.db);
  } catch (error) {
    closeDatabase(store);
    throw error;
  }
  return store;
}
