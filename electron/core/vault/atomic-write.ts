import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';

/** Names of the temporary siblings; a leftover one is removed at the next open (strays.ts). */
export const TEMP_FILE_PATTERN = /^\.tmp-[0-9a-f]{16}$/;

/**
 * Writes a file so that a crash leaves either the old or the new content, never a mix:
 * write a sibling temp file (random, non-identifying name), fsync it, rename over, fsync the folder.
 */
export function writeFileAtomic(path: string, content: string): void {
  const dir = dirname(path);
  const temp = join(dir, `.tmp-${randomBytes(8).toString('hex')}`);
  try {
    const fd = openSync(temp, 'wx', 0o600);
    try {
      writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncDirectory(dir);
}

function syncDirectory(dir: string): void {
  // Windows cannot open a folder for fsync; the rename is still atomic there.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
