import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { tempFolder } from './vault-fixture';

/**
 * A fresh temporary folder for each test (vitest), removed after it: `dir` for the test's own files and
 * `vaultDir` (not yet made) for its vault.
 */
export function tempVaultEach(): { readonly dir: string; readonly vaultDir: string } {
  let folder: ReturnType<typeof tempFolder> | null = null;
  beforeEach(() => {
    folder = tempFolder();
  });
  afterEach(() => folder?.cleanup());
  const current = () => {
    if (folder === null) throw new Error('tempVaultEach is used outside a test');
    return folder;
  };
  return {
    get dir() {
      return current().dir;
    },
    get vaultDir() {
      return join(current().dir, 'vault');
    },
  };
}
