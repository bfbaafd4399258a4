import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newVault, openDoor, PASSPHRASE, tempFolder, USER } from '../support/vault-fixture';

let folder: ReturnType<typeof tempFolder>;
let vaultDir: string;
beforeEach(async () => {
  folder = tempFolder();
  vaultDir = join(folder.dir, 'vault');
  const { door } = await newVault(vaultDir);
  await door.call('vault.lock', {});
});
afterEach(() => folder.cleanup());

describe('repeated wrong passphrases slow down', () => {
  it('allows three tries, then makes each further try wait longer, without trying the passphrase', async () => {
    let now = Date.parse('2026-11-23T10:00:00Z');
    const door = openDoor(vaultDir, () => new Date(now));
    const attempt = (passphrase: string) => door.raw('vault.unlock', { userName: USER, passphrase });
    for (let i = 0; i < 3; i++) expect(await attempt('wrong passphrase')).toMatchObject({ error: { code: 'wrong-passphrase' } });
    expect(await attempt('wrong passphrase')).toMatchObject({ error: { code: 'wrong-passphrase' } });
    const blocked = await attempt(PASSPHRASE);
    expect(blocked).toMatchObject({ ok: false, error: { code: 'too-many-attempts', retryAfterMs: 2000 } });
    now += 2000;
    expect(await attempt('wrong passphrase')).toMatchObject({ error: { code: 'wrong-passphrase' } });
    expect(await attempt(PASSPHRASE)).toMatchObject({ error: { code: 'too-many-attempts', retryAfterMs: 4000 } });
    now += 4000;
    expect(await attempt(PASSPHRASE)).toMatchObject({ ok: true });
    await door.call('vault.lock', {});
    expect(await attempt('wrong passphrase')).toMatchObject({ error: { code: 'wrong-passphrase' } });
  });
});
