import type { Db } from '../vault/database';
import type { UserRow } from '../vault/users';
import type { BlobStore } from '../vault/blobs';
import type { Progress } from '../../../shared/progress';

/**
 * What every service call gets: the open database, who is acting, and the time. No way to write the audit
 * log: entries are declared per method in the contract and written by the dispatcher (audited-call.ts).
 */
export interface ServiceContext {
  db: Db;
  user: UserRow;
  /** The instant, as an ISO timestamp (UTC), for what the core records. */
  now: () => string;
  /** Today's date (YYYY-MM-DD) in the practice's time zone, for rules such as "not in the future". */
  today: () => string;
  /** The local minute now (YYYY-MM-DDTHH:MM), comparable with session start times. */
  localNow: () => string;
  /** The vault's encrypted files (blobs/); reach them through services/files.ts, which keeps their keys. */
  blobs: BlobStore;
  /**
   * Notes a file whose key row this call writes or deletes. When the call ends, committed or rolled back, the
   * dispatcher removes the file from blobs/ if no key row holds it: a destroyed file goes at once, and a file
   * stored by a call that then failed leaves nothing behind.
   */
  touchFile(fileId: string): void;
  /** Tells the caller of a long call how far it has got (shown by every door). */
  reportProgress: (progress: Progress) => void;
}
