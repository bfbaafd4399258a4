import { copyFileSync, readFileSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BlobDamagedError, type BlobRef } from '../../electron/core/vault/blobs';
import { blobFolder, CHUNK, filesIn, flipByte, readAll, readUntilError, recordingFile, sameBytes } from '../support/blob-fixture';

const SEALED = CHUNK + 16;
const HEADER = 20;
const CHUNKS = 5;
const SIZE = (CHUNKS - 1) * CHUNK + 1000;

let folder: Awaited<ReturnType<typeof blobFolder>>;
let ref: BlobRef;
let plain: Buffer;
let file: string;
beforeEach(async () => {
  folder = await blobFolder();
  const source = recordingFile(folder.sources, SIZE);
  plain = source.bytes;
  ref = await folder.store.import(source.path, { kind: 'recording' });
  file = join(folder.blobs, ref.id);
});
afterEach(() => folder.cleanup());

const chunkStart = (i: number) => HEADER + i * SEALED;

function rewrite(change: (bytes: Buffer) => Buffer): void {
  writeFileSync(file, change(readFileSync(file)));
}

/** A full read fails with BlobDamagedError, having delivered only whole authentic chunks before `failedChunk`. */
async function expectFailsAtChunk(failedChunk: number, readRef: BlobRef = ref): Promise<void> {
  const { delivered, error } = await readUntilError(await folder.store.read(readRef));
  expect(error).toBeInstanceOf(BlobDamagedError);
  expect(error).toMatchObject({ code: 'vault-damaged', damage: 'chunk-failed', blobId: readRef.id });
  expect(sameBytes(delivered, plain.subarray(0, failedChunk * CHUNK))).toBe('same');
  await expect(folder.store.verify(readRef)).rejects.toBeInstanceOf(BlobDamagedError);
}

async function expectRefusedAtOpen(damage: string, readRef: BlobRef = ref): Promise<void> {
  await expect(folder.store.read(readRef)).rejects.toMatchObject({ code: 'vault-damaged', damage });
  await expect(folder.store.read(readRef, { start: 0, end: 0 })).rejects.toMatchObject({ code: 'vault-damaged', damage });
}

