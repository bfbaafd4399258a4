import { writeBlob, type StoredBlob, type WriteOptions } from './blob-writer';
import { sniffContentType, type BlobKind } from './content-type';
import { emptyFile, importCancelled } from './errors';
import { CHUNK_SIZE } from './format';
import { sourceChunks, type BlobSource, type SourceChunk } from './source-chunks';

/**
 * Everything needed to read a blob back and serve it. The caller keeps it in the encrypted database:
 * `key` is the only copy of the blob's key, so deleting that row makes the file unreadable (crypto-shredding).
 */
export interface BlobRef extends StoredBlob {
  contentType: string;
}

export interface ImportOptions extends WriteOptions {
  kind: BlobKind;
}

/**
 * Encrypts a file or stream into `dir` as a new blob. The first chunk is checked (not empty, the right
 * kind of file) before any file is created, so a refused file leaves nothing behind.
 */
export async function importBlob(dir: string, source: BlobSource, options: ImportOptions, importing: Set<string>): Promise<BlobRef> {
  const chunks = sourceChunks(source, CHUNK_SIZE);
  try {
    const first = await chunks.next();
    if (first.done) throw emptyFile();
    const contentType = await sniffContentType(first.value.bytes, options.kind);
    const stored = await writeBlob(dir, startingWith(first.value, chunks), options, importing);
    return { ...stored, contentType };
  } catch (error) {
    throw options.signal?.aborted && error === options.signal.reason ? importCancelled() : error;
  } finally {
    // Stops reading the source (and closes a file opened from a path) whether the import ended or failed.
    await chunks.return(undefined);
  }
}

async function* startingWith(first: SourceChunk, rest: AsyncIterator<SourceChunk>): AsyncGenerator<SourceChunk> {
  yield first;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}
