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

/** The practice's letterhead and signatory for the letters it sends; empty until a director sets them. */
export interface Letterhead {
  addressLines: string[];
  letterheadLine: string;
  signatoryName: string;
  signatoryRole: string;
}

export function letterhead(db: Db): Letterhead {
  let addressLines: string[] = [];
  try {
    const parsed: unknown = JSON.parse(readSetting(db, 'practice_address') ?? '[]');
    if (Array.isArray(parsed)) addressLines = parsed.filter((line): line is string => typeof line === 'string');
  } catch {
    addressLines = [];
  }
  return {
    addressLines,
    letterheadLine: readSetting(db, 'letterhead_line') ?? '',
    signatoryName: readSetting(db, 'signatory_name') ?? '',
    signatoryRole: readSetting(db, 'signatory_role') ?? '',
  };
}

export function writeLetterhead(db: Db, value: Letterhead): void {
  writeSetting(db, 'practice_address', JSON.stringify(value.addressLines));
  writeSetting(db, 'letterhead_line', value.letterheadLine);
  writeSetting(db, 'signatory_name', value.signatoryName);
  writeSetting(db, 'signatory_role', value.signatoryRole);
}
