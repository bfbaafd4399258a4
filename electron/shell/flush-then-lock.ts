import type { LockReason } from '../core/types';

/** How long a lock waits for the renderer to save what was typed: long enough for one autosave, short enough for a suspend. */
export const LOCK_FLUSH_BOUND_MS = 2_000;

export interface FlushThenLockOptions {
  /** Asks the renderer to save what has been typed; resolves when it says it has. */
  flush(): Promise<void>;
  lock(reason: LockReason): void;
  isUnlocked(): boolean;
  boundMs: number;
}

/**
 * Every lock the person did not ask for from the page (idle, suspend, screen lock, quit) first asks the renderer
 * to save its draft and waits for it — lock requested, flushed, locked — but never longer than `boundMs`, so a
 * hung renderer cannot keep the vault open. A request arriving while one is under way joins it.
 */
export function flushThenLock(options: FlushThenLockOptions): (reason: LockReason) => Promise<void> {
  let underway: Promise<void> | null = null;
  return (reason) => {
    if (underway !== null) return underway;
    if (!options.isUnlocked()) {
      options.lock(reason);
      return Promise.resolve();
    }
    underway = within(options.flush(), options.boundMs)
      .catch(() => undefined)
      .finally(() => {
        underway = null;
        options.lock(reason);
      });
    return underway;
  };
}

function within(work: Promise<void>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const bound = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  return Promise.race([work, bound]).finally(() => clearTimeout(timer));
}

/**
 * The main-process end of "save your draft": each request carries a fresh id, and only an answer naming a
 * request still waiting resolves it, so a stale or forged answer does nothing.
 */
export function createFlushRequests(send: (requestId: string) => boolean, newId: () => string) {
  const waiting = new Map<string, () => void>();
  return {
    request(): Promise<void> {
      const id = newId();
      return new Promise<void>((resolve) => {
        waiting.set(id, resolve);
        if (!send(id)) resolve();
      }).finally(() => waiting.delete(id));
    },
    answered(requestId: unknown): void {
      if (typeof requestId === 'string') waiting.get(requestId)?.();
    },
  };
}
