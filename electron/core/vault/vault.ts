import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { appendAudit } from './audit';
import { ConfideError } from '../errors';
import { findUserByName, findUserBySlot, insertUser, nameKey, type UserRow } from './users';
import { writeSetting } from './settings';
import { keepPendingRecoveryCode } from './pending-recovery-code';
import { AUTO_LOCK_MINUTES_DEFAULT } from '../../../shared/schemas';
import type { KdfParams } from '../types';
import { assertEncrypted, closeDatabase, openDatabase, PAGE_SIZE, type Db } from './database';
import { KEY_BYTES, secretBytes } from './kdf';
import { applyKeyChange, reconcileKeyChanges } from './key-change';
import { rewrapFor } from './key-operations';
import { readKeyFile, writeKeyFile, type KeyFile } from './key-file';
import { makeSlot, openSlot } from './key-slots';
import { migrate } from './migrate';
import { PageCheck } from './page-check';
import { hasVault, isMissingOrEmpty, vaultPaths } from './paths';
import { generateRecoveryCode, normaliseRecoveryCode } from './recovery-code';
import { removeAbandonedTempFiles, removeDeadStagingFolders, stagingFolderFor } from './strays';
import { acquireVaultLock, LOCK_FILE, type VaultLock } from './vault-lock';
import { assertWalIntact } from './wal-check';

/**
 * An unlocked vault. `dataKey` lives only here, in the main process, and is zeroed by closeVault.
 * `lock` keeps every other Confide process out until closeVault; `pages` checks vault.db page by page.
 */
export interface OpenVault {
  dir: string;
  db: Db;
  dataKey: Buffer;
  user: UserRow;
  lock: VaultLock;
  pages: PageCheck;
}

export interface VaultEnv {
  kdf: KdfParams;
  now: () => string;
  nativeBinding?: string | undefined;
  /** How long to wait for another Confide to close this vault before reporting it open elsewhere. */
  busyWaitMs?: number | undefined;
}

export const wrongPassphrase = () =>
  new ConfideError('wrong-passphrase', 'That name and passphrase do not open this vault.');

/** The database and its page check, open but not yet handed to anyone. */
interface OpenedDb {
  db: Db;
  pages: PageCheck;
}

function closeOpened(opened: OpenedDb): void {
  try {
    closeDatabase(opened.db);
  } finally {
    // After SQLite has let go of vault.db: closing our descriptor first would drop SQLite's lock.
    opened.pages.close();
  }
}

export function closeVault(vault: OpenVault): void {
  try {
    closeOpened(vault);
  } finally {
    vault.dataKey.fill(0);
    vault.lock.release();
  }
}

/**
 * Builds the whole vault in a staging folder beside the target and renames it into place, so a crash
 * part-way leaves no half-made vault where the user's vault belongs (and the next create or open removes
 * the staging folder). Of two creates at once, the first rename wins; the other is told a vault exists.
 */
