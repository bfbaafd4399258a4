import type { Db } from '../database';

export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}
