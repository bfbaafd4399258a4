import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newVault, tempFolder, type TestDoor } from '../support/vault-fixture';

/** A search containing NUL reached SQLite's full-text parser and came back as an internal error. */
let folder: ReturnType<typeof tempFolder>;
let door: TestDoor;
let clientId = '';
beforeAll(async () => {
  folder = tempFolder();
  ({ door } = await newVault(join(folder.dir, 'vault')));
  clientId = (await door.call('clients.create', { name: 'Nola Search' })).id;
  const draft = await door.call('notes.saveDraft', { about: { type: 'client', clientId, kind: 'client' }, body: 'talked about gardens' });
  await door.call('notes.finalise', { noteId: draft.noteId });
});
afterAll(() => folder.cleanup());

describe('search text with control characters', () => {
  it.each([
    ['NUL inside a word', 'gar\u0000dens'],
    ['NUL alone', '\u0000'],
    ['NUL after a word', 'gardens\u0000'],
    ['other control characters', 'gar\u0007dens\u001b'],
  ])('%s is a clear validation error, never an internal error', async (_label, text) => {
    for (const input of [{ text }, { text, clientId }]) {
      const result = await door.core.call('search.query', input);
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'invalid-input', message: 'Search text cannot contain control characters such as tabs or line breaks', issues: [{ path: 'text' }] },
      });
    }
  });

  it('a normal search still works afterwards', async () => {
    expect((await door.call('search.query', { text: 'gardens', clientId })).hits).toHaveLength(1);
  });
});
