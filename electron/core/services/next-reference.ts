import type { Db } from '../vault/database';

/**
 * The next client or case reference number, never one given out before: a destroyed client's reference stays in
 * the destruction register, so it must never come to mean a later client (migration 0008's counters). The
 * highest number in the table is taken too, in case rows were added without the counter (an older Confide).
 */
export function nextReference(db: Db, kind: 'client' | 'case'): number {
  const table = kind === 'client' ? 'clients' : 'cases';
  return db
    .prepare(
      `INSERT INTO reference_counters (kind, last_no) VALUES (@kind, (SELECT ifnull(max(reference_no), 0) + 1 FROM ${table}))
       ON CONFLICT (kind) DO UPDATE SET last_no = max(last_no, (SELECT ifnull(max(reference_no), 0) FROM ${table})) + 1
       RETURNING last_no`,
    )
    .pluck()
    .get({ kind }) as number;
}
