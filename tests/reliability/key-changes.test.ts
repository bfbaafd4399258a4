import { cpSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretBytes } from '../../electron/core/vault/kdf';
import { readKeyFile, writeKeyFile } from '../../electron/core/vault/key-file';
import { makeSlot, openSlot } from '../../electron/core/vault/key-slots';
import { newVault, openDoor, PASSPHRASE, PRACTICE, TEST_KDF, tempFolder, USER } from '../support/vault-fixture';
import { iterations } from './iterations';
import { auditActions } from './support/audit';
import { recordFigures } from './support/figures';
import { killAfterReady, spread, startChild, timeFromReady } from './support/processes';
import { allowForKillsAndRaces } from './support/timeouts';

allowForKillsAndRaces();

/**
 * Changes to vault.keys, each killed at moments spread over the time it takes: nothing is left
 * half-made, no file holding wrapped keys is left behind once the vault is next opened or created, and
 * a change that landed is in the audit log.
 */
const KILLS = iterations(5, 40);
const NEW_PASSPHRASE = 'a different long passphrase';
const TESS = { name: 'Tess Ward', passphrase: 'tess has her own passphrase' };
const RAE = { name: 'Rae Moss', passphrase: 'rae keeps a passphrase too' };

let folder: ReturnType<typeof tempFolder>;
let base: string;
let baseRecoveryCode: string;
beforeAll(async () => {
  folder = tempFolder();
  base = join(folder.dir, 'base');
  const { door, recoveryCode } = await newVault(base);
  baseRecoveryCode = recoveryCode;
  await door.call('users.create', { name: RAE.name, roles: ['therapist'], passphrase: RAE.passphrase });
  await door.call('vault.lock', {});
});
afterAll(() => folder.cleanup());

let copies = 0;
function copyOfBase(): string {
  const dir = join(folder.dir, `vault-${copies++}`);
  cpSync(base, dir, { recursive: true });
  return dir;
}

/** Files in the vault folder and beside it that could hold wrapped keys but are not the vault's own. */
function strays(dir: string): string[] {
  const inside = existsSync(dir) ? readdirSync(dir).filter((name) => name.startsWith('.tmp-')) : [];
  const beside = readdirSync(join(dir, '..')).filter((name) => name.startsWith(`.${dir.split('/').pop()}.new-`));
  return [...inside, ...beside];
}

async function opens(dir: string, passphrase: string, userName?: string): Promise<boolean> {
  const door = openDoor(dir);
  const result = await door.raw('vault.unlock', { passphrase, ...(userName ? { userName } : {}) });
  if (!result.ok) {
    expect(result.error.code).toBe('wrong-passphrase');
    return false;
  }
  await door.call('vault.lock', {});
  return true;
}

