import { ConfideError } from '../../errors';

export type BlobDamage = 'missing' | 'not-a-blob' | 'wrong-length' | 'chunk-failed';

/**
 * A blob that cannot be read as stored: missing, not a blob, the wrong length for its recorded size, or a
 * chunk that fails authentication. The blob layer does not know which record the file belongs to, so the
 * caller turns this into a message naming the record with `forRecord`.
 */
export class BlobDamagedError extends ConfideError {
  constructor(
    readonly blobId: string,
    readonly damage: BlobDamage,
  ) {
    super('vault-damaged', damage === 'missing' ? 'An encrypted file is missing from the vault.' : 'An encrypted file in the vault is damaged and cannot be read.');
  }

  /** `reference` identifies the record (e.g. a session reference), never a client's name. */
  forRecord(reference: string): ConfideError {
    return new ConfideError(
      'vault-damaged',
      this.damage === 'missing'
        ? `The file for ${reference} is missing from the vault.`
        : `The file for ${reference} is damaged and cannot be read.`,
    );
  }
}

export const emptyFile = () => new ConfideError('invalid-input', 'This file is empty (0 bytes). Choose the file again.');

export const unreadableSource = () =>
  new ConfideError('invalid-input', 'The chosen file could not be read. Check that it still exists and is not a folder.');

export const rangeOutside = () => new ConfideError('invalid-input', 'The requested part of the file lies outside it.');

export const importCancelled = () => new ConfideError('conflict', 'The file was not stored: the import was cancelled.');
