/**
 * Error codes that cross the process boundary. Messages are written for the person using Confide:
 * they never carry stack traces, key material or record content.
 */
export const errorCodes = [
  'invalid-input',
  'no-vault',
  'vault-exists',
  'not-a-vault',
  'vault-damaged',
  'keys-damaged',
  'vault-busy',
  'vault-locked',
  'wrong-passphrase',
  'too-many-attempts',
  'not-found',
  'forbidden',
  'conflict',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface IssueDetail {
  path: string;
  message: string;
}

export interface CallError {
  code: ErrorCode;
  message: string;
  issues?: IssueDetail[];
  retryAfterMs?: number;
}

export type CallResult<T> = { ok: true; value: T } | { ok: false; error: CallError };
