import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync, rmdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { appendAudit } from './audit';
import { ConfideError } from '../errors';
import { findUserByName, findUserBySlot, insertUser, nameKey, type UserRow } from './users';
import { writeSetting } from './settings';
import { keepPendingRecoveryCode } from './pending-recovery-code';
import { AUTO_LOCK_MINUTES_DEFAULT } from '../../../shared/schemas';
import type { KdfParams } from '../types';
import { assertNotOpenElsewhere, closeDatabase, damagedVault, integrityProblem, openDatabase, type Db } from './database';
import { KEY_BYTES, secretBytes } from './kdf';
import { readKeyFile, writeKeyFile, type KeyFile, type KeySlot } from './key-file';
import { makeSlot, openSlot } from './key-slots';
import { migrate } from './migrate';
import { hasVault, isMissingOrEmpty, vaultPaths } from './paths';
import { generateRecoveryCode, normaliseRecoveryCode } from './recovery-code';

/** An unlocked vault. `dataKey` lives only here, in the main process, and is zeroed by closeVault. */
export interface OpenVault {
  dir: string;
  db: Db;
  dataKey: Buffer;
  user: UserRow;
}

export interface VaultEnv {
  kdf: KdfParams;
  now: () => string;
  nativeBinding?: string | undefined;
}

export const wrongPassphrase = () =>
  new ConfideError('wrong-passphrase', 'That name and passphrase do not open this vault.');

export function closeVault(vault: OpenVault): void {
  try {
    closeDatabase(vault.db);
  } finally {
    vault.dataKey.fill(0);
  }
}

/**
 * Builds the whole vault in a staging folder beside the target and renames it into place, so a crash
 * part-way leaves no half-made vault where the user's vault belongs.
 */
export async function createVault(
  dir: string,
  input: { practiceName: string; userName: string; passphrase: string },
  env: VaultEnv,
): Promise<{ vault: OpenVault; recoveryCode: string; issuedAt: string }> {
  if (hasVault(dir)) throw new ConfideError('vault-exists', 'There is already a vault in this folder.');
  if (!isMissingOrEmpty(dir)) {
    throw new ConfideError('vault-exists', 'This folder is not empty. Choose an empty folder for a new vault.');
  }
  const staging = join(dirname(dir), `.${basename(dir)}.new-${randomBytes(6).toString('hex')}`);
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
    if (existsSync(dir)) rmdirSync(dir);
    renameSync(staging, dir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    dataKey.fill(0);
    throw error;
  } finally {
    secrets.forEach((secret) => secret.fill(0));
  }
  const vault = openWithKey(dir, dataKey, userSlotId, env);
  return { vault, recoveryCode, issuedAt };
}

function prepareUnlock(dir: string, env: VaultEnv): KeyFile {
  if (!existsSync(dir) || !hasVault(dir)) {
    if (existsSync(vaultPaths(dir).db)) {
      throw new ConfideError('not-a-vault', 'This folder has a vault.db but no vault.keys, so it cannot be opened.');
    }
    throw new ConfideError('no-vault', 'There is no vault in this folder yet.');
  }
  const keys = readKeyFile(vaultPaths(dir).keys);
  if (!existsSync(vaultPaths(dir).db)) {
    throw new ConfideError('not-a-vault', 'This folder has a vault.keys but no vault.db, so it cannot be opened.');
  }
  assertNotOpenElsewhere(vaultPaths(dir).db, env);
  return keys;
}

