import type { Db } from '../vault/database';
import type { UserRow } from '../vault/users';

/**
 * What every service call gets: the open database, who is acting, and the time. No way to write the audit
 * log: entries are declared per method in the contract and written by the dispatcher (audited-call.ts).
 */
export interface ServiceContext {
  db: Db;
  user: UserRow;
  now: () => string;
}
