import { readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHUNK, readUntilError } from '../support/blob-fixture';
import { blobsIn, bothConsent, couplePractice } from '../support/recording-practice';
import { tempVaultEach } from '../support/temp-vault';
import { writeSineWav } from '../support/wav';

/**
 * A damaged recording file is reported naming the recording by its reference (never a client), and no
 * plaintext of a damaged chunk ever reaches the player: damage found at open refuses before the first byte;
 * damage found part-way fails the stream, which a door must treat as an abort.
 */
const temp = tempVaultEach();
const DAMAGED = 'The file for recording R-0001 is damaged and cannot be read.';

async function recorded() {
  const practice = await couplePractice(temp.vaultDir);
  await bothConsent(practice.door, practice);
  const wav = writeSineWav(temp.dir, 15); // 240 KB: four chunks
  const recording = await practice.door.call('recordings.attach', { sessionId: practice.joint.id, uses: ['supervision'], path: wav.path });
  const [blob] = blobsIn(temp.vaultDir);
  return { ...practice, wav, recording, file: join(temp.vaultDir, 'blobs', blob!) };
}

describe('a damaged recording', () => {
  it('a flipped byte in the third chunk: the stream fails naming the recording after only the authentic chunks', async () => {
    const { door, wav, recording, file } = await recorded();
    const bytes = readFileSync(file);
    const inThirdChunk = 20 + 2 * (CHUNK + 16) + 100;
    bytes[inThirdChunk] = bytes[inThirdChunk]! ^ 0x01;
    writeFileSync(file, bytes);

    const response = await door.core.readRecording(recording.id, null);
    expect(response.status).toBe(200);
    const { delivered, error } = await readUntilError(response.body!);
    expect(error).toMatchObject({ code: 'vault-damaged', message: DAMAGED });
    expect(delivered.length).toBe(2 * CHUNK);
    expect(delivered.equals(wav.bytes.subarray(0, 2 * CHUNK))).toBe(true);
    // A range inside the undamaged part still plays; one reaching the damage fails the same way.
    expect((await readUntilError((await door.core.readRecording(recording.id, 'bytes=0-99')).body!)).error).toBeUndefined();
    expect((await readUntilError((await door.core.readRecording(recording.id, `bytes=${2 * CHUNK + 5}-`)).body!)).delivered.length).toBe(0);
    expect(await door.raw('recordings.verify', { recordingId: recording.id })).toEqual({ ok: false, error: { code: 'vault-damaged', message: DAMAGED } });
  });

  it('a truncated file is refused before a single byte, naming the recording', async () => {
    const { door, recording, file } = await recorded();
    truncateSync(file, readFileSync(file).length - 1000);
    expect(await door.core.readRecording(recording.id, 'bytes=0-')).toMatchObject({ status: 500, body: null, message: DAMAGED });
    expect(await door.raw('recordings.verify', { recordingId: recording.id })).toEqual({ ok: false, error: { code: 'vault-damaged', message: DAMAGED } });
  });

  it('a missing file is reported as missing, naming the recording', async () => {
    const { door, recording, file } = await recorded();
    rmSync(file);
    expect(await door.core.readRecording(recording.id, null)).toMatchObject({ status: 500, message: 'The file for recording R-0001 is missing from the vault.' });
  });
});
