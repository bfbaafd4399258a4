import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface WrappedKey {
  nonce: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

const ALGORITHM = 'aes-256-gcm';
const NONCE_BYTES = 12;

/** The additional data binds a wrapped key to its slot, so a slot's wrap cannot be moved to another slot. */
export function slotAad(slotId: string): Buffer {
  return Buffer.from(`confide-key-slot:v1:${slotId}`, 'utf8');
}

export function wrapKey(dataKey: Buffer, kek: Buffer, aad: Buffer): WrappedKey {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv(ALGORITHM, kek, nonce);
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return { nonce, ciphertext, tag: cipher.getAuthTag() };
}

/** Returns the data key, or null when the key-encryption key is wrong (authentication fails). */
export function unwrapKey(wrapped: WrappedKey, kek: Buffer, aad: Buffer): Buffer | null {
  try {
    const decipher = createDecipheriv(ALGORITHM, kek, wrapped.nonce);
    decipher.setAAD(aad);
    decipher.setAuthTag(wrapped.tag);
    return Buffer.concat([decipher.update(wrapped.ciphertext), decipher.final()]);
  } catch {
    return null;
  }
}
