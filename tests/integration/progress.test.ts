import { describe, expect, it } from 'vitest';
import type { Progress } from '../../shared/progress';
import { tempVaultEach } from '../support/temp-vault';
import { newVault } from '../support/vault-fixture';

const temp = tempVaultEach();

describe('long calls report their progress through the contract', () => {
  it('verify tells its caller how many pages it has checked, in order, ending at the total', async () => {
    const { door } = await newVault(temp.vaultDir);
    for (let i = 0; i < 40; i++) {
      const client = await door.call('clients.create', { name: `Client ${i}` });
      await door.call('notes.saveDraft', { about: { type: 'client', clientId: client.id, kind: 'client' }, body: 'x'.repeat(4000) });
    }
    const seen: Progress[] = [];
    const result = await door.core.call('vault.verify', {}, { onProgress: (p) => seen.push(p) });
    expect(result).toMatchObject({ ok: true, value: { ok: true } });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((p) => p.phase === 'Checking every page of the vault')).toBe(true);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.done).toBeGreaterThanOrEqual(seen[i - 1]!.done);
    const last = seen.at(-1)!;
    expect(last.total).toBeGreaterThan(10);
    expect(last.done).toBe(last.total);
  });

  it('a listener that throws cannot stop the call, and a call without one reports to no one', async () => {
    const { door } = await newVault(temp.vaultDir);
    const thrown = await door.core.call('vault.verify', {}, {
      onProgress: () => {
        throw new Error('the door broke');
      },
    });
    expect(thrown).toMatchObject({ ok: true });
    expect(await door.core.call('vault.verify', {})).toMatchObject({ ok: true });
  });
});
