// Run by attendance-export.test.ts in its own process: writes one export's files, and is killed part-way.
import { writeSync } from 'node:fs';
import { writeExportFiles } from '../../electron/core/attendance/export-files';

// Far larger than a letter, so that a kill lands inside the writing often.
export const EXPORT_FILE_SIZE = 16 * 1024 * 1024 + 123;

/** The bytes of export file `n`: a pattern the parent can check byte for byte. */
export function exportFileBytes(n: number): Buffer {
  return Buffer.alloc(EXPORT_FILE_SIZE, `export file ${n}, byte for byte; `);
}

if (process.argv[2]) {
  const folder = process.argv[2];
  const files = [
    { name: 'attendance-summary-D-0001-2026-11-23.pdf', bytes: exportFileBytes(1) },
    { name: 'attendance-summary-D-0001-2026-11-23.csv', bytes: exportFileBytes(2) },
  ];
  writeSync(1, 'ready\n');
  writeExportFiles(folder, files);
  writeSync(1, 'done\n');
}
