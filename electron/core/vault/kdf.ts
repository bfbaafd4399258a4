import argon2 from 'argon2';
import type { KdfParams } from '../types';

/** The production cost, measured in docs/benchmarks.md: m = 64 MiB, t = 3, p = 4. */
export const DEFAULT_KDF: KdfParams = { memoryKiB: 65_536, iterations: 3, parallelism: 4 };

export const KEY_BYTES = 32;
export const SALT_BYTES = 16;

/** Secrets are NFC-normalised so the same passphrase typed on another keyboard or OS still unlocks. */
export function secretBytes(secret: string): Buffer {
  return Buffer.from(secret.normalize('NFC'), 'utf8');
}

/** Argon2id(secret, salt) → 32-byte key-encryption key. The caller zeroes the result after use. */
export async function deriveKey(secret: Buffer, salt: Buffer, params: KdfParams): Promise<Buffer> {
  return argon2.hash(secret, {
    type: argon2.argon2id,
    version: 0x13,
    memoryCost: params.memoryKiB,
    timeCost: params.iterations,
    parallelism: params.parallelism,
    hashLength: KEY_BYTES,
    salt,
    raw: true,
  });
}
