import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blobFolder, CHUNK, filesIn, readAll, recordingFile, sameBytes } from '../support/blob-fixture';
import { acceptedRecordings, sampleFile } from '../support/media-samples';

let folder: Awaited<ReturnType<typeof blobFolder>>;
beforeEach(async () => {
  folder = await blobFolder();
});
afterEach(() => folder.cleanup());

/** A stream that sends one chunk and then waits until `release` is called. */
function heldStream(bytes: Buffer): { stream: Readable; release: () => void; started: Promise<void> } {
  let release!: () => void;
  let started!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const startedPromise = new Promise<void>((resolve) => (started = resolve));
  async function* pieces() {
    yield bytes.subarray(0, 2 * CHUNK);
    started();
    await gate;
    yield bytes.subarray(2 * CHUNK);
  }
  return { stream: Readable.from(pieces()), release, started: startedPromise };
}

describe('stale .partial files', () => {
  it('are removed by the cleanup, which leaves complete blobs and imports still running alone', async () => {
    const done = await folder.store.import(recordingFile(folder.sources, CHUNK + 3).path, { kind: 'recording' });
    const staleId = randomBytes(16).toString('hex');
    writeFileSync(join(folder.blobs, `${staleId}.partial`), randomBytes(5000));

    const bytes = sampleFile(acceptedRecordings.webm.head, 5 * CHUNK);
    const held = heldStream(bytes);
    const running = folder.store.import(held.stream, { kind: 'recording' });
    await held.started;
    await new Promise((resolve) => setTimeout(resolve, 20));
    const runningPartial = filesIn(folder.blobs).find((name) => name.endsWith('.partial') && !name.startsWith(staleId));
    expect(runningPartial).toBeDefined();

    expect(await folder.store.removeStalePartials()).toBe(1);
    expect(existsSync(join(folder.blobs, `${staleId}.partial`))).toBe(false);
    expect(existsSync(join(folder.blobs, runningPartial!))).toBe(true);

    held.release();
    const ref = await running;
    expect(sameBytes(await readAll(await folder.store.read(ref)), bytes)).toBe('same');
    expect(filesIn(folder.blobs)).toEqual([done.id, ref.id].sort());
    expect(await folder.store.removeStalePartials()).toBe(0);
  });

  it('an interrupted import is not listed as a blob', async () => {
    writeFileSync(join(folder.blobs, `${randomBytes(16).toString('hex')}.partial`), randomBytes(100));
    writeFileSync(join(folder.blobs, 'notes.txt'), 'not ours');
    expect(await folder.store.ids()).toEqual([]);
  });
});
