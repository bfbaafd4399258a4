// The blob layer's public face: the store, what it returns, and the errors callers map to messages.
export { BlobStore } from './blob-store';
export type { BlobRef, ImportOptions } from './import-blob';
export type { StoredBlob } from './blob-writer';
export type { ByteRange } from './read-blob';
export type { BlobKind } from './content-type';
export type { BlobSource } from './source-chunks';
export { BlobDamagedError, type BlobDamage } from './errors';
