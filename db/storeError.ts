// A store failure a person can act on: the message says what happened and what to do.
export class StoreError extends Error {
  constructor(
    readonly code: 'CORRUPT' | 'NEWER_VERSION' | 'MIGRATION_FAILED' | 'NOT_A_DATABASE' | 'NOT_WRITABLE' | 'FILE' | 'LOCKED' | 'RESTORE_FAILED' | 'NATIVE_MODULE',
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
