import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readKeyFile, writeKeyFile, type KeySlot } from '../../../electron/core/vault/key-file';
import { makeSlot, openSlot } from '../../../electron/core/vault/key-slots';
import { TEST_KDF, tempFolder } from '../../support/vault-fixture';

let folder: ReturnType<typeof tempFolder>;
beforeEach(() => (folder = tempFolder()));
afterEach(() => folder.cleanup());

describe('key slots and vault.keys', () => {
  it('a slot opens with its secret only, and the file round-trips exactly', async () => {
    const dataKey = randomBytes(32);
    const slot = await makeSlot('passphrase', Buffer.from('secret one'), dataKey, TEST_KDF);
    expect(await openSlot(slot, Buffer.from('secret one'))).toEqual(dataKey);
    expect(await openSlot(slot, Buffer.from('secret two'))).toBeNull();
    const path = join(folder.dir, 'vault.keys');
    writeKeyFile(path, { slots: [slot] });
    expect(readKeyFile(path)).toEqual({ slots: [slot] });
    expect(readFileSync(path, 'utf8')).not.toContain(dataKey.toString('base64'));
  });

  it('a wrapped key moved to another slot id no longer opens (the slot id is authenticated)', async () => {
    const dataKey = randomBytes(32);
    const slot = await makeSlot('passphrase', Buffer.from('secret'), dataKey, TEST_KDF);
    const moved: KeySlot = { ...slot, id: '00000000-0000-4000-8000-000000000000' };
    expect(await openSlot(moved, Buffer.from('secret'))).toBeNull();
  });

  it('leaves no temporary file behind after writing', async () => {
    const slot = await makeSlot('recovery', Buffer.from('x'), randomBytes(32), TEST_KDF);
    const path = join(folder.dir, 'vault.keys');
    writeKeyFile(path, { slots: [slot] });
    writeKeyFile(path, { slots: [slot] });
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(folder.dir)).toEqual(['vault.keys']);
  });

  it('rejects a file whose checksum does not match', async () => {
    const slot = await makeSlot('recovery', Buffer.from('x'), randomBytes(32), TEST_KDF);
    const path = join(folder.dir, 'vault.keys');
    writeKeyFile(path, { slots: [slot] });
    const json = JSON.parse(readFileSync(path, 'utf8'));
    json.slots[0].kdf.parallelism = 2;
    writeFileSync(path, JSON.stringify(json));
    expect(() => readKeyFile(path)).toThrow(/checksum does not match/);
  });
});
