import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iterations } from './iterations';
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
  await door.call('notes.finalise', { noteId: draft.noteId, clientId });
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

  it('any text at all is a search or a clear refusal, never an internal error (FTS5 syntax included)', async () => {
    const fts = fc.constantFrom('"', '*', '^', ':', '(', ')', 'AND', 'OR', 'NOT', 'NEAR', '-', '+', '{', '}', 'text:', ' ');
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.string({ unit: 'grapheme', maxLength: 60 }),
      fc.array(fc.oneof(fts, fc.string({ maxLength: 6 })), { maxLength: 12 }).map((parts) => parts.join('')),
    );
    await fc.assert(
      fc.asyncProperty(text, fc.boolean(), async (words, inFile) => {
        const result = await door.core.call('search.query', inFile ? { text: words, clientId } : { text: words });
        if (!result.ok) expect(result.error.code).toBe('invalid-input');
      }),
      { numRuns: iterations(100, 2_000) },
    );
  });

  it('a normal search still works afterwards', async () => {
    expect((await door.call('search.query', { text: 'gardens', clientId })).hits).toHaveLength(1);
  });
});
