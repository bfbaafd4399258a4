import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openVaultDatabaseIndependently } from '../support/independent-open';
import { newVault, PASSPHRASE } from '../support/vault-fixture';
import { tempVaultEach } from '../support/temp-vault';

const temp = tempVaultEach();

describe('docs/vault-format.md is enough to open a vault without Confide', () => {
  it('derives the key, unwraps the data key and reads the records with stock SQLCipher 4 settings', async () => {
    const { door } = await newVault(temp.vaultDir);
    const client = await door.call('clients.create', { name: 'Format Check' });
    await door.call('notes.saveDraft', { about: { type: 'client', clientId: client.id, kind: 'client' }, body: 'Readable by the documented route' });
    await door.call('vault.lock', {});

    const db = await openVaultDatabaseIndependently(temp.vaultDir, PASSPHRASE);
    expect(db.prepare('SELECT name FROM clients').all()).toEqual([{ name: 'Format Check' }]);
    expect(db.prepare('SELECT body FROM notes').all()).toEqual([{ body: 'Readable by the documented route' }]);
    expect(db.pragma('page_size', { simple: true })).toBe(4096);
    db.close();
  });

  it('the key file checksum is SHA-256 of the compact JSON without the checksum member', async () => {
    const { door } = await newVault(temp.vaultDir);
    await door.call('vault.lock', {});
    const { checksum, ...body } = JSON.parse(readFileSync(join(temp.vaultDir, 'vault.keys'), 'utf8'));
    expect(createHash('sha256').update(JSON.stringify(body)).digest('hex')).toBe(checksum);
    expect(Object.keys(body)).toEqual(['format', 'version', 'slots']);
    expect(body.slots.map((s: { kind: string }) => s.kind).sort()).toEqual(['passphrase', 'recovery']);
  });
});
