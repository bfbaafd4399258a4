import { migration0001 } from './0001-initial';
import type { Migration } from './types';

/** In order; each file adds one version. A new migration is a new file appended here. */
export const migrations: readonly Migration[] = [migration0001];
