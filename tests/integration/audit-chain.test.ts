import Database from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openVaultDatabaseIndependently } from '../support/independent-open';
import { newVault, openDoor, PASSPHRASE, tempFolder, USER } from '../support/vault-fixture';

let folder: ReturnType<typeof tempFolder>;
let vaultDir: string;
beforeEach(async () => {
  folder = tempFolder();
  vaultDir = join(folder.dir, 'vault');
  const { door } = await newVault(vaultDir);
  const client = await door.call('clients.create', { name: 'Client A' });
  await door.call('clients.get', { clientId: client.id });
  await door.call('vault.lock', {});
  await openDoor(vaultDir).raw('vault.unlock', { userName: USER, passphrase: 'wrong passphrase' });
});
afterEach(() => folder.cleanup());

async function tamper(sql: string): Promise<void> {
  const db: Database.Database = await openVaultDatabaseIndependently(vaultDir, PASSPHRASE);
  db.exec(sql);
  db.close();
}

async function verify() {
  const door = openDoor(vaultDir);
  await door.call('vault.unlock', { userName: USER, passphrase: PASSPHRASE });
  const report = await door.call('vault.verify', {});
  await door.call('vault.lock', {});
  return report;
}

describe('the audit log is a hash chain that shows tampering', () => {
  it('records creation, unlocks, views and changes, and verifies clean', async () => {
    const db = await openVaultDatabaseIndependently(vaultDir, PASSPHRASE);
    const actions = (db.prepare('SELECT action FROM audit_log ORDER BY seq').all() as Array<{ action: string }>).map((r) => r.action);
    db.close();
    expect(actions).toEqual(['vault.create', 'vault.unlock', 'client.create', 'client.view', 'vault.lock']);
    const report = await verify();
    expect(report).toMatchObject({ ok: true, chain: { ok: true, firstBrokenSeq: null }, integrity: { ok: true } });
  });

  it('enters failed unlock attempts at the next successful unlock', async () => {
    const door = openDoor(vaultDir);
    await door.raw('vault.unlock', { userName: USER, passphrase: 'wrong again' });
    await door.call('vault.unlock', { userName: USER, passphrase: PASSPHRASE });
    await door.call('vault.lock', {});
    const db = await openVaultDatabaseIndependently(vaultDir, PASSPHRASE);
    const actions = (db.prepare('SELECT action FROM audit_log ORDER BY seq').all() as Array<{ action: string }>).map((r) => r.action);
    db.close();
    expect(actions.slice(-3)).toEqual(['vault.unlock.failed', 'vault.unlock', 'vault.lock']);
  });

  it.each([
    ['an edited action', "UPDATE audit_log SET action = 'client.create' WHERE seq = 4", 4],
    ['an edited time', "UPDATE audit_log SET at = '2020-01-01T00:00:00.000Z' WHERE seq = 2", 2],
    ['a deleted entry', 'DELETE FROM audit_log WHERE seq = 3', 4],
    ['a rewritten hash', "UPDATE audit_log SET hash = '" + 'a'.repeat(64) + "' WHERE seq = 2", 2],
  ])('detects %s', async (_what, sql, brokenAt) => {
    await tamper(sql);
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.chain.ok).toBe(false);
    expect(report.chain.firstBrokenSeq).toBe(brokenAt);
    expect(report.chain.problem).toMatch(/entry \d+/);
  });
});
