import type { Role, User } from '../../../shared/schemas';
import type { Db } from './database';
import { prepared } from './statements';

export interface UserRow {
  id: string;
  name: string;
  name_key: string;
  is_director: 0 | 1;
  is_therapist: 0 | 1;
  key_slot_id: string | null;
  created_at: string;
}

/** Names are matched the way people type them: NFC, trimmed, case-insensitive. */
export function nameKey(name: string): string {
  return name.normalize('NFC').trim().toLowerCase();
}

export function toUser(row: UserRow): User {
  const roles: Role[] = [];
  if (row.is_director) roles.push('director');
  if (row.is_therapist) roles.push('therapist');
  return { id: row.id, name: row.name, roles };
}

export function findUserBySlot(db: Db, slotId: string): UserRow | undefined {
  return prepared(db, 'SELECT * FROM users WHERE key_slot_id = ?').get(slotId) as UserRow | undefined;
}

export function findUserByName(db: Db, name: string): UserRow | undefined {
  return prepared(db, 'SELECT * FROM users WHERE name_key = ?').get(nameKey(name)) as UserRow | undefined;
}

export function findUserById(db: Db, id: string): UserRow | undefined {
  return prepared(db, 'SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
}

export function insertUser(
  db: Db,
  user: { id: string; name: string; roles: Role[]; keySlotId: string; createdAt: string },
): UserRow {
  prepared(
    db,
    `INSERT INTO users (id, name, name_key, is_director, is_therapist, key_slot_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    user.id,
    user.name,
    nameKey(user.name),
    user.roles.includes('director') ? 1 : 0,
    user.roles.includes('therapist') ? 1 : 0,
    user.keySlotId,
    user.createdAt,
  );
  return findUserById(db, user.id)!;
}

export function listUsers(db: Db): User[] {
  return (prepared(db, 'SELECT * FROM users ORDER BY name COLLATE NOCASE').all() as UserRow[]).map(toUser);
}
