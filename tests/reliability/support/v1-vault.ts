import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { closeDatabase, openDatabase } from '../../../electron/core/vault/database';
import { secretBytes } from '../../../electron/core/vault/kdf';
import { writeKeyFile } from '../../../electron/core/vault/key-file';
import { makeSlot } from '../../../electron/core/vault/key-slots';
import { migrate } from '../../../electron/core/vault/migrate';
import { TEST_KDF, USER } from '../../support/vault-fixture';

/**
 * A vault at schema version 1 (as tests/unit/core/migration-0002.test.ts builds one, but encrypted and on
 * disk) with one client whose notes total `noteBytes`, so the v1→v2 migration at the next unlock has
 * real work to do.
 */
export async function makeVersion1Vault(dir: string, passphrase: string, notes: { count: number; bytes: number }): Promise<void> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const dataKey = randomBytes(32);
  const secret = secretBytes(passphrase);
  const slot = await makeSlot('passphrase', secret, dataKey, TEST_KDF);
  secret.fill(0);
  const db = openDatabase(join(dir, 'vault.db'), dataKey, { create: true });
  try {
    migrate(db, 1);
    const t = '2026-01-01T00:00:00.000Z';
    db.transaction(() => {
      db.prepare(`INSERT INTO settings VALUES ('practice_name', 'Old Practice'), ('auto_lock_minutes', '5')`).run();
      const userId = randomUUID();
      const clientId = randomUUID();
      db.prepare('INSERT INTO users VALUES (?, ?, ?, 1, 1, ?, ?)').run(userId, USER, USER.toLowerCase(), slot.id, t);
      db.prepare(`INSERT INTO clients VALUES (?, 1, 'Private Person', NULL, NULL, NULL, NULL, 'active', ?, ?, ?)`).run(clientId, userId, t, t);
      const insertNote = db.prepare(`INSERT INTO notes VALUES (?, ?, ?, 'final', ?, ?, ?, ?)`);
      const insertSubject = db.prepare(`INSERT INTO note_subjects VALUES (?, ?)`);
      for (let i = 0; i < notes.count; i++) {
        const id = randomUUID();
        const at = new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString();
        insertNote.run(id, clientId, userId, noteText(i, notes.bytes), at, at, at);
        insertSubject.run(id, clientId);
      }
    })();
  } finally {
    closeDatabase(db);
    dataKey.fill(0);
  }
  writeKeyFile(join(dir, 'vault.keys'), { slots: [slot] });
}

/** Note text of about `bytes` characters: words that vary, so nothing compresses it away. */
export function noteText(seed: number, bytes: number): string {
  const words: string[] = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const word = `PLAINMARKER${((seed * 7919 + i * 104729) % 1_000_003).toString(36)}`;
    words.push(word);
    length += word.length + 1;
  }
  return words.join(' ');
}
