import { ConfideError } from './errors';

const FREE_ATTEMPTS = 3;
const MAX_DELAY_MS = 5 * 60_000;

/**
 * Slows repeated wrong passphrases in this process: after three misses each further try waits 2, 4, 8…
 * seconds (at most 5 minutes). Offline guessing is bounded by Argon2's cost instead; see docs/decisions.md.
 * A wrong passphrase re-entered while the vault is open (to approve a purge, change the passphrase or replace
 * the recovery code) is the same guess against the same secret, so it counts here too.
 * The unlock failures are kept so the next successful unlock can enter them in the audit log; a wrong proof
 * while open is entered by the dispatcher as a refused call instead.
 */
export class UnlockBackoff {
  private recorded: string[] = [];
  private misses = 0;
  private blockedUntil = 0;

  constructor(private readonly nowMs: () => number) {}

  assertAllowed(): void {
    const wait = this.blockedUntil - this.nowMs();
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new ConfideError(
        'too-many-attempts',
        `Too many wrong attempts. Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`,
        wait,
      );
    }
  }

  recordFailure(at: string): void {
    this.recorded.push(at);
    this.miss();
  }

  /** A wrong passphrase while the vault is open: counts toward the wait, audited by the refused call itself. */
  recordWrongProof(): void {
    this.miss();
  }

  /** The right passphrase while open proves the person, as an unlock does: the count starts again. */
  recordProof(): void {
    this.misses = 0;
    this.blockedUntil = 0;
  }

  private miss(): void {
    this.misses += 1;
    const over = this.misses - FREE_ATTEMPTS;
    if (over > 0) this.blockedUntil = this.nowMs() + Math.min(MAX_DELAY_MS, 1000 * 2 ** over);
  }

  /** The failures since the last success, still kept (to audit them before clearing with takeFailures). */
  pendingFailures(): readonly string[] {
    return this.recorded;
  }

  /** The failures since the last success, cleared. */
  takeFailures(): string[] {
    const failures = this.recorded;
    this.recorded = [];
    this.misses = 0;
    this.blockedUntil = 0;
    return failures;
  }
}
