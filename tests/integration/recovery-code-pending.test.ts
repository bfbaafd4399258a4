import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newVault, openDoor, PASSPHRASE, USER } from '../support/vault-fixture';
import { tempVaultEach } from '../support/temp-vault';

const temp = tempVaultEach();

const THERAPIST = { name: 'Tess Therapist', passphrase: 'tess keeps her own caseload' };

describe('a recovery code survives any lock until it is confirmed as written down', () => {
  it('is shown again after a lock and unlock, dated by the core’s clock, until a director confirms it', async () => {
    const clock = () => new Date('2031-02-28T23:58:00Z');
    const door = openDoor(temp.vaultDir, clock);
    const created = await door.call('vault.create', { practiceName: 'P', userName: USER, passphrase: PASSPHRASE });
    expect(created.issuedAt).toBe('2031-02-28T23:58:00.000Z');
    await door.call('vault.lock', {});

    await door.call('vault.unlock', { userName: USER, passphrase: PASSPHRASE });
    expect(await door.call('vault.pendingRecoveryCode', {})).toEqual({
      pending: { recoveryCode: created.recoveryCode, issuedAt: created.issuedAt, replacesEarlierCode: false },
    });
    await door.call('vault.confirmRecoveryCode', {});
    expect(await door.call('vault.pendingRecoveryCode', {})).toEqual({ pending: null });
    await door.call('vault.lock', {});
    await door.call('vault.unlock', { userName: USER, passphrase: PASSPHRASE });
    expect(await door.call('vault.pendingRecoveryCode', {})).toEqual({ pending: null });
  });

  it('a replaced code is pending too, and the confirmation is audited', async () => {
    const { door } = await newVault(temp.vaultDir);
    await door.call('vault.confirmRecoveryCode', {});
    const issued = await door.call('vault.newRecoveryCode', { currentPassphrase: PASSPHRASE });
    await door.call('vault.lock', {});
    await door.call('vault.unlock', { userName: USER, passphrase: PASSPHRASE });
    expect((await door.call('vault.pendingRecoveryCode', {})).pending).toEqual({
      recoveryCode: issued.recoveryCode,
      issuedAt: issued.issuedAt,
      replacesEarlierCode: true,
    });
    await door.call('vault.confirmRecoveryCode', {});
    expect((await door.call('vault.verify', {})).chain.ok).toBe(true);
  });

  it('a therapist never sees a pending code and cannot confirm it', async () => {
    const { door } = await newVault(temp.vaultDir);
    await door.call('users.create', { name: THERAPIST.name, roles: ['therapist'], passphrase: THERAPIST.passphrase });
    await door.call('vault.lock', {});
    await door.call('vault.unlock', { userName: THERAPIST.name, passphrase: THERAPIST.passphrase });
    expect(await door.call('vault.pendingRecoveryCode', {})).toEqual({ pending: null });
    expect(await door.raw('vault.confirmRecoveryCode', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await door.call('vault.lock', {});
    await door.call('vault.unlock', { userName: USER, passphrase: PASSPHRASE });
    expect((await door.call('vault.pendingRecoveryCode', {})).pending).not.toBeNull();
  });
});

describe('the core’s clock is the one source of now and today', () => {
  it('answers with the injected clock, locked or not, on either side of midnight', async () => {
    const at = (iso: string) => openDoor(temp.vaultDir, () => new Date(iso));
    expect(await at('2028-02-29T12:00:00Z').call('clock.now', {})).toEqual({ now: '2028-02-29T12:00:00.000Z', today: '2028-02-29' });
    const lateNight = new Date(2030, 11, 31, 23, 58);
    expect((await openDoor(temp.vaultDir, () => lateNight).call('clock.now', {})).today).toBe('2030-12-31');
    const justAfter = new Date(2031, 0, 1, 0, 1);
    expect((await openDoor(temp.vaultDir, () => justAfter).call('clock.now', {})).today).toBe('2031-01-01');
  });
});
