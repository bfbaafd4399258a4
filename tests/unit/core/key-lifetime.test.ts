import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeVault, createVault } from '../../../electron/core/vault/vault';
import { PASSPHRASE, TEST_KDF, tempFolder } from '../../support/vault-fixture';

let folder: ReturnType<typeof tempFolder>;
beforeEach(() => (folder = tempFolder()));
afterEach(() => folder.cleanup());

describe('key material lifetime', () => {
  it('zeroes the data key when the vault is closed', async () => {
    const { vault } = await createVault(
      join(folder.dir, 'v'),
      { practiceName: 'P', userName: 'U', passphrase: PASSPHRASE },
      { kdf: TEST_KDF, now: () => new Date().toISOString() },
    );
    const key = vault.dataKey;
    expect(key.some((byte) => byte !== 0)).toBe(true);
    closeVault(vault);
    expect(key.every((byte) => byte === 0)).toBe(true);
    expect(vault.db.open).toBe(false);
  });
});