/** Opens the database with a proven data key, checks every page and brings the schema up to date. */
function openWithKey(dir: string, dataKey: Buffer, slotId: string, env: VaultEnv): OpenVault {
  const db = openDatabase(vaultPaths(dir).db, dataKey, { nativeBinding: env.nativeBinding });
  try {
    if (integrityProblem(db)) throw damagedVault();
    migrate(db);
    const user = findUserBySlot(db, slotId);
    if (!user) throw new ConfideError('keys-damaged', 'The key slot that opened this vault belongs to no user.');
    return { dir, db, dataKey, user };
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Tries each passphrase slot: slots name no one (vault.keys holds nothing identifying), so the slot that
 * opens tells us the user, and the name typed must match that user.
 */
export async function unlockWithPassphrase(
  dir: string,
  userName: string | undefined,
  passphrase: string,
  env: VaultEnv,
): Promise<OpenVault> {
  const keys = prepareUnlock(dir, env);
  const secret = secretBytes(passphrase);
  try {
    for (const slot of keys.slots.filter((s) => s.kind === 'passphrase')) {
      const dataKey = await openSlot(slot, secret);
      if (!dataKey) continue;
      let vault: OpenVault;
      try {
        vault = openWithKey(dir, dataKey, slot.id, env);
      } catch (error) {
        dataKey.fill(0);
        throw error;
      }
      if (userName === undefined || vault.user.name_key === nameKey(userName)) return vault;
      closeVault(vault);
    }
  } finally {
    secret.fill(0);
  }
  throw wrongPassphrase();
}

/** Opens with the recovery code and gives the named user a new passphrase in their existing slot. */
export async function unlockWithRecoveryCode(
  dir: string,
  input: { userName: string; recoveryCode: string; newPassphrase: string },
  env: VaultEnv,
): Promise<OpenVault> {
  const keys = prepareUnlock(dir, env);
  const code = normaliseRecoveryCode(input.recoveryCode);
  if (!code) {
    throw new ConfideError('wrong-passphrase', 'That recovery code is not right: it has 25 letters and digits, in five groups.');
  }
  const recoverySlot = keys.slots.find((slot) => slot.kind === 'recovery');
  if (!recoverySlot) throw new ConfideError('keys-damaged', 'The vault has no recovery key slot.');
  const secret = secretBytes(code);
  const dataKey = await openSlot(recoverySlot, secret).finally(() => secret.fill(0));
  if (!dataKey) throw new ConfideError('wrong-passphrase', 'That recovery code does not open this vault.');
  const db = openDatabase(vaultPaths(dir).db, dataKey, { nativeBinding: env.nativeBinding });
  let user: UserRow | undefined;
  try {
    if (integrityProblem(db)) throw damagedVault();
    user = findUserByName(db, input.userName);
  } finally {
    closeDatabase(db);
  }
  if (!user?.key_slot_id) {
    dataKey.fill(0);
    throw new ConfideError('not-found', 'There is no user with that name in this vault.');
  }
  await replacePassphraseSlot(dir, keys, user.key_slot_id, input.newPassphrase, dataKey, env.kdf);
  const vault = openWithKey(dir, dataKey, user.key_slot_id, env);
  appendAudit(vault.db, { at: env.now(), actorId: vault.user.id, action: 'vault.unlock.recovery-code' });
  return vault;
}

/** Rewraps only this slot; keeping its id means vault.keys is the single place that changes. */
async function replacePassphraseSlot(
  dir: string,
  keys: KeyFile,
  slotId: string,
  passphrase: string,
  dataKey: Buffer,
  kdf: KdfParams,
): Promise<void> {
  const secret = secretBytes(passphrase);
  let slot: KeySlot;
  try {
    slot = await makeSlot('passphrase', secret, dataKey, kdf, slotId);
  } finally {
    secret.fill(0);
  }
  const others = keys.slots.filter((s) => s.id !== slotId);
  writeKeyFile(vaultPaths(dir).keys, { slots: [...others, slot] });
}

export async function changePassphrase(
  vault: OpenVault,
  input: { currentPassphrase: string; newPassphrase: string },
  env: VaultEnv,
): Promise<void> {
  const keys = readKeyFile(vaultPaths(vault.dir).keys);
  const slot = keys.slots.find((s) => s.id === vault.user.key_slot_id);
  if (!slot) throw new ConfideError('keys-damaged', 'Your key slot is missing from vault.keys.');
  const secret = secretBytes(input.currentPassphrase);
  const proven = await openSlot(slot, secret).finally(() => secret.fill(0));
  if (!proven) throw new ConfideError('wrong-passphrase', 'Your current passphrase is not right.');
  proven.fill(0);
  await replacePassphraseSlot(vault.dir, keys, slot.id, input.newPassphrase, vault.dataKey, env.kdf);
}

/** Adds a passphrase slot for a new user and returns its id; the caller records the user in the database. */
export async function addPassphraseSlot(vault: OpenVault, passphrase: string, kdf: KdfParams): Promise<string> {
  const keys = readKeyFile(vaultPaths(vault.dir).keys);
  const secret = secretBytes(passphrase);
  let slot: KeySlot;
  try {
    slot = await makeSlot('passphrase', secret, vault.dataKey, kdf);
  } finally {
    secret.fill(0);
  }
  writeKeyFile(vaultPaths(vault.dir).keys, { slots: [...keys.slots, slot] });
  return slot.id;
}

/**
 * Replaces the recovery slot with one for a new code, after proving the current passphrase. The old code
 * stops working. For a lost kit, or a code that was never written down.
 */
export async function replaceRecoveryCode(vault: OpenVault, currentPassphrase: string, env: VaultEnv): Promise<string> {
  const keys = readKeyFile(vaultPaths(vault.dir).keys);
  const own = keys.slots.find((s) => s.id === vault.user.key_slot_id);
  if (!own) throw new ConfideError('keys-damaged', 'Your key slot is missing from vault.keys.');
  const secret = secretBytes(currentPassphrase);
  const proven = await openSlot(own, secret).finally(() => secret.fill(0));
  if (!proven) throw new ConfideError('wrong-passphrase', 'Your current passphrase is not right.');
  proven.fill(0);
  const recoveryCode = generateRecoveryCode();
  const codeSecret = secretBytes(normaliseRecoveryCode(recoveryCode)!);
  let slot: KeySlot;
  try {
    slot = await makeSlot('recovery', codeSecret, vault.dataKey, env.kdf);
  } finally {
    codeSecret.fill(0);
  }
  writeKeyFile(vaultPaths(vault.dir).keys, { slots: [...keys.slots.filter((s) => s.kind !== 'recovery'), slot] });
  return recoveryCode;
}
