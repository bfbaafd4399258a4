/**
 * npm run bench (blobs) — imports a large file into an encrypted blob and reads it back, against copying
 * and reading the same bytes in plain. The file (2 GiB by default; BENCH_BLOB_MB sets the size in MiB)
 * is generated in a temporary folder, which is deleted at the end.
 *
 * Each timed operation runs in a fresh process of its own, so its peak memory (maxRSS) is its own.
 * Every timed write ends with an fsync of the new file, as the import does, so both sides pay for the disk.
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { copyFile, open } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BlobStore, type BlobRef } from '../electron/core/vault/blobs';

const MIB = 1024 * 1024;
const SIZE_MIB = Number(process.env['BENCH_BLOB_MB'] ?? 2048);
const ROUNDS = Number(process.env['BENCH_BLOB_ROUNDS'] ?? 3);

interface Measured {
  seconds: number;
  /** User + system CPU time: less disturbed than wall time when other work shares the machine. */
  cpuSeconds: number;
  /** Resident memory when the process was ready to start, and its peak over the whole run. */
  startRssMiB: number;
  peakRssMiB: number;
  ref?: { id: string; key: string; size: number; contentType: string };
}

async function fsyncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function drain(stream: Readable): Promise<void> {
  for await (const _ of stream) {
    // discard
  }
}

async function sha256(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const piece of stream) hash.update(piece as Buffer);
  return hash.digest('hex');
}

/** The operations, each run by a child process: `bench-blobs.ts child <operation> <dir>`, a blob ref on stdin. */
const operations: Record<string, (dir: string, ref?: BlobRef) => Promise<BlobRef | void>> = {
  'copy: fs.copyFile + fsync': async (dir) => {
    await copyFile(join(dir, 'source.wav'), join(dir, 'copy.wav'));
    await fsyncFile(join(dir, 'copy.wav'));
  },
  'copy: stream, 1 MiB reads + fsync': async (dir) => {
    await pipeline(createReadStream(join(dir, 'source.wav'), { highWaterMark: MIB }), createWriteStream(join(dir, 'copy.wav')));
    await fsyncFile(join(dir, 'copy.wav'));
  },
  'blob import: encrypt + fsync + rename': async (dir) => (await BlobStore.open(join(dir, 'blobs'))).import(join(dir, 'source.wav'), { kind: 'recording' }),
  'plain read: stream of the copy': (dir) => drain(createReadStream(join(dir, 'copy.wav'), { highWaterMark: MIB })),
  'blob read back: decrypt whole file': async (dir, ref) => drain(await (await BlobStore.open(join(dir, 'blobs'))).read(ref!)),
};

async function runAsChild(operation: string, dir: string): Promise<void> {
  // The blob's key comes on standard input: keys never go in a process's arguments.
  const input = readFileSync(0, 'utf8');
  const ref = input ? decodeRef(JSON.parse(input)) : undefined;
  const startRssMiB = process.memoryUsage.rss() / MIB;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const result = await operations[operation]!(dir, ref);
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const out: Measured = { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, startRssMiB, peakRssMiB: process.resourceUsage().maxRSS / 1024 };
  if (result) out.ref = { ...result, key: result.key.toString('hex') };
  console.log(JSON.stringify(out));
}

function decodeRef(ref: NonNullable<Measured['ref']>): BlobRef {
  return { ...ref, key: Buffer.from(ref.key, 'hex') };
}

