import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, realpathSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { ConfideError, conflict, invalidField } from '../errors';

/**
 * Writing exported files where the person chose. Each file appears whole or not at all, never over an
 * existing file, and a failure part-way removes what this export wrote, so the disclosure log (whose entry
 * rolls back with the failure) never lacks a file that was left behind.
 */

/** The folder, checked: a real folder, given in full, outside the vault (exported files are not encrypted). */
export function checkedExportFolder(folder: string, vaultDir: string): string {
  if (!isAbsolute(folder)) throw invalidField('outputFolder', 'Give the folder’s full path, starting from the top of the disk');
  let real: string;
  let isFolder: boolean;
  try {
    real = realpathSync(folder);
    isFolder = statSync(real).isDirectory();
  } catch {
    throw invalidField('outputFolder', 'That folder does not exist, or Confide cannot open it');
  }
  if (!isFolder) throw invalidField('outputFolder', 'That is a file, not a folder: choose a folder');
  let vault: string;
  try {
    vault = realpathSync(vaultDir);
  } catch {
    vault = vaultDir;
  }
  const inside = relative(vault, real);
  if (inside === '' || (!inside.startsWith(`..${sep}`) && inside !== '..' && !isAbsolute(inside))) {
    throw invalidField('outputFolder', 'Exported files are not encrypted, so they cannot go in the vault’s folder: choose another folder');
  }
  return real;
}

export interface ExportFile {
  name: string;
  bytes: Buffer;
}

/** Writes every file or none: on any failure, removes the ones already written and throws. */
export function writeExportFiles(folder: string, files: readonly ExportFile[]): string[] {
  const written: string[] = [];
  try {
    for (const file of files) written.push(writeOne(folder, file));
    syncFolder(folder);
    return written;
  } catch (error) {
    for (const path of written) {
      try {
        unlinkSync(path);
      } catch {
        // Already gone.
      }
    }
    // The system's own error names paths and codes; the person needs to know what to do.
    if (error instanceof ConfideError) throw error;
    throw invalidField('outputFolder', 'Confide could not write the files to that folder: check it is not read-only or full, or choose another');
  }
}

/** A temporary name, fsynced, then hard-linked to the real name (which fails rather than replace a file). */
function writeOne(folder: string, file: ExportFile): string {
  const target = join(folder, file.name);
  const temp = join(folder, `.${file.name}.${randomBytes(6).toString('hex')}.partial`);
  const fd = openSync(temp, 'wx', 0o600);
  try {
    try {
      for (let offset = 0; offset < file.bytes.length; ) offset += writeSync(fd, file.bytes, offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      linkSync(temp, target);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === 'EEXIST') throw conflict(`A file called ${file.name} is already in that folder. Move it, or choose another folder.`);
      // Some file systems (FAT on a memory stick, some network shares) have no hard links: write in place, never over a file.
      writeExclusive(target, file.bytes, file.name);
    }
    return target;
  } finally {
    try {
      unlinkSync(temp);
    } catch {
      // Nothing left to remove.
    }
  }
}

function writeExclusive(target: string, bytes: Buffer, name: string): void {
  let fd: number;
  try {
    fd = openSync(target, 'wx', 0o600);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'EEXIST') throw conflict(`A file called ${name} is already in that folder. Move it, or choose another folder.`);
    throw error;
  }
  try {
    for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    unlinkSync(target);
    throw error;
  }
  closeSync(fd);
}

/** The new names survive a power cut (POSIX); Windows cannot open a folder to sync it, and needs not. */
function syncFolder(folder: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Not supported here.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
