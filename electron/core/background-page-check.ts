import { performance } from 'node:perf_hooks';
import type { VaultState } from './vault-state';
import type { PageCheckProgress } from './vault/page-check';
import type { OpenVault } from './vault/vault';

/** Each slice checks pages for about this long, so a call waiting behind it waits no longer. */
export const SLICE_MS = 4;

type Enqueue = <T>(job: () => T | Promise<T>) => Promise<T>;

interface Run {
  vault: OpenVault;
  result: Promise<PageCheckProgress | null>;
  finish: (progress: PageCheckProgress | null) => void;
}

/**
 * Checks every page of the open vault after unlock, a slice at a time, each slice a job in the core's
 * call queue: slices and calls take turns on the one connection and never run at once, and a call
 * waits for at most one slice. Damage found marks the state damaged (writes stop).
 */
export class BackgroundPageCheck {
  private run: Run | null = null;
  /** The longest slice so far, for the benchmark. */
  longestSliceMs = 0;

  constructor(
    private readonly state: VaultState,
    private readonly enqueue: Enqueue,
  ) {}

  /** Starts checking the vault that is open now, unless it is already being (or has been) checked. */
  start(): void {
    const vault = this.state.openVault();
    if (!vault || vault === this.run?.vault) return;
    this.run?.finish(null);
    let finish: Run['finish'] = () => undefined;
    const result = new Promise<PageCheckProgress | null>((resolve) => (finish = resolve));
    const run: Run = { vault, result, finish };
    this.run = run;
    this.scheduleSlice(run);
  }

  /** Resolves when the check of the open vault ends: its progress, or null if the vault was locked first. */
  done(): Promise<PageCheckProgress | null> {
    return this.run?.result ?? Promise.resolve(null);
  }

  private scheduleSlice(run: Run): void {
    // setImmediate, not a microtask: calls that arrived meanwhile get into the queue before the next slice.
    setImmediate(() => {
      void this.enqueue(() => this.slice(run));
    });
  }

  private slice(run: Run): void {
    if (this.state.openVault() !== run.vault) {
      run.finish(null);
      return;
    }
    const started = performance.now();
    let progress: PageCheckProgress;
    try {
      progress = this.state.checkPagesSlice(SLICE_MS);
    } catch {
      // The file could not be read (a disk error): the check at verify and before a backup still runs
      // in full and reports what it finds.
      run.finish(null);
      return;
    }
    this.longestSliceMs = Math.max(this.longestSliceMs, performance.now() - started);
    if (progress.done) run.finish(progress);
    else this.scheduleSlice(run);
  }
}
