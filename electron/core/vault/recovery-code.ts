import { randomBytes } from 'node:crypto';

/**
 * Recovery codes: 25 Crockford base32 characters (125 random bits) written as five groups of five,
 * easy to copy by hand; reading is forgiving about case, dashes, spaces and the look-alikes I/L/O.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 25;
const GROUP = 5;

export function generateRecoveryCode(): string {
  const bytes = randomBytes(LENGTH);
  const chars = [...bytes].map((byte) => ALPHABET[byte & 31]);
  const groups: string[] = [];
  for (let i = 0; i < LENGTH; i += GROUP) groups.push(chars.slice(i, i + GROUP).join(''));
  return groups.join('-');
}

/** The canonical form that is fed to Argon2: 25 upper-case characters, no separators. Null if malformed. */
export function normaliseRecoveryCode(input: string): string | null {
  const compact = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (compact.length !== LENGTH) return null;
  return [...compact].every((char) => ALPHABET.includes(char)) ? compact : null;
}
