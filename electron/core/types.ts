import type { CallError, CallResult } from '../../shared/errors';
import type { MediaResponse } from './media/read-recording';
import type { PageCheckProgress } from './vault/page-check';
import type { Progress } from '../../shared/progress';

export type { MediaResponse } from './media/read-recording';

/** Argon2id cost. Every key slot records the parameters it was made with. */
export interface KdfParams {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

export interface CoreOptions {
  /** The vault folder (holds vault.db, vault.keys, blobs/). It may not exist yet. */
  vaultDir: string;
  /** Injected so services and tests agree on "now". */
  clock?: () => Date;
  /**
   * The practice's time zone (IANA name), which turns the clock's instant into today's date and the local
   * time sessions are written in. The machine's own zone when omitted; tests name one.
   */
  timeZone?: string;
  /** Argon2id cost for new key slots; production default when omitted. */
  kdf?: KdfParams;
  /** Path to a better-sqlite3 native build for this runtime (Electron needs its own ABI build). */
  nativeBinding?: string;
  /** How long an open waits for another Confide to close the vault before saying it is open elsewhere. */
  busyWaitMs?: number;
  /** The app's resources/ folder (fonts for the documents Confide makes); the checkout's when omitted. */
  resourcesDir?: string;
}

export type LockReason = 'user' | 'idle' | 'suspend' | 'screen-lock' | 'shutdown';

/**
 * The core every door talks to: the Electron IPC handler, the CLI and the test harness.
 * `call` validates the input against the contract before any handler runs and never throws:
 * every failure comes back as a CallError with a message fit for the user.
 */
export interface CallOptions {
  /** Told how far a long call (verify, a purge) has got; called in order, last with done = total. */
  onProgress?: (progress: Progress) => void;
}

export interface Core {
  /**
   * A recording's bytes for the player, with byte ranges (206, Content-Range, Accept-Ranges), under the same
   * rules and audit as every read; `range` is the request's Range header. Never throws: a refusal is a status.
   * Both doors that play recordings (the app:// handler and the e2e harness) call this one function.
   */
  readRecording(recordingId: string, range: string | null): Promise<MediaResponse>;
  call(method: string, input: unknown, options?: CallOptions): Promise<CallResult<unknown>>;
  /** The check `call` starts with (method name, input against the contract), touching nothing; null when it passes. */
  validate(method: string, input: unknown): CallError | null;
  isUnlocked(): boolean;
  /** Zeroes the data key and closes the database. Safe to call when already locked. */
  lock(reason: LockReason): void;
  onLocked(listener: (reason: LockReason) => void): () => void;
  /**
   * Resolves when the background check of every page of the open vault ends (null if the vault was
   * locked first). Damage it finds stops writes; calls then get the vault-damaged error.
   */
  pagesChecked(): Promise<PageCheckProgress | null>;
  /** The longest slice of the background page check so far, in ms (for the benchmark). */
  longestPageCheckSliceMs(): number;
}
