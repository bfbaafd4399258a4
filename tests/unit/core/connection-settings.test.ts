import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../electron/core/vault/database';
import { tempFolder } from '../../support/vault-fixture';

let folder: ReturnType<typeof tempFolder>;
beforeEach(() => (folder = tempFolder()));
afterEach(() => folder.cleanup());

describe('every vault connection', () => {
  it('uses secure delete, in-memory temporary storage, foreign keys, WAL, full sync, an exclusive lock, and a new file full auto-vacuum', () => {
    const db = openDatabase(join(folder.dir, 'vault.db'), randomBytes(32), { create: true });
    try {
      expect(db.pragma('secure_delete', { simple: true })).toBe(1);
      expect(db.pragma('temp_store', { simple: true })).toBe(2);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('locking_mode', { simple: true })).toBe('exclusive');
      expect(db.pragma('auto_vacuum', { simple: true })).toBe(1);
    } finally {
      closeDatabase(db);
    }
  });
});
