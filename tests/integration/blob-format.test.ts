import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeBlob } from '../../electron/core/vault/blobs/blob-writer';
import { sourceChunks } from '../../electron/core/vault/blobs/source-chunks';
import { blobFolder, CHUNK, flipByte, recordingFile, sameBytes } from '../support/blob-fixture';
import { decryptBlobIndependently } from '../support/independent-blob';

let folder: Awaited<ReturnType<typeof blobFolder>>;
beforeEach(async () => {
  folder = await blobFolder();
});
afterEach(() => folder.cleanup());

describe('docs/vault-format.md is enough to decrypt a blob without Confide', () => {
  it.each([
    ['chunk + 1', CHUNK + 1],
    ['exactly two chunks', 2 * CHUNK],
    ['several chunks', 7 * CHUNK + 4321],
  ])('%s, with node:crypto alone', async (_label, size) => {
    const source = recordingFile(folder.sources, size);
    const ref = await folder.store.import(source.path, { kind: 'recording' });
    expect(sameBytes(decryptBlobIndependently(folder.blobs, ref.id, ref.key), source.bytes)).toBe('same');
  });

  it('a 1-byte blob, with node:crypto alone', async () => {
    const stored = await writeBlob(folder.blobs, sourceChunks(Readable.from([Buffer.from('x')]), CHUNK), {}, new Set());
    expect(decryptBlobIndependently(folder.blobs, stored.id, stored.key).toString()).toBe('x');
  });

  it('the header is as documented: magic, version 1, chunk size 65536', async () => {
    const ref = await folder.store.import(recordingFile(folder.sources, 10).path, { kind: 'recording' });
    const header = readFileSync(join(folder.blobs, ref.id)).subarray(0, 20);
    expect(header.toString('hex')).toBe(`${Buffer.from('confide-blob').toString('hex')}00000001${'00010000'}`);
  });

  it('the independent reader also rejects a damaged blob (the documented checks are real checks)', async () => {
    const ref = await folder.store.import(recordingFile(folder.sources, 3 * CHUNK).path, { kind: 'recording' });
    flipByte(join(folder.blobs, ref.id), 20 + CHUNK + 16 + 3);
    expect(() => decryptBlobIndependently(folder.blobs, ref.id, ref.key)).toThrow();
  });
});
