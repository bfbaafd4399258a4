import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../electron/core/services/context';
import { readStoredFile, storeFile } from '../../electron/core/services/files';
import { BlobStore } from '../../electron/core/vault/blobs';
import { closeVault, unlockWithPassphrase } from '../../electron/core/vault/vault';
import { readAll, recordingFile, sameBytes } from '../support/blob-fixture';
import { tempVaultEach } from '../support/temp-vault';
import { newVault, PASSPHRASE, TEST_KDF, USER } from '../support/vault-fixture';

/**
 * Hazard: readStoredFile zeroed the file's key as soon as the stream was opened, but the stream decrypts
 * lazily, as it is read — so every read of a stored file decrypted with a key of zeros and failed as
 * "damaged". The key is now zeroed when the stream closes (read to the end, failed or destroyed).
 */
const temp = tempVaultEach();

async function openContext(vaultDir: string): Promise<{ ctx: ServiceContext; close: () => void }> {
  const now = () => '2026-11-23T10:00:00.000Z';
  const vault = await unlockWithPassphrase(vaultDir, USER, PASSPHRASE, { kdf: TEST_KDF, now });
  const ctx: ServiceContext = {
    db: vault.db,
    user: vault.user,
    now,
    today: () => '2026-11-23',
    localNow: () => '2026-11-23T10:00',
    blobs: BlobStore.at(join(vaultDir, 'blobs')),
    touchFile: () => undefined,
    reportProgress: () => undefined,
  };
  return { ctx, close: () => closeVault(vault) };
}

describe('a stored file reads back through the key row that keeps it', () => {
  it('whole and in part, several chunks long, after the call that opened it has returned', async () => {
    const { door } = await newVault(temp.vaultDir);
    await door.call('vault.lock', {});
    const { ctx, close } = await openContext(temp.vaultDir);
    try {
      const source = recordingFile(temp.dir, 3 * 65_536 + 123);
      const stored = await storeFile(ctx, ctx.blobs, source.path, 'recording');
      const whole = await readStoredFile(ctx, ctx.blobs, stored.id, 'recording R-0001');
      expect(sameBytes(await readAll(whole), source.bytes)).toBe('same');
      const part = await readStoredFile(ctx, ctx.blobs, stored.id, 'recording R-0001', { start: 70_000, end: 140_000 });
      expect(sameBytes(await readAll(part), source.bytes.subarray(70_000, 140_001))).toBe('same');
    } finally {
      close();
    }
  });
});
