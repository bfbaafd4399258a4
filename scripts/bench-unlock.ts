/**
 * Unlock cost at any vault size: vault.unlock against Argon2id alone, at about 10 MB and about 1 GB
 * (BENCH_UNLOCK_SIZES_MB, default "10,1000"), and the background page check that runs after unlock: its
 * total time, its longest slice, and the longest a call waited behind it. The vaults are filled straight
 * into the database (client comments on one note: no full-text indexing, so 1 GB fills in minutes, not
 * hours); what the pages hold makes no difference to unlocking or to the page check.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../electron/core/core';
import { typedCall } from '../electron/core/typed-call';
import { deriveKey, DEFAULT_KDF } from '../electron/core/vault/kdf';
import { closeVault, createVault } from '../electron/core/vault/vault';

const PASS = 'benchmark passphrase, long enough';
const SIZES_MB = (process.env.BENCH_UNLOCK_SIZES_MB ?? '10,1000').split(',').map(Number);
const COMMENT_CHARS = 7_500;
const BATCH = 5_000;

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function folderBytes(dir: string): number {
  return (readdirSync(dir, { recursive: true }) as string[])
    .map((name) => statSync(join(dir, name)))
    .filter((stat) => stat.isFile())
    .reduce((sum, stat) => sum + stat.blocks * 512, 0);
}

async function fill(vaultDir: string, megabytes: number): Promise<number> {
  const now = () => new Date().toISOString();
  const { vault } = await createVault(vaultDir, { practiceName: 'Bench', userName: 'Bench User', passphrase: PASS }, { kdf: DEFAULT_KDF, now });
  const started = performance.now();
  const { db } = vault;
  const clientId = randomUUID();
  const noteId = randomUUID();
  db.transaction(() => {
    db.prepare('INSERT INTO clients (id, reference_no, name, therapist_id, created_at, updated_at) VALUES (?, 1, ?, ?, ?, ?)').run(
      clientId, 'Bench Client', vault.user.id, now(), now(),
    );
    db.prepare(
      `INSERT INTO notes (id, kind, case_id, session_id, client_id, author_id, status, body, created_at, updated_at, finalised_at)
       VALUES (?, 'client', NULL, NULL, ?, ?, 'final', 'bench', ?, ?, ?)`,
    ).run(noteId, clientId, vault.user.id, now(), now(), now());
  })();
  const addComment = db.prepare('INSERT INTO note_client_comments VALUES (?, ?, ?, ?, ?, ?)');
  const dbPath = join(vaultDir, 'vault.db');
  const walPath = `${dbPath}-wal`;
  const size = () => statSync(dbPath).size + (readdirSync(vaultDir).includes('vault.db-wal') ? statSync(walPath).size : 0);
  while (size() < megabytes * 1e6) {
    db.transaction(() => {
      for (let i = 0; i < Math.min(BATCH, Math.ceil((megabytes * 1e6) / COMMENT_CHARS / 4)); i++) {
        addComment.run(randomUUID(), noteId, clientId, randomBytes((COMMENT_CHARS * 3) / 4).toString('base64'), vault.user.id, now());
      }
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
  }
  closeVault(vault);
  return performance.now() - started;
}

async function measure(megabytes: number): Promise<string[][]> {
  const dir = mkdtempSync(join(tmpdir(), 'confide-bench-unlock-'));
  const vaultDir = join(dir, 'vault');
  try {
    const fillMs = await fill(vaultDir, megabytes);
    const dbBytes = statSync(join(vaultDir, 'vault.db')).size;
    const disk = folderBytes(vaultDir);
    const core = createCore({ vaultDir });
    // Paired runs: Argon2id alone, then an unlock, so both see the same load on a shared machine.
    const unlocks: number[] = [];
    const overheads: number[] = [];
    for (let run = 0; run < 7; run++) {
      const argon2Started = performance.now();
      await deriveKey(Buffer.from(PASS), randomBytes(16), DEFAULT_KDF);
      const argon2Ms = performance.now() - argon2Started;
      const started = performance.now();
      const result = await typedCall(core, 'vault.unlock', { userName: 'Bench User', passphrase: PASS });
      const unlockMs = performance.now() - started;
      if (!result.ok) throw new Error(result.error.message);
      unlocks.push(unlockMs);
      overheads.push(unlockMs - argon2Ms);
      if (run < 6) core.lock('user');
    }
    // The background check runs now; a caller polling all the while measures how long a call waits.
    const checkStarted = performance.now();
    let longestCallMs = 0;
    let calls = 0;
    let checking = true;
    const checked = core.pagesChecked().finally(() => (checking = false));
    while (checking) {
      const started = performance.now();
      await typedCall(core, 'settings.get', {});
      longestCallMs = Math.max(longestCallMs, performance.now() - started);
      calls += 1;
      // As IPC or a person would: the next call comes in a later turn of the event loop.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const progress = await checked;
    const checkMs = performance.now() - checkStarted;
    if (!progress || progress.problem) throw new Error(`page check did not pass: ${progress?.problem ?? 'stopped'}`);
    const verifyStarted = performance.now();
    await typedCall(core, 'vault.verify', {});
    const verifyMs = performance.now() - verifyStarted;
    core.lock('user');
    const label = `${(dbBytes / 1e6).toFixed(1)} MB vault.db (${(disk / 1e6).toFixed(1)} MB on disk; filled in ${(fillMs / 1000).toFixed(0)} s)`;
    return [
      [`vault.unlock, ${label}`, '7', median(unlocks).toFixed(1), Math.max(...unlocks).toFixed(1)],
      [`  unlock minus Argon2id run just before it (paired)`, '7', median(overheads).toFixed(1), Math.max(...overheads).toFixed(1)],
      [`  background page check, ${progress.totalPages} pages (total)`, '1', checkMs.toFixed(0), ''],
      [`  longest slice of the background check`, '', '', core.longestPageCheckSliceMs().toFixed(1)],
      [`  longest settings.get while the check ran (${calls} calls)`, '', '', longestCallMs.toFixed(1)],
      [`  vault.verify (page check + SQLite quick_check + audit chain)`, '1', verifyMs.toFixed(0), ''],
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const samples: number[] = [];
  for (let i = 0; i < 7; i++) {
    const started = performance.now();
    await deriveKey(Buffer.from(PASS), randomBytes(16), DEFAULT_KDF);
    samples.push(performance.now() - started);
  }
  const argon2Ms = median(samples);
  const rows: string[][] = [[`Argon2id alone, m=${DEFAULT_KDF.memoryKiB} KiB, t=${DEFAULT_KDF.iterations}, p=${DEFAULT_KDF.parallelism}`, '7', argon2Ms.toFixed(1), Math.max(...samples).toFixed(1)]];
  for (const megabytes of SIZES_MB) rows.push(...(await measure(megabytes)));
  console.log(`\nUnlock and page check — node ${process.version}, ${process.platform} ${process.arch}\n`);
  console.log('| measurement | runs | median ms | max ms |\n| --- | --- | --- | --- |');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}

await main();
