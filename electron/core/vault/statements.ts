import type Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from './database';

type Statement = Database.Statement;

/** Enough for every distinct query text the services build (they vary by role and by table, not by value). */
const MAX_PER_CONNECTION = 512;

const caches = new WeakMap<Db, Map<string, Statement>>();

/**
 * A statement prepared once per connection and reused: preparing costs tens of microseconds, which a client
 * file paid several times per note. Keyed by SQL; a closed connection's statements go with it (WeakMap).
 * Only for `run`, `get` and `all`: a statement still being iterated cannot be run again. `pluck` gives a
 * separate statement, since better-sqlite3's modes belong to the statement object.
 */
export function prepared(db: Db, sql: string, mode: 'rows' | 'pluck' = 'rows'): Statement {
  let cache = caches.get(db);
  if (cache === undefined) {
    cache = new Map();
    caches.set(db, cache);
  }
  const key = mode === 'pluck' ? `pluck\u0000${sql}` : sql;
  let statement = cache.get(key);
  if (statement === undefined) {
    statement = db.prepare(sql);
    if (mode === 'pluck') statement.pluck();
    // Oldest first out: a Map iterates in insertion order.
    if (cache.size >= MAX_PER_CONNECTION) cache.delete(cache.keys().next().value!);
    cache.set(key, statement);
  }
  return statement;
}