function measure(operation: string, dir: string, ref?: Measured['ref']): Measured {
  const child = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, 'child', operation, dir], {
    encoding: 'utf8',
    input: ref ? JSON.stringify(ref) : '',
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  if (child.status !== 0) throw new Error(`${operation} failed`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Measured;
}

/** A WAV header (so the import's content check accepts it) and random bytes, written 16 MiB at a time. */
async function generate(path: string): Promise<void> {
  const block = randomBytes(16 * MIB);
  const handle = await open(path, 'w');
  try {
    for (let written = 0; written < SIZE_MIB * MIB; written += block.length) {
      const length = Math.min(block.length, SIZE_MIB * MIB - written);
      if (written === 0) Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1').copy(block);
      block.writeUInt32LE(written, 40); // every block differs a little
      await handle.write(block, 0, length, written);
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'confide-bench-blobs-'));
  console.log(`Generating a ${SIZE_MIB} MiB test file in ${dir} (deleted at the end)…`);
  const results = new Map<string, Measured[]>();
  const record = (operation: string, measured: Measured) => results.set(operation, [...(results.get(operation) ?? []), measured]);
  const loadBefore = loadavg()[0]!;
  try {
    await generate(join(dir, 'source.wav'));
    let ref: Measured['ref'];
    for (let round = 0; round < ROUNDS; round++) {
      rmSync(join(dir, 'copy.wav'), { force: true });
      record('copy: fs.copyFile + fsync', measure('copy: fs.copyFile + fsync', dir));
      rmSync(join(dir, 'copy.wav'), { force: true });
      record('copy: stream, 1 MiB reads + fsync', measure('copy: stream, 1 MiB reads + fsync', dir));
      if (ref) rmSync(join(dir, 'blobs', ref.id));
      const imported = measure('blob import: encrypt + fsync + rename', dir);
      ref = imported.ref;
      record('blob import: encrypt + fsync + rename', imported);
      record('plain read: stream of the copy', measure('plain read: stream of the copy', dir));
      record('blob read back: decrypt whole file', measure('blob read back: decrypt whole file', dir, ref));
    }
    const store = await BlobStore.open(join(dir, 'blobs'));
    const [plainHash, blobHash] = [await sha256(createReadStream(join(dir, 'source.wav'))), await sha256(await store.read(decodeRef(ref!)))];
    if (plainHash !== blobHash) throw new Error('the blob did not read back as the source');

    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const seconds = (operation: string) => median(results.get(operation)!.map((m) => m.seconds));
    console.log(`\nBlob benchmark — ${SIZE_MIB} MiB, median of ${ROUNDS} rounds, node ${process.version}, ${process.platform} ${process.arch}`);
    console.log(`load average (1 min) before ${loadBefore.toFixed(1)}, after ${loadavg()[0]!.toFixed(1)}\n`);
    console.log('| operation | median s | MiB/s | all runs, s | median CPU s | RSS at start MiB | peak RSS MiB |\n| --- | --- | --- | --- | --- | --- | --- |');
    for (const [operation, runs] of results) {
      const cells = [
        seconds(operation).toFixed(2),
        (SIZE_MIB / seconds(operation)).toFixed(0),
        runs.map((m) => m.seconds.toFixed(2)).join(', '),
        median(runs.map((m) => m.cpuSeconds)).toFixed(2),
        Math.max(...runs.map((m) => m.startRssMiB)).toFixed(0),
        Math.max(...runs.map((m) => m.peakRssMiB)).toFixed(0),
      ];
      console.log(`| ${operation} | ${cells.join(' | ')} |`);
    }
    const speedRatio = (operation: string, baseline: string) => (seconds(baseline) / seconds(operation)).toFixed(2);
    console.log(`\nimport speed ÷ fs.copyFile speed: ${speedRatio('blob import: encrypt + fsync + rename', 'copy: fs.copyFile + fsync')}×`);
    console.log(`import speed ÷ stream copy speed: ${speedRatio('blob import: encrypt + fsync + rename', 'copy: stream, 1 MiB reads + fsync')}×`);
    console.log(`read-back speed ÷ fs.copyFile speed: ${speedRatio('blob read back: decrypt whole file', 'copy: fs.copyFile + fsync')}×`);
    console.log(`read-back speed ÷ plain read speed: ${speedRatio('blob read back: decrypt whole file', 'plain read: stream of the copy')}×`);
    console.log('read back verified: SHA-256 of the decrypted stream equals the source.');
  } finally {
    rmSync(dir, { recursive: true, force: true });
    console.log(`Removed ${dir}.`);
  }
}

if (process.argv[2] === 'child') await runAsChild(process.argv[3]!, process.argv[4]!);
else await main();
