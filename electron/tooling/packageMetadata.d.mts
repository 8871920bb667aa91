// Types for packageMetadata.mjs, so the TypeScript tests can import it.
export function packagingMetadataProblems(pkg: { author?: string | { name?: string; email?: string }; homepage?: string }): string[];
