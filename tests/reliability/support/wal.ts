import { readFileSync } from 'node:fs';

/** The layout of a vault.db-wal, read independently of the code under test (SQLite's file-format page). */
export interface WalLayout {
  frameBytes: number;
  frames: number;
  /** Frame indexes (0-based) written in the WAL header's generation. */
  currentGeneration: number[];
}

export function walLayout(path: string): WalLayout {
  const wal = readFileSync(path);
  const pageSize = wal.readUInt32BE(8);
  const frameBytes = 24 + pageSize;
  const frames = Math.floor((wal.length - 32) / frameBytes);
  const salts = wal.subarray(16, 24);
  const currentGeneration: number[] = [];
  for (let i = 0; i < frames; i++) {
    const offset = 32 + i * frameBytes;
    if (wal.subarray(offset + 8, offset + 16).equals(salts)) currentGeneration.push(i);
  }
  return { frameBytes, frames, currentGeneration };
}
