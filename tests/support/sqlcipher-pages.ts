import { createDecipheriv, createHmac, pbkdf2Sync, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Decrypts every page of a vault's vault.db and every frame of its vault.db-wal with node:crypto alone,
 * following the SQLCipher 4 page layout written down in docs/vault-format.md ("Page layout"), so a test
 * can look for text that should be gone in every byte SQLite could still read back.
 *
 * No Confide module and no SQLite is used here: a bug in either cannot hide a trace from this check.
 */

export const PAGE_SIZE = 4096;
const SALT_SIZE = 16;
const IV_SIZE = 16;
const HMAC_SIZE = 64;
/** IV then HMAC-SHA512, rounded up to the AES block size (80 already is). */
export const RESERVE_SIZE = IV_SIZE + HMAC_SIZE;
const HMAC_SALT_MASK = 0x3a;
const HMAC_KDF_ITERATIONS = 2;
const WAL_HEADER_SIZE = 32;
const WAL_FRAME_HEADER_SIZE = 24;
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export interface DecryptedPage {
  file: 'vault.db' | 'vault.db-wal';
  /** The database page number: the page's position in vault.db, or the frame header's page number. */
  pageNumber: number;
  /** 1-based frame index, for pages read from the WAL. */
  frame?: number;
  /** Where the page's bytes start in its file. */
  fileOffset: number;
  /** Whether the page's HMAC-SHA512 verified: if not, `plaintext` is meaningless. */
  authentic: boolean;
  /** The page as SQLite sees it, less the 80-byte reserve (4016 bytes); page 1 starts with SQLite's header. */
  plaintext: Buffer;
}

export type MarkerEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface MarkerHit {
  marker: string;
  /** The text that matched: the marker itself, or one of its tails when `minTail` asked for them. */
  matched: string;
  encoding: MarkerEncoding;
  file: DecryptedPage['file'];
  pageNumber: number;
  frame?: number;
}

export interface FindOptions {
  /**
   * Also look for each tail of a marker down to this many characters. FTS5 stores each index term after
   * the first on a leaf as only the part it does not share with the term before it, so a marker that
   * survives only in a full-text index is found by its tail, not by its whole text. Use markers that
   * share no leading letters with each other (or with other words) so their tails stay long.
   */
  minTail?: number;
}

/** SQLCipher 4 with a raw key: the HMAC key is PBKDF2-HMAC-SHA512(key, salt XOR 0x3a, 2 iterations, 32 bytes). */
function hmacKeyFor(key: Buffer, salt: Buffer): Buffer {
  const hmacSalt = Buffer.from(salt.map((byte) => byte ^ HMAC_SALT_MASK));
  return pbkdf2Sync(key, hmacSalt, HMAC_KDF_ITERATIONS, key.length, 'sha512');
}

function decryptPage(page: Buffer, pageNumber: number, key: Buffer, hmacKey: Buffer): { authentic: boolean; plaintext: Buffer } {
  // Page 1's first 16 bytes hold the salt in place of SQLite's header; encryption starts after them.
  const offset = pageNumber === 1 ? SALT_SIZE : 0;
  const end = PAGE_SIZE - RESERVE_SIZE;
  const ciphertext = page.subarray(offset, end);
  const iv = page.subarray(end, end + IV_SIZE);
  const storedHmac = page.subarray(end + IV_SIZE, end + IV_SIZE + HMAC_SIZE);

  const pageNumberLe = Buffer.alloc(4);
  pageNumberLe.writeUInt32LE(pageNumber);
  const hmac = createHmac('sha512', hmacKey).update(ciphertext).update(iv).update(pageNumberLe).digest();
  const authentic = timingSafeEqual(hmac, storedHmac);

  const decipher = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
  const decrypted = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  const plaintext = pageNumber === 1 ? Buffer.concat([SQLITE_HEADER, decrypted]) : decrypted;
  return { authentic, plaintext };
}

/**
 * Every page of vault.db, then every frame of vault.db-wal (stale frames included: SQLite may never read
 * them again, but their bytes are still in the file). `key` is the raw 32-byte data key.
 */
export function decryptedPages(vaultDir: string, key: Buffer): DecryptedPage[] {
  if (key.length !== 32) throw new Error(`the data key must be 32 bytes, got ${key.length}`);
  const db = readFileSync(join(vaultDir, 'vault.db'));
  if (db.length === 0 || db.length % PAGE_SIZE !== 0) {
    throw new Error(`vault.db is ${db.length} bytes, not a whole number of ${PAGE_SIZE}-byte pages`);
  }
  const salt = db.subarray(0, SALT_SIZE);
  const hmacKey = hmacKeyFor(key, salt);
  const pages: DecryptedPage[] = [];

  for (let index = 0; index * PAGE_SIZE < db.length; index++) {
    const fileOffset = index * PAGE_SIZE;
    const pageNumber = index + 1;
    const { authentic, plaintext } = decryptPage(db.subarray(fileOffset, fileOffset + PAGE_SIZE), pageNumber, key, hmacKey);
    pages.push({ file: 'vault.db', pageNumber, fileOffset, authentic, plaintext });
  }
  assertHeaderMatchesLayout(pages[0]);

  const walPath = join(vaultDir, 'vault.db-wal');
  if (!existsSync(walPath)) return pages;
  const wal = readFileSync(walPath);
  if (wal.length === 0) return pages;
  if (wal.length < WAL_HEADER_SIZE) throw new Error(`vault.db-wal is ${wal.length} bytes, shorter than its header`);
  // The WAL header and the frame headers are not encrypted; only the page images are.
  const walPageSize = wal.readUInt32BE(8);
  if (walPageSize !== PAGE_SIZE) throw new Error(`vault.db-wal says its page size is ${walPageSize}, expected ${PAGE_SIZE}`);
  const frameSize = WAL_FRAME_HEADER_SIZE + PAGE_SIZE;
  for (let frame = 1; WAL_HEADER_SIZE + frame * frameSize <= wal.length; frame++) {
    const frameOffset = WAL_HEADER_SIZE + (frame - 1) * frameSize;
    const pageNumber = wal.readUInt32BE(frameOffset);
    const fileOffset = frameOffset + WAL_FRAME_HEADER_SIZE;
    const image = wal.subarray(fileOffset, fileOffset + PAGE_SIZE);
    // A frame SQLite never filled has page number 0 and no encrypted image; search its raw bytes instead.
    if (pageNumber === 0) {
      pages.push({ file: 'vault.db-wal', pageNumber, frame, fileOffset, authentic: false, plaintext: Buffer.from(image) });
      continue;
    }
    const { authentic, plaintext } = decryptPage(image, pageNumber, key, hmacKey);
    pages.push({ file: 'vault.db-wal', pageNumber, frame, fileOffset, authentic, plaintext });
  }
  return pages;
}

/** A wrong key or layout would not give SQLite's page size and reserve in the decrypted header. */
function assertHeaderMatchesLayout(first: DecryptedPage | undefined): void {
  if (!first?.authentic) throw new Error('page 1 of vault.db did not authenticate: wrong key or not SQLCipher 4');
  const pageSize = first.plaintext.readUInt16BE(16);
  const reserve = first.plaintext[20];
  if (pageSize !== PAGE_SIZE || reserve !== RESERVE_SIZE) {
    throw new Error(`page 1 decrypted to page size ${pageSize} and reserve ${reserve}, expected ${PAGE_SIZE} and ${RESERVE_SIZE}`);
  }
}

function candidates(marker: string, options: FindOptions): string[] {
  const folded = marker.toLowerCase();
  const tails: string[] = [];
  if (options.minTail !== undefined) {
    for (let start = 1; folded.length - start >= options.minTail; start++) tails.push(folded.slice(start));
  }
  return [folded, ...tails];
}

/**
 * Case-insensitive search of each marker in UTF-8, UTF-16LE and UTF-16BE: each page is decoded (at both
 * byte alignments for UTF-16) and lower-cased, so a marker is found however its case was stored.
 * One hit per marker, encoding and page: the whole marker if present, otherwise its longest tail.
 */
export function findMarkers(pages: readonly DecryptedPage[], markers: readonly string[], options: FindOptions = {}): MarkerHit[] {
  const hits: MarkerHit[] = [];
  const searches = markers.map((marker) => ({ marker, needles: candidates(marker, options) }));
  for (const page of pages) {
    const texts: Record<MarkerEncoding, string[]> = {
      'utf-8': [page.plaintext.toString('utf8').toLowerCase()],
      'utf-16le': [0, 1].map((shift) => decodeUtf16(page.plaintext.subarray(shift), 'le').toLowerCase()),
      'utf-16be': [0, 1].map((shift) => decodeUtf16(page.plaintext.subarray(shift), 'be').toLowerCase()),
    };
    for (const { marker, needles } of searches) {
      for (const encoding of ['utf-8', 'utf-16le', 'utf-16be'] as const) {
        const matched = needles.find((needle) => texts[encoding].some((text) => text.includes(needle)));
        if (matched === undefined) continue;
        hits.push({ marker, matched, encoding, file: page.file, pageNumber: page.pageNumber, ...(page.frame !== undefined ? { frame: page.frame } : {}) });
      }
    }
  }
  return hits;
}

function decodeUtf16(bytes: Buffer, order: 'le' | 'be'): string {
  const even = bytes.subarray(0, bytes.length - (bytes.length % 2));
  const little = order === 'le' ? even : Buffer.from(even).swap16();
  return little.toString('utf16le');
}
