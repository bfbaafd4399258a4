import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newVault, openDoor, PASSPHRASE, snapshot, tempFolder, USER } from '../support/vault-fixture';

let folder: ReturnType<typeof tempFolder>;
let vaultDir: string;
beforeEach(async () => {
  folder = tempFolder();
  vaultDir = join(folder.dir, 'vault');
  const { door } = await newVault(vaultDir);
  for (let i = 0; i < 40; i++) {
    const client = await door.call('clients.create', { name: `Client ${i}` });
    await door.call('notes.saveDraft', { about: { type: 'client', clientId: client.id, kind: 'client' }, body: `A note long enough to fill pages. ${'x'.repeat(2000)}` });
  }
  await door.call('vault.lock', {});
});
afterEach(() => folder.cleanup());

function flipByte(file: string, offset: number): void {
  const bytes = readFileSync(file);
  bytes[offset] = bytes[offset]! ^ 0x01;
  writeFileSync(file, bytes);
}

async function unlockResult() {
  return openDoor(vaultDir).raw('vault.unlock', { userName: USER, passphrase: PASSPHRASE });
}

describe('damaged or foreign files give a clear error and are never overwritten', () => {
  const dbSize = () => readFileSync(join(vaultDir, 'vault.db')).length;

  it.each([
    ['the salt in the first page', () => 3],
    ['the first page', () => 200],
    ['a page in the middle', () => Math.floor(dbSize() / 2)],
    ['the last page', () => dbSize() - 10],
  ])('a flipped byte in vault.db (%s) is reported as damage', async (_where, offset) => {
    flipByte(join(vaultDir, 'vault.db'), offset());
    const before = snapshot(vaultDir);
    const result = await unlockResult();
    expect(result).toMatchObject({ ok: false, error: { code: 'vault-damaged' } });
    if (!result.ok) expect(result.error.message).toMatch(/vault\.db\) is damaged/);
    expect(snapshot(vaultDir)).toEqual(before);
  });

  it.each([
    ['inside a wrapped key', (text: string) => text.replace(/"ciphertext": "(.)/, (_m, c: string) => `"ciphertext": "${c === 'A' ? 'B' : 'A'}`)],
    ['in a cost parameter', (text: string) => text.replace(/"iterations": (\d+)/, (_m, n: string) => `"iterations": ${Number(n) + 1}`)],
    ['breaking the JSON', (text: string) => text.replace('{', '[')],
  ])('a change to vault.keys (%s) is reported as damage to the key file', async (_where, tamper) => {
    const keys = join(vaultDir, 'vault.keys');
    writeFileSync(keys, tamper(readFileSync(keys, 'utf8')));
    const before = snapshot(vaultDir);
    const result = await unlockResult();
    expect(result).toMatchObject({ ok: false, error: { code: 'keys-damaged' } });
    if (!result.ok) expect(result.error.message).toContain('vault.keys');
    expect(snapshot(vaultDir)).toEqual(before);
  });

  it('a folder holding some other file called vault.keys is not a vault', async () => {
    writeFileSync(join(vaultDir, 'vault.keys'), JSON.stringify({ hello: 'world' }));
    expect(await unlockResult()).toMatchObject({ ok: false, error: { code: 'not-a-vault' } });
  });

  it('a plain, unencrypted SQLite file in place of vault.db is not a vault', async () => {
    writeFileSync(join(vaultDir, 'vault.db'), Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4080)]));
    const result = await unlockResult();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(['vault-damaged', 'not-a-vault']).toContain(result.error.code);
  });
});
