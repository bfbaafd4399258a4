import Database from 'better-sqlite3-multiple-ciphers';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { walProblem } from '../../../electron/core/vault/wal-check';
import { tempFolder } from '../../support/vault-fixture';

/**
 * The WAL check against logs SQLite itself wrote (a plain database: the checksums are the same with or
 * without encryption), changed the ways a crash or damage would change them.
 */
let folder: ReturnType<typeof tempFolder>;
let wal: Buffer;
const FRAME = 24 + 4096;
beforeEach(() => {
  folder = tempFolder();
  const db = new Database(join(folder.dir, 'plain.db'));
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (x TEXT)');
  for (let i = 0; i < 6; i++) db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(3000));
  wal = Buffer.from(readFileSync(join(folder.dir, 'plain.db-wal')));
  db.close();
});
afterEach(() => folder.cleanup());

const frames = () => (wal.length - 32) / FRAME;
const flipped = (offset: number) => {
  const copy = Buffer.from(wal);
  copy[offset] = copy[offset]! ^ 0x01;
  return copy;
};

describe('the WAL check', () => {
  it('passes a whole log, an empty one, and one a killed writer left with a frame header but no page', () => {
    expect(frames()).toBeGreaterThan(3);
    expect(walProblem(wal, 4096)).toBeNull();
    expect(walProblem(Buffer.alloc(0), 4096)).toBeNull();
    expect(walProblem(Buffer.concat([wal, wal.subarray(32, 56)]), 4096)).toBeNull();
  });

  it('passes damage to the last frame: it cannot be told from a crash while writing it', () => {
    expect(walProblem(flipped(wal.length - 100), 4096)).toBeNull();
  });

  it('passes a bad frame followed only by frames of an older generation', () => {
    const older = Buffer.from(wal);
    for (let i = 2; i < frames(); i++) older.writeUInt32BE(older.readUInt32BE(32 + i * FRAME + 8) + 1, 32 + i * FRAME + 8);
    expect(walProblem(older, 4096)).toBeNull();
  });

  it('reports a bad header, a bad frame with later frames after it, a cut mid-frame and a page size it does not expect', () => {
    expect(walProblem(flipped(5), 4096)).toMatch(/header fails its check/);
    expect(walProblem(flipped(32 + FRAME + 1000), 4096)).toMatch(/^frame 2 of \d+ fails its check and later saved changes follow it$/);
    expect(walProblem(wal.subarray(0, wal.length - 1), 4096)).toMatch(/ends part-way through a frame/);
    expect(walProblem(wal.subarray(0, 20), 4096)).toMatch(/shorter than its own header/);
    expect(walProblem(wal, 1024)).toMatch(/header fails its check/);
  });
});
