import { statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { VaultState } from './vault-state';
import { checkpointPassive, WAL_IDLE_CHECKPOINT_BYTES, WAL_MAX_BYTES } from './vault/database';
import { vaultPaths } from './vault/paths';
import { prepared } from './vault/statements';
import type { OpenVault } from './vault/vault';

/** No call for this long counts as idle: a person between keystrokes, not a burst of calls. */
export const IDLE_MS = 200;

type Enqueue = <T>(job: () => T | Promise<T>) => Promise<T>;

export interface CheckpointStats {
  /** Checkpoints run at an idle moment, and between calls of a burst (past WAL_MAX_BYTES). */
  idle: number;
  between: number;
  longestMs: number;
  /** The largest vault.db-wal seen after a call. */
  largestWalBytes: number;
}

/**
 * Moves WAL checkpoints off the write path (the connection has wal_autocheckpoint = 0): after a call, a WAL
 * past WAL_IDLE_CHECKPOINT_BYTES is checkpointed once the core has been idle for IDLE_MS, and a WAL past
 * WAL_MAX_BYTES (a long burst, never idle) between two calls. Either way it is a job in the call queue, so it
 * never runs inside a call or at the same time as one. Lock still checkpoints in full (TRUNCATE).
 */
export class WalCheckpoints {
  private timer: NodeJS.Timeout | null = null;
  private lastCallEnded = 0;
  private queued = false;
  /** The connection's total_changes() at its last checkpoint: no change since, nothing to copy. */
  private checkpointed: { vault: OpenVault; changes: number } | null = null;
  readonly stats: CheckpointStats = { idle: 0, between: 0, longestMs: 0, largestWalBytes: 0 };

  constructor(
    private readonly state: VaultState,
    private readonly enqueue: Enqueue,
    private readonly callsInFlight: () => number,
  ) {}

  afterCall(): void {
    this.lastCallEnded = performance.now();
    const vault = this.writableVault();
    if (vault === null) return;
    const bytes = walBytes(vault);
    this.stats.largestWalBytes = Math.max(this.stats.largestWalBytes, bytes);
    if (bytes <= WAL_IDLE_CHECKPOINT_BYTES || this.nothingNewSinceCheckpoint(vault)) return;
    if (bytes > WAL_MAX_BYTES) this.queue(vault, 'between');
    else this.armIdleTimer();
  }

  private writableVault(): OpenVault | null {
    return this.state.damageProblem() === null ? this.state.openVault() : null;
  }

  private armIdleTimer(): void {
    if (this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      const vault = this.writableVault();
      if (vault === null) return;
      if (this.callsInFlight() > 0 || performance.now() - this.lastCallEnded < IDLE_MS) this.armIdleTimer();
      else this.queue(vault, 'idle');
    }, IDLE_MS);
    // A pending checkpoint never keeps a CLI process alive: closing the vault checkpoints in full anyway.
    this.timer.unref();
  }

  private queue(vault: OpenVault, kind: 'idle' | 'between'): void {
    if (this.queued) return;
    this.queued = true;
    void this.enqueue(() => {
      this.queued = false;
      this.checkpoint(vault, kind);
    });
  }

  private checkpoint(vault: OpenVault, kind: 'idle' | 'between'): void {
    if (this.writableVault() !== vault) return;
    const started = performance.now();
    try {
      checkpointPassive(vault.db);
    } catch {
      // The WAL stays as it was and still holds every commit; the next checkpoint, or lock's, tries again.
      return;
    }
    this.stats.longestMs = Math.max(this.stats.longestMs, performance.now() - started);
    this.stats[kind] += 1;
    this.checkpointed = { vault, changes: totalChanges(vault) };
  }

  private nothingNewSinceCheckpoint(vault: OpenVault): boolean {
    return this.checkpointed?.vault === vault && this.checkpointed.changes === totalChanges(vault);
  }
}

function walBytes(vault: OpenVault): number {
  try {
    return statSync(`${vaultPaths(vault.dir).db}-wal`).size;
  } catch {
    return 0;
  }
}

function totalChanges(vault: OpenVault): number {
  return prepared(vault.db, 'SELECT total_changes()', 'pluck').get() as number;
}
