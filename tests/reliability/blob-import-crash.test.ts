import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BlobStore } from '../../electron/core/vault/blobs';
import { decryptBlobIndependently } from '../support/independent-blob';
import { acceptedRecordings, sampleFile } from '../support/media-samples';
import { tempFolder } from '../support/vault-fixture';
import { iterations } from './iterations';

const ROOT = join(import.meta.dirname, '..', '..');
const CHUNK = 64 * 1024;
const SIZE = 8 * 1024 * 1024 + 4321;
const ENCRYPTED_SIZE = 20 + SIZE + 16 * Math.ceil(SIZE / CHUNK);

let folder: ReturnType<typeof tempFolder>;
let sourcePath: string;
let source: Buffer;
let childScript: string;
beforeAll(async () => {
  folder = tempFolder();
  source = sampleFile(acceptedRecordings.mp4.head, SIZE);
  sourcePath = join(folder.dir, 'recording.mp4');
  writeFileSync(sourcePath, source);
  // Bundled once, so each of the many child processes starts in milliseconds rather than through tsx;
  // CommonJS, as the app's main process is bundled.
  childScript = join(folder.dir, 'blob-import-child.cjs');
  await build({
    entryPoints: [join(ROOT, 'tests/reliability/blob-import-child.ts')],
    outfile: childScript,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    logLevel: 'warning',
  });
});
afterAll(() => folder.cleanup());

interface Outcome {
  lines: string[];
}

/** Runs the child import and kills it (SIGKILL) as soon as it has printed `killAfterLines` lines. */
function importAndKill(blobsDir: string, tmp: string, killAfterLines: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [childScript, blobsDir, sourcePath], {
      env: { ...process.env, TMPDIR: tmp, TEMP: tmp, TMP: tmp },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines: string[] = [];
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      if (lines.length === killAfterLines) child.kill('SIGKILL');
    });
    child.on('close', () => resolve({ lines }));
  });
}

/** 32-byte samples of the source spread through it: finding any of them elsewhere means plaintext leaked. */
function plaintextSamples(): Buffer[] {
  return Array.from({ length: 24 }, (_, i) => source.subarray(100 + i * Math.floor(SIZE / 24), 132 + i * Math.floor(SIZE / 24)));
}

function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).map((name) => join(dir, name)).filter((path) => statSync(path).isFile());
}

const runs = iterations(8, 200);

it('killing an import at any moment leaves no plaintext, and no blob under its real name without its complete content', { timeout: 30_000 + runs * 3_000 }, async () => {
  const samples = plaintextSamples();
  const seen = { nothing: 0, partial: 0, completeUnconfirmed: 0, completeConfirmed: 0 };
  for (let run = 0; run < runs; run++) {
    const blobsDir = join(folder.dir, `run-${run}`, 'blobs');
    const tmp = join(folder.dir, `run-${run}`, 'tmp');
    mkdirSync(blobsDir, { recursive: true });
    mkdirSync(tmp);
    // The child prints "ready", one line per 1 MiB batch written (9), then "done": kill after any of
    // those 11 lines, or never (12). Stepping by 5 spreads even the short form over the whole import.
    const { lines } = await importAndKill(blobsDir, tmp, 1 + ((run * 5) % 12));
    expect(lines[0]).toBe('ready');
    const done = lines.find((line) => line.startsWith('done '))?.split(' ');

    for (const path of [...filesUnder(blobsDir), ...filesUnder(tmp)]) {
      const bytes = readFileSync(path);
      for (const sample of samples) expect(bytes.indexOf(sample), `plaintext in ${path}`).toBe(-1);
    }

    const names = readdirSync(blobsDir);
    expect(names.length).toBeLessThanOrEqual(1);
    const name = names[0];
    if (name === undefined) {
      seen.nothing++;
    } else if (name.endsWith('.partial')) {
      seen.partial++;
    } else {
      expect(name).toMatch(/^[0-9a-f]{32}$/);
      expect(statSync(join(blobsDir, name)).size).toBe(ENCRYPTED_SIZE);
      if (done) {
        expect(done[1]).toBe(name);
        expect(decryptBlobIndependently(blobsDir, name, Buffer.from(done[2]!, 'hex')).equals(source)).toBe(true);
        seen.completeConfirmed++;
      } else {
        // Killed between the rename and printing the key: the length says every chunk is there.
        seen.completeUnconfirmed++;
      }
    }

    const store = await BlobStore.open(blobsDir);
    await store.removeStalePartials();
    expect(readdirSync(blobsDir).every((entry) => /^[0-9a-f]{32}$/.test(entry))).toBe(true);
    rmSync(join(folder.dir, `run-${run}`), { recursive: true });
  }
  console.log(`blob import killed ${runs} times:`, seen);
  // The kills must really land mid-import, or this test proves nothing.
  expect(seen.partial).toBeGreaterThan(0);
});
