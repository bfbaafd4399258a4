import type { Readable } from 'node:stream';
import { BlobStore } from './vault/blobs';
import { vaultPaths } from './vault/paths';
import { tidyFiles } from './services/files';
import { appendAudit } from './vault/audit';
import { anchorProblem, writeAnchor } from './vault/audit-anchor';
import { clearUnlockFailures, recordedUnlockFailures } from './vault/unlock-failures';
import { ConfideError } from './errors';
import type { ServiceContext } from './services/context';
import { UnlockBackoff } from './unlock-backoff';
import { damageFound, integrityProblem, isDamage, isSqliteError } from './vault/database';
import type { PageCheckProgress } from './vault/page-check';
import { closeVault, type OpenVault, type VaultEnv } from './vault/vault';
import type { LockReason } from './types';
import { loadDocumentFonts, type DocumentFonts } from './documents/fonts';
import { checkoutResourcesDir } from './resources';
import type { Progress } from '../../shared/progress';

/**
 * The one piece of mutable state in the core: which vault is open, by whom, and its data key.
 * Locking closes the database and zeroes the key; listeners then clear what the UI holds.
 */
/** How often, at most, the audit chain's head is sealed outside the database between calls. */
export const ANCHOR_INTERVAL_MS = 30_000;
/** How often a full page check (verify) reports its progress. */
const VERIFY_REPORT_EVERY_MS = 200;

export class VaultState {
  private vault: OpenVault | null = null;
  /** What the page check (or a failed read) found wrong with the open vault; writes stop once it is set. */
  private damage: string | null = null;
  private blobStore: BlobStore | null = null;
  /** Files whose key row the running call wrote or deleted, settled when it ends (see settleFiles). */
  private readonly touchedFiles = new Set<string>();
  /** Plaintext streams being served (playback), by the file they read: a lock or a destruction ends them. */
  private readonly openReads = new Map<Readable, string>();
  /** Recordings whose playback has been entered in the audit log since this unlock. */
  private readonly playsEntered = new Set<string>();
  /** When (performance.now) the audit head was last sealed in vault.anchor. */
  private sealedAt = 0;
  /** What vault.anchor said of the chain's end at unlock; while it disagrees, the anchor is kept as it is. */
  private anchorFinding: string | null = null;
  private readonly listeners = new Set<(reason: LockReason) => void>();
  private fonts: DocumentFonts | null = null;
  readonly backoff: UnlockBackoff;

  constructor(
    readonly dir: string,
    readonly env: VaultEnv,
    readonly clock: () => Date,
    /** Today's date and the local minute, on the core's clock in the practice's time zone. */
    private readonly localTime: () => { date: string; dateTime: string },
    /** The app's resources/ folder; the checkout's when omitted (tests, the CLI). */
    private readonly resourcesDir?: string,
  ) {
    this.backoff = new UnlockBackoff(() => clock().getTime());
  }

  /** Where the running call's progress goes (calls run one at a time, so there is one). */
  private progressListener: ((progress: Progress) => void) | null = null;

  /** Runs one call with its progress listener in place (and puts back a long call's, if this one ran in its turn). */
  async reportingTo<T>(listener: ((progress: Progress) => void) | undefined, run: () => Promise<T>): Promise<T> {
    const outer = this.progressListener;
    this.progressListener = listener ?? null;
    try {
      return await run();
    } finally {
      this.progressListener = outer;
    }
  }

  /** Lets the calls waiting in the core's queue run; set by the core (createCore). A long call's batches use it. */
  yieldTurn: () => Promise<void> = async () => undefined;

  /** Tells the running call's caller how far it has got; a listener that throws cannot stop the work. */
  reportProgress(progress: Progress): void {
    try {
      this.progressListener?.(progress);
    } catch {
      // The door's problem, not the call's.
    }
  }

  /** Today's date on the core's clock in the practice's time zone (YYYY-MM-DD). */
  today(): string {
    return this.localTime().date;
  }

