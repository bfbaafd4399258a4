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
    /** Per-field messages, so a form can show the problem beside the field it is about. */
    readonly issues?: IssueDetail[],
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new ConfideError('not-found', `${what} was not found.`);
export const forbidden = (message: string) => new ConfideError('forbidden', message);
export const conflict = (message: string) => new ConfideError('conflict', message);
