import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newVault, openDoor, PASSPHRASE, PRACTICE, snapshot, USER } from '../support/vault-fixture';
import { tempVaultEach } from '../support/temp-vault';

const temp = tempVaultEach();

describe('creating, locking and unlocking a vault', () => {
  it('creates the documented folder and leaves the creator unlocked as director and therapist', async () => {
    const door = openDoor(temp.vaultDir);
    expect((await door.call('vault.status', {})).state).toBe('uninitialised');
    const created = await door.call('vault.create', { practiceName: PRACTICE, userName: USER, passphrase: PASSPHRASE });
    expect(created.recoveryCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){4}$/);
    expect(created.user.roles).toEqual(['director', 'therapist']);
    const status = await door.call('vault.status', {});
    expect(status).toMatchObject({ state: 'unlocked', practiceName: PRACTICE, autoLockMinutes: 5 });
    expect(existsSync(join(temp.vaultDir, 'vault.db'))).toBe(true);
    expect(existsSync(join(temp.vaultDir, 'vault.keys'))).toBe(true);
    expect(existsSync(join(temp.vaultDir, 'blobs'))).toBe(true);
  });

  it('refuses to create a second vault over the first', async () => {
    const { door } = await newVault(temp.vaultDir);
    await door.call('vault.lock', {});
    const again = await openDoor(temp.vaultDir).raw('vault.create', { practiceName: 'X', userName: 'Y', passphrase: PASSPHRASE });
    expect(again).toMatchObject({ ok: false, error: { code: 'vault-exists' } });
  });

  it('locks: every record method is refused until the vault is unlocked again', async () => {
    const { door } = await newVault(temp.vaultDir);
    await door.call('clients.create', { name: 'Alice Example' });
    await door.call('vault.lock', {});
    expect((await door.call('vault.status', {})).state).toBe('locked');
    expect(await door.raw('clients.list', {})).toMatchObject({ ok: false, error: { code: 'vault-locked' } });
    await door.call('vault.unlock', { userName: USER, passphrase: PASSPHRASE });
    expect((await door.call('clients.list', {})).clients.map((c) => c.name)).toEqual(['Alice Example']);
  });

  it('matches the user name as typed: case and surrounding spaces do not matter', async () => {
    const { door } = await newVault(temp.vaultDir);
    await door.call('vault.lock', {});
    await door.call('vault.unlock', { userName: `  ${USER.toUpperCase()} `, passphrase: PASSPHRASE });
    expect(door.core.isUnlocked()).toBe(true);
  });

  it('refuses a wrong passphrase or a wrong name, touching no file of the vault but the record of failed tries', async () => {
    const { door } = await newVault(temp.vaultDir);
    await door.call('vault.lock', {});
    const before = snapshot(temp.vaultDir);
    const fresh = openDoor(temp.vaultDir);
    const wrong = await fresh.raw('vault.unlock', { userName: USER, passphrase: 'not the passphrase' });
    expect(wrong).toEqual({ ok: false, error: { code: 'wrong-passphrase', message: 'That name and passphrase do not open this vault.' } });
    const wrongName = await fresh.raw('vault.unlock', { userName: 'Someone Else', passphrase: PASSPHRASE });
    expect(wrongName).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
    const { 'vault.unlock-failures': failures, ...after } = snapshot(temp.vaultDir);
    expect(after).toEqual(before);
    // Two times, and nothing else: the failed tries wait there for the next unlock to enter them in the log.
    expect(readFileSync(join(temp.vaultDir, 'vault.unlock-failures'), 'utf8')).toMatch(/^(\d{4}-\d\d-\d\dT[\d:.]+Z\n){2}$/);
    expect(failures).toBeDefined();
    expect(fresh.core.isUnlocked()).toBe(false);
  });

  it('treats composed and decomposed accents as the same passphrase (NFC)', async () => {
    const door = openDoor(temp.vaultDir);
    const composed = 'café au lait, s\u00e9ance';
    await door.call('vault.create', { practiceName: PRACTICE, userName: USER, passphrase: composed });
    await door.call('vault.lock', {});
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    await door.call('vault.unlock', { userName: USER, passphrase: decomposed });
    expect(door.core.isUnlocked()).toBe(true);
  });

  it('unlocks with the recovery code, which sets a new passphrase that replaces the old one', async () => {
    const { door, recoveryCode } = await newVault(temp.vaultDir);
    await door.call('vault.lock', {});
    const keysBefore = JSON.parse(readFileSync(join(temp.vaultDir, 'vault.keys'), 'utf8'));
    const typedByHand = recoveryCode.toLowerCase().replaceAll('-', ' ');
    await door.call('vault.recover', { userName: USER, recoveryCode: typedByHand, newPassphrase: 'a new passphrase for Sam' });
    expect(door.core.isUnlocked()).toBe(true);
    await door.call('vault.lock', {});
    expect(await door.raw('vault.unlock', { userName: USER, passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'wrong-passphrase' },
    });
    await door.call('vault.unlock', { userName: USER, passphrase: 'a new passphrase for Sam' });
    const keysAfter = JSON.parse(readFileSync(join(temp.vaultDir, 'vault.keys'), 'utf8'));
    const recoveryBefore = keysBefore.slots.find((s: { kind: string }) => s.kind === 'recovery');
    const recoveryAfter = keysAfter.slots.find((s: { kind: string }) => s.kind === 'recovery');
    expect(recoveryAfter).toEqual(recoveryBefore);
  });

  it('refuses a wrong or malformed recovery code', async () => {
    const { door, recoveryCode } = await newVault(temp.vaultDir);
    await door.call('vault.lock', {});
    const wrongCode = recoveryCode.startsWith('0') ? `1${recoveryCode.slice(1)}` : `0${recoveryCode.slice(1)}`;
    const input = { userName: USER, newPassphrase: 'another good passphrase' };
    expect(await door.raw('vault.recover', { ...input, recoveryCode: wrongCode })).toMatchObject({
      ok: false,
      error: { code: 'wrong-passphrase', message: 'That recovery code does not open this vault.' },
    });
    expect(await door.raw('vault.recover', { ...input, recoveryCode: 'ABC' })).toMatchObject({
      ok: false,
      error: { code: 'wrong-passphrase' },
    });
  });

  it('changes the passphrase by rewrapping only that user\u2019s slot', async () => {
    const { door } = await newVault(temp.vaultDir);
    const before = JSON.parse(readFileSync(join(temp.vaultDir, 'vault.keys'), 'utf8'));
    expect(
      await door.raw('vault.changePassphrase', { currentPassphrase: 'wrong one', newPassphrase: 'the next passphrase' }),
    ).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
    await door.call('vault.changePassphrase', { currentPassphrase: PASSPHRASE, newPassphrase: 'the next passphrase' });
    const after = JSON.parse(readFileSync(join(temp.vaultDir, 'vault.keys'), 'utf8'));
    const byKind = (file: { slots: Array<{ kind: string }> }, kind: string) => file.slots.find((s) => s.kind === kind);
    expect(byKind(after, 'recovery')).toEqual(byKind(before, 'recovery'));
    expect(byKind(after, 'passphrase')).not.toEqual(byKind(before, 'passphrase'));
    await door.call('vault.lock', {});
    await door.call('vault.unlock', { userName: USER, passphrase: 'the next passphrase' });
  });

  it('replaces a lost recovery code after the current passphrase is proven; the old code stops working', async () => {
    const { door, recoveryCode } = await newVault(temp.vaultDir);
    expect(await door.raw('vault.newRecoveryCode', { currentPassphrase: 'wrong' })).toMatchObject({
      ok: false,
      error: { code: 'wrong-passphrase' },
    });
    const { recoveryCode: fresh } = await door.call('vault.newRecoveryCode', { currentPassphrase: PASSPHRASE });
    expect(fresh).not.toBe(recoveryCode);
    await door.call('vault.lock', {});
    const input = { userName: USER, newPassphrase: 'after the new code' };
    expect(await door.raw('vault.recover', { ...input, recoveryCode })).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
    await door.call('vault.recover', { ...input, recoveryCode: fresh });
    expect(door.core.isUnlocked()).toBe(true);
  });

  it('tells a second opener that the vault is open elsewhere', async () => {
    const { door } = await newVault(temp.vaultDir);
    const second = openDoor(temp.vaultDir);
    expect(await second.raw('vault.unlock', { userName: USER, passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'vault-busy' },
    });
    await door.call('vault.lock', {});
    await second.call('vault.unlock', { userName: USER, passphrase: PASSPHRASE });
  });

  it('says plainly when there is no vault', async () => {
    const result = await openDoor(join(temp.dir, 'nothing-here')).raw('vault.unlock', { userName: USER, passphrase: PASSPHRASE });
    expect(result).toMatchObject({ ok: false, error: { code: 'no-vault' } });
  });
});
