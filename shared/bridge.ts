import type { CallResult } from './errors';
import type { MethodInput, MethodName, MethodOutput } from './contract';

/** What the preload exposes as `window.confide`, and what the e2e harness binds in its place. */
export interface ConfideBridge {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<CallResult<MethodOutput<M>>>;
  /** Called when the main process locks the vault (idle, suspend, screen lock, or a lock call). */
  onLocked(listener: () => void): () => void;
}

/** The single IPC channel name, defined once for main and preload. */
export const IPC_CALL_CHANNEL = 'confide:call';
export const IPC_LOCKED_CHANNEL = 'confide:locked';
