import { pbkdf2Sync, createHmac, timingSafeEqual } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/**
 * Checks that every page of vault.db authenticates, the way SQLCipher 4 does when it reads one
 * (docs/vault-format.md): HMAC-SHA512 over the page's ciphertext and IV, then its page number (4 bytes,
 * little-endian), under a key derived from the data key by PBKDF2-HMAC-SHA512 over the file's salt XOR
 * 0x3a, 2 iterations. Reading the file ourselves lets the check stop and resume at any page, so it can
 * run in slices between calls instead of holding up the unlock (SQLite's quick_check cannot be paused).
 */
const PAGE_SIZE = 4096;
const SALT_BYTES = 16;
const IV_BYTES = 16;
const HMAC_BYTES = 64;
const RESERVED = IV_BYTES + HMAC_BYTES;
const HMAC_SALT_MASK = 0x3a;
const FAST_KDF_ITERATIONS = 2;
const PAGES_PER_READ = 16;
/**
 * SQLite never writes the page holding byte 0x40000000 (its lock-byte page, in a file past 1 GiB), so
 * SQLCipher never encrypts it: it holds no data and no HMAC, and checking it would call every vault past
 * 1 GiB damaged.
 */
const LOCK_BYTE_PAGE = 0x40000000 / PAGE_SIZE + 1;

export interface PageCheckProgress {
  done: boolean;
  checkedPages: number;
  totalPages: number;
  problem: string | null;
}

export class PageCheck {
  private readonly fd: number;
  private readonly hmacKey: Buffer;
  private readonly buffer = Buffer.alloc(PAGE_SIZE * PAGES_PER_READ);
  private nextPage = 1;
  private problem: string | null = null;

  /**
   * Note: the descriptor stays open until close(), which must come after SQLite has closed vault.db:
   * on POSIX, closing any descriptor of a file drops every lock this process holds on it.
   */
  constructor(dbPath: string, dataKey: Buffer) {
    this.fd = openSync(dbPath, 'r');
    const salt = Buffer.alloc(SALT_BYTES);
    readSync(this.fd, salt, 0, SALT_BYTES, 0);
    const hmacSalt = Buffer.from(salt.map((byte) => byte ^ HMAC_SALT_MASK));
    this.hmacKey = pbkdf2Sync(dataKey, hmacSalt, FAST_KDF_ITERATIONS, dataKey.length, 'sha512');
  }

  private totalPages(): number {
    return Math.floor(fstatSync(this.fd).size / PAGE_SIZE);
  }

  private progress(): PageCheckProgress {
    const totalPages = this.totalPages();
    return {
      done: this.problem !== null || this.nextPage > totalPages,
      checkedPages: Math.min(this.nextPage - 1, totalPages),
      totalPages,
      problem: this.problem,
    };
  }

  /** Checks pages for about `budgetMs` (a whole batch of pages at least), then returns. */
  step(budgetMs: number): PageCheckProgress {
    const until = performance.now() + budgetMs;
    let total = this.totalPages();
    while (this.problem === null && this.nextPage <= total) {
      const count = Math.min(PAGES_PER_READ, total - this.nextPage + 1);
      const read = readSync(this.fd, this.buffer, 0, count * PAGE_SIZE, (this.nextPage - 1) * PAGE_SIZE);
      const whole = Math.floor(read / PAGE_SIZE);
      for (let i = 0; i < whole; i++) {
        const page = this.nextPage + i;
        if (page !== LOCK_BYTE_PAGE && !this.pageAuthenticates(this.buffer.subarray(i * PAGE_SIZE, (i + 1) * PAGE_SIZE), page)) {
          this.problem = `page ${page} of ${total} fails its authentication check`;
          break;
        }
      }
      if (this.problem) break;
      this.nextPage += whole;
      // The file shrank under us (a vacuum at commit): re-measure rather than read past its end.
      if (whole < count) total = this.totalPages();
      if (performance.now() >= until) break;
    }
    return this.progress();
  }

  /** Finishes the check in one go (for verify and before a backup). */
  runToEnd(): PageCheckProgress {
    return this.step(Number.POSITIVE_INFINITY);
  }

  /** Starts again from page 1, for a check that must cover the file as it is now. */
  restart(): void {
    this.nextPage = 1;
    this.problem = null;
  }

  private pageAuthenticates(page: Buffer, pageNumber: number): boolean {
    const start = pageNumber === 1 ? SALT_BYTES : 0;
    const end = PAGE_SIZE - RESERVED + IV_BYTES;
    const number = Buffer.alloc(4);
    number.writeUInt32LE(pageNumber);
    const mac = createHmac('sha512', this.hmacKey).update(page.subarray(start, end)).update(number).digest();
    return timingSafeEqual(mac, page.subarray(end, end + HMAC_BYTES));
  }

  /** Zeroes the derived key (it is key material) and closes the file. */
  close(): void {
    this.hmacKey.fill(0);
    this.buffer.fill(0);
    closeSync(this.fd);
  }
}
