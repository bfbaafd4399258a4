import type { AuditAction } from '../../../shared/audit-actions';
import { randomUUID } from 'node:crypto';
import { ConfideError } from '../errors';
import { findUserById, insertUser, type UserRow } from './users';
import type { Role } from '../../../shared/schemas';
import type { Db } from './database';
import { secretBytes } from './kdf';
import { applyKeyChange, assertPassphraseNotInUse } from './key-change';
import { readKeyFile, type KeySlot } from './key-file';
import { makeSlot, openSlot } from './key-slots';
import { vaultPaths } from './paths';
import { generateRecoveryCode, normaliseRecoveryCode } from './recovery-code';
import type { OpenVault, VaultEnv } from './vault';

/** Changes to vault.keys made while the vault is open; each goes through applyKeyChange. */

/** A new wrapping of the user's own slot (same id) under a passphrase no other user has. */
export async function rewrapFor(
  db: Db,
  dir: string,
  user: UserRow,
  passphrase: string,
  dataKey: Buffer,
  env: VaultEnv,
  refusalAction: AuditAction | null,
): Promise<KeySlot> {
  const secret = secretBytes(passphrase);
  try {
    const keys = readKeyFile(vaultPaths(dir).keys);
    await assertPassphraseNotInUse(db, keys, secret, {
      ownSlotId: user.key_slot_id,
      refusal: refusalAction === null ? null : { action: refusalAction, actorId: user.id, at: env.now() },
    });
    return await makeSlot('passphrase', secret, dataKey, env.kdf, user.key_slot_id!);
  } finally {
    secret.fill(0);
  }
}

/** Proves the signed-in user's passphrase against their own key slot (a purge is approved with it too). */
export async function proveCurrentPassphrase(vault: OpenVault, currentPassphrase: string): Promise<void> {
  const keys = readKeyFile(vaultPaths(vault.dir).keys);
  const own = keys.slots.find((s) => s.id === vault.user.key_slot_id);
  if (!own) throw new ConfideError('keys-damaged', 'Your key slot is missing from vault.keys.');
  const secret = secretBytes(currentPassphrase);
  const proven = await openSlot(own, secret).finally(() => secret.fill(0));
  if (!proven) throw new ConfideError('wrong-passphrase', 'Your current passphrase is not right.');
  proven.fill(0);
}

/** Rewraps only this user's slot; audited with the change (applyKeyChange). */
export async function changePassphrase(
  vault: OpenVault,
  input: { currentPassphrase: string; newPassphrase: string },
  env: VaultEnv,
): Promise<void> {
  await proveCurrentPassphrase(vault, input.currentPassphrase);
  const slot = await rewrapFor(vault.db, vault.dir, vault.user, input.newPassphrase, vault.dataKey, env, null);
  applyKeyChange(vault.db, vault.dir, { slot, audit: { action: 'vault.passphrase.change', actorId: vault.user.id } }, env.now());
}

/**
 * Adds a user with their own key slot. The user's row and the slot land together or not at all, so a
 * create killed part-way and tried again leaves one user who can unlock.
 */
export async function addUserWithSlot(
  vault: OpenVault,
  input: { name: string; roles: Role[]; passphrase: string },
  env: VaultEnv,
): Promise<UserRow> {
  const secret = secretBytes(input.passphrase);
  let slot: KeySlot;
  try {
    const keys = readKeyFile(vaultPaths(vault.dir).keys);
    await assertPassphraseNotInUse(vault.db, keys, secret, {
      ownSlotId: null,
      refusal: null,
    });
    slot = await makeSlot('passphrase', secret, vault.dataKey, env.kdf);
  } finally {
    secret.fill(0);
  }
  const id = randomUUID();
  const now = env.now();
  applyKeyChange(
    vault.db,
    vault.dir,
    {
      slot,
      audit: { action: 'user.create', actorId: vault.user.id, targetId: id },
      newUser: { id, insert: () => insertUser(vault.db, { id, name: input.name, roles: input.roles, keySlotId: slot.id, createdAt: now }) },
    },
    now,
  );
  return findUserById(vault.db, id)!;
}

/**
 * Replaces the recovery slot with one for a new code, after proving the current passphrase. The old code
 * stops working. For a lost kit, or a code that was never written down.
 */
export async function replaceRecoveryCode(vault: OpenVault, currentPassphrase: string, env: VaultEnv): Promise<string> {
  await proveCurrentPassphrase(vault, currentPassphrase);
  const recoveryCode = generateRecoveryCode();
  const codeSecret = secretBytes(normaliseRecoveryCode(recoveryCode)!);
  let slot: KeySlot;
  try {
    slot = await makeSlot('recovery', codeSecret, vault.dataKey, env.kdf);
  } finally {
    codeSecret.fill(0);
  }
  applyKeyChange(
    vault.db,
    vault.dir,
    { slot, removes: (s) => s.kind === 'recovery', audit: { action: 'vault.recovery-code.replace', actorId: vault.user.id } },
    env.now(),
  );
  return recoveryCode;
}
