import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newVault, openDoor, PASSPHRASE, tempFolder, USER } from '../../support/vault-fixture';

let folder: ReturnType<typeof tempFolder>;
beforeEach(() => (folder = tempFolder()));
afterEach(() => folder.cleanup());

describe('a lock that arrives during a call', () => {
  it('waits for the call, so a passphrase change is never wrapped around a zeroed key', async () => {
    const vaultDir = join(folder.dir, 'vault');
    const { door } = await newVault(vaultDir);
    const change = door.raw('vault.changePassphrase', { currentPassphrase: PASSPHRASE, newPassphrase: 'changed while locking' });
    door.core.lock('idle');
    expect(await change).toMatchObject({ ok: true });
    expect(door.core.isUnlocked()).toBe(false);
    const fresh = openDoor(vaultDir);
    await fresh.call('vault.unlock', { userName: USER, passphrase: 'changed while locking' });
    expect(readFileSync(join(vaultDir, 'vault.keys'), 'utf8')).toContain('"kind": "passphrase"');
  });

  it('locks at once when nothing is running', async () => {
    const { door } = await newVault(join(folder.dir, 'vault'));
    door.core.lock('suspend');
    expect(door.core.isUnlocked()).toBe(false);
  });
});
