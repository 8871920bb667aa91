// Errors that reach a person. Each has a stable code (for tests and scripts) and a Chinese message that
// says what went wrong and what to do.

export type ErrorCode =
  | 'INVALID_INPUT'
  | 'UNKNOWN_CHANNEL'
  | 'FORBIDDEN_SENDER'
  | 'NOT_INITIALIZED'
  | 'ALREADY_INITIALIZED'
  | 'NOT_SIGNED_IN'
  | 'FORBIDDEN'
  | 'SIGN_IN_LOCKED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'BAD_FILE'
  | 'STORE'
  | 'PACKAGE_REFUSED'
  | 'INTERNAL';

/**
 * An error whose message reaches a person. `code` is what tests and scripts match; `reportedCode` is what
 * the router sends the page. They differ only for a family of errors with finer reasons of its own (a
 * refused exchange package: `code` says which check failed, the page is told PACKAGE_REFUSED).
 */
export class AppError<Code extends string = ErrorCode> extends Error {
  readonly reportedCode: ErrorCode;
  constructor(code: Code & ErrorCode, message: string);
  constructor(code: Code, message: string, reportedCode: ErrorCode);
  constructor(
    readonly code: Code,
    message: string,
    reportedCode?: ErrorCode,
  ) {
    super(message);
    this.name = 'AppError';
    // Without a reported code the first overload applies, so `code` is itself an ErrorCode.
    this.reportedCode = reportedCode ?? (code as string as ErrorCode);
  }
}

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
}
