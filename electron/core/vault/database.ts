import Database from 'better-sqlite3-multiple-ciphers';
import { formatClientReference } from '../../../shared/client-reference';
import { closeSync, openSync, readSync } from 'node:fs';
import { ConfideError } from '../errors';

export type Db = Database.Database;

export interface OpenOptions {
  nativeBinding?: string | undefined;
  /** Creating a vault makes the file; opening one never does. */
  create?: boolean;
}

export const damagedVault = () =>
  new ConfideError(
    'vault-damaged',
    'The vault database (vault.db) is damaged and cannot be read. Nothing has been changed; restore it from a backup.',
  );

/** Damage found after the vault was opened: from then on nothing more is written to it. */
export const damageFound = (problem: string) =>
  new ConfideError(
    'vault-damaged',
    `The vault database (vault.db) is damaged: ${problem}. Confide has stopped saving changes to it; restore it from a backup.`,
  );

export const vaultBusy = () =>
  new ConfideError('vault-busy', 'This vault is open elsewhere (in Confide or another confide command). Close it there first.');

function connect(path: string, options: OpenOptions): Db {
  try {
    // timeout 0: another process holding the vault is reported at once, not after a wait.
    return new Database(path, {
      fileMustExist: !options.create,
      timeout: 0,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (error) {
    if (isSqliteError(error, 'SQLITE_CANTOPEN')) {
      throw new ConfideError('not-a-vault', 'This folder is not a Confide vault: it has no vault.db file.');
    }
    throw error;
  }
}

function selectCipher(db: Db): void {
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
}

const PLAINTEXT_SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** SQLCipher 4's page size, which Confide never changes (docs/vault-format.md). */
export const PAGE_SIZE = 4096;

/** The page cache's memory budget per connection: 32 MiB, 8,192 pages (docs/performance.md says why). */
export const PAGE_CACHE_KIB = 32 * 1024;

/** The size of a WAL holding `frames` whole frames (a 32-byte header, then a 24-byte header and a page each). */
export const walBytesFor = (frames: number) => 32 + frames * (24 + PAGE_SIZE);

/**
 * A WAL holding more than this (256 pages, about 1 MiB) is checkpointed at the next idle moment, and a reset
 * WAL is cut back to it. A whole number of frames: cut anywhere else, the WAL check at the next open would
 * read its end as a frame cut short by a crash (wal-check.ts).
 */
export const WAL_IDLE_CHECKPOINT_BYTES = walBytesFor(256);

/** A WAL holding more than this is checkpointed between calls even during a burst: its bound on disk. */
export const WAL_MAX_BYTES = 16 * 1024 * 1024;

/**
 * A vault.db that starts with SQLite's plaintext header is not encrypted, so it is not a vault. Read
 * from the file itself: even a keyless SQLite connection would replay and delete vault.db-wal on close.
 */
export function assertEncrypted(path: string): void {
  const header = Buffer.alloc(PLAINTEXT_SQLITE_HEADER.length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  if (header.equals(PLAINTEXT_SQLITE_HEADER)) {
    throw new ConfideError('not-a-vault', 'vault.db is not encrypted, so this is not a Confide vault.');
  }
}

/**
 * Opens vault.db with the raw data key (SQLCipher 4 settings, no PBKDF2) and the connection settings
 * every vault connection uses. The key was already proven by AES-GCM, so a read failure here means damage.
 */
export function openDatabase(path: string, dataKey: Buffer, options: OpenOptions = {}): Db {
  const db = connect(path, options);
  try {
    selectCipher(db);
    const keyText = rawKeyLiteral(dataKey);
    try {
      db.key(keyText);
    } finally {
      keyText.fill(0);
    }
    applyConnectionSettings(db, options);
    return db;
  } catch (error) {
    db.close();
    if (isSqliteError(error, 'SQLITE_BUSY')) throw vaultBusy();
    if (isSqliteError(error, 'SQLITE_NOTADB') || isSqliteError(error, 'SQLITE_CORRUPT')) throw damagedVault();
    throw error;
  }
}

/**
 * The settings every vault connection runs with, once its key is set. Exported so the benchmark can give a
 * plain SQLite file exactly the same ones (scripts/bench-encryption.ts).
 */
export function applyConnectionSettings(db: Db, options: Pick<OpenOptions, 'create'> = {}): void {
  // Sorts, index builds and VACUUM would otherwise spill plaintext to etilqs_* files in the OS temp folder.
  db.pragma('temp_store = MEMORY');
  // A new vault returns freed pages to the file system at every commit, so the file holds no unused
  // pages: the page check covers all of it, and nothing deleted lingers in a free page.
  if (options.create) db.pragma('auto_vacuum = FULL');
  // Held for the life of the connection, so a second process gets SQLITE_BUSY rather than a shared vault.
  db.pragma('locking_mode = EXCLUSIVE');
  db.prepare('SELECT count(*) FROM sqlite_master').get();
  db.pragma('journal_mode = WAL');
  // FULL: the WAL is fsynced at every commit, so an acknowledged write survives power loss (DESIGN 1.8);
  // NORMAL would let the last commits vanish. The checkpoint's cost is moved, not its durability.
  db.pragma('synchronous = FULL');
  // No commit runs a checkpoint: the core runs them between calls (wal-checkpoints.ts), and a reset WAL is
  // cut back to this size, so its size on disk says how much is waiting to be checkpointed.
  db.pragma('wal_autocheckpoint = 0');
  db.pragma(`journal_size_limit = ${WAL_IDLE_CHECKPOINT_BYTES}`);
  // Decrypted pages kept in memory, within the budget in docs/performance.md; freed at lock.
  db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  db.exec('BEGIN EXCLUSIVE; COMMIT;');
  // One home for the reference format, in SQL too (migration 0002's triggers predate it and keep printf).
  db.function('client_reference', { deterministic: true }, (n) => formatClientReference(Number(n)));
}

/**
 * SQLite's structural check over every table and index (slow: it reads the whole file in one go, so it
 * runs at verify only). SQLCipher authenticates each page's HMAC as it decrypts it.
 */
export function integrityProblem(db: Db): string | null {
  try {
    // Pages cached earlier were checked when read; drop them so this reads what is on disk now.
    db.pragma('shrink_memory');
    const rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
    const messages = rows.map((row) => row.quick_check);
    return messages.length === 1 && messages[0] === 'ok' ? null : `SQLite's structure check found ${messages.length} problems`;
  } catch (error) {
    if (isDamage(error)) return 'a page of the database failed its authentication check';
    throw error;
  }
}

/**
 * Copies committed pages from the WAL into vault.db without waiting for anyone (the connection is the only
 * one, so it completes). The next commit starts the WAL again from its beginning.
 */
export function checkpointPassive(db: Db): void {
  db.pragma('wal_checkpoint(PASSIVE)');
}

/** Checkpoints the WAL into vault.db and truncates it, so a closed vault is one file. */
export function closeDatabase(db: Db): void {
  if (!db.open) return;
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

/**
 * The SQLCipher raw-key form x'<64 hex digits>' built as bytes, so the key never exists as a JS string
 * (strings cannot be zeroed). The caller zeroes the returned buffer.
 */
function rawKeyLiteral(key: Buffer): Buffer {
  const hex = '0123456789abcdef';
  const out = Buffer.alloc(key.length * 2 + 3);
  out[0] = 0x78; // x
  out[1] = 0x27; // '
  key.forEach((byte, i) => {
    out[2 + i * 2] = hex.charCodeAt(byte >> 4);
    out[3 + i * 2] = hex.charCodeAt(byte & 15);
  });
  out[out.length - 1] = 0x27;
  return out;
}

export function isSqliteError(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

export function isDamage(error: unknown): boolean {
  return isSqliteError(error, 'SQLITE_CORRUPT') || isSqliteError(error, 'SQLITE_NOTADB');
}