  /** The typefaces documents are set in, read on first use and kept: they are the app's, not the vault's. */
  documentFonts(): DocumentFonts {
    this.fonts ??= loadDocumentFonts(this.resourcesDir ?? checkoutResourcesDir());
    return this.fonts;
  }

  /** What a document is made with: the fonts, and the core's clock as its creation date. */
  documentRendering(): { fonts: DocumentFonts; createdAt: Date } {
    return { fonts: this.documentFonts(), createdAt: this.clock() };
  }

  isUnlocked(): boolean {
    return this.vault !== null;
  }

  current(): OpenVault {
    if (!this.vault) throw new ConfideError('vault-locked', 'The vault is locked. Unlock it to continue.');
    return this.vault;
  }

  /** The open vault, or null; for the background page check, which must not throw when locked. */
  openVault(): OpenVault | null {
    return this.vault;
  }

  /** Takes ownership of an opened vault, entering the unlock (and the failures before it) in the audit log. */
  begin(vault: OpenVault, action: 'vault.unlock'): void {
    this.lock('user', { silent: true });
    const at = this.env.now();
    // Failures from any door or process (the file), and this process's (if the file could not be written).
    const failures = [...new Set([...recordedUnlockFailures(vault.dir), ...this.backoff.pendingFailures()])].sort();
    // Checked before anything is appended: an anchor that disagrees is evidence, and is never sealed over.
    this.anchorFinding = anchorProblem(vault.dir, vault.db, vault.dataKey);
    try {
      vault.db.transaction(() => {
        for (const attemptedAt of failures) {
          appendAudit(vault.db, { at, actorId: null, action: 'vault.unlock.failed', detail: { attemptedAt } });
        }
        appendAudit(vault.db, { at, actorId: vault.user.id, action });
      })();
      clearUnlockFailures(vault.dir);
      this.sealAuditHead(vault);
    } catch (error) {
      // An unlock that cannot be audited (a damaged page at the end of the log) does not happen.
      closeVault(vault);
      throw error;
    }
    this.backoff.takeFailures();
    this.vault = vault;
    this.blobStore = BlobStore.at(vaultPaths(vault.dir).blobs);
    this.damage = null;
  }

