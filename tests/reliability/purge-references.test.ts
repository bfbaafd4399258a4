import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { fixedClock, newVault, PASSPHRASE, tempFolder } from '../support/vault-fixture';

/**
 * A destroyed client's reference stays in the destruction register, so it must never be given out again: client
 * and case numbers came from max(reference_no) + 1, which gave C-0002 again once C-0002 (the highest) was purged.
 */
const folder = tempFolder();
afterAll(() => folder.cleanup());

it('a reference destroyed by a purge is never given to a later client or case', async () => {
  const { door } = await newVault(join(folder.dir, 'vault-2'), fixedClock('2026-11-25T10:00:00Z'), 'Europe/London');
  await door.call('clients.create', { name: 'Kept Client' });
  const last = await door.call('clients.create', { name: 'Last Client' });
  await door.call('cases.create', { kind: 'individual', participantIds: [last.id], openedOn: '2026-11-02' });
  await door.call('retention.markEnteredInError', { clientId: last.id, reason: 'Duplicate' });
  const preview = await door.call('retention.purgePreview', {});
  await door.call('retention.purge', { currentPassphrase: PASSPHRASE, planDigest: preview.planDigest });
  const next = await door.call('clients.create', { name: 'Next Client' });
  expect(next.reference).toBe('C-0003');
  const kase = await door.call('cases.create', { kind: 'individual', participantIds: [next.id], openedOn: '2026-11-20' });
  expect(kase.reference).toBe('K-0002');
});
