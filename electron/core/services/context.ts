import type { AuditEntry } from '../vault/audit';
import type { Db } from '../vault/database';
import type { UserRow } from '../vault/users';

/** What every service call gets: the open database, who is acting, and the time. */
export interface ServiceContext {
  db: Db;
  user: UserRow;
  now: () => string;
  audit(entry: Omit<AuditEntry, 'at' | 'actorId'>): void;
}
