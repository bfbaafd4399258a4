import { existsSync, readFileSync } from 'node:fs';
import { ConfideError } from '../errors';

/**
 * Reads vault.db-wal as SQLite's file-format document describes it (sqlite.org/fileformat2.html#walformat)
 * and says whether SQLite would silently drop frames it holds. The frame bodies are encrypted pages, but
 * the WAL header and frame headers are not, and the checksums cover the bytes as stored, so this needs
 * no key. SQLite's own recovery stops at the first bad frame and forgets everything after it; we refuse
 * to let it do that without saying so.
 */
const WAL_HEADER_BYTES = 32;
const FRAME_HEADER_BYTES = 24;
const MAGIC_LITTLE_ENDIAN = 0x377f0682;
const MAGIC_BIG_ENDIAN = 0x377f0683;
const WAL_FORMAT_VERSION = 3007000;

export const walDamaged = (why: string) =>
  new ConfideError(
    'vault-damaged',
    `The vault's write-ahead log (vault.db-wal) is damaged: ${why}. Opening the vault would silently lose saved ` +
      'changes, so nothing has been changed. Keep the vault folder exactly as it is and restore from a backup.',
  );

/** Fletcher-like sum over 32-bit words, as SQLite's walChecksumBytes, continuing from (s0, s1). */
function checksum(bytes: Buffer, s0: number, s1: number, bigEndian: boolean): [number, number] {
  for (let i = 0; i < bytes.length; i += 8) {
    const a = bigEndian ? bytes.readUInt32BE(i) : bytes.readUInt32LE(i);
    const b = bigEndian ? bytes.readUInt32BE(i + 4) : bytes.readUInt32LE(i + 4);
    s0 = (s0 + a + s1) >>> 0;
    s1 = (s1 + b + s0) >>> 0;
  }
  return [s0, s1];
}

/** What is wrong with these WAL bytes, or null when SQLite would keep every frame that could be committed. */
export function walProblem(wal: Buffer, pageSize: number): string | null {
  if (wal.length === 0) return null;
  if (wal.length < WAL_HEADER_BYTES) return 'it is shorter than its own header';
  const magic = wal.readUInt32BE(0);
  const bigEndian = magic === MAGIC_BIG_ENDIAN;
  const [h0, h1] = checksum(wal.subarray(0, 24), 0, 0, bigEndian);
  const headerIntact =
    (magic === MAGIC_LITTLE_ENDIAN || bigEndian) &&
    wal.readUInt32BE(4) === WAL_FORMAT_VERSION &&
    wal.readUInt32BE(8) === pageSize &&
    h0 === wal.readUInt32BE(24) &&
    h1 === wal.readUInt32BE(28);
  if (!headerIntact) return 'its header fails its check, so SQLite would ignore every change in it';

  const frameBytes = FRAME_HEADER_BYTES + pageSize;
  const body = wal.length - WAL_HEADER_BYTES;
  // A killed writer can leave a frame header without its page (two separate writes), never less.
  const tail = body % frameBytes;
  if (tail !== 0 && tail !== FRAME_HEADER_BYTES) return 'it ends part-way through a frame, so it was cut short';

  const salt1 = wal.readUInt32BE(16);
  const salt2 = wal.readUInt32BE(20);
  const sameGeneration = (offset: number) => wal.readUInt32BE(offset + 8) === salt1 && wal.readUInt32BE(offset + 12) === salt2;
  const frames = Math.floor(body / frameBytes);
  let [s0, s1] = [h0, h1];
  for (let i = 0; i < frames; i++) {
    const offset = WAL_HEADER_BYTES + i * frameBytes;
    [s0, s1] = checksum(wal.subarray(offset, offset + 8), s0, s1, bigEndian);
    [s0, s1] = checksum(wal.subarray(offset + FRAME_HEADER_BYTES, offset + frameBytes), s0, s1, bigEndian);
    const valid =
      wal.readUInt32BE(offset) !== 0 &&
      sameGeneration(offset) &&
      s0 === wal.readUInt32BE(offset + 16) &&
      s1 === wal.readUInt32BE(offset + 20);
    if (valid) continue;
    // SQLite stops here. Frames of an older generation after this point are leftovers it may ignore;
    // a later frame of this generation was written after this one, so dropping it could drop a commit.
    for (let j = i + 1; j < frames; j++) {
      if (sameGeneration(WAL_HEADER_BYTES + j * frameBytes)) {
        return `frame ${i + 1} of ${frames} fails its check and later saved changes follow it`;
      }
    }
    return null;
  }
  return null;
}

/** Refuses to go on when vault.db-wal holds frames SQLite would drop. Reads only; writes nothing. */
export function assertWalIntact(walPath: string, pageSize: number): void {
  if (!existsSync(walPath)) return;
  const problem = walProblem(readFileSync(walPath), pageSize);
  if (problem) throw walDamaged(problem);
}