describe('a damaged blob is detected, and no plaintext of a failed chunk is ever delivered', () => {
  it('the undamaged blob verifies', async () => {
    await folder.store.verify(ref);
  });

  it.each([
    ['the first chunk', 0, 5],
    ['a middle chunk', 2, 1000],
    ['the last chunk', CHUNKS - 1, 3],
    ["a chunk's tag", 1, SEALED - 1],
  ])('a flipped byte in %s', async (_where, chunk, offset) => {
    flipByte(file, chunkStart(chunk) + offset);
    await expectFailsAtChunk(chunk);
  });

  it.each([
    ['magic', 0, 'not-a-blob'],
    ['version', 15, 'not-a-blob'],
  ])('a flipped byte in the header (%s) is refused before reading', async (_field, offset, damage) => {
    flipByte(file, offset);
    await expectRefusedAtOpen(damage);
  });

  it('a changed chunk size in the header fails every chunk (the header is authenticated)', async () => {
    // 65536 → 65537 keeps a one-chunk blob's length valid, so only authentication can notice.
    const small = recordingFile(folder.sources, 1000, 'small.mp4');
    const one = await folder.store.import(small.path, { kind: 'recording' });
    flipByte(join(folder.blobs, one.id), 19);
    const { delivered, error } = await readUntilError(await folder.store.read(one));
    expect(error).toMatchObject({ damage: 'chunk-failed' });
    expect(delivered).toHaveLength(0);
  });

  it('dropping the final chunk is refused at open, and fails authentication even if the recorded size is made to match', async () => {
    truncateSync(file, chunkStart(CHUNKS - 1));
    await expectRefusedAtOpen('wrong-length');
    // Without the length check the now-last chunk would be opened as last: it was sealed as not-last.
    await expectFailsAtChunk(CHUNKS - 2, { ...ref, size: (CHUNKS - 1) * CHUNK });
  });

  it('cutting off a tail mid-chunk is refused at open', async () => {
    truncateSync(file, chunkStart(2) + 100);
    await expectRefusedAtOpen('wrong-length');
  });

  it('a file cut down to its header, or to nothing, is refused at open', async () => {
    truncateSync(file, HEADER);
    await expectRefusedAtOpen('wrong-length');
    truncateSync(file, 0);
    await expectRefusedAtOpen('not-a-blob');
  });

  it('bytes appended to the file are refused at open', async () => {
    rewrite((bytes) => Buffer.concat([bytes, Buffer.alloc(16)]));
    await expectRefusedAtOpen('wrong-length');
  });

  it('two chunks swapped', async () => {
    rewrite((bytes) =>
      Buffer.concat([bytes.subarray(0, chunkStart(1)), bytes.subarray(chunkStart(2), chunkStart(3)), bytes.subarray(chunkStart(1), chunkStart(2)), bytes.subarray(chunkStart(3))]),
    );
    await expectFailsAtChunk(1);
  });

  it('a chunk duplicated (refused at open; fails at the copy even with a matching recorded size)', async () => {
    rewrite((bytes) => Buffer.concat([bytes.subarray(0, chunkStart(2)), bytes.subarray(chunkStart(1), chunkStart(2)), bytes.subarray(chunkStart(2))]));
    await expectRefusedAtOpen('wrong-length');
    await expectFailsAtChunk(2, { ...ref, size: SIZE + CHUNK });
  });

  it('the final chunk replaced by an earlier full chunk (the last-chunk flag differs)', async () => {
    const full = recordingFile(folder.sources, 3 * CHUNK, 'full.mp4');
    const three = await folder.store.import(full.path, { kind: 'recording' });
    const path = join(folder.blobs, three.id);
    const bytes = readFileSync(path);
    writeFileSync(path, Buffer.concat([bytes.subarray(0, chunkStart(2)), bytes.subarray(chunkStart(1), chunkStart(2))]));
    const { delivered, error } = await readUntilError(await folder.store.read(three));
    expect(error).toMatchObject({ damage: 'chunk-failed' });
    expect(sameBytes(delivered, full.bytes.subarray(0, 2 * CHUNK))).toBe('same');
  });

  it('a blob file renamed to another id does not open, even with the right key (the id is authenticated)', async () => {
    const otherId = 'f'.repeat(32);
    renameSync(file, join(folder.blobs, otherId));
    await expectFailsAtChunk(0, { ...ref, id: otherId });
  });

  it('a missing file is reported as missing', async () => {
    rmSync(file);
    await expectRefusedAtOpen('missing');
  });

  it('a range that does not reach the damage still reads; one that does fails at that chunk', async () => {
    flipByte(file, chunkStart(3) + 7);
    expect(sameBytes(await readAll(await folder.store.read(ref, { start: CHUNK, end: 3 * CHUNK - 1 })), plain.subarray(CHUNK, 3 * CHUNK))).toBe('same');
    const { delivered, error } = await readUntilError(await folder.store.read(ref, { start: 2 * CHUNK + 10, end: 3 * CHUNK + 10 }));
    expect(error).toMatchObject({ damage: 'chunk-failed' });
    expect(sameBytes(delivered, plain.subarray(2 * CHUNK + 10, 3 * CHUNK))).toBe('same');
  });

  it("turns into a message naming the record by its reference, and says nothing about the file's content", async () => {
    flipByte(file, chunkStart(0) + 1);
    const { error } = await readUntilError(await folder.store.read(ref));
    expect((error as BlobDamagedError).forRecord('S-0042')).toMatchObject({ code: 'vault-damaged', message: 'The file for S-0042 is damaged and cannot be read.' });
    rmSync(file);
    const missing = await folder.store.read(ref).catch((e: unknown) => e);
    expect((missing as BlobDamagedError).forRecord('S-0042').message).toBe('The file for S-0042 is missing from the vault.');
  });
});

describe('crypto-shredding', () => {
  it('without its key a blob cannot be read: a destroyed (zeroed) key or any other key fails the first chunk', async () => {
    const other = await folder.store.import(recordingFile(folder.sources, 100, 'other.mp4').path, { kind: 'recording' });
    await expectFailsAtChunk(0, { ...ref, key: other.key });
    ref.key.fill(0);
    await expectFailsAtChunk(0);
  });

  it('delete removes the file; deleting again is not an error', async () => {
    ref.key.fill(0);
    await folder.store.delete(ref.id);
    expect(filesIn(folder.blobs)).toEqual([]);
    await folder.store.delete(ref.id);
    await expectRefusedAtOpen('missing');
  });

  it('a blob id that is not 32 hex digits is never turned into a path', async () => {
    await expect(folder.store.delete('../vault.db')).rejects.toThrow('not a blob id');
    await expect(folder.store.read({ ...ref, id: '../../etc/passwd' })).rejects.toThrow('not a blob id');
  });
});

it('copying a blob file elsewhere keeps it sealed (no plaintext outside the vault)', async () => {
  const copy = join(folder.sources, 'copied');
  copyFileSync(file, copy);
  expect(readFileSync(copy).indexOf(plain.subarray(CHUNK, CHUNK + 32))).toBe(-1);
});