export async function createVault(
  dir: string,
  input: { practiceName: string; userName: string; passphrase: string },
  env: VaultEnv,
): Promise<{ vault: OpenVault; recoveryCode: string; issuedAt: string }> {
  assertNoVaultYet(dir);
  removeDeadStagingFolders(dir);
  const staging = stagingFolderFor(dir);
  const recoveryCode = generateRecoveryCode();
  const dataKey = randomBytes(KEY_BYTES);
  const userSlotId = randomUUID();
  const secrets = [secretBytes(input.passphrase), secretBytes(normaliseRecoveryCode(recoveryCode)!)];
  const issuedAt = env.now();
  try {
    const slots = [
      await makeSlot('passphrase', secrets[0]!, dataKey, env.kdf, userSlotId),
      await makeSlot('recovery', secrets[1]!, dataKey, env.kdf),
    ];
    mkdirSync(dirname(dir), { recursive: true });
    mkdirSync(staging, { mode: 0o700 });
    mkdirSync(join(staging, 'blobs'), { mode: 0o700 });
    writeFileSync(join(staging, LOCK_FILE), '', { mode: 0o600 });
    const paths = vaultPaths(staging);
    const db = openDatabase(paths.db, dataKey, { nativeBinding: env.nativeBinding, create: true });
    try {
      migrate(db);
      const now = issuedAt;
      db.transaction(() => {
        writeSetting(db, 'practice_name', input.practiceName);
        writeSetting(db, 'auto_lock_minutes', String(AUTO_LOCK_MINUTES_DEFAULT));
        const user = insertUser(db, {
          id: randomUUID(),
          name: input.userName,
          roles: ['director', 'therapist'],
          keySlotId: userSlotId,
          createdAt: now,
        });
        keepPendingRecoveryCode(db, { recoveryCode, issuedAt, replacesEarlierCode: false });
        appendAudit(db, { at: now, actorId: user.id, action: 'vault.create' });
      })();
    } finally {
      closeDatabase(db);
    }
    chmodSync(paths.db, 0o600);
    writeKeyFile(paths.keys, { slots });
    installStaging(staging, dir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    dataKey.fill(0);
    throw error;
  } finally {
    secrets.forEach((secret) => secret.fill(0));
  }
  const vault = await openUnlocked(dir, env, (lock) => {
    const opened = openWithKey(dir, dataKey, env);
    const user = findUserBySlot(opened.db, userSlotId);
    if (!user) {
      closeOpened(opened);
      throw new ConfideError('keys-damaged', 'The key slot that opened this vault belongs to no user.');
    }
    return { dir, db: opened.db, dataKey, user, lock, pages: opened.pages };
  }).catch((error: unknown) => {
    dataKey.fill(0);
    throw error;
  });
  return { vault, recoveryCode, issuedAt };
}

function assertNoVaultYet(dir: string): void {
  if (hasVault(dir)) throw new ConfideError('vault-exists', 'There is already a vault in this folder.');
  if (!isMissingOrEmpty(dir)) {
    throw new ConfideError('vault-exists', 'This folder is not empty. Choose an empty folder for a new vault.');
  }
}

/** The rename is the commit point of a create; losing the race to another create is "a vault exists". */
function installStaging(staging: string, dir: string): void {
  try {
    if (existsSync(dir)) rmdirSync(dir);
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'ENOENT') throw createdMeanwhile(error);
  }
  try {
    renameSync(staging, dir);
  } catch (error) {
    throw createdMeanwhile(error);
  }
}

function createdMeanwhile(error: unknown): unknown {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'EPERM' || code === 'EACCES' || code === 'EBUSY') {
    return new ConfideError('vault-exists', 'Another vault was just created in this folder, so this one was not. Nothing else was changed.');
  }
  return error;
}

function assertVaultFiles(dir: string): void {
  if (!existsSync(dir) || !hasVault(dir)) {
    if (existsSync(vaultPaths(dir).db)) {
      throw new ConfideError('not-a-vault', 'This folder has a vault.db but no vault.keys, so it cannot be opened.');
    }
    throw new ConfideError('no-vault', 'There is no vault in this folder yet.');
  }
  if (!existsSync(vaultPaths(dir).db)) {
    throw new ConfideError('not-a-vault', 'This folder has a vault.keys but no vault.db, so it cannot be opened.');
  }
}

/**
 * Takes the vault lock (waiting a bounded time for another Confide to finish), then runs `open`. The lock
 * is handed over with the vault `open` returns, and released if it throws.
 */
