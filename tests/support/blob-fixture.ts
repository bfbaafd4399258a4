import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { BlobStore } from '../../electron/core/vault/blobs';
import { acceptedRecordings, sampleFile } from './media-samples';
import { tempFolder } from './vault-fixture';

export const CHUNK = 64 * 1024;

/** A fresh blobs/ folder in a temp folder, with a place for source files beside it. */
export async function blobFolder(): Promise<{ store: BlobStore; sources: string; blobs: string; cleanup: () => void }> {
  const folder = tempFolder();
  const blobs = join(folder.dir, 'vault', 'blobs');
  return { store: await BlobStore.open(blobs), sources: folder.dir, blobs, cleanup: folder.cleanup };
}

/** A recording of `size` bytes (an MP4 header, then random bytes) written to `dir`; returns its path and bytes. */
export function recordingFile(dir: string, size: number, name = `recording-${size}.mp4`): { path: string; bytes: Buffer } {
  const bytes = sampleFile(acceptedRecordings.mp4.head, size);
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return { path, bytes };
}

export async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

/** What a stream delivered before it failed, and how it failed. */
export async function readUntilError(stream: Readable): Promise<{ delivered: Buffer; error: unknown }> {
  const parts: Buffer[] = [];
  try {
    for await (const part of stream) parts.push(Buffer.from(part as Buffer));
  } catch (error) {
    return { delivered: Buffer.concat(parts), error };
  }
  return { delivered: Buffer.concat(parts), error: undefined };
}

export function filesIn(dir: string): string[] {
  return readdirSync(dir).sort();
}

/**
 * Byte-for-byte comparison. (toEqual walks a Buffer element by element: seconds per megabyte.)
 * On a mismatch it says where the bytes first differ.
 */
export function sameBytes(actual: Buffer, expected: Buffer): string {
  if (actual.equals(expected)) return 'same';
  const limit = Math.min(actual.length, expected.length);
  let at = 0;
  while (at < limit && actual[at] === expected[at]) at++;
  return `differ: lengths ${actual.length} and ${expected.length}, first difference at byte ${at}`;
}

export function flipByte(path: string, offset: number): void {
  const bytes = readFileSync(path);
  bytes[offset] = bytes[offset]! ^ 0x01;
  writeFileSync(path, bytes);
}
