import { appendAudit } from './vault/audit';
import { ConfideError } from './errors';
import type { ServiceContext } from './services/context';
import { UnlockBackoff } from './unlock-backoff';
import { closeVault, type OpenVault, type VaultEnv } from './vault/vault';
import type { LockReason } from './types';

/**
 * The one piece of mutable state in the core: which vault is open, by whom, and its data key.
 * Locking closes the database and zeroes the key; listeners then clear what the UI holds.
 */
export class VaultSession {
  private vault: OpenVault | null = null;
  private readonly listeners = new Set<(reason: LockReason) => void>();
  readonly backoff: UnlockBackoff;

  constructor(
    readonly dir: string,
    readonly env: VaultEnv,
    readonly clock: () => Date,
    /** Today's date and the local minute, on the core's clock in the practice's time zone. */
    private readonly localTime: () => { date: string; dateTime: string },
  ) {
    this.backoff = new UnlockBackoff(() => clock().getTime());
  }

  /** Today's date on the core's clock in the practice's time zone (YYYY-MM-DD). */
  today(): string {
    return this.localTime().date;
  }

  isUnlocked(): boolean {
    return this.vault !== null;
  }

  current(): OpenVault {
    if (!this.vault) throw new ConfideError('vault-locked', 'The vault is locked. Unlock it to continue.');
    return this.vault;
  }

  /** Takes ownership of an opened vault, entering the unlock (and the failures before it) in the audit log. */
  begin(vault: OpenVault, action: 'vault.unlock'): void {
    this.lock('user', { silent: true });
    this.vault = vault;
    const at = this.env.now();
    vault.db.transaction(() => {
      for (const attemptedAt of this.backoff.takeFailures()) {
        appendAudit(vault.db, { at, actorId: null, action: 'vault.unlock.failed', detail: { attemptedAt } });
      }
      appendAudit(vault.db, { at, actorId: vault.user.id, action });
    })();
  }

  /** What a service gets: the database, who is acting and the time. Services write no audit entries: the dispatcher does. */
  services(): ServiceContext {
    const vault = this.current();
    return {
      db: vault.db,
      user: vault.user,
      now: this.env.now,
      today: () => this.localTime().date,
      localNow: () => this.localTime().dateTime,
    };
  }

  lock(reason: LockReason, options: { silent?: boolean } = {}): void {
    const vault = this.vault;
    if (!vault) return;
    this.vault = null;
    try {
      appendAudit(vault.db, { at: this.env.now(), actorId: vault.user.id, action: 'vault.lock', detail: { reason } });
    } catch {
      // A damaged or full disk must not stop the key being zeroed.
    }
    closeVault(vault);
    if (!options.silent) this.listeners.forEach((listener) => listener(reason));
  }

  onLocked(listener: (reason: LockReason) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
