import { Readable } from 'node:stream';
import type { BlobKind, BlobStore, ByteRange } from '../vault/blobs';
import { BlobDamagedError } from '../vault/blobs';
import { ConfideError, invalidField } from '../errors';
import type { ServiceContext } from './context';

/**
 * Encrypted files kept in the vault (recordings, scans of signed forms). The `files` row holds each file's
 * only key, so these functions are the one way a file's key is kept, read or destroyed. Whoever calls them
 * has already checked that the user may reach the record the file belongs to.
 */
export interface StoredFile {
  id: string;
  size: number;
  contentType: string;
}

interface FileRow {
  id: string;
  key: Buffer;
  size: number;
  content_type: string;
}

/**
 * Encrypts the file at `path` into blobs/ and keeps its key, in the call's transaction (the dispatcher's), so
 * the key row commits with the record the file belongs to or not at all. The file is read once, streaming;
 * one that is empty or not of `kind` is refused with nothing stored (at `field`, when given, so a form shows it there). A crash after the file is written but
 * before the commit leaves a file with no key row: unreadable, and removed by `tidyFiles` at the next unlock.
 */
export async function storeFile(ctx: ServiceContext, blobs: BlobStore, path: string, kind: BlobKind, field?: string): Promise<StoredFile> {
  let ref;
  try {
    ref = await blobs.import(path, { kind });
  } catch (error) {
    // A refused file (empty, unreadable, not of its kind) is reported at the form field that chose it.
    throw field !== undefined && error instanceof ConfideError && error.code === 'invalid-input' ? invalidField(field, error.message) : error;
  }
  ctx.db
    .prepare('INSERT INTO files (id, key, size, content_type, kind, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(ref.id, ref.key, ref.size, ref.contentType, kind, ctx.user.id, ctx.now());
  ref.key.fill(0);
  ctx.touchFile(ref.id);
  return { id: ref.id, size: ref.size, contentType: ref.contentType };
}

/**
 * The plaintext of a file (or a byte range of it); `reference` names the record in any damage message, found
 * at open or part-way through. The stream decrypts as it is read, so the key copy it holds is zeroed when it
 * closes (read to the end, failed or destroyed), not when it is opened.
 */
export async function readStoredFile(ctx: ServiceContext, blobs: BlobStore, fileId: string, reference: string, range?: ByteRange): Promise<Readable> {
  const row = ctx.db.prepare('SELECT id, key, size, content_type FROM files WHERE id = ?').get(fileId) as FileRow | undefined;
  if (!row) throw new BlobDamagedError(fileId, 'missing').forRecord(reference);
  let plaintext: Readable;
  try {
    plaintext = await blobs.read({ id: row.id, key: row.key, size: row.size }, range);
  } catch (error) {
    row.key.fill(0);
    throw error instanceof BlobDamagedError ? error.forRecord(reference) : error;
  }
  plaintext.once('close', () => row.key.fill(0));
  const named = Readable.from(namingDamage(plaintext, reference), { objectMode: false });
  // Destroyed before it was ever read, the inner stream would otherwise keep its file and key open.
  named.once('close', () => plaintext.destroy());
  return named;
}

async function* namingDamage(plaintext: Readable, reference: string): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of plaintext) yield chunk as Buffer;
  } catch (error) {
    throw error instanceof BlobDamagedError ? error.forRecord(reference) : error;
  }
}

export function storedFile(ctx: ServiceContext, fileId: string): StoredFile | null {
  const row = ctx.db.prepare('SELECT id, size, content_type FROM files WHERE id = ?').get(fileId) as Omit<FileRow, 'key'> | undefined;
  return row ? { id: row.id, size: row.size, contentType: row.content_type } : null;
}

/**
 * Destroys a file's key, in the caller's transaction: from its commit on the file cannot be read by anyone.
 * The encrypted file itself is removed when the call ends (the dispatcher settles touched files), or by
 * `tidyFiles` at the next unlock if Confide stops first.
 */
export function destroyFileKey(ctx: ServiceContext, fileId: string): void {
  ctx.db.prepare('DELETE FROM files WHERE id = ?').run(fileId);
  ctx.touchFile(fileId);
}

/**
 * Removes what a crash or a destroyed key left in blobs/: .partial files of interrupted imports, and files
 * whose key row is gone (unreadable already). Run at unlock and after destroying keys.
 */
export async function tidyFiles(ctx: Pick<ServiceContext, 'db'>, blobs: BlobStore): Promise<{ partials: number; orphans: number }> {
  const partials = await blobs.removeStalePartials();
  const known = new Set(ctx.db.prepare('SELECT id FROM files').pluck().all() as string[]);
  const orphans = (await blobs.ids()).filter((id) => !known.has(id));
  for (const id of orphans) await blobs.delete(id);
  return { partials, orphans: orphans.length };
}
