import { mkdirSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { blobPath, partialPath, PARTIAL_SUFFIX, syncDirectory } from './blob-files';
import { isBlobId } from './format';
import type { StoredBlob } from './blob-writer';
import { importBlob, type BlobRef, type ImportOptions } from './import-blob';
import { openBlobStream, verifyBlob, type ByteRange } from './read-blob';
import type { BlobSource } from './source-chunks';

/**
 * The vault's `blobs/` folder: encrypted files (recordings, scans of signed forms), one per blob, each under
 * its own random key that the caller keeps in the encrypted database.
 *
 * One store per open vault: it knows which imports are running, so removing stale .partial files never
 * touches one being written. (The vault's exclusive lock keeps other processes out of the folder.)
 */
export class BlobStore {
  private readonly importing = new Set<string>();

  private constructor(readonly dir: string) {}

  static async open(dir: string): Promise<BlobStore> {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    return new BlobStore(dir);
  }

  /** The store of an open vault, whose blobs/ folder exists (vault creation makes it). */
  static at(dir: string): BlobStore {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return new BlobStore(dir);
  }

  /** Encrypts a file or stream into the folder; refuses an empty file or one not of `options.kind`, storing nothing. */
  import(source: BlobSource, options: ImportOptions): Promise<BlobRef> {
    return importBlob(this.dir, source, options, this.importing);
  }

  /** Plaintext of the blob, or of `range` of it; see openBlobStream for what is checked when. */
  read(ref: StoredBlob, range?: ByteRange): Promise<Readable> {
    return openBlobStream(this.dir, ref, range);
  }

  /** Checks every chunk of the blob; throws BlobDamagedError if any fails. */
  verify(ref: StoredBlob): Promise<void> {
    return verifyBlob(this.dir, ref);
  }

  /**
   * Removes a blob's file. Destroy the key first (delete its row and commit): from then on the file is
   * unreadable, and deleting it is tidying up. Deleting a blob that is not there is not an error.
   */
  async delete(id: string): Promise<void> {
    await rm(blobPath(this.dir, id), { force: true });
    await rm(partialPath(this.dir, id), { force: true });
    await syncDirectory(this.dir);
  }

  /** The ids of the complete blobs in the folder, for finding files whose key row is gone. */
  async ids(): Promise<string[]> {
    return (await readdir(this.dir)).filter(isBlobId).sort();
  }

  /** Removes .partial files left by imports that a crash interrupted; returns how many. */
  async removeStalePartials(): Promise<number> {
    const stale = (await readdir(this.dir))
      .filter((name) => name.endsWith(PARTIAL_SUFFIX))
      .map((name) => name.slice(0, -PARTIAL_SUFFIX.length))
      .filter((id) => isBlobId(id) && !this.importing.has(id));
    for (const id of stale) await rm(partialPath(this.dir, id), { force: true });
    if (stale.length > 0) await syncDirectory(this.dir);
    return stale.length;
  }
}
