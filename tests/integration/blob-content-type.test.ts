import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blobFolder, CHUNK, filesIn, readAll, sameBytes } from '../support/blob-fixture';
import { acceptedRecordings, acceptedScans, refused, sampleFile } from '../support/media-samples';

let folder: Awaited<ReturnType<typeof blobFolder>>;
beforeEach(async () => {
  folder = await blobFolder();
});
afterEach(() => folder.cleanup());

function sourceFile(bytes: Buffer, name = 'chosen file'): string {
  const path = join(folder.sources, name);
  writeFileSync(path, bytes);
  return path;
}

describe('the content type comes from the magic bytes', () => {
  it.each(Object.entries(acceptedRecordings))('a recording: %s', async (_format, { head, contentType }) => {
    const bytes = sampleFile(head, CHUNK + 10);
    const ref = await folder.store.import(sourceFile(bytes), { kind: 'recording' });
    expect(ref.contentType).toBe(contentType);
    expect(sameBytes(await readAll(await folder.store.read(ref)), bytes)).toBe('same');
  });

  it.each(Object.entries(acceptedScans))('a scan: %s', async (_format, { head, contentType }) => {
    const ref = await folder.store.import(sourceFile(sampleFile(head, 5000)), { kind: 'scan' });
    expect(ref.contentType).toBe(contentType);
  });

  it('ignores the file name: a PDF named .mp4 is a PDF', async () => {
    const path = sourceFile(sampleFile(acceptedScans.pdf.head, 3000), 'session.mp4');
    await expect(folder.store.import(path, { kind: 'recording' })).rejects.toMatchObject({ code: 'invalid-input' });
    expect(await folder.store.import(path, { kind: 'scan' })).toMatchObject({ contentType: 'application/pdf' });
  });
});

describe('a refused file gets a clear error and leaves nothing in blobs/', () => {
  it.each(Object.entries(refused))('not a recording: %s', async (_what, head) => {
    await expect(folder.store.import(sourceFile(sampleFile(head, 2 * CHUNK + 1)), { kind: 'recording' })).rejects.toMatchObject({
      code: 'invalid-input',
      message: 'This file is not an audio or video recording Confide can play. Choose an MP4, M4A, WebM, MKV, Ogg, WAV, MP3 or FLAC file.',
    });
    expect(filesIn(folder.blobs)).toEqual([]);
  });

  it.each(Object.entries(acceptedRecordings))('not a scan: a recording (%s)', async (_format, { head }) => {
    await expect(folder.store.import(sourceFile(sampleFile(head, 4000)), { kind: 'scan' })).rejects.toMatchObject({
      code: 'invalid-input',
      message: 'This file is not a scan Confide can show. Choose a PDF, PNG or JPEG file.',
    });
    expect(filesIn(folder.blobs)).toEqual([]);
  });

  it('a 0-byte file, from a path or a stream', async () => {
    const message = 'This file is empty (0 bytes). Choose the file again.';
    await expect(folder.store.import(sourceFile(Buffer.alloc(0)), { kind: 'recording' })).rejects.toMatchObject({ code: 'invalid-input', message });
    await expect(folder.store.import(Readable.from([]), { kind: 'scan' })).rejects.toMatchObject({ code: 'invalid-input', message });
    expect(filesIn(folder.blobs)).toEqual([]);
  });

  it('a missing file or a folder, without the path in the message (it may name a client)', async () => {
    const missing = join(folder.sources, 'Jane Doe recording.mp4');
    const dir = join(folder.sources, 'Jane Doe folder');
    mkdirSync(dir);
    for (const path of [missing, dir]) {
      const error = await folder.store.import(path, { kind: 'recording' }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'invalid-input', message: 'The chosen file could not be read. Check that it still exists and is not a folder.' });
      expect(String((error as Error).message)).not.toContain('Jane');
    }
    expect(filesIn(folder.blobs)).toEqual([]);
  });

  it('a stream that fails part-way leaves no file', async () => {
    async function* failing() {
      yield sampleFile(acceptedRecordings.mp4.head, 3 * CHUNK);
      throw new Error('the disk went away');
    }
    await expect(folder.store.import(Readable.from(failing()), { kind: 'recording' })).rejects.toThrow('the disk went away');
    expect(filesIn(folder.blobs)).toEqual([]);
  });

  it('a cancelled import leaves no file', async () => {
    const controller = new AbortController();
    const path = sourceFile(sampleFile(acceptedRecordings.mp4.head, 4 * 1024 * 1024));
    const importing = folder.store.import(path, { kind: 'recording', signal: controller.signal, onProgress: () => controller.abort() });
    await expect(importing).rejects.toMatchObject({ code: 'conflict', message: 'The file was not stored: the import was cancelled.' });
    expect(filesIn(folder.blobs)).toEqual([]);
  });
});
