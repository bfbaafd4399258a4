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
  for (const migration of migrations) {
    if (migration.version <= current || migration.version > goal) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
