import argon2 from 'argon2';
import Database from 'better-sqlite3-multiple-ciphers';
import { createDecipheriv } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Unwraps the vault's 32-byte data key by following docs/vault-format.md and nothing else: no Confide
 * module is imported here. Only node:crypto and an Argon2 implementation are used.
 */
export async function unwrapDataKeyIndependently(vaultDir: string, passphrase: string): Promise<Buffer> {
  const keyFile = JSON.parse(readFileSync(join(vaultDir, 'vault.keys'), 'utf8'));
  const secret = Buffer.from(passphrase.normalize('NFC'), 'utf8');
  for (const slot of keyFile.slots.filter((s: { kind: string }) => s.kind === 'passphrase')) {
    const kek = await argon2.hash(secret, {
      type: argon2.argon2id,
      version: slot.kdf.version,
      memoryCost: slot.kdf.memoryKiB,
      timeCost: slot.kdf.iterations,
      parallelism: slot.kdf.parallelism,
      salt: Buffer.from(slot.kdf.salt, 'base64'),
      hashLength: 32,
      raw: true,
    });
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(slot.wrap.nonce, 'base64'));
    decipher.setAAD(Buffer.from(`confide-key-slot:v1:${slot.id}`, 'utf8'));
    decipher.setAuthTag(Buffer.from(slot.wrap.tag, 'base64'));
    try {
      return Buffer.concat([decipher.update(Buffer.from(slot.wrap.ciphertext, 'base64')), decipher.final()]);
    } catch {
      continue;
    }
  }
  throw new Error('no passphrase slot opened with that passphrase');
}

/** Opens vault.db with stock SQLCipher 4 settings and the data key unwrapped as above. */
export async function openVaultDatabaseIndependently(vaultDir: string, passphrase: string): Promise<Database.Database> {
  const dataKey = await unwrapDataKeyIndependently(vaultDir, passphrase);
  const db = new Database(join(vaultDir, 'vault.db'), { fileMustExist: true });
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${dataKey.toString('hex')}'"`);
  return db;
}
