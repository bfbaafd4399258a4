import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newVault, openDoor, PASSPHRASE, PRACTICE, snapshot, tempFolder, USER, type TestDoor } from '../support/vault-fixture';
import { recordTablesOf } from '../support/record-tables';

/**
 * A lone UTF-16 surrogate is not text: encoding it to UTF-8 silently turns it into U+FFFD. Two different
 * passphrases with different lone surrogates therefore derived the same key and opened the same vault, and a
 * name with one was stored as something else than what was sent.
 */
const BROKEN = /contains a broken character/;
const P1 = 'correct horse battery \uD800staple';
const P2 = 'correct horse battery \uDBFFstaple';

let folder: ReturnType<typeof tempFolder>;
beforeAll(() => (folder = tempFolder()));
afterAll(() => folder.cleanup());

describe('passphrases with lone surrogates', () => {
  it('two different passphrases with different lone surrogates are different strings that would encode alike', () => {
    expect(P1).not.toBe(P2);
    expect(Buffer.from(P1, 'utf8').equals(Buffer.from(P2, 'utf8'))).toBe(true);
  });

  it('cannot create a vault, so no key is ever derived from one', async () => {
    const vaultDir = join(folder.dir, 'refused');
    const door = openDoor(vaultDir);
    const created = await door.core.call('vault.create', { practiceName: PRACTICE, userName: USER, passphrase: P1 });
    expect(created).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path: 'passphrase' }] } });
    if (!created.ok) expect(created.error.message).toMatch(BROKEN);
    // Had the vault been made, the second passphrase would open it: prove that neither can.
    const other = await door.core.call('vault.unlock', { passphrase: P2 });
    expect(other).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('are refused at unlock, recovery, change and new users, before any key work and without slowing the next attempt', async () => {
    const vaultDir = join(folder.dir, 'vault');
    const { door, recoveryCode } = await newVault(vaultDir);
    const attempts: Array<[string, Record<string, unknown>, string]> = [
      ['vault.changePassphrase', { currentPassphrase: PASSPHRASE, newPassphrase: P1 }, 'newPassphrase'],
      ['vault.changePassphrase', { currentPassphrase: P1, newPassphrase: 'a perfectly good passphrase' }, 'currentPassphrase'],
      ['vault.newRecoveryCode', { currentPassphrase: P2 }, 'currentPassphrase'],
      ['users.create', { name: 'Tess Morgan', roles: ['therapist'], passphrase: P2 }, 'passphrase'],
    ];
    await door.call('clients.create', { name: 'Before Snapshot' });
    const keysBefore = snapshot(vaultDir)['vault.keys'];
    const before = await recordTablesOf(door, vaultDir, { passphrase: PASSPHRASE });
    for (const [method, input, path] of attempts) {
      const result = await door.core.call(method, input);
      expect({ method, result }).toMatchObject({ method, result: { ok: false, error: { code: 'invalid-input', issues: [{ path }] } } });
    }
    // No key was touched and no record written: each refusal is only entered in the audit log as an attempt.
    expect(snapshot(vaultDir)['vault.keys']).toBe(keysBefore);
    expect(await recordTablesOf(door, vaultDir, { passphrase: PASSPHRASE })).toEqual(before);
    await door.call('vault.lock', {});
    for (const input of [{ passphrase: P1 }, { userName: USER, passphrase: P2 }]) {
      expect(await door.core.call('vault.unlock', input)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    const recovered = await door.core.call('vault.recover', { userName: USER, recoveryCode, newPassphrase: P1 });
    expect(recovered).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path: 'newPassphrase' }] } });
    // Refusals are not failed guesses: the real passphrase opens at once.
    expect(await door.core.call('vault.unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: true });
  });
});

describe('text with lone surrogates', () => {
  let door: TestDoor;
  let clientId = '';
  let caseId = '';
  beforeAll(async () => {
    ({ door } = await newVault(join(folder.dir, 'text')));
    clientId = (await door.call('clients.create', { name: 'Una Code' })).id;
    caseId = (await door.call('cases.create', { kind: 'individual', participantIds: [clientId], openedOn: '2024-01-01' })).id;
  });

  it.each([
    ['clients.create', () => ({ name: 'Ada \uD83D Lovelace' }), 'name'],
    ['clients.create', () => ({ name: 'Ada', preferredName: '\uDE00' }), 'preferredName'],
    ['clients.create', () => ({ name: 'Ada', address: '1 High St\uDC00' }), 'address'],
    ['clients.create', () => ({ name: 'Ada', equality: { consentRecorded: true, gender: '\uD800' } }), 'equality.gender'],
    ['clients.update', () => ({ clientId, referrerName: 'Dr \uDFFF' }), 'referrerName'],
    ['clients.list', () => ({ query: 'Ada\uD800' }), 'query'],
    ['notes.saveDraft', () => ({ about: { type: 'client', clientId, kind: 'client' }, body: 'half an emoji \uD83D' }), 'body'],
    ['search.query', () => ({ text: '\uDC00' }), 'text'],
    ['vault.create', () => ({ practiceName: 'Riverside \uD800', userName: 'X', passphrase: 'long enough passphrase' }), 'practiceName'],
    ['cases.create', () => ({ kind: 'individual', participantIds: [clientId], openedOn: '2024-01-0\uD800' }), 'openedOn'],
    ['sessions.create', () => ({ caseId, startsAt: '2024-01-0\uD8001T10:00', durationMinutes: 50, modality: 'video', status: 'attended', attendeeIds: [clientId] }), 'startsAt'],
  ] as const)('%s refuses a lone surrogate in %#', async (method, input, path) => {
    const result = await door.core.call(method, input());
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (!result.ok) expect(result.error.issues?.map((i) => i.path)).toContain(path);
  });

  it('says what is wrong in words', async () => {
    const result = await door.core.call('clients.create', { name: 'Ada \uD83D Lovelace' });
    expect(result).toMatchObject({ ok: false, error: { message: 'Name contains a broken character (often half of an emoji). Type it again.' } });
  });

  it('accepts whole emoji and every script', async () => {
    const client = await door.call('clients.create', { name: 'Zoë 😀 Ωmega 李 عمر' });
    expect(client.name).toBe('Zoë 😀 Ωmega 李 عمر');
  });
});
