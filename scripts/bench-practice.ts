/**
 * A synthetic practice through the core, as the app calls it: open a client file (the four calls the screen
 * made before, and the one call it makes now), commit notes on a real disk path, search, list and filter clients — with the core's peak memory.
 * BENCH_PRACTICE_CLIENTS × BENCH_PRACTICE_NOTES_PER_CLIENT sets the size (default 1,000 × 20; the full suite
 * runs 100,000 × 10 = 1M notes), BENCH_RUNS the runs per measurement. Each commit is paired with a baseline
 * measured alternately in the same run: a 4 KiB write and fdatasync of a file in the same folder, the floor
 * any durable commit on that disk pays.
 */
import { closeSync, fdatasyncSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../electron/core/core';
import type { Core } from '../electron/core/types';
import { typedCall } from '../electron/core/typed-call';
import { closeVault, createVault } from '../electron/core/vault/vault';
import { DEFAULT_KDF } from '../electron/core/vault/kdf';
import type { MethodInput, MethodName, MethodOutput } from '../shared/contract';
import { benchFolder } from './bench-support/folder';
import { interleaved, loadAverage, ms, printTable, ratio, seededRandom, summarise, timed } from './bench-support/measure';
import { fillPractice, WORDS } from './bench-support/practice';

const CLIENTS = Number(process.env.BENCH_PRACTICE_CLIENTS ?? 1_000);
const NOTES_PER_CLIENT = Number(process.env.BENCH_PRACTICE_NOTES_PER_CLIENT ?? 20);
const SESSIONS_PER_CLIENT = Number(process.env.BENCH_PRACTICE_SESSIONS_PER_CLIENT ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const PASS = 'benchmark passphrase, long enough';

let peakRss = 0;
const sampleMemory = () => (peakRss = Math.max(peakRss, process.memoryUsage.rss()));

/** Process CPU time (user + system) per op over a stretch of runs: steadier than wall time under load. */
function cpuPerOp(): (runs: number) => string {
  const start = process.cpuUsage();
  return (runs) => {
    const used = process.cpuUsage(start);
    return `CPU ${((used.user + used.system) / 1000 / runs).toFixed(2)} ms/op (mean, incl. the baseline's)`;
  };
}

function caller(core: Core) {
  return async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const result = await typedCall(core, method, input);
    sampleMemory();
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value;
  };
}

async function main(): Promise<void> {
  const folder = benchFolder('confide-bench-practice-');
  const vaultDir = join(folder, 'vault');
  try {
    const now = () => new Date().toISOString();
    const { vault } = await createVault(vaultDir, { practiceName: 'Bench', userName: 'Bench User', passphrase: PASS }, { kdf: DEFAULT_KDF, now });
    const fillStarted = performance.now();
    const practice = fillPractice(vault.db, vault.user.id, { clients: CLIENTS, notesPerClient: NOTES_PER_CLIENT, sessionsPerClient: SESSIONS_PER_CLIENT }, (done) => {
      if (done % 200_000 === 0) console.error(`  filled ${done} notes`);
    });
    closeVault(vault);
    const fillSeconds = (performance.now() - fillStarted) / 1000;
    const dbBytes = statSync(join(vaultDir, 'vault.db')).size;

    const core = createCore({ vaultDir });
    const call = caller(core);
    const unlockMs = await timed(() => call('vault.unlock', { userName: 'Bench User', passphrase: PASS }));
    const checkStarted = performance.now();
    await core.pagesChecked();
    const pageCheckMs = performance.now() - checkStarted;
    const rssAfterUnlock = process.memoryUsage.rss();

    const pick = seededRandom(11);
    const anyClient = () => practice.clientIds[Math.floor(pick() * practice.clientIds.length)]!;
    const rows: string[][] = [];
    const add = (label: string, samples: number[], extra = '') => {
      const s = summarise(samples);
      rows.push([label, String(s.runs), ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max), extra]);
    };

    // The client file as the screen opened it before clients.openFile (three calls at once, then the notes),
    // interleaved op by op with the one call it makes now (one audit entry, one commit).
    const parts: Record<string, number[]> = { 'clients.get': [], 'cases.list': [], 'sessions.list': [], 'notes.list': [] };
    const part = async <M extends MethodName>(method: M, input: MethodInput<M>) => {
      const started = performance.now();
      const value = await call(method, input);
      parts[method]!.push(performance.now() - started);
      return value;
    };
    const cpuMs = { four: 0, one: 0 };
    const measuringCpu = async (side: keyof typeof cpuMs, run: () => Promise<unknown>) => {
      const start = process.cpuUsage();
      await run();
      const used = process.cpuUsage(start);
      cpuMs[side] += (used.user + used.system) / 1000;
    };
    const opens = await interleaved(
      RUNS,
      () =>
        measuringCpu('four', async () => {
          const clientId = anyClient();
          await Promise.all([part('clients.get', { clientId }), part('cases.list', { clientId }), part('sessions.list', { clientId })]);
          await part('notes.list', { clientId });
        }),
      () => measuringCpu('one', () => call('clients.openFile', { clientId: anyClient() })),
    );
    const fourCalls = summarise(opens.a);
    const cpuOf = (side: keyof typeof cpuMs) => `CPU ${(cpuMs[side] / RUNS).toFixed(2)} ms/op`;
    add(`open a client file (${NOTES_PER_CLIENT} notes, ${SESSIONS_PER_CLIENT} sessions): the four calls (before)`, opens.a, cpuOf('four'));
    for (const [method, samples] of Object.entries(parts)) add(`  ${method}`, samples);
    const one = summarise(opens.b);
    add(
      'open a client file: clients.openFile, one call (now; interleaved)',
      opens.b,
      `p50 ${ratio(one.p50, fourCalls.p50)}, p99 ${ratio(one.p99, fourCalls.p99)} the four calls; ${cpuOf('one')}`,
    );

    // Commits on the vault's disk, each paired with an fsync of 4 KiB on the same disk (the floor).
    const floorFile = join(folder, 'fsync-floor');
    const fd = openSync(floorFile, 'w');
    const page = Buffer.alloc(4096, 1);
    const fsyncFloor = () => {
      writeSync(fd, page, 0, page.length, 0);
      fdatasyncSync(fd);
    };
    const body = `Client reflected on the week. ${WORDS.join(' ')} `.repeat(8);
    const before = core.walCheckpoints();
    const createCpu = cpuPerOp();
    const created = await interleaved(
      RUNS,
      () => call('notes.saveDraft', { about: { type: 'client', clientId: anyClient(), kind: 'client' }, body }),
      fsyncFloor,
    );
    const createdCpu = createCpu(RUNS);
    const draft = await call('notes.saveDraft', { about: { type: 'client', clientId: practice.clientIds[0]!, kind: 'client' }, body });
    const about = { type: 'client', clientId: practice.clientIds[0]!, kind: 'client' } as const;
    const autosaves = await interleaved(RUNS, (i) => call('notes.saveDraft', { about, noteId: draft.noteId, body: `${body} ${i}` }), fsyncFloor);
    const unchanged = await interleaved(RUNS, () => call('notes.saveDraft', { about, noteId: draft.noteId, body }), fsyncFloor);
    closeSync(fd);
    const after = core.walCheckpoints();
    const floor = summarise([...created.b, ...autosaves.b, ...unchanged.b]);
    const vsFloor = (samples: number[]) => {
      const s = summarise(samples);
      return `p50 ${ratio(s.p50, floor.p50)}, p99 ${ratio(s.p99, floor.p99)} the fsync floor`;
    };
    const withCpu = (text: string, cpu: string) => `${text}; ${cpu}`;
    add('note commit: notes.saveDraft, a new draft (≈1 kB)', created.a, withCpu(vsFloor(created.a), createdCpu));
    add('note commit: notes.saveDraft, autosave of a changed body', autosaves.a, vsFloor(autosaves.a));
    add('note commit: notes.saveDraft, autosave of an unchanged body', unchanged.a, vsFloor(unchanged.a));
    add('  baseline: 4 KiB write + fdatasync, same disk (interleaved)', [...created.b, ...autosaves.b, ...unchanged.b]);
    const checkpoints = `${after.between - before.between} between calls, ${after.idle - before.idle} at idle, longest ${ms(after.longestMs)} ms; largest WAL ${(after.largestWalBytes / 1048576).toFixed(1)} MiB`;

    const searches: Array<[string, MethodInput<'search.query'>]> = [
      ['search: rare word (one note), whole practice', { text: `marker${Math.floor(practice.noteIds.length / 2)}q` }],
      ['search: common word (every note), whole practice', { text: 'anxiety' }],
      ['search: two words, whole practice', { text: 'grief partner' }],
      ['search: prefix "gri", whole practice', { text: 'gri' }],
      ['search: common word within one client file', { text: 'anxiety', clientId: practice.clientIds[7]! }],
      ['search: client name', { text: `Client ${Math.floor(CLIENTS / 3)}` }],
    ];
    const searchRuns = Math.max(21, Math.floor(RUNS / 6));
    for (const [label, input] of searches) {
      const samples: number[] = [];
      for (let i = 0; i < searchRuns; i++) samples.push(await timed(() => call('search.query', input)));
      add(label, samples);
    }
    const lists: Array<[string, MethodInput<'clients.list'>]> = [
      [`clients.list: every client (${CLIENTS})`, {}],
      ['clients.list: filter "active"', { status: 'active' }],
      ['clients.list: search "4242"', { query: '4242' }],
    ];
    for (const [label, input] of lists) {
      const samples: number[] = [];
      for (let i = 0; i < 21; i++) samples.push(await timed(() => call('clients.list', input)));
      add(label, samples);
    }
    core.lock('user');

    const heading = `Practice through the core — ${CLIENTS} clients × ${NOTES_PER_CLIENT} notes (${practice.noteIds.length} notes), ${SESSIONS_PER_CLIENT} sessions each`;
    console.log(heading);
    console.log(`vault.db ${(dbBytes / 1e6).toFixed(1)} MB on ${folder}; filled in ${fillSeconds.toFixed(0)} s; unlock ${unlockMs.toFixed(0)} ms (Argon2id at production cost); background page check ${(pageCheckMs / 1000).toFixed(1)} s`);
    console.log(`memory: RSS after unlock ${(rssAfterUnlock / 1048576).toFixed(0)} MiB, peak RSS during the calls ${(peakRss / 1048576).toFixed(0)} MiB; load average ${loadAverage()}`);
    console.log(`checkpoints during the commits: ${checkpoints}`);
    printTable('practice through the core (ms)', ['measurement', 'runs', 'p50', 'p95', 'p99', 'max', 'against its baseline'], rows);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();
