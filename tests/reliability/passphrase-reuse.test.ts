import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newVault, openDoor, PASSPHRASE, tempFolder, USER } from '../support/vault-fixture';
import { auditActions } from './support/audit';
import { allowForKillsAndRaces } from './support/timeouts';

allowForKillsAndRaces();

/**
 * Unlocking tries every passphrase slot, so a passphrase shared by two users opens as whichever slot
 * comes first, and the audit log records that person. A new passphrase that already opens another
 * user's slot is refused wherever a passphrase is set, with nothing written to vault.keys.
 */
const RAE = { name: 'Rae Moss', passphrase: 'rae keeps a passphrase too' };
const REFUSED = {
  ok: false,
  error: {
    code: 'conflict',
    message: 'That passphrase is already in use in this vault. Each person needs their own passphrase: choose a different one.',
  },
};

let folder: ReturnType<typeof tempFolder>;
let vaultDir: string;
let recoveryCode: string;
beforeEach(async () => {
  folder = tempFolder();
  vaultDir = join(folder.dir, 'vault');
  const created = await newVault(vaultDir);
  recoveryCode = created.recoveryCode;
  await created.door.call('users.create', { name: RAE.name, roles: ['therapist'], passphrase: RAE.passphrase });
  await created.door.call('vault.lock', {});
});
afterEach(() => folder.cleanup());

const keys = () => readFileSync(join(vaultDir, 'vault.keys'), 'utf8');

describe('one passphrase, one person', () => {
  it('users.create refuses a passphrase that opens another user’s slot, and audits the refusal', async () => {
    const door = openDoor(vaultDir);
    await door.call('vault.unlock', { userName: USER, passphrase: PASSPHRASE });
    const before = keys();
    expect(await door.raw('users.create', { name: 'Tess Ward', roles: ['therapist'], passphrase: RAE.passphrase })).toEqual(REFUSED);
    expect(await door.raw('users.create', { name: 'Tess Ward', roles: ['therapist'], passphrase: PASSPHRASE })).toEqual(REFUSED);
    expect(keys()).toBe(before);
    expect((await door.call('users.list', {})).users.map((u) => u.name)).not.toContain('Tess Ward');
    await door.call('vault.lock', {});
    expect((await auditActions(vaultDir, PASSPHRASE)).filter((a) => a === 'user.create (refused)')).toHaveLength(2);
  });

  it('vault.changePassphrase refuses another user’s passphrase', async () => {
    const door = openDoor(vaultDir);
    await door.call('vault.unlock', { userName: RAE.name, passphrase: RAE.passphrase });
    const before = keys();
    expect(await door.raw('vault.changePassphrase', { currentPassphrase: RAE.passphrase, newPassphrase: PASSPHRASE })).toEqual(REFUSED);
    expect(keys()).toBe(before);
    // Setting one's own passphrase again is no conflict.
    await door.call('vault.changePassphrase', { currentPassphrase: RAE.passphrase, newPassphrase: RAE.passphrase });
  });

  it('vault.recover refuses another user’s passphrase and leaves the vault locked', async () => {
    const door = openDoor(vaultDir);
    const before = keys();
    expect(await door.raw('vault.recover', { userName: RAE.name, recoveryCode, newPassphrase: PASSPHRASE })).toEqual(REFUSED);
    expect(door.core.isUnlocked()).toBe(false);
    expect(keys()).toBe(before);
    await door.call('vault.unlock', { passphrase: PASSPHRASE });
    expect((await door.call('vault.status', {})).user?.name).toBe(USER);
    await door.call('vault.lock', {});
    // The vault was not yet open to the dispatcher, so the vault layer entered this refusal itself.
    expect(await auditActions(vaultDir, PASSPHRASE)).toContain('vault.unlock.recovery-code (refused)');
  });
});
