import { ConfideError } from '../errors';
import type { Db } from './database';
import { migrations as allMigrations } from './migrations';
import type { Migration } from './migrations/types';

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies every migration above the current version, each in its own transaction. */
export function migrate(db: Db, target?: number, migrations: readonly Migration[] = allMigrations): void {
  const latest = migrations.at(-1)?.version ?? 0;
  const goal = target ?? latest;
  const current = schemaVersion(db);
  if (current > latest) {
    throw new ConfideError(
      'vault-damaged',
      'This vault was written by a newer version of Confide. Update Confide to open it; nothing has been changed.',
    );
  }
  const pending = migrations.filter((m) => m.version > current && m.version <= goal);
  if (pending.length === 0) return;
  // SQLite's procedure for rebuilding tables: foreign keys off (outside any transaction), rebuild,
  // then prove no reference was broken before committing.
  const enforced = db.pragma('foreign_keys', { simple: true }) === 1;
  db.pragma('foreign_keys = OFF');
  try {
    for (const migration of pending) {
      db.transaction(() => {
        migration.up(db);
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) throw new Error(`migration ${migration.version} left ${broken.length} broken references`);
        db.pragma(`user_version = ${migration.version}`);
      })();
    }
  } finally {
    if (enforced) db.pragma('foreign_keys = ON');
  }
  // Rebuilt tables leave free pages behind; vacuuming keeps every page of the file in use, so the page
  // check at unlock covers the whole file and nothing of the old tables lingers.
  if ((db.pragma('freelist_count', { simple: true }) as number) > 0) db.exec('VACUUM');
}
