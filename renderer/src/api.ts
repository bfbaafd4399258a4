import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import type { CallError, ErrorCode, IssueDetail } from '../../shared/errors';
import type { Progress } from '../../shared/progress';

/** A failed call, shaped for screens: one message to show, plus per-field messages for forms. */
export interface UiError {
  code: ErrorCode;
  message: string;
  /** Field path (e.g. "email") → message, from the core's `issues`. */
  fields: Readonly<Record<string, string>>;
  retryAfterMs: number | null;
}

export type UiResult<T> = { ok: true; value: T } | { ok: false; error: UiError };

let epoch = 0;
let lockedHandler: (() => void) | null = null;

/** Registered once by the app: runs when any call reports that the vault is locked. */
export function setLockedHandler(handler: () => void): void {
  lockedHandler = handler;
}

/**
 * Called when the vault locks. Calls already in flight resolve as "vault-locked" instead of with their
 * data, so no record can reach a store after the stores were cleared.
 */
export function invalidateInFlightCalls(): void {
  epoch += 1;
}

function fieldsFrom(issues: readonly IssueDetail[] | undefined): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues ?? []) {
    const key = issue.path === '' ? '_' : issue.path;
    // Keep the first message per field: it is the one the person should fix first.
    fields[key] ??= issue.message;
  }
  return fields;
}

export function toUiError(error: CallError): UiError {
  return {
    code: error.code,
    message: error.message,
    fields: fieldsFrom(error.issues),
    retryAfterMs: error.retryAfterMs ?? null,
  };
}

const lockedError: UiError = {
  code: 'vault-locked',
  message: 'The vault is locked.',
  fields: {},
  retryAfterMs: null,
};

export async function call<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  options: { onProgress?: (progress: Progress) => void } = {},
): Promise<UiResult<MethodOutput<M>>> {
  const startedIn = epoch;
  let result;
  try {
    result = await window.confide.call(method, input, options.onProgress);
  } catch {
    return {
      ok: false,
      error: {
        code: 'internal',
        message: 'Confide could not complete that. Please try again.',
        fields: {},
        retryAfterMs: null,
      },
    };
  }
  if (startedIn !== epoch) return { ok: false, error: lockedError };
  if (result.ok) return result;
  if (result.error.code === 'vault-locked') lockedHandler?.();
  return { ok: false, error: toUiError(result.error) };
}
