import type { CallError, CallResult } from '../../shared/errors';

/** A core call that failed; the CLI prints its message and exits with the code for its error. */
export class CallFailed extends Error {
  constructor(readonly error: CallError) {
    super(error.message);
  }
}

export function valueOf<T>(result: CallResult<T>): T {
  if (!result.ok) throw new CallFailed(result.error);
  return result.value;
}
