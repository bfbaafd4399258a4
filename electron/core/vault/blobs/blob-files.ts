import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { isBlobId } from './format';

/** `blobs/<id>`: a complete blob. Names are random ids, so they say nothing about clients. */
export function blobPath(dir: string, id: string): string {
  return join(dir, checkedId(id));
}

/** `blobs/<id>.partial`: an import still being written, renamed to blobPath once complete and flushed. */
export function partialPath(dir: string, id: string): string {
  return `${join(dir, checkedId(id))}${PARTIAL_SUFFIX}`;
}

export const PARTIAL_SUFFIX = '.partial';

/** Ids come back from the database; a malformed one must never become a path outside blobs/. */
function checkedId(id: string): string {
  if (!isBlobId(id)) throw new TypeError('not a blob id');
  return id;
}

/** Makes a rename or an unlink in `dir` durable. Windows cannot open a folder for fsync; its renames are atomic anyway. */
export async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
