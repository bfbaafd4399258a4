import { createDecipheriv } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Decrypts a blob by following docs/vault-format.md ("blobs/") and nothing else: no Confide module is
 * imported here, only node:crypto. Reads the whole file, so it is for test-sized blobs.
 */
export function decryptBlobIndependently(blobsDir: string, blobId: string, key: Buffer): Buffer {
  const file = readFileSync(join(blobsDir, blobId));
  const header = file.subarray(0, 20);
  if (header.subarray(0, 12).toString('latin1') !== 'confide-blob') throw new Error('not a Confide blob');
  if (header.readUInt32BE(12) !== 1) throw new Error('unknown blob version');
  const chunkSize = header.readUInt32BE(16);
  const aad = Buffer.concat([header, Buffer.from(blobId, 'hex')]);

  const body = file.subarray(20);
  const sealedSize = chunkSize + 16;
  const count = Math.ceil(body.length / sealedSize);
  if (count === 0) throw new Error('a blob has at least one chunk');
  const plaintext: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const sealed = body.subarray(i * sealedSize, (i + 1) * sealedSize);
    if (sealed.length <= 16) throw new Error('a chunk too short to hold data and its tag');
    const nonce = Buffer.alloc(12);
    nonce.writeBigUInt64BE(BigInt(i), 3); // the 11-byte big-endian counter occupies bytes 0–10
    nonce[11] = i === count - 1 ? 1 : 0;
    const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: 16 });
    decipher.setAAD(aad);
    decipher.setAuthTag(sealed.subarray(sealed.length - 16));
    plaintext.push(Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]));
  }
  return Buffer.concat(plaintext);
}
