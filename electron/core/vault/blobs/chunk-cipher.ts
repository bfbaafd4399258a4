import { createCipheriv, createDecipheriv } from 'node:crypto';
import { chunkNonce, TAG_BYTES } from './format';

const ALGORITHM = 'aes-256-gcm';
const OPTIONS = { authTagLength: TAG_BYTES };

/** Encrypts one chunk; returns its ciphertext and tag, to be written one after the other. */
export function sealChunk(key: Buffer, aad: Buffer, index: number, last: boolean, plaintext: Uint8Array): [Buffer, Buffer] {
  const cipher = createCipheriv(ALGORITHM, key, chunkNonce(index, last), OPTIONS);
  cipher.setAAD(aad);
  const ciphertext = cipher.update(plaintext);
  cipher.final();
  return [ciphertext, cipher.getAuthTag()];
}

/**
 * Decrypts one chunk (ciphertext followed by its tag). Returns null when authentication fails; the
 * unauthenticated plaintext that GCM produced before checking the tag is zeroed and never returned.
 */
export function openChunk(key: Buffer, aad: Buffer, index: number, last: boolean, sealed: Buffer): Buffer | null {
  if (sealed.length < TAG_BYTES) return null;
  const decipher = createDecipheriv(ALGORITHM, key, chunkNonce(index, last), OPTIONS);
  decipher.setAAD(aad);
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  const plaintext = decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES));
  try {
    decipher.final();
    return plaintext;
  } catch {
    plaintext.fill(0);
    return null;
  }
}
