import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A real WAV file (RIFF, PCM, 16-bit mono): `seconds` of a sine wave whose pitch rises each second, so a
 * player can decode it and seek in it. Built here so no test depends on a media file from elsewhere.
 */
export function sineWav(seconds: number, sampleRate = 8000): Buffer {
  const samples = Math.round(seconds * sampleRate);
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i += 1) {
    const hz = 220 * (1 + Math.floor(i / sampleRate));
    data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * hz * i) / sampleRate) * 12_000), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16); // fmt chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28); // bytes per second
  header.writeUInt16LE(2, 32); // block align
  header.writeUInt16LE(16, 34); // bits per sample
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** Writes `sineWav(seconds)` to `dir/name` and returns its path and bytes. */
export function writeSineWav(dir: string, seconds: number, name = 'session.wav'): { path: string; bytes: Buffer } {
  const bytes = sineWav(seconds);
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return { path, bytes };
}
