import { AUTO_LOCK_MINUTES_DEFAULT } from '../../../shared/schemas';
import type { Db } from './database';

export function readSetting(db: Db, key: string): string | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function writeSetting(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    key,
    value,
  );
}

export function practiceName(db: Db): string {
  return readSetting(db, 'practice_name') ?? '';
}

export function autoLockMinutes(db: Db): number {
  const value = Number(readSetting(db, 'auto_lock_minutes'));
  return Number.isInteger(value) && value > 0 ? value : AUTO_LOCK_MINUTES_DEFAULT;
}
