import { randomBytes } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { blobPath, partialPath, syncDirectory } from './blob-files';
import { sealChunk } from './chunk-cipher';
import { emptyFile } from './errors';
import { chunkAad, encodeHeader, KEY_BYTES, newBlobId } from './format';
import type { SourceChunk } from './source-chunks';

/** A blob on disk and the key that reads it. `key` is its only copy. */
export interface StoredBlob {
  id: string;
  key: Buffer;
  /** Plaintext bytes; the file's length must match it exactly, so a truncated blob is caught before reading. */
  size: number;
}

export interface WriteOptions {
  /** Called after each batch is written, with the plaintext bytes stored so far. */
  onProgress?: (bytes: number) => void;
  signal?: AbortSignal;
}

/** Sealed chunks are gathered to about this many bytes and written with one writev. */
const WRITE_BATCH_BYTES = 1024 * 1024;

/**
 * Encrypts plaintext chunks into a new blob under a fresh random key and id. It is written as
 * `<id>.partial`, flushed, and renamed to `<id>`: a crash leaves at most a .partial file, never a blob
 * under its real name without its complete content. No file is created for an empty source.
 * `importing` holds the ids being written, so a cleanup of stale .partial files leaves them alone.
 */
export async function writeBlob(dir: string, chunks: AsyncIterable<SourceChunk>, options: WriteOptions, importing: Set<string>): Promise<StoredBlob> {
  const iterator = chunks[Symbol.asyncIterator]();
  let next = await iterator.next();
  if (next.done) throw emptyFile();
  options.signal?.throwIfAborted();

  const id = newBlobId();
  // A key seals one blob only, so the chunk counter alone keeps every nonce unique under it.
  const key = randomBytes(KEY_BYTES);
  importing.add(id);
  let handle: FileHandle | undefined;
  let renamed = false;
  try {
    handle = await open(partialPath(dir, id), 'wx', 0o600);
    const header = encodeHeader();
    const aad = chunkAad(header, id);
    const writer = new BatchWriter(handle, header);
    let size = 0;
    let previousBatchEnd = 0;
    for (let index = 0; !next.done; index++, next = await iterator.next()) {
      const { bytes, last } = next.value;
      writer.add(sealChunk(key, aad, index, last, bytes));
      size += bytes.length;
      if (writer.pendingBytes >= WRITE_BATCH_BYTES) {
        options.signal?.throwIfAborted();
        // flush waits for the previous batch to be written before starting this one.
        await writer.flush();
        if (previousBatchEnd > 0) options.onProgress?.(previousBatchEnd);
        previousBatchEnd = size;
      }
    }
    options.signal?.throwIfAborted();
    await writer.drain();
    options.onProgress?.(size);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(partialPath(dir, id), blobPath(dir, id));
    renamed = true;
    await syncDirectory(dir);
    return { id, key, size };
  } catch (error) {
    await handle?.close().catch(() => undefined);
    // The key is about to be zeroed and never returned: whatever was written is of no use to anyone.
    await rm(renamed ? blobPath(dir, id) : partialPath(dir, id), { force: true });
    key.fill(0);
    throw error;
  } finally {
    importing.delete(id);
  }
}

/**
 * Appends buffers to the file in batches. One batch is written while the next is being encrypted, so the
 * disk and the cipher work at the same time; `drain` waits for the last write.
 */
class BatchWriter {
  private buffers: Buffer[] = [];
  private position = 0;
  private writing: Promise<void> = Promise.resolve();
  pendingBytes = 0;

  constructor(
    private readonly handle: FileHandle,
    header: Buffer,
  ) {
    this.add([header]);
  }

  add(buffers: Buffer[]): void {
    for (const buffer of buffers) {
      this.buffers.push(buffer);
      this.pendingBytes += buffer.length;
    }
  }

  /** Waits for the previous batch, then starts writing this one. */
  async flush(): Promise<void> {
    await this.writing;
    const buffers = this.buffers;
    const position = this.position;
    this.position += this.pendingBytes;
    this.buffers = [];
    this.pendingBytes = 0;
    this.writing = writeAll(this.handle, buffers, position);
    // A failed write is reported by the next flush or drain; until then it must not count as unhandled.
    this.writing.catch(() => undefined);
  }

  async drain(): Promise<void> {
    await this.flush();
    await this.writing;
  }
}

async function writeAll(handle: FileHandle, buffers: Buffer[], position: number): Promise<void> {
  while (buffers.length > 0) {
    const { bytesWritten } = await handle.writev(buffers, position);
    if (bytesWritten === 0) throw new Error('the file system accepted no bytes');
    position += bytesWritten;
    buffers = dropWritten(buffers, bytesWritten);
  }
}

function dropWritten(buffers: Buffer[], written: number): Buffer[] {
  const rest: Buffer[] = [];
  for (const buffer of buffers) {
    if (written >= buffer.length) {
      written -= buffer.length;
    } else {
      rest.push(written > 0 ? buffer.subarray(written) : buffer);
      written = 0;
    }
  }
  return rest;
}