describe('key-file changes killed part-way', () => {
  it('vault.create: either a whole vault or none, and no staging folder left after the next create', async () => {
    const duration = await timeFromReady({ task: 'create', vaultDir: join(folder.dir, 'calibrate'), practiceName: PRACTICE, userName: USER, passphrase: PASSPHRASE });
    let stagingLeftByKills = 0;
    let whole = 0;
    for (const [i, delay] of spread(KILLS, duration * 1.2).entries()) {
      const dir = join(folder.dir, `created-${i}`);
      await killAfterReady({ task: 'create', vaultDir: dir, practiceName: PRACTICE, userName: USER, passphrase: PASSPHRASE }, delay);
      stagingLeftByKills += strays(dir).length;
      if (existsSync(join(dir, 'vault.keys'))) {
        whole += 1;
        expect(await opens(dir, PASSPHRASE)).toBe(true);
      } else {
        expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
        await openDoor(dir).call('vault.create', { practiceName: PRACTICE, userName: USER, passphrase: PASSPHRASE });
      }
      expect(strays(dir)).toEqual([]);
    }
    recordFigures('keys: vault.create killed', { kills: KILLS, wholeVaults: whole, noVault: KILLS - whole, stagingLeftByKills, straysAfterNextOpen: 0 });
  });

  it('vault.changePassphrase: one passphrase opens, the change is audited if it landed, no temp file remains', async () => {
    const dir0 = copyOfBase();
    const duration = await timeFromReady({ task: 'change-passphrase', vaultDir: dir0, passphrase: PASSPHRASE, newPassphrase: NEW_PASSPHRASE });
    let landed = 0;
    let tempFilesLeftByKills = 0;
    for (const delay of spread(KILLS, duration * 1.2)) {
      const dir = copyOfBase();
      await killAfterReady({ task: 'change-passphrase', vaultDir: dir, passphrase: PASSPHRASE, newPassphrase: NEW_PASSPHRASE }, delay);
      tempFilesLeftByKills += strays(dir).length;
      const oldOpens = await opens(dir, PASSPHRASE);
      const newOpens = await opens(dir, NEW_PASSPHRASE);
      expect(oldOpens !== newOpens).toBe(true);
      expect(strays(dir)).toEqual([]);
      const changes = (await auditActions(dir, newOpens ? NEW_PASSPHRASE : PASSPHRASE)).filter((a) => a === 'vault.passphrase.change');
      expect(changes).toHaveLength(newOpens ? 1 : 0);
      if (newOpens) landed += 1;
    }
    recordFigures('keys: changePassphrase killed', { kills: KILLS, landedAndAudited: landed, notLanded: KILLS - landed, tempFilesLeftByKills, unaudited: 0, straysAfterNextOpen: 0 });
  });

  it('users.create killed, then tried again with the same name and passphrase: the user can unlock', async () => {
    const dir0 = copyOfBase();
    const task = (dir: string) => ({ task: 'add-user' as const, vaultDir: dir, passphrase: PASSPHRASE, name: TESS.name, userPassphrase: TESS.passphrase });
    const duration = await timeFromReady(task(dir0));
    for (const delay of spread(KILLS, duration * 1.2)) {
      const dir = copyOfBase();
      await killAfterReady(task(dir), delay);
      const door = openDoor(dir);
      await door.call('vault.unlock', { userName: USER, passphrase: PASSPHRASE });
      const again = await door.raw('users.create', { name: TESS.name, roles: ['therapist'], passphrase: TESS.passphrase });
      if (!again.ok) expect(again.error).toMatchObject({ code: 'conflict', message: 'There is already a user with that name.' });
      expect((await door.call('users.list', {})).users.filter((u) => u.name === TESS.name)).toHaveLength(1);
      await door.call('vault.lock', {});
      expect(await opens(dir, TESS.passphrase, TESS.name)).toBe(true);
      expect(await opens(dir, PASSPHRASE, USER)).toBe(true);
      expect(strays(dir)).toEqual([]);
      const keys = readKeyFile(join(dir, 'vault.keys'));
      expect(keys.slots.filter((s) => s.kind === 'passphrase')).toHaveLength(3);
      // Rae's creation, in the base vault, and Tess's: one entry each.
      expect((await auditActions(dir, PASSPHRASE)).filter((a) => a === 'user.create')).toHaveLength(2);
    }
    recordFigures('keys: users.create killed and retried', { kills: KILLS, usersWhoCannotUnlock: 0 });
  });

  it('a slot that belongs to no user (what an older Confide left when killed in users.create) does not block the retry', async () => {
    const dir = copyOfBase();
    // The state such a kill left: a slot opening with Tess's passphrase in vault.keys, first in the list,
    // and no user row for it.
    const keys = readKeyFile(join(dir, 'vault.keys'));
    const dataKey = (await openSlot(keys.slots[0]!, secretBytes(PASSPHRASE)))!;
    const orphan = await makeSlot('passphrase', secretBytes(TESS.passphrase), dataKey, TEST_KDF);
    writeKeyFile(join(dir, 'vault.keys'), { slots: [orphan, ...keys.slots] });
    const door = openDoor(dir);
    await door.call('vault.unlock', { userName: USER, passphrase: PASSPHRASE });
    await door.call('users.create', { name: TESS.name, roles: ['therapist'], passphrase: TESS.passphrase });
    await door.call('vault.lock', {});
    expect(await opens(dir, TESS.passphrase, TESS.name)).toBe(true);
    expect(await opens(dir, TESS.passphrase)).toBe(true);
  });
});

describe('two processes changing vault.keys at once', () => {
  it('one adds a user while another recovers a user: neither loses the other’s slot', async () => {
    const rounds = iterations(2, 20);
    for (let round = 0; round < rounds; round++) {
      const dir = copyOfBase();
      const adding = startChild({ task: 'add-user', vaultDir: dir, passphrase: PASSPHRASE, name: TESS.name, userPassphrase: TESS.passphrase });
      await new Promise((resolve) => setTimeout(resolve, round * 50));
      const recovering = startChild({ task: 'recover', vaultDir: dir, userName: RAE.name, recoveryCode: baseRecoveryCode, newPassphrase: NEW_PASSPHRASE });
      await Promise.all([adding.ended, recovering.ended]);
      expect(adding.lines).toContain('done');
      expect(recovering.lines).toContain('done');
      expect(await opens(dir, TESS.passphrase, TESS.name)).toBe(true);
      expect(await opens(dir, NEW_PASSPHRASE, RAE.name)).toBe(true);
      expect(await opens(dir, PASSPHRASE, USER)).toBe(true);
      expect(readKeyFile(join(dir, 'vault.keys')).slots).toHaveLength(4);
    }
    recordFigures('keys: add-user racing recover', { rounds, slotsLost: 0 });
  });
});
