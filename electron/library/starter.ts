// The starter library shipped in assets/library/starter-library.json: common county project types with
// their reference indicators, written from the rules of domain.md §3. It is a library version file like
// any other and is applied, as version 1, only to a library that is still empty.
import fs from 'node:fs';
import type { Db } from '../../db/open';
import { countRows } from '../../db/open';
import { libraryIndicators, libraryVersions, projectTypes } from '../../db/schema';
import { appPath } from '../paths';
import type { Actor } from '../audit/audit';
import { applyLibraryPackage, readLibraryPackage, type LibraryPackage } from './package';

export const STARTER_FILE = 'starter-library.json';

export function starterLibrary(): LibraryPackage {
  return readLibraryPackage(fs.readFileSync(appPath('assets', 'library', STARTER_FILE)));
}

/** Nothing in the library yet: no project type, indicator or version, not even a deleted one. */
export const libraryIsEmpty = (db: Db): boolean =>
  countRows(db, projectTypes) === 0 && countRows(db, libraryIndicators) === 0 && countRows(db, libraryVersions) === 0;

export interface SeedResult {
  /** False when the library already had content and was left as it was. */
  seeded: boolean;
  libraryVersion: number | null;
  projectTypes: number;
  indicators: number;
}

/**
 * Loads the starter library into an empty library as an accepted version. Safe to call any number of
 * times: a library with any content (a bureau's own, or one imported from the prefecture) is never touched.
 */
export function seedStarterLibrary(db: Db, actor: Actor): SeedResult {
  if (!libraryIsEmpty(db)) return { seeded: false, libraryVersion: null, projectTypes: 0, indicators: 0 };
  const starter = starterLibrary();
  const result = applyLibraryPackage(db, actor, starter, STARTER_FILE);
  return { seeded: true, libraryVersion: result.libraryVersion, projectTypes: result.projectTypes.create, indicators: result.indicators.create };
}
