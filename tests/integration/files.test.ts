import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempVaultEach } from '../support/temp-vault';
import { newVault, PASSPHRASE, USER } from '../support/vault-fixture';

const temp = tempVaultEach();

describe('encrypted files left by a crash are cleared at the next unlock', () => {
  it('removes a file with no key row and a stale .partial, and keeps nothing readable', async () => {
    const { door } = await newVault(temp.vaultDir);
    await door.call('vault.lock', {});
    const blobs = join(temp.vaultDir, 'blobs');
    const orphan = 'a'.repeat(32);
    writeFileSync(join(blobs, orphan), Buffer.alloc(100));
    writeFileSync(join(blobs, `${'b'.repeat(32)}.partial`), Buffer.alloc(100));
    await door.call('vault.unlock', { userName: USER, passphrase: PASSPHRASE });
    expect(readdirSync(blobs)).toEqual([]);
  });
});
