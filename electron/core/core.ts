import { contract, isMethodName, type MethodName } from '../../shared/contract';
import type { CallError, CallResult } from '../../shared/errors';
import type { z } from 'zod';
import { BackgroundPageCheck } from './background-page-check';
import { ConfideError } from './errors';
import { handlers } from './handlers';
import { VaultSession } from './session';
import type { Core, CoreOptions } from './types';
import { isDamage, damagedVault } from './vault/database';
import { DEFAULT_KDF } from './vault/kdf';

export type { Core, CoreOptions } from './types';

/**
 * Builds the core all three doors share. Calls run one at a time, so an unlock, a lock and a write
 * never interleave on the one connection.
 */
export function createCore(options: CoreOptions): Core {
  const clock = options.clock ?? (() => new Date());
  const session = new VaultSession(
    options.vaultDir,
    {
      kdf: options.kdf ?? DEFAULT_KDF,
      now: () => clock().toISOString(),
      nativeBinding: options.nativeBinding,
      busyWaitMs: options.busyWaitMs,
    },
    () => clock().getTime(),
  );
  let queue: Promise<unknown> = Promise.resolve();
  let inFlight = 0;
  const enqueue = <T>(job: () => T | Promise<T>): Promise<T> => {
    const result = queue.then(job);
    queue = result.catch(() => undefined);
    return result;
  };
  const pageCheck = new BackgroundPageCheck(session, enqueue);

  return {
    call(method, input) {
      inFlight += 1;
      return enqueue(() => dispatch(session, method, input)).finally(() => {
        inFlight -= 1;
        // After an unlock, the page check starts; after any other call this does nothing.
        pageCheck.start();
      });
    },
    pagesChecked: () => pageCheck.done(),
    longestPageCheckSliceMs: () => pageCheck.longestSliceMs,
    isUnlocked: () => session.isUnlocked(),
    // A lock waits for a call already running (an unlock or a rewrap awaiting Argon2 takes well under a
    // second), so a handler never finds its database closed or its key zeroed half-way.
    lock: (reason) => {
      if (inFlight === 0) session.lock(reason);
      else queue = queue.then(() => session.lock(reason));
    },
    onLocked: (listener) => session.onLocked(listener),
  };
}

async function dispatch(session: VaultSession, method: string, input: unknown): Promise<CallResult<unknown>> {
  if (!isMethodName(method)) {
    return failure({ code: 'invalid-input', message: `There is no method called "${String(method).slice(0, 60)}".` });
  }
  const spec = contract[method];
  // An omitted input means no arguments; null or any other non-object is rejected by the schema.
  const parsed = spec.input.safeParse(input === undefined ? {} : input);
  if (!parsed.success) return failure(invalidInput(parsed.error));
  try {
    if (spec.access === 'unlocked') session.current();
    const handler = handlers[method] as (input: unknown, session: VaultSession) => unknown;
    const value = await handler(parsed.data, session);
    const output = spec.output.safeParse(value);
    if (!output.success) return failure(internal());
    return { ok: true, value: output.data };
  } catch (error) {
    return failure(toCallError(session.damageError(error) ?? error, method));
  }
}

function failure(error: CallError): CallResult<never> {
  return { ok: false, error };
}

function invalidInput(error: z.ZodError): CallError {
  const byPath = new Map<string, string>();
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    const message =
      issue.code === 'unrecognized_keys' ? `Unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}` : issue.message;
    // One message per field: the first rule it breaks is the one to fix first.
    if (!byPath.has(path)) byPath.set(path, message);
  }
  const issues = [...byPath].map(([path, message]) => ({ path, message }));
  const first = issues[0];
  const message = first ? (first.path ? `${first.path}: ${first.message}` : first.message) : 'The input is not valid.';
  return { code: 'invalid-input', message, issues };
}

function internal(): CallError {
  return { code: 'internal', message: 'Confide could not complete this action because of an internal error.' };
}

/** Messages of unexpected errors are never passed on: they may hold SQL, paths or record content. */
function toCallError(error: unknown, _method: MethodName): CallError {
  if (error instanceof ConfideError) {
    return { code: error.code, message: error.message, ...(error.retryAfterMs ? { retryAfterMs: error.retryAfterMs } : {}) };
  }
  if (isDamage(error)) {
    const damage = damagedVault();
    return { code: damage.code, message: damage.message };
  }
  return internal();
}
