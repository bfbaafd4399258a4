import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, methodNames, type MethodName } from '../../shared/contract';
import { newVault, tempFolder, type TestDoor } from '../support/vault-fixture';

/**
 * Errors speak the user's language. zod's defaults ("Invalid input: expected string, received undefined",
 * "No matching discriminator", "Invalid ISO date") reached people through every door; each field now says
 * what it needs in words. The walk covers every method: each field missing, and each field given a value of
 * every other kind.
 */
const JARGON = /expected|received|discriminator|invalid input|\bISO\b|unrecognized|invalid_|nonoptional|NaN|undefined|\bnull\b/i;

let folder: ReturnType<typeof tempFolder>;
let door: TestDoor;
beforeAll(async () => {
  folder = tempFolder();
  ({ door } = await newVault(join(folder.dir, 'vault')));
});
afterAll(() => folder.cleanup());

const OTHER_KINDS: unknown[] = [42, 1.5, -1, true, 'some text', '', null, [], ['x'], {}, { nested: 1 }];
const NESTED_GROUPS: Record<string, unknown[]> = {
  about: [{}, { type: 'session' }, { type: 'case' }, { type: 'client' }, { type: 'nothing' }, { type: 42 }, { type: 'client', clientId: 1, kind: 'x' }],
  equality: [{ consentRecorded: false }, { consentRecorded: 'yes' }, { gender: 'x' }, { consentRecorded: true, gender: 1 }],
};

/** Every input the walk tries for one method: its fields missing, then each field of every other kind. */
function inputsFor(method: MethodName): unknown[] {
  const schema = contract[method].input as unknown as z.ZodObject;
  const inputs: unknown[] = [{}, 'hello', 7, null, [], true];
  for (const key of Object.keys(schema.shape)) {
    for (const value of [...OTHER_KINDS, ...(NESTED_GROUPS[key] ?? [])]) inputs.push({ [key]: value });
  }
  return inputs;
}

async function messagesFor(method: MethodName, input: unknown): Promise<string[]> {
  if (contract[method].input.safeParse(input).success) return []; // only refusals are under test here
  const result = await door.core.call(method, input);
  expect(result.ok).toBe(false);
  if (result.ok) return [];
  expect(result.error.code).toBe('invalid-input');
  return [result.error.message, ...(result.error.issues ?? []).map((issue) => issue.message)];
}

describe('validation messages are written for people', () => {
  it.each(methodNames)('%s: no missing or wrong-typed field gets a message in zod’s words', async (method) => {
    let checked = 0;
    for (const input of inputsFor(method)) {
      for (const message of await messagesFor(method, input)) {
        checked += 1;
        expect({ input, message }).toEqual({ input, message: expect.not.stringMatching(JARGON) });
        expect(message.length).toBeGreaterThan(10);
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it.each(methodNames)('%s: the schema itself carries the messages (the core’s plain-language net is only a net)', (method) => {
    for (const input of inputsFor(method)) {
      const parsed = contract[method].input.safeParse(input);
      // Unknown fields are named by the core itself, from the field names.
      for (const issue of parsed.error?.issues.filter((i) => i.code !== 'unrecognized_keys') ?? []) {
        expect({ input, message: issue.message }).toEqual({ input, message: expect.not.stringMatching(JARGON) });
      }
    }
  });

  it('a date written the British way is told how to write it', async () => {
    const result = await door.raw('clients.create', { name: 'Dee Dates', dateOfBirth: '31/12/1990' });
    expect(result).toMatchObject({
      ok: false,
      error: {
        message: 'Date of birth must be written YYYY-MM-DD, for example 1990-12-31',
        issues: [{ path: 'dateOfBirth', message: 'Date of birth must be written YYYY-MM-DD, for example 1990-12-31' }],
      },
    });
  });

  it('a missing name is "Name is required"', async () => {
    const result = await door.core.call('clients.create', { phone: '01234 567890' });
    expect(result).toMatchObject({ ok: false, error: { message: 'Name is required', issues: [{ path: 'name', message: 'Name is required' }] } });
  });

  it('a day that does not exist, a session time without a time and a note about nothing each say what is wrong', async () => {
    const cases: Array<[MethodName, unknown, string]> = [
      ['clients.create', { name: 'X', dateOfBirth: '1990-02-30' }, 'Date of birth must be a real date: check the day and the month'],
      ['cases.create', { kind: 'individual', participantIds: [], openedOn: '2024-01-01' }, 'A case needs at least one participant'],
      ['notes.saveDraft', { about: { type: 'diary' }, body: '' }, 'Say what the note is about'],
      ['clients.list', { status: 'open' }, 'Status must be one of "active", "closed", "all"'],
      ['settings.update', { autoLockMinutes: '5' }, 'Auto-lock time must be a number of minutes'],
      ['clients.get', { clientId: 'C-0001' }, 'Client id is not valid'],
      ['clients.create', { name: 'X', surname: 'Y' }, 'Unknown field: surname'],
      ['vault.status', 'status please', 'The input must be a set of named fields'],
    ];
    for (const [method, input, start] of cases) {
      const result = await door.core.call(method, input);
      expect({ method, message: result.ok ? 'accepted' : result.error.message }).toEqual({ method, message: expect.stringContaining(start) });
    }
    const session = await door.core.call('sessions.create', {
      caseId: '00000000-0000-4000-8000-000000000000',
      startsAt: '2026-11-23',
      durationMinutes: 50,
      modality: 'video',
      status: 'attended',
      attendeeIds: ['00000000-0000-4000-8000-000000000001'],
    });
    expect(session).toMatchObject({
      ok: false,
      error: { message: 'Session date and time must be written YYYY-MM-DDTHH:MM, for example 2026-11-23T14:30' },
    });
  });
});
