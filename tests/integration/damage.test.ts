import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pageHolding } from '../support/page-holding';
import { newVault, openDoor, PASSPHRASE, snapshot, tempFolder, USER } from '../support/vault-fixture';

const NOTE_FILLER = 'filler words ';
let folder: ReturnType<typeof tempFolder>;
let vaultDir: string;
beforeEach(async () => {
  folder = tempFolder();
  vaultDir = join(folder.dir, 'vault');
  const { door } = await newVault(vaultDir);
  for (let i = 0; i < 40; i++) {
    const client = await door.call('clients.create', { name: `Client ${i}` });
    await door.call('notes.saveDraft', { about: { type: 'client', clientId: client.id, kind: 'client' }, body: `A note long enough to fill pages. ${NOTE_FILLER.repeat(100)}` });
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
  ])('a flipped byte in vault.db (%s) is reported as damage at unlock, with nothing changed', async (_where, offset) => {
    flipByte(join(vaultDir, 'vault.db'), offset());
    const before = snapshot(vaultDir);
    const result = await unlockResult();
    expect(result).toMatchObject({ ok: false, error: { code: 'vault-damaged' } });
    if (!result.ok) expect(result.error.message).toMatch(/vault\.db\) is damaged/);
    expect(snapshot(vaultDir)).toEqual(before);
  });

  // The full page check runs after unlock (it would cost seconds per unlock on a large vault), so damage
  // in a page the unlock does not read is found by the background check: writes stop, and the damaged
  // page is kept as it was.
  it.each([
    ['a page of note text', async () => (await pageHolding(vaultDir, PASSPHRASE, NOTE_FILLER)) + 100],
    ['the last page', async () => dbSize() - 10],
  ])('a flipped byte in vault.db (%s) is reported as damage and stops writes', async (_where, offset) => {
    const at = await offset();
    const page = (bytes: Buffer) => bytes.subarray(at - (at % 4096), at - (at % 4096) + 4096);
    flipByte(join(vaultDir, 'vault.db'), at);
    const damagedPage = Buffer.from(page(readFileSync(join(vaultDir, 'vault.db'))));
    const door = openDoor(vaultDir);
    await door.call('vault.unlock', { userName: USER, passphrase: PASSPHRASE });
    const checked = await door.core.pagesChecked();
    expect(checked?.problem).toMatch(new RegExp(`^page ${Math.floor(at / 4096) + 1} of \\d+ fails its authentication check$`));
    const write = await door.raw('clients.create', { name: 'After the damage' });
    expect(write).toMatchObject({ ok: false, error: { code: 'vault-damaged' } });
    if (!write.ok) expect(write.error.message).toMatch(/vault\.db\) is damaged: page \d+ of \d+ fails its authentication check\. Confide has stopped saving changes/);
    const report = await door.call('vault.verify', {});
    expect(report.integrity.ok).toBe(false);
    await door.call('vault.lock', {});
    expect(page(readFileSync(join(vaultDir, 'vault.db')))).toEqual(damagedPage);
    expect(existsSync(join(vaultDir, 'vault.db-wal'))).toBe(false);
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
