// Run by blob-import-crash.test.ts in its own process: imports one file, saying how far it has got on
// standard output, until the test kills it.
import { writeSync } from 'node:fs';
import { BlobStore } from '../../electron/core/vault/blobs';

async function main(): Promise<void> {
  const [blobsDir, sourcePath] = process.argv.slice(2);
  const store = await BlobStore.open(blobsDir!);
  writeSync(1, 'ready\n');
  const ref = await store.import(sourcePath!, { kind: 'recording', onProgress: (bytes) => writeSync(1, `progress ${bytes}\n`) });
  writeSync(1, `done ${ref.id} ${ref.key.toString('hex')}\n`);
}

void main();
