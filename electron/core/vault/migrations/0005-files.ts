import type { Migration } from './types';

/**
 * Encrypted files in blobs/ (recordings, scans of signed forms): one row per file holding its only key.
 * Deleting the row destroys the file's readability at once (crypto-shredding); the file is removed after.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'files',
  up(db) {
    db.exec(`
      CREATE TABLE files (
        id TEXT PRIMARY KEY,
        key BLOB NOT NULL CHECK (length(key) = 32),
        size INTEGER NOT NULL CHECK (size > 0),
        content_type TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('recording', 'scan')),
        created_by TEXT NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
