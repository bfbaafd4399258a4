import type { CallResult } from './errors';
import type { MethodInput, MethodName, MethodOutput } from './contract';

/** What the preload exposes as `window.confide`, and what the e2e harness binds in its place. */
export interface ConfideBridge {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<CallResult<MethodOutput<M>>>;
  /** Called when the main process locks the vault (idle, suspend, screen lock, or a lock call). */
  onLocked(listener: () => void): () => void;
  /**
   * Called before the main process locks on its own (idle, suspend, screen lock, quit): the listener saves what
   * has been typed, and the lock waits for it to settle (for a short, bounded time).
   */
  onLockRequested(listener: () => Promise<unknown>): () => void;
}

/** The single IPC channel name, defined once for main and preload. */
export const IPC_CALL_CHANNEL = 'confide:call';
export const IPC_LOCKED_CHANNEL = 'confide:locked';
export const IPC_LOCK_REQUESTED_CHANNEL = 'confide:lock-requested';
export const IPC_FLUSHED_CHANNEL = 'confide:flushed';
