import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newVault, PASSPHRASE, tempFolder, USER, type TestDoor } from '../support/vault-fixture';
import { iterations } from './iterations';

/**
 * The passphrase a director re-enters to approve a purge (and to change their passphrase or replace the recovery
 * code) is the passphrase that unlocks the vault. Before this, a wrong one there did not count toward the unlock
 * back-off, so anyone at an unlocked screen could guess it as fast as Argon2 allowed. Now each wrong proof counts
 * with the unlock's own misses: three are free, then each further try waits 2, 4, 8… seconds.
 */
const ROUNDS = iterations(1, 5);
const WRONG = 'not the director passphrase';

let folder: ReturnType<typeof tempFolder>;
let door: TestDoor;
let now: number;
beforeEach(async () => {
  folder = tempFolder();
  now = Date.parse('2026-11-25T10:00:00Z');
  ({ door } = await newVault(join(folder.dir, 'vault'), () => new Date(now)));
});
afterEach(() => folder.cleanup());

async function approve(passphrase: string) {
  const { planDigest } = await door.call('retention.purgePreview', {});
  return door.raw('retention.purge', { currentPassphrase: passphrase, planDigest });
}

describe('wrong passphrases at purge approval count toward the unlock back-off', () => {
  it('refuses with a wait after three wrong approvals, even the right passphrase, until the wait is over', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      for (let i = 0; i < 4; i++) expect(await approve(WRONG)).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
      const refused = await approve(PASSPHRASE);
      expect(refused).toMatchObject({ ok: false, error: { code: 'too-many-attempts', retryAfterMs: 2000 } });
      expect(refused.ok ? '' : refused.error.message).toBe('Too many wrong attempts. Try again in 2 seconds.');

      now += 2000;
      expect(await approve(WRONG)).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
      expect(await approve(PASSPHRASE)).toMatchObject({ ok: false, error: { code: 'too-many-attempts', retryAfterMs: 4000 } });
      now += 4000;
      // The right passphrase after the wait proves the director and clears the count, as an unlock does.
      expect(await approve(PASSPHRASE)).toMatchObject({ ok: true });
    }
  });

  it('shares the count with unlocking: wrong approvals make the next unlock wait too', async () => {
    for (let i = 0; i < 4; i++) expect(await approve(WRONG)).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
    await door.call('vault.lock', {});
    expect(await door.raw('vault.unlock', { userName: USER, passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'too-many-attempts', retryAfterMs: 2000 },
    });
    now += 2000;
    expect(await door.raw('vault.unlock', { userName: USER, passphrase: PASSPHRASE })).toMatchObject({ ok: true });
  });

  it('counts wrong passphrases when changing the passphrase or replacing the recovery code as well', async () => {
    for (let i = 0; i < 2; i++) {
      expect(await door.raw('vault.changePassphrase', { currentPassphrase: WRONG, newPassphrase: 'a brand new long passphrase' })).toMatchObject({
        error: { code: 'wrong-passphrase' },
      });
    }
    for (let i = 0; i < 2; i++) expect(await door.raw('vault.newRecoveryCode', { currentPassphrase: WRONG })).toMatchObject({ error: { code: 'wrong-passphrase' } });
    expect(await approve(PASSPHRASE)).toMatchObject({ ok: false, error: { code: 'too-many-attempts', retryAfterMs: 2000 } });
  });
});
