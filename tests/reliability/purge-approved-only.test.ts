import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgePractice, type PurgePractice } from '../support/purge-practice';
import { PASSPHRASE, tempFolder } from '../support/vault-fixture';

/**
 * A purge rechecks only the clients its approved preview listed (not every client's due date, which at 100,000
 * clients held every other call for as long as a preview): it destroys exactly those, refuses if any of them has
 * stopped being due or become blocked, and leaves a client who fell due after the preview for the next one.
 */
let folder: ReturnType<typeof tempFolder>;
let practice: PurgePractice;

beforeAll(async () => {
  folder = tempFolder();
  practice = await purgePractice(join(folder.dir, 'vault'), folder.dir);
}, 60_000);
afterAll(() => folder.cleanup());

const references = async () => (await practice.door.call('clients.list', {})).clients.map((c) => c.reference).sort();

describe('a purge destroys what the director approved, and only that', () => {
  it('leaves a client who fell due after the preview, and destroys the approved list', async () => {
    const preview = await practice.door.call('retention.purgePreview', {});
    expect(preview.clients.map((c) => c.reference)).toEqual(['C-0001', 'C-0002']);
    // Dee (C-0005) falls due after the preview: marked as entered in error.
    await practice.door.call('retention.markEnteredInError', { clientId: practice.ids.dee, reason: 'A duplicate record of another client.' });

    const run = await practice.door.call('retention.purge', { currentPassphrase: PASSPHRASE, planDigest: preview.planDigest });
    expect(run.certificate.destroyed.map((d) => d.reference)).toEqual(['C-0001', 'C-0002']);
    expect(await references()).toEqual(['C-0003', 'C-0004', 'C-0005']);
  });

  it('refuses, destroying nothing, when an approved client is put under a hold after the preview', async () => {
    const preview = await practice.door.call('retention.purgePreview', {});
    expect(preview.clients.map((c) => c.reference)).toEqual(['C-0005']);
    await practice.door.call('holds.place', { clientId: practice.ids.dee, kind: 'complaint', reference: 'Complaint 2026/14' });

    expect(await practice.door.raw('retention.purge', { currentPassphrase: PASSPHRASE, planDigest: preview.planDigest })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('changed since the preview') },
    });
    expect(await references()).toEqual(['C-0003', 'C-0004', 'C-0005']);
  });
});
