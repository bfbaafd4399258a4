import { contract, isMethodName, type MethodName } from '../../shared/contract';
import { wallClock } from '../../shared/dates';
import type { CallError, CallResult } from '../../shared/errors';
import { ConfideError } from './errors';
import { OutputMismatch, recordAttempt, runAudited } from './audited-call';
import { BackgroundPageCheck } from './background-page-check';
import { readRecording } from './media/read-recording';
import { handlers } from './handlers';
import { invalidInput, plainFallback, printable } from './input-errors';
import { inputShapeProblem } from './input-shape';
import { VaultState } from './vault-state';
import { WalCheckpoints } from './wal-checkpoints';
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
  const timeZone = options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const state = new VaultState(
    options.vaultDir,
    {
      kdf: options.kdf ?? DEFAULT_KDF,
      now: () => clock().toISOString(),
      nativeBinding: options.nativeBinding,
      busyWaitMs: options.busyWaitMs,
    },
    clock,
    () => wallClock(clock(), timeZone),
    options.resourcesDir,
  );
  let inFlight = 0;
  const waiting: Array<() => Promise<void>> = [];
  let pumping = false;
  const pump = async () => {
    if (pumping) return;
    pumping = true;
    try {
      while (waiting.length > 0) await waiting.shift()!();
    } finally {
      pumping = false;
    }
  };
  // Whatever a job does, the queue goes on: a failure is that job's answer and never the next one's.
  const enqueue = <T>(job: () => T | Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      waiting.push(() => Promise.resolve().then(job).then(resolve, reject));
      void pump();
    });
  // A long call (a purge) calls this between its transactions: the calls that arrived meanwhile run now, one at
  // a time as always, and the long call goes on after them. It must hold no transaction when it does.
  state.yieldTurn = async () => {
    const arrived = waiting.splice(0);
    for (const job of arrived) await job();
  };
  const pageCheck = new BackgroundPageCheck(state, enqueue);
  const checkpoints = new WalCheckpoints(state, enqueue, () => inFlight);

  return {
    call(method, input, options = {}) {
      inFlight += 1;
      return enqueue(() => state.reportingTo(options.onProgress, () => dispatch(state, method, input)))
        .catch(() => failure(internal()))
        .finally(() => {
          inFlight -= 1;
          // After an unlock, the page check starts; after any other call this does nothing.
          pageCheck.start();
          state.sealAuditHeadIfDue();
          checkpoints.afterCall();
        });
    },
    // In the queue and counted like a call, so a lock waits for it and never closes the database under it; the
    // stream it returns is ended by a lock (VaultState.lock) or by the destruction of its file.
    readRecording(recordingId, range) {
      inFlight += 1;
      return enqueue(() => readRecording(state, recordingId, range))
        .catch(() => ({
          status: 500 as const,
          headers: { 'Cache-Control': 'no-store' },
          body: null,
          message: 'Confide could not play this recording because of an internal error.',
        }))
        .finally(() => {
          inFlight -= 1;
          checkpoints.afterCall();
        });
    },
    pagesChecked: () => pageCheck.done(),
    longestPageCheckSliceMs: () => pageCheck.longestSliceMs,
    walCheckpoints: () => ({ ...checkpoints.stats }),
    validate: (method, input) => {
      const checked = checkInput(method, input);
      return checked.ok ? null : checked.error;
    },
    isUnlocked: () => state.isUnlocked(),
    // A lock waits for a call already running (an unlock or a rewrap awaiting Argon2 takes well under a
    // second), so a handler never finds its database closed or its key zeroed half-way.
    lock: (reason) => {
      if (inFlight === 0) state.lock(reason);
      else void enqueue(() => state.lock(reason)).catch(() => undefined);
    },
    onLocked: (listener) => state.onLocked(listener),
  };
}

type Checked = { ok: true; method: MethodName; data: unknown } | { ok: false; error: CallError };

/** The method name and the input against the contract: what every call passes before the vault is touched. */
function checkInput(method: string, input: unknown): Checked {
  if (!isMethodName(method)) {
    return { ok: false, error: { code: 'invalid-input', message: `There is no method called "${printable(String(method), 60)}".` } };
  }
  // An omitted input means no arguments; null or any other non-object is rejected by the schema.
  const given = input === undefined ? {} : input;
  const shape = readableShape(given);
  if (shape) return { ok: false, error: { code: 'invalid-input', message: shape } };
  const parsed = contract[method].input.safeParse(given, { error: plainFallback });
  return parsed.success ? { ok: true, method, data: parsed.data } : { ok: false, error: invalidInput(parsed.error) };
}

async function dispatch(state: VaultState, method: string, input: unknown): Promise<CallResult<unknown>> {
  const checked = checkInput(method, input);
  if (!checked.ok) {
    if (isMethodName(method)) recordAttempt(state, method, 'invalid-input', null);
    return failure(checked.error);
  }
  const spec = contract[checked.method];
  try {
    if (spec.access === 'unlocked') state.current();
    const handler = handlers[checked.method] as (input: unknown, state: VaultState) => unknown;
    const value = await runAudited(state, checked.method, checked.data, () => handler(checked.data, state));
    await state.settleFiles();
    return { ok: true, value };
  } catch (error) {
    await state.settleFiles();
    const callError = error instanceof OutputMismatch ? internal() : toCallError(state.damageError(error) ?? error, checked.method);
    recordAttempt(state, checked.method, callError.code, checked.data);
    return failure(callError);
  }
}

function failure(error: CallError): CallResult<never> {
  return { ok: false, error };
}

/** Whether the input is plain data of a sane size; an input that cannot even be looked at is refused too. */
function readableShape(input: unknown): string | null {
  try {
    return inputShapeProblem(input);
  } catch {
    return 'The input could not be read.';
  }
}

function internal(): CallError {
  return { code: 'internal', message: 'Confide could not complete this action because of an internal error.' };
}

/** Messages of unexpected errors are never passed on: they may hold SQL, paths or record content. */
function toCallError(error: unknown, _method: MethodName): CallError {
  if (error instanceof ConfideError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.retryAfterMs ? { retryAfterMs: error.retryAfterMs } : {}),
      ...(error.issues ? { issues: error.issues } : {}),
    };
  }
  if (isDamage(error)) {
    const damage = damagedVault();
    return { code: damage.code, message: damage.message };
  }
  return internal();
}
