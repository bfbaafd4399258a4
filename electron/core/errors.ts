import type { ErrorCode, IssueDetail } from '../../shared/errors';

/**
 * A failure the user can act on. Its message is shown as it is, so it must name the problem
 * without record content, names or key material.
 */
export class ConfideError extends Error {
  override readonly name = 'ConfideError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly retryAfterMs?: number,
    /** For a rule the core checks beyond the schema: which field to fix, so a form can show it there. */
    readonly issues?: IssueDetail[],
  ) {
    super(message);
  }
}

/** A value that passed the schema but breaks a rule only the core can check (e.g. a date on its clock). */
export const invalidField = (path: string, message: string) => new ConfideError('invalid-input', message, undefined, [{ path, message }]);

export const notFound = (what: string) => new ConfideError('not-found', `${what} was not found.`);
export const forbidden = (message: string) => new ConfideError('forbidden', message);
export const conflict = (message: string) => new ConfideError('conflict', message);
