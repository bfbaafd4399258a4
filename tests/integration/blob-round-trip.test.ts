import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeBlob } from '../../electron/core/vault/blobs/blob-writer';
import { sourceChunks } from '../../electron/core/vault/blobs/source-chunks';
import { blobFolder, CHUNK, filesIn, flipByte, readAll, recordingFile, sameBytes } from '../support/blob-fixture';

let folder: Awaited<ReturnType<typeof blobFolder>>;
beforeEach(async () => {
  folder = await blobFolder();
});
afterEach(() => folder.cleanup());

/** Stores arbitrary bytes without the content-type check, which no 1-byte file could pass. */
function writeBytes(bytes: Buffer) {
  return writeBlob(folder.blobs, sourceChunks(Readable.from([bytes]), CHUNK), {}, new Set());
}

describe('a blob reads back exactly what was imported', () => {
  it.each([
    ['chunk − 1', CHUNK - 1],
    ['one chunk', CHUNK],
    ['chunk + 1', CHUNK + 1],
    ['two chunks', 2 * CHUNK],
    ['several MB', 5 * 1024 * 1024 + 123],
  ])('from a file path: %s (%i bytes)', async (_label, size) => {
    const source = recordingFile(folder.sources, size);
    const ref = await folder.store.import(source.path, { kind: 'recording' });

    expect(ref).toMatchObject({ size, contentType: 'video/mp4' });
    expect(ref.id).toMatch(/^[0-9a-f]{32}$/);
    expect(ref.key).toHaveLength(32);
    expect(sameBytes(await readAll(await folder.store.read(ref)), source.bytes)).toBe('same');
    const chunks = Math.ceil(size / CHUNK);
    expect(statSync(join(folder.blobs, ref.id)).size).toBe(20 + size + 16 * chunks);
  });

  it('1 byte (below what any content check accepts, so through the writer)', async () => {
    const stored = await writeBytes(Buffer.from([0x2a]));
    expect(stored.size).toBe(1);
    expect(statSync(join(folder.blobs, stored.id)).size).toBe(20 + 1 + 16);
    expect(sameBytes(await readAll(await folder.store.read(stored)), Buffer.from([0x2a]))).toBe('same');
  });

  it('from a stream arriving in uneven pieces that straddle chunk boundaries', async () => {
    const { bytes } = recordingFile(folder.sources, 3 * CHUNK + 777);
    const pieces = [bytes.subarray(0, 10), bytes.subarray(10, CHUNK + 5), bytes.subarray(CHUNK + 5, CHUNK + 6), bytes.subarray(CHUNK + 6)];
    const ref = await folder.store.import(Readable.from(pieces), { kind: 'recording' });
    expect(sameBytes(await readAll(await folder.store.read(ref)), bytes)).toBe('same');
  });

  it('leaves exactly one file, named by the random id, owner-only, holding no plaintext', async () => {
    const source = recordingFile(folder.sources, 2 * CHUNK + 5, 'Jane Doe session 3.mp4');
    const ref = await folder.store.import(source.path, { kind: 'recording' });

    expect(filesIn(folder.blobs)).toEqual([ref.id]);
    if (process.platform !== 'win32') expect(statSync(join(folder.blobs, ref.id)).mode & 0o777).toBe(0o600);
    const stored = readFileSync(join(folder.blobs, ref.id));
    for (const offset of [100, CHUNK, 2 * CHUNK]) {
      expect(stored.indexOf(source.bytes.subarray(offset, offset + 16))).toBe(-1);
    }
  });

  it('gives every blob its own id and key, so the same bytes imported twice differ on disk', async () => {
    const source = recordingFile(folder.sources, CHUNK + 1);
    const a = await folder.store.import(source.path, { kind: 'recording' });
    const b = await folder.store.import(source.path, { kind: 'recording' });
    expect(a.id).not.toBe(b.id);
    expect(a.key.equals(b.key)).toBe(false);
    expect(readFileSync(join(folder.blobs, a.id)).subarray(20).equals(readFileSync(join(folder.blobs, b.id)).subarray(20))).toBe(false);
    expect(await folder.store.ids()).toEqual([a.id, b.id].sort());
  });

  it('reports progress as batches are written', async () => {
    const source = recordingFile(folder.sources, 3 * 1024 * 1024 + 1);
    const seen: number[] = [];
    await folder.store.import(source.path, { kind: 'recording', onProgress: (bytes) => seen.push(bytes) });
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen).toEqual([...seen].sort((x, y) => x - y));
    expect(seen.at(-1)).toBe(3 * 1024 * 1024 + 1);
  });
});

describe('byte ranges', () => {
  const size = 3 * CHUNK + 100;
  let bytes: Buffer;
  let ref: Awaited<ReturnType<typeof folder.store.import>>;
  beforeEach(async () => {
    const source = recordingFile(folder.sources, size);
    bytes = source.bytes;
    ref = await folder.store.import(source.path, { kind: 'recording' });
  });

  it.each([
    ['the first byte', 0, 0],
    ['the last byte of chunk 0', CHUNK - 1, CHUNK - 1],
    ['the first byte of chunk 1', CHUNK, CHUNK],
    ['across the boundary of chunks 0 and 1', CHUNK - 1, CHUNK],
    ['exactly chunk 1', CHUNK, 2 * CHUNK - 1],
    ['from inside chunk 1 to inside chunk 3', CHUNK + 5, 3 * CHUNK + 50],
    ['the first byte of the last chunk', 3 * CHUNK, 3 * CHUNK],
    ['the last byte', size - 1, size - 1],
    ['everything', 0, size - 1],
  ])('%s (%i–%i)', async (_label, start, end) => {
    expect(sameBytes(await readAll(await folder.store.read(ref, { start, end })), bytes.subarray(start, end + 1))).toBe('same');
  });

  it.each([
    ['ending past the end', 0, size],
    ['starting after it ends', 10, 9],
    ['starting before 0', -1, 5],
    ['not whole numbers', 0.5, 7],
  ])('refuses a range %s', async (_label, start, end) => {
    await expect(folder.store.read(ref, { start, end })).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('decrypts only the chunks that cover the range', async () => {
    // Damage chunk 0: a read of chunk 2 never touches it, a read that includes it fails.
    flipByte(join(folder.blobs, ref.id), 20 + 10);
    expect(sameBytes(await readAll(await folder.store.read(ref, { start: 2 * CHUNK, end: 2 * CHUNK + 9 })), bytes.subarray(2 * CHUNK, 2 * CHUNK + 10))).toBe('same');
    await expect(readAll(await folder.store.read(ref, { start: CHUNK - 1, end: CHUNK }))).rejects.toMatchObject({ damage: 'chunk-failed' });
  });

  it('any range of any size reads back the same bytes (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 * CHUNK + 3 }).chain((length) =>
          fc.tuple(fc.constant(length), fc.integer({ min: 0, max: length - 1 }), fc.integer({ min: 0, max: length - 1 })),
        ),
        async ([length, a, b]) => {
          const plain = randomBytes(length);
          const stored = await writeBytes(plain);
          const [start, end] = a <= b ? [a, b] : [b, a];
          expect(sameBytes(await readAll(await folder.store.read(stored, { start, end })), plain.subarray(start, end + 1))).toBe('same');
          expect(sameBytes(await readAll(await folder.store.read(stored)), plain)).toBe('same');
        },
      ),
      { numRuns: 40 },
    );
  });
});