  /** After an unlock: clears what a crash left in blobs/ (see services/files.ts). */
  async tidyFiles(): Promise<void> {
    const ctx = this.services();
    await tidyFiles(ctx, ctx.blobs);
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
      blobs: this.blobStore!,
      touchFile: (fileId) => this.touchedFiles.add(fileId),
      reportProgress: (progress) => this.reportProgress(progress),
    };
  }

  /**
   * After a call, committed or rolled back: every file it touched that no key row holds is removed from blobs/
   * (and anyone still streaming it is cut off). A failure here leaves an unreadable file for the next unlock's
   * tidy; it never fails the call, whose outcome is already decided.
   */
  async settleFiles(): Promise<void> {
    const touched = [...this.touchedFiles];
    this.touchedFiles.clear();
    const vault = this.vault;
    if (touched.length === 0 || !vault || !this.blobStore) return;
    for (const fileId of touched) {
      try {
        if (vault.db.prepare('SELECT 1 FROM files WHERE id = ?').get(fileId)) continue;
        this.endReads(fileId);
        await this.blobStore.delete(fileId);
      } catch {
        // Removed by tidyFiles at the next unlock.
      }
    }
  }

  /** True the first time a recording is played after unlock (its playback is then entered in the audit log). */
  firstPlaySinceUnlock(recordingId: string): boolean {
    if (this.playsEntered.has(recordingId)) return false;
    this.playsEntered.add(recordingId);
    return true;
  }

  /** Keeps a plaintext stream on a list, so a lock or the file's destruction can end it. */
  trackRead(stream: Readable, fileId: string): void {
    this.openReads.set(stream, fileId);
    stream.once('close', () => this.openReads.delete(stream));
  }

  private endReads(fileId?: string): void {
    for (const [stream, id] of this.openReads) {
      if (fileId === undefined || id === fileId) stream.destroy(new ConfideError('vault-locked', 'The recording is no longer available.'));
    }
  }

  /**
   * Records damage found after unlock and stops all writes on the connection (SQLite's query_only), so
   * nothing more is written over a damaged file; reads that need no audit entry still work.
   */
  markDamaged(problem: string): void {
    if (this.damage !== null || !this.vault) return;
    this.damage = problem;
    this.vault.db.pragma('query_only = ON');
  }

  damageProblem(): string | null {
    return this.damage;
  }

  /** The clear error for a failure on a damaged vault, marking the vault damaged if the failure shows it. */
  damageError(error: unknown): ConfideError | null {
    if (!this.vault) return null;
    if (isDamage(error)) this.markDamaged('a page failed its authentication check when it was read');
    if (this.damage !== null && (isDamage(error) || isSqliteError(error, 'SQLITE_READONLY'))) return damageFound(this.damage);
    return null;
  }

  /** One slice of the background page check of the open vault. */
  checkPagesSlice(budgetMs: number): PageCheckProgress {
    const progress = this.current().pages.step(budgetMs);
    if (progress.problem) this.markDamaged(progress.problem);
    return progress;
  }

  /**
   * Finishes the page check now: for `vault.verify` and before a backup. Throws the vault-damaged error
   * if any page fails.
   */
  assertPagesSound(): void {
    const progress = this.current().pages.runToEnd();
    if (progress.problem) this.markDamaged(progress.problem);
    if (this.damage !== null) throw damageFound(this.damage);
  }

  /** Every page from the first, then SQLite's structure check: what `vault.verify` reports. */
  verifyPages(): string | null {
    const vault = this.current();
    vault.pages.restart();
    let checked = vault.pages.step(VERIFY_REPORT_EVERY_MS);
    this.reportProgress({ phase: 'Checking every page of the vault', done: checked.checkedPages, total: checked.totalPages });
    while (!checked.done && checked.problem === null) {
      checked = vault.pages.step(VERIFY_REPORT_EVERY_MS);
      this.reportProgress({ phase: 'Checking every page of the vault', done: checked.checkedPages, total: checked.totalPages });
    }
    const problem = checked.problem ?? this.damage ?? integrityProblem(vault.db);
    if (problem) this.markDamaged(problem);
    return problem;
  }

  lock(reason: LockReason, options: { silent?: boolean } = {}): void {
    const vault = this.vault;
    if (!vault) return;
    this.vault = null;
    // No plaintext leaves a locked vault: streams being served stop here.
    this.endReads();
    this.touchedFiles.clear();
    this.playsEntered.clear();
    try {
      appendAudit(vault.db, { at: this.env.now(), actorId: vault.user.id, action: 'vault.lock', detail: { reason } });
      this.sealAuditHead(vault);
    } catch {
      // A damaged or full disk must not stop the key being zeroed.
    }
    closeVault(vault);
    if (!options.silent) this.listeners.forEach((listener) => listener(reason));
  }

  /**
   * Seals the audit chain's head in vault.anchor: at unlock, at lock, and between calls at most every
   * ANCHOR_INTERVAL_MS, so a crash leaves at most that long of entries unsealed (docs/vault-format.md).
   */
  sealAuditHeadIfDue(): void {
    const vault = this.vault;
    if (vault === null || this.damage !== null || performance.now() - this.sealedAt < ANCHOR_INTERVAL_MS) return;
    try {
      this.sealAuditHead(vault);
    } catch {
      // The next lock tries again; verify reports an anchor that fell behind only if entries were cut.
    }
  }


  private sealAuditHead(vault: OpenVault): void {
    if (this.anchorFinding !== null) return;
    writeAnchor(vault.dir, vault.db, vault.dataKey);
    this.sealedAt = performance.now();
  }

  /** What the anchor outside the database says of the chain's end (null: it agrees). For verify. */
  auditAnchorProblem(): string | null {
    const vault = this.current();
    return this.anchorFinding ?? anchorProblem(vault.dir, vault.db, vault.dataKey);
  }

  onLocked(listener: (reason: LockReason) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
