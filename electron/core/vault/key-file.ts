import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfideError } from '../errors';
import { writeFileAtomic } from './atomic-write';
import type { WrappedKey } from './key-wrap';
import type { KdfParams } from '../types';

/** vault.keys: the data key wrapped once per slot. Specified field by field in docs/vault-format.md. */
export const KEY_FILE_FORMAT = 'confide-vault-keys';
export const KEY_FILE_VERSION = 1;

const base64 = z.base64();

const slotSchema = z.strictObject({
  id: z.uuid(),
  kind: z.enum(['passphrase', 'recovery']),
  kdf: z.strictObject({
    algorithm: z.literal('argon2id'),
    version: z.literal(19),
    memoryKiB: z.number().int().min(8).max(4_194_304),
    iterations: z.number().int().min(1).max(100),
    parallelism: z.number().int().min(1).max(64),
    salt: base64,
  }),
  wrap: z.strictObject({
    algorithm: z.literal('aes-256-gcm'),
    nonce: base64,
    ciphertext: base64,
    tag: base64,
  }),
});

const keyFileSchema = z.strictObject({
  format: z.literal(KEY_FILE_FORMAT),
  version: z.literal(KEY_FILE_VERSION),
  slots: z.array(slotSchema).min(1),
  checksum: z.string().regex(/^[0-9a-f]{64}$/),
});

export type KeySlotRecord = z.infer<typeof slotSchema>;

export interface KeySlot {
  id: string;
  kind: 'passphrase' | 'recovery';
  kdf: KdfParams;
  salt: Buffer;
  wrapped: WrappedKey;
}

export interface KeyFile {
  slots: KeySlot[];
}

/** SHA-256 over the compact JSON of the file without its checksum member, members in file order. */
function checksumOf(body: { format: string; version: number; slots: KeySlotRecord[] }): string {
  return createHash('sha256').update(JSON.stringify(body), 'utf8').digest('hex');
}

const damaged = (why: string) =>
  new ConfideError('keys-damaged', `The vault's key file (vault.keys) is damaged: ${why}. Restore it from a backup.`);

export function readKeyFile(path: string): KeyFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new ConfideError('not-a-vault', 'This folder is not a Confide vault: it has no vault.keys file.');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw damaged('it is not valid JSON');
  }
  const parsed = keyFileSchema.safeParse(json);
  if (!parsed.success) {
    const looksLikeOurs = typeof json === 'object' && json !== null && (json as { format?: unknown }).format === KEY_FILE_FORMAT;
    if (!looksLikeOurs) throw new ConfideError('not-a-vault', 'This folder is not a Confide vault: vault.keys is not a Confide key file.');
    throw damaged('a field is missing or has an impossible value');
  }
  const { checksum, ...body } = parsed.data;
  if (checksumOf(body) !== checksum) throw damaged('its checksum does not match its content');
  return { slots: body.slots.map(fromRecord) };
}

export function writeKeyFile(path: string, file: KeyFile): void {
  const body = { format: KEY_FILE_FORMAT, version: KEY_FILE_VERSION, slots: file.slots.map(toRecord) };
  const content = { ...body, checksum: checksumOf(body) };
  writeFileAtomic(path, `${JSON.stringify(content, null, 2)}\n`);
}

function fromRecord(record: KeySlotRecord): KeySlot {
  return {
    id: record.id,
    kind: record.kind,
    kdf: { memoryKiB: record.kdf.memoryKiB, iterations: record.kdf.iterations, parallelism: record.kdf.parallelism },
    salt: Buffer.from(record.kdf.salt, 'base64'),
    wrapped: {
      nonce: Buffer.from(record.wrap.nonce, 'base64'),
      ciphertext: Buffer.from(record.wrap.ciphertext, 'base64'),
      tag: Buffer.from(record.wrap.tag, 'base64'),
    },
  };
}

function toRecord(slot: KeySlot): KeySlotRecord {
  return {
    id: slot.id,
    kind: slot.kind,
    kdf: {
      algorithm: 'argon2id',
      version: 19,
      memoryKiB: slot.kdf.memoryKiB,
      iterations: slot.kdf.iterations,
      parallelism: slot.kdf.parallelism,
      salt: slot.salt.toString('base64'),
    },
    wrap: {
      algorithm: 'aes-256-gcm',
      nonce: slot.wrapped.nonce.toString('base64'),
      ciphertext: slot.wrapped.ciphertext.toString('base64'),
      tag: slot.wrapped.tag.toString('base64'),
    },
  };
}
