import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openVaultDatabaseIndependently } from '../support/independent-open';
import { spawnCli } from '../support/cli';
import { tempVaultEach } from '../support/temp-vault';
import { newVault, openDoor, PASSPHRASE, USER } from '../support/vault-fixture';
import { auditActions } from './support/audit';

// The chain alone cannot show that entries were cut from its end: every remaining entry still follows the
// one before. The head is sealed outside the database (vault.anchor) with a key only the data key gives.
const temp = tempVaultEach();

async function practiceWithHistory() {
  const { door } = await newVault(temp.vaultDir);
  for (let i = 0; i < 12; i++) {
    const client = await door.call('clients.create', { name: `Client ${i}` });
    await door.call('clients.get', { clientId: client.id });
  }
  await door.call('vault.lock', {});
}

async function tamper(sql: string): Promise<void> {
  const db = await openVaultDatabaseIndependently(temp.vaultDir, PASSPHRASE);
  db.exec(sql);
  db.close();
}

async function verify() {
  const door = openDoor(temp.vaultDir);
  await door.call('vault.unlock', { userName: USER, passphrase: PASSPHRASE });
  const report = await door.call('vault.verify', {});
  await door.call('vault.lock', {});
  return report;
}

describe('cutting entries off the end of the audit log', () => {
  it.each([1, 5, 20])('is reported by verify when %i entries are cut', async (cut) => {
    await practiceWithHistory();
    await tamper(`DELETE FROM audit_log WHERE seq > (SELECT max(seq) FROM audit_log) - ${cut}`);
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.chain).toMatchObject({ ok: false, problem: expect.stringMatching(/^entries \d+ to \d+ are missing from the end of the audit log$/) });
  });

  it('and by `confide verify`, with exit code 7', async () => {
    await practiceWithHistory();
    await tamper('DELETE FROM audit_log WHERE seq > (SELECT max(seq) FROM audit_log) - 3');
    const run = await spawnCli(['verify', temp.vaultDir, '--passphrase-stdin'], `${PASSPHRASE}\n`);
    expect(run.code).toBe(7);
    expect(run.stderr).toMatch(/^confide: entries \d+ to \d+ are missing from the end of the audit log\n$/);
  });

  it('an altered anchor is reported, and is kept as evidence rather than sealed over', async () => {
    await practiceWithHistory();
    expect((await verify()).ok).toBe(true);
    const anchorPath = join(temp.vaultDir, 'vault.anchor');
    const anchor = JSON.parse(readFileSync(anchorPath, 'utf8')) as { seq: number };
    writeFileSync(anchorPath, JSON.stringify({ ...anchor, seq: anchor.seq - 4 }));
    expect((await verify()).chain.problem).toBe('the audit anchor (vault.anchor) was altered');
    expect((await verify()).chain.problem).toBe('the audit anchor (vault.anchor) was altered');
  });

  it('a deleted anchor is reported', async () => {
    await practiceWithHistory();
    rmSync(join(temp.vaultDir, 'vault.anchor'));
    expect((await verify()).chain.problem).toMatch(/vault\.anchor\) is missing/);
  });
});

describe('failed unlocks survive without the data key', () => {
  it('from separate processes and doors that quit before any success, all reach the audit log at the next unlock', async () => {
    await practiceWithHistory();
    // Two apps that quit after one wrong try each, and two CLI runs.
    for (let i = 0; i < 2; i++) expect(await openDoor(temp.vaultDir).raw('vault.unlock', { userName: USER, passphrase: 'not it at all' })).toMatchObject({ ok: false });
    for (let i = 0; i < 2; i++) expect((await spawnCli(['verify', temp.vaultDir, '--passphrase-stdin'], 'still not it\n')).code).toBe(3);
    const door = openDoor(temp.vaultDir);
    await door.call('vault.unlock', { userName: USER, passphrase: PASSPHRASE });
    await door.call('vault.lock', {});
    const actions = await auditActions(temp.vaultDir, PASSPHRASE);
    expect(actions.filter((a) => a === 'vault.unlock.failed')).toHaveLength(4);
    // Entered once: the next unlock finds none left.
    await door.call('vault.unlock', { userName: USER, passphrase: PASSPHRASE });
    await door.call('vault.lock', {});
    expect((await auditActions(temp.vaultDir, PASSPHRASE)).filter((a) => a === 'vault.unlock.failed')).toHaveLength(4);
  });
});
