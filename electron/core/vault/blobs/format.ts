import { randomBytes } from 'node:crypto';

/**
 * The on-disk layout of a blob file, as docs/vault-format.md ("blobs/") specifies it:
 *
 *   header (20 bytes) | chunk 0 | chunk 1 | … | chunk n−1
 *   chunk i = AES-256-GCM(key, nonce(i, last), aad = header ‖ blob id)(plaintext i) ‖ 16-byte tag
 *
 * Every plaintext chunk holds `chunkSize` bytes except the last, which holds 1 to `chunkSize`.
 */
export const MAGIC = Buffer.from('confide-blob', 'ascii');
export const FORMAT_VERSION = 1;
/** What Confide writes. A reader takes the chunk size from the header, within MAX_CHUNK_SIZE. */
export const CHUNK_SIZE = 64 * 1024;
export const MAX_CHUNK_SIZE = 16 * 1024 * 1024;
export const HEADER_BYTES = 20;
export const TAG_BYTES = 16;
export const KEY_BYTES = 32;
export const ID_BYTES = 16;
const NONCE_BYTES = 12;
const COUNTER_BYTES = 11;
/** The counter is written as a 6-byte integer inside its 11 bytes: 2^48 chunks is far beyond any file. */
const MAX_CHUNKS = 2 ** 48;

export interface BlobHeader {
  bytes: Buffer;
  chunkSize: number;
}

export function encodeHeader(chunkSize = CHUNK_SIZE): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header, 0);
  header.writeUInt32BE(FORMAT_VERSION, 12);
  header.writeUInt32BE(chunkSize, 16);
  return header;
}

/** Null when the bytes are not a version-1 blob header. */
export function parseHeader(bytes: Buffer): BlobHeader | null {
  if (bytes.length !== HEADER_BYTES || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  if (bytes.readUInt32BE(12) !== FORMAT_VERSION) return null;
  const chunkSize = bytes.readUInt32BE(16);
  if (chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) return null;
  return { bytes, chunkSize };
}

/** 11-byte big-endian chunk counter, then 0x01 for the last chunk and 0x00 for every other. */
export function chunkNonce(index: number, last: boolean): Buffer {
  if (!Number.isSafeInteger(index) || index < 0 || index >= MAX_CHUNKS) throw new RangeError('chunk index out of range');
  const nonce = Buffer.alloc(NONCE_BYTES);
  nonce.writeUIntBE(index, COUNTER_BYTES - 6, 6);
  nonce[COUNTER_BYTES] = last ? 1 : 0;
  return nonce;
}

/**
 * Every chunk authenticates the header (so its version and chunk size cannot be changed) and the blob id
 * (so a chunk cannot be moved into another blob, even one that shared its key).
 */
export function chunkAad(header: Buffer, id: string): Buffer {
  return Buffer.concat([header, Buffer.from(id, 'hex')]);
}

export function chunkCount(size: number, chunkSize: number): number {
  return Math.max(1, Math.ceil(size / chunkSize));
}

/** The exact length of the file that holds `size` plaintext bytes. */
export function encryptedLength(size: number, chunkSize: number): number {
  return HEADER_BYTES + size + chunkCount(size, chunkSize) * TAG_BYTES;
}

/** Where chunk `index` starts in the file. */
export function chunkOffset(index: number, chunkSize: number): number {
  return HEADER_BYTES + index * (chunkSize + TAG_BYTES);
}

/** A blob id is 16 random bytes, written as 32 lowercase hex digits; it is also the file's name. */
export function newBlobId(): string {
  return randomBytes(ID_BYTES).toString('hex');
}

export function isBlobId(value: string): boolean {
  return /^[0-9a-f]{32}$/.test(value);
}
