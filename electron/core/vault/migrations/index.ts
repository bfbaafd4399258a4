import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-cases-sessions';
import { migration0003 } from './0003-session-history';
import { migration0004 } from './0004-pending-key-changes';
import { migration0005 } from './0005-files';
import { migration0006 } from './0006-recordings';
import { migration0007 } from './0007-release-consents-and-disclosures';
import { migration0008 } from './0008-retention';
import { migration0009 } from './0009-erasable-audit-detail';
import { migration0010 } from './0010-destruction-indexes';
import type { Migration } from './types';

/** In order; each file adds one version. A new migration is a new file appended here. */
export const migrations: readonly Migration[] = [
  migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009,
  migration0010,
];
