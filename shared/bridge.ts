import type { CallResult } from './errors';
import type { MethodInput, MethodName, MethodOutput } from './contract';
import type { Progress } from './progress';

/** What the preload exposes as `window.confide`, and what the e2e harness binds in its place. */
export interface ConfideBridge {
  /** `onProgress` hears how far a long call (verify, a purge) has got, until it answers. */
  call<M extends MethodName>(method: M, input: MethodInput<M>, onProgress?: (progress: Progress) => void): Promise<CallResult<MethodOutput<M>>>;
  /** Called when the main process locks the vault (idle, suspend, screen lock, or a lock call). */
  onLocked(listener: () => void): () => void;
  /**
   * Called before the main process locks on its own (idle, suspend, screen lock, quit): the listener saves what
   * has been typed, and the lock waits for it to settle (for a short, bounded time).
   */
  onLockRequested(listener: () => Promise<unknown>): () => void;
  /**
   * Asks the person to choose a file with the system's own dialog (a recording, or the scan of a signed
   * form), and answers its path, or null if they cancelled. The page never browses the file system itself.
   */
  chooseFile(purpose: FilePurpose): Promise<string | null>;
  /** Asks the person to choose the folder exported files go to; null if they cancelled. */
  chooseFolder(purpose: FolderPurpose): Promise<string | null>;
}

export type FilePurpose = 'recording' | 'scan';
export type FolderPurpose = 'export';
export const filePurposes: readonly FilePurpose[] = ['recording', 'scan'];
export const folderPurposes: readonly FolderPurpose[] = ['export'];

/** The single IPC channel name, defined once for main and preload. */
export const IPC_CALL_CHANNEL = 'confide:call';
export const IPC_LOCKED_CHANNEL = 'confide:locked';
export const IPC_LOCK_REQUESTED_CHANNEL = 'confide:lock-requested';
export const IPC_FLUSHED_CHANNEL = 'confide:flushed';
export const IPC_PROGRESS_CHANNEL = 'confide:progress';
export const IPC_CHOOSE_FILE_CHANNEL = 'confide:choose-file';
export const IPC_CHOOSE_FOLDER_CHANNEL = 'confide:choose-folder';

/**
 * Where the player asks for a recording's bytes, on the app's own origin (app://confide in the app, the
 * harness's origin in e2e tests): an <audio>/<video> src, served by the core's readRecording with byte ranges.
 */
export const RECORDING_PATH_PREFIX = '/recordings/';
export const recordingSource = (recordingId: string) => `${RECORDING_PATH_PREFIX}${encodeURIComponent(recordingId)}`;

/** The recording id a request path names, or null when it is not a recording's path. */
export function recordingIdOfPath(pathname: string): string | null {
  if (!pathname.startsWith(RECORDING_PATH_PREFIX)) return null;
  const id = pathname.slice(RECORDING_PATH_PREFIX.length);
  return /^[0-9a-f-]{36}$/.test(id) ? id : null;
}
