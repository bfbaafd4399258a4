import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { blobPath } from './blob-files';
import { openChunk } from './chunk-cipher';
import { BlobDamagedError, rangeOutside } from './errors';
import { chunkAad, chunkCount, chunkOffset, encryptedLength, HEADER_BYTES, parseHeader, TAG_BYTES } from './format';
import type { StoredBlob } from './blob-writer';

/** Bytes `start` to `end` of the plaintext, both included (as in an HTTP Range header and fs.createReadStream). */
export interface ByteRange {
  start: number;
  end: number;
}

/** Sealed chunks are read about this many at a time. */
const CHUNKS_PER_READ = 16;

/**
 * Opens a blob for reading `range` (default: all of it). Resolves only once the file is known to be there,
 * to be a blob and to have exactly the length its recorded size gives — so a missing, foreign, truncated or
 * extended file is reported before a single byte is delivered.
 *
 * The stream decrypts only the chunks that cover the range, and delivers a chunk only after its tag has
 * been checked. A chunk damaged in place is found when the stream reaches it: the stream then fails with
 * BlobDamagedError after having delivered the earlier, authentic chunks. A consumer that has sent those
 * on (an HTTP range response) must abort rather than end the response normally.
 */
export async function openBlobStream(dir: string, ref: StoredBlob, range?: ByteRange): Promise<Readable> {
  const { start, end } = range ?? { start: 0, end: ref.size - 1 };
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start || end >= ref.size) {
    throw rangeOutside();
  }
  const handle = await openBlobFile(dir, ref.id);
  try {
    const header = await readHeader(handle, ref.id);
    if ((await handle.stat()).size !== encryptedLength(ref.size, header.chunkSize)) {
      throw new BlobDamagedError(ref.id, 'wrong-length');
    }
    const plan: ReadPlan = { handle, ref, chunkSize: header.chunkSize, aad: chunkAad(header.bytes, ref.id), start, end };
    const stream = Readable.from(decryptRange(plan), { objectMode: false });
    // On 'close' rather than in the generator: a stream destroyed before its first read never runs the generator.
    stream.once('close', () => void handle.close().catch(() => undefined));
    return stream;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** Authenticates every chunk of a blob without passing on any plaintext. */
export async function verifyBlob(dir: string, ref: StoredBlob): Promise<void> {
  for await (const plaintext of await openBlobStream(dir, ref)) (plaintext as Buffer).fill(0);
}

interface ReadPlan {
  handle: FileHandle;
  ref: StoredBlob;
  chunkSize: number;
  aad: Buffer;
  start: number;
  end: number;
}

async function* decryptRange({ handle, ref, chunkSize, aad, start, end }: ReadPlan): AsyncGenerator<Buffer> {
  const lastChunk = chunkCount(ref.size, chunkSize) - 1;
  const firstWanted = Math.floor(start / chunkSize);
  const lastWanted = Math.floor(end / chunkSize);
  const readBatch = (first: number) => readSealed(handle, ref, chunkSize, first, Math.min(first + CHUNKS_PER_READ - 1, lastWanted));
  let reading = readBatch(firstWanted);
  for (let batchStart = firstWanted; batchStart <= lastWanted; batchStart += CHUNKS_PER_READ) {
    const sealed = await reading;
    // The next batch is read from disk while this one is decrypted.
    const nextStart = batchStart + CHUNKS_PER_READ;
    if (nextStart <= lastWanted) {
      reading = readBatch(nextStart);
      reading.catch(() => undefined); // reported when awaited; a stream stopped early never awaits it
    }
    const batchEnd = Math.min(batchStart + CHUNKS_PER_READ - 1, lastWanted);
    for (let index = batchStart; index <= batchEnd; index++) {
      const from = (index - batchStart) * (chunkSize + TAG_BYTES);
      const plainLength = Math.min(chunkSize, ref.size - index * chunkSize);
      const plaintext = openChunk(ref.key, aad, index, index === lastChunk, sealed.subarray(from, from + plainLength + TAG_BYTES));
      if (!plaintext) throw new BlobDamagedError(ref.id, 'chunk-failed');
      const chunkStart = index * chunkSize;
      yield plaintext.subarray(Math.max(start - chunkStart, 0), Math.min(end - chunkStart + 1, plaintext.length));
    }
  }
}

async function readSealed(handle: FileHandle, ref: StoredBlob, chunkSize: number, first: number, last: number): Promise<Buffer> {
  const from = chunkOffset(first, chunkSize);
  const to = Math.min(chunkOffset(last + 1, chunkSize), encryptedLength(ref.size, chunkSize));
  const buffer = Buffer.allocUnsafe(to - from);
  let filled = 0;
  while (filled < buffer.length) {
    const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, from + filled);
    // The length was checked at open; a file that shrinks under us is damage too.
    if (bytesRead === 0) throw new BlobDamagedError(ref.id, 'wrong-length');
    filled += bytesRead;
  }
  return buffer;
}

async function openBlobFile(dir: string, id: string): Promise<FileHandle> {
  try {
    return await open(blobPath(dir, id), 'r');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') throw new BlobDamagedError(id, 'missing');
    throw error;
  }
}

async function readHeader(handle: FileHandle, id: string) {
  const bytes = Buffer.alloc(HEADER_BYTES);
  const { bytesRead } = await handle.read(bytes, 0, HEADER_BYTES, 0);
  const header = bytesRead === HEADER_BYTES ? parseHeader(bytes) : null;
  if (!header) throw new BlobDamagedError(id, 'not-a-blob');
  return header;
}
