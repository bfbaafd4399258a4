import { open, type FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { unreadableSource } from './errors';

/** What an import reads: a file path, or a stream of bytes (a Readable or any async iterable). */
export type BlobSource = string | Readable | AsyncIterable<Uint8Array>;

export interface SourceChunk {
  bytes: Uint8Array;
  last: boolean;
}

const READ_BYTES = 1024 * 1024;

/**
 * The source cut into plaintext chunks of exactly `chunkSize` bytes (the last one shorter), each marked
 * whether it is the last — which needs one chunk of look-ahead. Yields nothing for an empty source.
 * Holds at most two chunks and one read buffer in memory.
 */
export async function* sourceChunks(source: BlobSource, chunkSize: number): AsyncGenerator<SourceChunk> {
  let held: Uint8Array | undefined;
  for await (const chunk of exactChunks(await openSource(source), chunkSize)) {
    if (held) yield { bytes: held, last: false };
    held = chunk;
  }
  if (held) yield { bytes: held, last: true };
}

async function openSource(source: BlobSource): Promise<AsyncIterable<Uint8Array>> {
  if (typeof source !== 'string') return source;
  let handle: FileHandle | undefined;
  try {
    handle = await open(source, 'r');
    if ((await handle.stat()).isFile()) return handle.createReadStream({ highWaterMark: READ_BYTES });
  } catch {
    // The operating system's message names the path, which may name a client: it is not passed on.
  }
  await handle?.close().catch(() => undefined);
  throw unreadableSource();
}

async function* exactChunks(input: AsyncIterable<Uint8Array>, chunkSize: number): AsyncGenerator<Uint8Array> {
  let pending: Buffer | undefined;
  let filled = 0;
  for await (const piece of input) {
    let offset = 0;
    while (offset < piece.length) {
      if (filled === 0 && piece.length - offset >= chunkSize) {
        yield piece.subarray(offset, offset + chunkSize);
        offset += chunkSize;
        continue;
      }
      pending ??= Buffer.allocUnsafe(chunkSize);
      const take = Math.min(chunkSize - filled, piece.length - offset);
      pending.set(piece.subarray(offset, offset + take), filled);
      filled += take;
      offset += take;
      if (filled === chunkSize) {
        yield pending;
        pending = undefined;
        filled = 0;
      }
    }
  }
  if (filled > 0) yield pending!.subarray(0, filled);
}
