import { unwrapDataKeyIndependently } from './independent-open';
import { decryptedPages } from './sqlcipher-pages';

/**
 * The file offset of the first page of vault.db whose plaintext holds `text`. Damage tests use it to pick a
 * page that unlocking never reads (a note's own page): the middle of the file may be a schema or audit page.
 */
export async function pageHolding(vaultDir: string, passphrase: string, text: string): Promise<number> {
  const key = await unwrapDataKeyIndependently(vaultDir, passphrase);
  const page = decryptedPages(vaultDir, key).find((p) => p.file === 'vault.db' && p.plaintext.includes(text));
  if (!page) throw new Error('no page of vault.db holds that text');
  return page.fileOffset;
}
