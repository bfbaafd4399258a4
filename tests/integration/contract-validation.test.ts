import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, methodNames } from '../../shared/contract';
import { newVault, tempFolder, type TestDoor } from '../support/vault-fixture';

let folder: ReturnType<typeof tempFolder>;
let door: TestDoor;
beforeAll(async () => {
  folder = tempFolder();
  ({ door } = await newVault(join(folder.dir, 'vault')));
});
afterAll(() => folder.cleanup());

const malformedInputs: Array<[string, unknown]> = [
  ['a string', 'hello'],
  ['a number', 42],
  ['an array', []],
  ['null', null],
  ['an unknown field', { surprise: true }],
];

describe('every contract method validates its input in the core before any handler runs', () => {
  it.each(methodNames)('%s rejects malformed input with invalid-input', async (method) => {
    for (const [label, input] of malformedInputs) {
      const result = await door.core.call(method, input);
      expect({ label, result }).toMatchObject({ label, result: { ok: false, error: { code: 'invalid-input' } } });
    }
    expect(door.core.isUnlocked()).toBe(true);
  });

  it('rejects a method that is not in the contract', async () => {
    expect(await door.core.call('vault.exportKey', {})).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await door.core.call('__proto__', {})).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('names the field and the rule for wrong values', async () => {
    const result = await door.raw('clients.create', { name: '  ', dateOfBirth: '1850-13-45', email: 'nope' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.issues?.map((i) => i.path).sort()).toEqual(['dateOfBirth', 'email', 'name']);
    expect(result.error.issues?.find((i) => i.path === 'name')?.message).toBe('Name is required');
  });

  it('refuses a passphrase shorter than the minimum when creating or changing it', async () => {
    const result = await door.raw('vault.changePassphrase', { currentPassphrase: 'x', newPassphrase: 'short' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path: 'newPassphrase' }] } });
  });

  it('every method has an input schema that is a strict object', () => {
    for (const method of methodNames) {
      expect(contract[method].input.safeParse({ unexpected: 1 }).success, method).toBe(false);
    }
  });
});
