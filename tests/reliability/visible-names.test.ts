import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newVault, openDoor, tempFolder, type TestDoor } from '../support/vault-fixture';

/**
 * A name made only of zero-width and bidi characters was accepted and displayed as nothing; a bidi override in
 * a name can make the text after it (a reference, the next name in a list) display reversed.
 * Names must contain a visible character, and text-direction controls in names are refused.
 */
const INVISIBLE = ['\u200B\u200C\u200D', '\u202E\u2066\u2069', '\u00A0\u3000\u2800', '\uFEFF\u200E\u200F', '\u3164', '\u0301\u0308'];
const BIDI = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'];

let folder: ReturnType<typeof tempFolder>;
let door: TestDoor;
let clientId = '';
beforeAll(async () => {
  folder = tempFolder();
  ({ door } = await newVault(join(folder.dir, 'vault')));
  clientId = (await door.call('clients.create', { name: 'Vera Visible' })).id;
});
afterAll(() => folder.cleanup());

describe('names must show', () => {
  it.each(INVISIBLE.map((name) => [JSON.stringify(name), name]))('a name of only %s is refused', async (_shown, name) => {
    const result = await door.core.call('clients.create', { name });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path: 'name' }] } });
  });

  it('a name of spaces is a name not given, and U+FEFF at its ends is dropped like a space', async () => {
    const spaces = await door.call('clients.create', { name: 'Sid Spaces', preferredName: '   ' });
    expect(spaces.preferredName).toBeNull();
    const marked = await door.call('clients.create', { name: '\uFEFFBea Bom\uFEFF' });
    expect(marked.name).toBe('Bea Bom');
  });

  it('says so in words', async () => {
    const result = await door.core.call('clients.create', { name: '\u200B\u200B' });
    expect(result).toMatchObject({ ok: false, error: { message: 'Name must include at least one letter or other visible character' } });
  });

  it.each(BIDI.map((c) => [`U+${c.codePointAt(0)!.toString(16).toUpperCase()}`, c]))(
    'a text-direction control (%s) in a name is refused',
    async (_code, c) => {
      const result = await door.core.call('clients.create', { name: `Mallory${c} (C-0001)` });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'invalid-input', message: 'Name cannot contain text-direction control characters; type it instead of pasting it' },
      });
    },
  );

  it.each([
    ['clients.update', () => ({ clientId, name: '\u202Eevil' }), 'name'],
    ['clients.update', () => ({ clientId, preferredName: '\u200B' }), 'preferredName'],
    ['clients.update', () => ({ clientId, referrerName: 'Dr\u202E Who' }), 'referrerName'],
    // JavaScript's trim drops U+FEFF, so an optional name of only that passed as "not given" (found by the
    // long-form contract fuzz).
    ['clients.create', () => ({ name: 'Fern Field', preferredName: '\uFEFF' }), 'preferredName'],
    ['clients.update', () => ({ clientId, referrerName: '\uFEFF\uFEFF' }), 'referrerName'],
    ['users.create', () => ({ name: '\u2067Tess', roles: ['therapist'], passphrase: 'a long passphrase here' }), 'name'],
    ['users.create', () => ({ name: '\u200D', roles: ['therapist'], passphrase: 'a long passphrase here' }), 'name'],
  ] as const)('%s checks names the same way (%#)', async (method, input, path) => {
    const result = await door.core.call(method, input());
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path }] } });
  });

  it('a practice name and the first user name are checked the same way when a vault is made', async () => {
    const fresh = openDoor(join(folder.dir, 'fresh'));
    for (const input of [
      { practiceName: '\u200B', userName: 'Sam', passphrase: 'a long passphrase here' },
      { practiceName: 'Riverside', userName: 'Sam\u202E', passphrase: 'a long passphrase here' },
    ]) {
      expect(await fresh.core.call('vault.create', input)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
  });

  it('right-to-left and joined scripts still work without controls', async () => {
    for (const name of ['عمر الفاروق', 'דנה כהן', 'क्षत्रिय', 'Zoë-Ann O’Neil']) {
      expect((await door.call('clients.create', { name })).name).toBe(name);
    }
  });

  it('notes may hold right-to-left marks: they are text, not names', async () => {
    const draft = await door.call('notes.saveDraft', {
      about: { type: 'client', clientId, kind: 'client' },
      body: 'Client wrote \u2067عمر\u2069 on the form',
    });
    expect(draft.noteId).toBeTruthy();
  });
});
