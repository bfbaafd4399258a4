import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHUNK, readUntilError } from '../support/blob-fixture';
import { blobsIn, bothConsent, couplePractice } from '../support/recording-practice';
import { tempFolder, type TestDoor } from '../support/vault-fixture';
import { writeSineWav } from '../support/wav';
import { iterations } from './iterations';

/**
 * Damage anywhere in a recording's file — one flipped bit at any offset (header, ciphertext, tag), the file
 * cut to any length, or bytes added — read back through the same door the player uses, whole or from any
 * byte range. Whatever the damage and the range, the player gets either a refusal before any byte, or only
 * the recording's own bytes from authentic chunks followed by an error; never a byte that is not the
 * recording's, and never a short answer that ends as if complete. Every error names the recording by its
 * reference and nothing else.
 */
const HEADER = 20;
const SEALED_CHUNK = CHUNK + 16;
const DAMAGED = 'The file for recording R-0001 is damaged and cannot be read.';
const runs = iterations(40, 600);

let folder: ReturnType<typeof tempFolder>;
let door: TestDoor;
let recordingId: string;
let plaintext: Buffer;
let file: string;
let sealed: Buffer;

beforeAll(async () => {
  folder = tempFolder();
  const vaultDir = join(folder.dir, 'vault');
  const practice = await couplePractice(vaultDir);
  await bothConsent(practice.door, practice);
  const wav = writeSineWav(folder.dir, 15); // 240,044 bytes: three full chunks and a short last one
  const recording = await practice.door.call('recordings.attach', { sessionId: practice.joint.id, uses: ['supervision'], path: wav.path });
  door = practice.door;
  recordingId = recording.id;
  plaintext = wav.bytes;
  file = join(vaultDir, 'blobs', blobsIn(vaultDir)[0]!);
  sealed = readFileSync(file);
});
afterAll(() => folder.cleanup());

type Damage = { kind: 'flip'; offset: number; bit: number } | { kind: 'cut'; length: number } | { kind: 'append'; extra: Uint8Array };

const damage = (fileLength: number): fc.Arbitrary<Damage> =>
  fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), offset: fc.integer({ min: 0, max: fileLength - 1 }), bit: fc.integer({ min: 0, max: 7 }) }),
    fc.record({ kind: fc.constant('cut' as const), length: fc.integer({ min: 0, max: fileLength - 1 }) }),
    fc.record({ kind: fc.constant('append' as const), extra: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
  );

/** A player's Range header over `size` bytes: none, from a byte to the end, or a closed range. */
const range = (size: number): fc.Arbitrary<{ header: string | null; start: number; end: number }> =>
  fc.oneof(
    fc.constant({ header: null, start: 0, end: size - 1 }),
    fc.integer({ min: 0, max: size - 1 }).map((start) => ({ header: `bytes=${start}-`, start, end: size - 1 })),
    fc
      .tuple(fc.integer({ min: 0, max: size - 1 }), fc.integer({ min: 0, max: size - 1 }))
      .map(([a, b]) => ({ header: `bytes=${Math.min(a, b)}-${Math.max(a, b)}`, start: Math.min(a, b), end: Math.max(a, b) })),
  );

function apply(d: Damage): Buffer {
  if (d.kind === 'cut') return sealed.subarray(0, d.length);
  if (d.kind === 'append') return Buffer.concat([sealed, d.extra]);
  const bytes = Buffer.from(sealed);
  bytes[d.offset] = bytes[d.offset]! ^ (1 << d.bit);
  return bytes;
}

/** The chunk a flip past the header spoils (a flip in the header spoils every chunk). */
const badChunk = (d: Extract<Damage, { kind: 'flip' }>) => Math.floor((d.offset - HEADER) / SEALED_CHUNK);

describe('a recording damaged anywhere, read from any range', () => {
  it('is refused before any byte, or delivers only authentic bytes and then fails; every error names R-0001 only', { timeout: 60_000 + runs * 1_500 }, async () => {
    await fc.assert(
      fc.asyncProperty(damage(sealed.length), range(plaintext.length), async (d, r) => {
        writeFileSync(file, apply(d));
        try {
          const response = await door.core.readRecording(recordingId, r.header);
          if (response.body === null) {
            expect(response).toMatchObject({ status: 500, message: DAMAGED });
            // Only a file whose length is wrong, or whose header is unreadable, is refused before the first byte.
            expect(d.kind !== 'flip' || d.offset < HEADER).toBe(true);
          } else {
            expect(d.kind).toBe('flip'); // a file of the wrong length never gets as far as a body
            const { delivered, error } = await readUntilError(response.body);
            const wanted = plaintext.subarray(r.start, r.end + 1);
            expect(delivered.equals(wanted.subarray(0, delivered.length))).toBe(true);
            const flip = d as Extract<Damage, { kind: 'flip' }>;
            const bad = flip.offset < HEADER ? Math.floor(r.start / CHUNK) : badChunk(flip);
            if (Math.floor(r.start / CHUNK) <= bad && bad <= Math.floor(r.end / CHUNK)) {
              expect(error).toMatchObject({ code: 'vault-damaged', message: DAMAGED });
              expect(delivered.length).toBeLessThanOrEqual(Math.max(0, bad * CHUNK - r.start));
            } else {
              expect(error).toBeUndefined();
              expect(delivered.length).toBe(wanted.length);
            }
          }
          expect(await door.raw('recordings.verify', { recordingId })).toEqual({ ok: false, error: { code: 'vault-damaged', message: DAMAGED } });
        } finally {
          writeFileSync(file, sealed);
        }
      }),
      { numRuns: runs },
    );
    expect(await door.call('recordings.verify', { recordingId })).toEqual({ intact: true });
  });
});
