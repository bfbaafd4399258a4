import { randomBytes, randomUUID } from 'node:crypto';
import type { KdfParams } from '../types';
import { deriveKey, SALT_BYTES } from './kdf';
import type { KeySlot } from './key-file';
import { slotAad, unwrapKey, wrapKey } from './key-wrap';

/** Makes a slot that opens `dataKey` with `secret`. The secret buffer is the caller's to zero. */
export async function makeSlot(
  kind: KeySlot['kind'],
  secret: Buffer,
  dataKey: Buffer,
  kdf: KdfParams,
  id: string = randomUUID(),
): Promise<KeySlot> {
  const salt = randomBytes(SALT_BYTES);
  const kek = await deriveKey(secret, salt, kdf);
  try {
    return { id, kind, kdf, salt, wrapped: wrapKey(dataKey, kek, slotAad(id)) };
  } finally {
    kek.fill(0);
  }
}

/** The data key if `secret` opens this slot, else null. */
export async function openSlot(slot: KeySlot, secret: Buffer): Promise<Buffer | null> {
  const kek = await deriveKey(secret, slot.salt, slot.kdf);
  try {
    return unwrapKey(slot.wrapped, kek, slotAad(slot.id));
  } finally {
    kek.fill(0);
  }
}
