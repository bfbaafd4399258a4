/**
 * The first benchmark (docs/benchmarks.md, 2026-11-23): fills a vault through the contract and times the
 * common calls. `npx tsx scripts/bench-contract.ts`; the suite (`npm run bench`) runs bench-practice.ts
 * instead, which fills straight into the database and reaches a million notes. Real Argon2 at production
 * cost, real SQLCipher. Timing lives here, not in tests, because shared machines make timed tests flaky.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../electron/core/core';
import { typedCall } from '../electron/core/typed-call';
import { deriveKey, DEFAULT_KDF } from '../electron/core/vault/kdf';
import type { MethodInput, MethodName, MethodOutput } from '../shared/contract';

const PASS = 'benchmark passphrase, long enough';
const rows: string[][] = [];

async function time(label: string, runs: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)]!;
  rows.push([label, String(runs), median.toFixed(1), samples.at(-1)!.toFixed(1)]);
  return median;
}

async function main(): Promise<void> {
  const clientCount = Number(process.env.BENCH_CLIENTS ?? 10_000);
  const notesPerClient = Number(process.env.BENCH_NOTES_PER_CLIENT ?? 5);
  const dir = mkdtempSync(join(tmpdir(), 'confide-bench-'));
  try {
    await time(`Argon2id m=${DEFAULT_KDF.memoryKiB} KiB, t=${DEFAULT_KDF.iterations}, p=${DEFAULT_KDF.parallelism}`, 7, () =>
      deriveKey(Buffer.from(PASS), randomBytes(16), DEFAULT_KDF),
    );

    const vaultDir = join(dir, 'vault');
    const core = createCore({ vaultDir });
    const call = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
      const result = await typedCall(core, method, input);
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
      return result.value;
    };
    await time('vault.create (two slots, production cost)', 1, () =>
      call('vault.create', { practiceName: 'Bench Practice', userName: 'Bench User', passphrase: PASS }),
    );

    const body = 'Client reflected on the week. '.repeat(30);
    const fillStart = performance.now();
    let lastClient = '';
    for (let i = 0; i < clientCount; i++) {
      const client = await call('clients.create', { name: `Client ${String(i).padStart(5, '0')} Example` });
      lastClient = client.id;
      for (let n = 0; n < notesPerClient; n++) {
        const draft = await call('notes.saveDraft', { about: { type: 'client', clientId: client.id, kind: 'client' }, body });
        await call('notes.finalise', { noteId: draft.noteId, clientId: client.id });
      }
    }
    const fillSeconds = (performance.now() - fillStart) / 1000;
    rows.push([`fill: ${clientCount} clients, ${clientCount * notesPerClient} final notes through the contract`, '1', (fillSeconds * 1000).toFixed(0), '']);

    await time(`clients.list, all ${clientCount}`, 9, () => call('clients.list', {}));
    await time(`clients.list, search "0042"`, 9, () => call('clients.list', { query: '0042' }));
    await time('clients.get (audited view)', 51, () => call('clients.get', { clientId: lastClient }));
    await time(`notes.list for one client (${notesPerClient} notes)`, 51, () => call('notes.list', { clientId: lastClient }));
    let draftId: string | undefined;
    await time('notes.saveDraft (autosave of a 1 kB draft)', 51, async () => {
      const saved = await call('notes.saveDraft', { about: { type: 'client', clientId: lastClient, kind: 'client' }, body, ...(draftId ? { noteId: draftId } : {}) });
      draftId = saved.noteId;
    });
    await call('vault.lock', {});
    const size = statSync(join(vaultDir, 'vault.db')).size;
    await time(`vault.unlock, page check after it in the background (${(size / 1e6).toFixed(1)} MB vault.db)`, 5, async () => {
      await call('vault.unlock', { userName: 'Bench User', passphrase: PASS });
      await call('vault.lock', {});
    });
    await call('vault.unlock', { userName: 'Bench User', passphrase: PASS });
    await time('vault.verify (every page, SQLite quick_check, audit chain)', 3, () => call('vault.verify', {}));
    await call('vault.lock', {});
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  console.log(`Confide benchmark — node ${process.version}, ${process.platform} ${process.arch}\n`);
  console.log('| measurement | runs | median ms | max ms |\n| --- | --- | --- | --- |');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}

await main();