async function openUnlocked(dir: string, env: VaultEnv, open: (lock: VaultLock) => Promise<OpenVault> | OpenVault): Promise<OpenVault> {
  const lock = await acquireVaultLock(dir, { waitMs: env.busyWaitMs, nativeBinding: env.nativeBinding });
  try {
    return await open(lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** Under the lock, before any key work: the files are there, vault.db is encrypted, the WAL is whole. */
function readVaultForUnlock(dir: string): KeyFile {
  assertVaultFiles(dir);
  const keys = readKeyFile(vaultPaths(dir).keys);
  assertEncrypted(vaultPaths(dir).db);
  assertWalIntact(`${vaultPaths(dir).db}-wal`, PAGE_SIZE);
  return keys;
}

/**
 * Opens the database with a proven data key and brings it up to date: schema, key changes a killed
 * process left half-made, and stray files holding wrapped keys. Costs the same at any vault size: the
 * page check runs later, in slices (PageCheck).
 */
function openWithKey(dir: string, dataKey: Buffer, env: VaultEnv): OpenedDb {
  const db = openDatabase(vaultPaths(dir).db, dataKey, { nativeBinding: env.nativeBinding });
  let pages: PageCheck | null = null;
  try {
    migrate(db);
    reconcileKeyChanges(db, dir);
    removeAbandonedTempFiles(dir);
    removeDeadStagingFolders(dir);
    pages = new PageCheck(vaultPaths(dir).db, dataKey);
    return { db, pages };
  } catch (error) {
    closeDatabase(db);
    pages?.close();
    throw error;
  }
}

/**
 * Tries each passphrase slot: slots name no one (vault.keys holds nothing identifying), so the slot that
 * opens tells us the user, and the name typed must match that user. A slot that belongs to no user (left
 * by an older Confide killed while adding a user) is passed over.
 */
export async function unlockWithPassphrase(
  dir: string,
  userName: string | undefined,
  passphrase: string,
  env: VaultEnv,
): Promise<OpenVault> {
  assertVaultFiles(dir);
  return openUnlocked(dir, env, async (lock) => {
    const keys = readVaultForUnlock(dir);
    const secret = secretBytes(passphrase);
    try {
      for (const slot of keys.slots.filter((s) => s.kind === 'passphrase')) {
        const dataKey = await openSlot(slot, secret);
        if (!dataKey) continue;
        let opened: OpenedDb;
        try {
          opened = openWithKey(dir, dataKey, env);
        } catch (error) {
          dataKey.fill(0);
          throw error;
        }
        const user = findUserBySlot(opened.db, slot.id);
        if (user && (userName === undefined || user.name_key === nameKey(userName))) {
          return { dir, db: opened.db, dataKey, user, lock, pages: opened.pages };
        }
        closeOpened(opened);
        dataKey.fill(0);
      }
    } finally {
      secret.fill(0);
    }
    throw wrongPassphrase();
  });
}

/** Opens with the recovery code and gives the named user a new passphrase in their existing slot. */
export async function unlockWithRecoveryCode(
  dir: string,
  input: { userName: string; recoveryCode: string; newPassphrase: string },
  env: VaultEnv,
): Promise<OpenVault> {
  assertVaultFiles(dir);
  return openUnlocked(dir, env, async (lock) => {
    const keys = readVaultForUnlock(dir);
    const code = normaliseRecoveryCode(input.recoveryCode);
    if (!code) {
      throw new ConfideError('wrong-passphrase', 'That recovery code is not right: it has 25 letters and digits, in five groups.');
    }
    const recoverySlot = keys.slots.find((slot) => slot.kind === 'recovery');
    if (!recoverySlot) throw new ConfideError('keys-damaged', 'The vault has no recovery key slot.');
    const codeSecret = secretBytes(code);
    const dataKey = await openSlot(recoverySlot, codeSecret).finally(() => codeSecret.fill(0));
    if (!dataKey) throw new ConfideError('wrong-passphrase', 'That recovery code does not open this vault.');
    let opened: OpenedDb | null = null;
    try {
      opened = openWithKey(dir, dataKey, env);
      const user = findUserByName(opened.db, input.userName);
      if (!user?.key_slot_id) throw new ConfideError('not-found', 'There is no user with that name in this vault.');
      const slot = await rewrapFor(opened.db, dir, user, input.newPassphrase, dataKey, env, 'vault.unlock.recovery-code');
      applyKeyChange(opened.db, dir, { slot, audit: { action: 'vault.unlock.recovery-code', actorId: user.id } }, env.now());
      return { dir, db: opened.db, dataKey, user, lock, pages: opened.pages };
    } catch (error) {
      if (opened) closeOpened(opened);
      dataKey.fill(0);
      throw error;
    }
  });
}

