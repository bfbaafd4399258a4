import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStrengthChecker, newPassphraseProblem, passphraseUserInputs, type StrengthChecker } from '../../shared/passphrase-strength';
import { runCli } from '../support/cli';
import { newVault, openDoor, PASSPHRASE, PRACTICE, snapshot, tempFolder, USER, type TestDoor } from '../support/vault-fixture';

/**
 * Every new passphrase — a new vault, a recovery, a change, a new user — must pass the app's strength rule,
 * enforced in the core whichever door it comes through. `init` used to accept `aaaaaaaaaaaa`.
 */
const WEAK = ['aaaaaaaaaaaa', 'password1234', 'qwertyuiopasdf', 'iloveyou2024!!'];
/** Weak only because it leans on the practice's name, which the core knows everywhere but in a recovery. */
const ON_THE_PRACTICE_NAME = `${PRACTICE} 1`;
/** Passphrases the test suites set: the rule must let ordinary strong passphrases through. */
const STRONG = [
  PASSPHRASE,
  'copper lantern orchard drift',
  'a long and careful passphrase',
  'tess has her own passphrase',
  'dee directs the practice',
  'the replacement passphrase',
  'willow harbour seven kites',
  'after the new recovery code',
];

let folder: ReturnType<typeof tempFolder>;
let vault: string;
let door: TestDoor;
let recoveryCode: string;
let checker: StrengthChecker;

beforeAll(async () => {
  folder = tempFolder();
  vault = join(folder.dir, 'vault');
  ({ door, recoveryCode } = await newVault(vault));
  checker = await loadStrengthChecker();
});
afterAll(() => folder.cleanup());

function expectRefusal(result: { ok: boolean; error?: { code: string; message: string; issues?: Array<{ path: string }> } }, field: string) {
  expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path: field }] } });
  // Says what is wrong and what to do about it.
  expect(result.error?.message).toMatch(/^Passphrase is too easy to guess\b.*Add one or two more words/);
}

describe('the strength rule for new passphrases, in the core', () => {
  it.each([...WEAK, ON_THE_PRACTICE_NAME])('vault.create refuses %j and creates nothing', async (weak) => {
    const dir = join(folder.dir, 'never-created');
    const result = await openDoor(dir).raw('vault.create', { practiceName: PRACTICE, userName: USER, passphrase: weak });
    expectRefusal(result, 'passphrase');
    expect(existsSync(dir)).toBe(false);
  });

  it.each([...WEAK, ON_THE_PRACTICE_NAME])('vault.changePassphrase and users.create refuse %j and change nothing', async (weak) => {
    const keysBefore = readFileSync(join(vault, 'vault.keys'), 'utf8');
    expectRefusal(await door.raw('vault.changePassphrase', { currentPassphrase: PASSPHRASE, newPassphrase: weak }), 'newPassphrase');
    expectRefusal(await door.raw('users.create', { name: 'Tess Morgan', roles: ['therapist'], passphrase: weak }), 'passphrase');
    expect(readFileSync(join(vault, 'vault.keys'), 'utf8')).toBe(keysBefore);
    expect((await door.call('users.list', {})).users.map((u) => u.name)).toEqual([USER]);
  });

  it.each(WEAK)('vault.recover refuses %j and leaves the key file as it was', async (weak) => {
    await door.call('vault.lock', {});
    const recovering = openDoor(vault);
    try {
      const before = snapshot(vault);
      expectRefusal(await recovering.raw('vault.recover', { userName: USER, recoveryCode, newPassphrase: weak }), 'newPassphrase');
      expect(snapshot(vault)).toEqual(before);
    } finally {
      recovering.core.lock('user');
      await door.call('vault.unlock', { passphrase: PASSPHRASE });
    }
  });

  it('a passphrase built on the practice or the person’s name is refused for that practice or person only', async () => {
    expect(newPassphraseProblem(checker, 'Riverside2026!', passphraseUserInputs({ practiceName: 'Riverside Counselling' }))).toMatch(/too easy/);
    expectRefusal(await door.raw('users.create', { name: 'Marguerite Okonkwo', roles: ['therapist'], passphrase: 'Marguerite Okonkwo 1' }), 'passphrase');
  });

  it.each(STRONG)('%j passes the rule', (strong) => {
    expect(newPassphraseProblem(checker, strong, passphraseUserInputs({ practiceName: PRACTICE, userName: USER }))).toBeNull();
  });

  it('the app and the core give the same answer, from the one shared rule', async () => {
    for (const weak of WEAK) {
      const fromShared = newPassphraseProblem(checker, weak, passphraseUserInputs({ practiceName: PRACTICE, userName: USER }));
      const fromCore = await door.raw('vault.changePassphrase', { currentPassphrase: PASSPHRASE, newPassphrase: weak });
      expect(fromCore).toMatchObject({ ok: false, error: { message: fromShared } });
    }
  });
});

describe('the strength rule at the command line', () => {
  it.each(['aaaaaaaaaaaa', 'password1234'])('init refuses %j with exit 2 and one line saying what to do, creating nothing', async (weak) => {
    const dir = join(folder.dir, 'cli-never-created');
    const result = await runCli(['init', dir, '--practice', PRACTICE, '--user', USER, '--passphrase-stdin'], `${weak}\n`);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^confide: Passphrase is too easy to guess\b.*Add one or two more words[^\n]*\n$/);
    expect(result.stderr).not.toContain(weak);
    expect(existsSync(dir)).toBe(false);
  });
});
