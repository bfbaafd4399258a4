import type { AuditEntry } from '../audit';
import type { Db } from '../vault/database';
import type { UserRow } from './users';

/** What every service call gets: the open database, who is acting, and the time. */
export interface ServiceContext {
  db: Db;
  user: UserRow;
  /** The instant, as an ISO timestamp (UTC), for what the core records. */
  now: () => string;
  /** Today's date (YYYY-MM-DD) in the practice's time zone, for rules such as "not in the future". */
  today: () => string;
  /** The local minute now (YYYY-MM-DDTHH:MM), comparable with session start times. */
  localNow: () => string;
  audit(entry: Omit<AuditEntry, 'at' | 'actorId'>): void;
}
