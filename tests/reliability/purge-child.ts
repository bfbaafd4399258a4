// Run by purge-killed.test.ts in its own process: unlocks a vault, previews the purge and runs it, saying how far
// it has got on standard output, until the test kills it.
import { writeSync } from 'node:fs';
import { createCore } from '../../electron/core/core';
import { typedCall } from '../../electron/core/typed-call';
import { TEST_KDF } from '../support/vault-fixture';

async function main(): Promise<void> {
  const [vaultDir, userName, passphrase, now] = process.argv.slice(2);
  const core = createCore({ vaultDir: vaultDir!, kdf: TEST_KDF, clock: () => new Date(now!), timeZone: 'Europe/London' });
  const unlocked = await typedCall(core, 'vault.unlock', { userName: userName!, passphrase: passphrase! });
  if (!unlocked.ok) throw new Error(unlocked.error.message);
  const preview = await typedCall(core, 'retention.purgePreview', {});
  if (!preview.ok) throw new Error(preview.error.message);
  writeSync(1, `ready ${preview.value.clients.length}\n`);
  const result = await typedCall(core, 'retention.purge', { currentPassphrase: passphrase!, planDigest: preview.value.planDigest }, {
    onProgress: (progress) => writeSync(1, `progress ${progress.phase} ${progress.done}/${progress.total}\n`),
  });
  writeSync(1, result.ok ? `done ${result.value.totals.clients}\n` : `failed ${result.error.code}\n`);
  core.lock('user');
}

void main();
