/**
 * The renderer's first paint, in Chromium: the renderer as `npm run build:renderer` builds it (built afresh
 * into the benchmark's own folder, so it is always the current code and dist/ is left alone) against a real
 * core in this process, served as the e2e tests serve it.
 *
 * - The client list: from the moment the `vault.unlock` answer reaches the page (name and passphrase typed,
 *   Enter pressed; the app then asks `vault.status` and `vault.pendingRecoveryCode` and shows the list, as after
 *   every unlock) to the frame that shows its first rows. Practice: BENCH_RENDERER_CLIENTS clients (10,000).
 *   Baseline, interleaved load by load: the same app on an empty vault, to the frame showing "No clients yet.".
 * - The client file: from the click on a client's row to the frame that shows its sessions, for a client with
 *   BENCH_RENDERER_SESSIONS sessions (500), alternated with a client with 1 session (the baseline).
 *
 * BENCH_RUNS loads on each side. Every figure is broken into: boot (start → the screen's call sent), the call
 * as the page saw it (the harness's transport, not Electron's), the core's own part of it, a structured clone
 * of the answer (what Electron's IPC costs instead), and render (answer → rows painted); "in the app" is
 * boot + core + clone + render.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { createCore } from '../electron/core/core';
import type { Core, KdfParams } from '../electron/core/types';
import { closeVault, createVault } from '../electron/core/vault/vault';
import { CHROMIUM_ARGS, systemChromium } from './browser.mjs';
import { benchFolder } from './bench-support/folder';
import { loadAverage, ms, printTable, ratio, summarise } from './bench-support/measure';
import { fillPractice } from './bench-support/practice';
import { pageTimes, rendererContext, START_URL, structuredCloneMs, watch, type CallTiming, type PageTimes } from './bench-support/renderer-harness';

const CLIENTS = Number(process.env.BENCH_RENDERER_CLIENTS ?? 10_000);
const SESSIONS = Number(process.env.BENCH_RENDERER_SESSIONS ?? 500);
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const ROOT = join(import.meta.dirname, '..');
const USER = 'Bench User';
const PASS = 'benchmark passphrase, long enough';
/** Unlock is not measured here (scripts/bench-unlock.ts is), so the vaults use a cheap key derivation. */
const CHEAP_KDF: KdfParams = { memoryKiB: 8192, iterations: 1, parallelism: 1 };

async function unlockedCore(vaultDir: string, fill: (db: Parameters<typeof fillPractice>[0], userId: string) => void): Promise<Core> {
  const now = () => new Date().toISOString();
  const { vault } = await createVault(vaultDir, { practiceName: 'Bench', userName: USER, passphrase: PASS }, { kdf: CHEAP_KDF, now });
  fill(vault.db, vault.user.id);
  closeVault(vault);
  const core = createCore({ vaultDir });
  for (const [method, input] of [['vault.unlock', { userName: USER, passphrase: PASS }], ['vault.confirmRecoveryCode', {}]] as const) {
    const result = await core.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  }
  await core.pagesChecked();
  return core;
}

/** 10,000 clients with one session each; then client 0's case gets SESSIONS − 1 more (client 1 keeps one: the baseline). */
function fillClients(db: Parameters<typeof fillPractice>[0], userId: string): void {
  const practice = fillPractice(db, userId, { clients: CLIENTS, notesPerClient: 1, sessionsPerClient: 1 });
  const { case_id: caseId } = db.prepare('SELECT case_id FROM case_participants WHERE client_id = ?').get(practice.clientIds[0]) as { case_id: string };
  const addSession = db.prepare(
    "INSERT INTO sessions (id, case_id, starts_at, duration_minutes, modality, status, created_at) VALUES (?, ?, ?, 50, 'in-person', 'attended', ?)",
  );
  const addAttendee = db.prepare('INSERT INTO session_attendees VALUES (?, ?)');
  db.transaction(() => {
    for (let s = 1; s < SESSIONS; s++) {
      const sessionId = `${s.toString(16).padStart(8, '0')}-0005-4000-8000-000000000000`;
      const startsAt = new Date(Date.UTC(2023, 0, 2) + s * 86_400_000).toISOString().slice(0, 16);
      addSession.run(sessionId, caseId, startsAt, '2023-01-01T00:00:00.000Z');
      addAttendee.run(sessionId, practice.clientIds[0]);
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
}

interface Breakdown {
  /** Start → rows painted, as measured through the harness. */
  total: number;
  /** Start → the screen's call sent. */
  boot: number;
  /** The call as the page saw it, and the core's own part of it. */
  call: number;
  core: number;
  /** A structured clone of the answer in the page: what Electron's IPC would cost in place of the harness's transport. */
  clone: number;
  /** Answer → rows painted. */
  render: number;
}

/** Splits one measurement at the screen's call: start → call sent, the call, answer → rows painted. */
function breakdown(times: PageTimes, from: number, method: string, core: CallTiming[], clone: number): Breakdown {
  const call = times.calls.filter((c) => c.method === method && c.start >= from).at(-1);
  const coreCall = core.filter((c) => c.method === method).at(-1);
  if (call === undefined || coreCall === undefined) throw new Error(`the page made no ${method} call`);
  return { total: times.seen.paintedAt - from, boot: call.start - from, call: call.end - call.start, core: coreCall.end - coreCall.start, clone, render: times.seen.paintedAt - call.end };
}

/** The figure the app would see: the harness's transport (call − core) replaced by a structured clone. */
const inApp = (b: Breakdown) => b.boot + b.core + b.clone + b.render;

/** The production build of the renderer, as `npm run build:renderer` makes it, into `outDir`. */
function buildRenderer(outDir: string): void {
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const built = spawnSync(process.execPath, [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) throw new Error('vite build of the renderer failed');
}

async function main(): Promise<void> {
  const folder = benchFolder('confide-bench-renderer-');
  const dist = join(folder, 'renderer');
  const executablePath = systemChromium();
  const browser = await chromium.launch({ ...(executablePath !== null ? { executablePath } : {}), args: CHROMIUM_ARGS });
  const cores: Core[] = [];
  try {
    buildRenderer(dist);
    const big = await unlockedCore(join(folder, 'practice'), fillClients);
    const empty = await unlockedCore(join(folder, 'empty'), () => undefined);
    cores.push(big, empty);
    const options = { viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'Europe/London', colorScheme: 'light' as const, serviceWorkers: 'block' as const };
    const sides = {
      big: { core: big, context: await browser.newContext(options), watchFor: ['.client-row', null] as const },
      empty: { core: empty, context: await browser.newContext(options), watchFor: ['.result-count', 'No clients yet.'] as const },
    };
    const coreTimes = {
      big: await rendererContext(sides.big.context, big, dist),
      empty: await rendererContext(sides.empty.context, empty, dist),
    };

    const list = { big: [] as Breakdown[], empty: [] as Breakdown[] };
    const file = { many: [] as Breakdown[], one: [] as Breakdown[] };
    const rowsShown: number[] = [];
    const sessionsShown = { many: 0, one: 0 };
    // One warm-up round (first compile of the bundle, first statements), not counted.
    for (let i = -1; i < RUNS; i++) {
      const order = i % 2 === 0 ? (['big', 'empty'] as const) : (['empty', 'big'] as const);
      for (const name of order) {
        const side = sides[name];
        side.core.lock('user');
        const page = await side.context.newPage();
        await page.goto(START_URL);
        await page.getByRole('textbox', { name: 'Your name', exact: true }).fill(USER);
        await page.getByLabel('Passphrase', { exact: true }).fill(PASS);
        await watch(page, side.watchFor[0], side.watchFor[1]);
        await page.getByLabel('Passphrase', { exact: true }).press('Enter');
        const unlocked = await pageTimes(page);
        const unlockCall = unlocked.calls.find((c) => c.method === 'vault.unlock');
        if (unlockCall === undefined) throw new Error('the page made no vault.unlock call');
        const listTimes = breakdown(unlocked, unlockCall.end, 'clients.list', coreTimes[name].coreMs, await structuredCloneMs(page, 'clients.list'));
        if (i >= 0) list[name].push(listTimes);
        if (name === 'big') {
          rowsShown.push(unlocked.seen.count);
          // The client file, alternating the many-session client and the one-session client run by run.
          const which = i % 2 === 0 ? 'many' : 'one';
          await watch(page, 'li.session');
          await page.locator('.client-row-name', { hasText: which === 'many' ? /^Client 0 / : /^Client 1 / }).click();
          const opened = await pageTimes(page);
          if (opened.clickAt === null) throw new Error('the click was not seen');
          const fileTimes = breakdown(opened, opened.clickAt, 'clients.openFile', coreTimes.big.coreMs, await structuredCloneMs(page, 'clients.openFile'));
          if (i >= 0) file[which].push(fileTimes);
          sessionsShown[which] = opened.seen.count;
        }
        await page.close();
      }
    }

    const rows: string[][] = [];
    const add = (label: string, samples: Breakdown[], baseline: Breakdown[] | null) => {
      const p50 = (values: number[]) => summarise(values).p50;
      const pick = (key: keyof Breakdown) => p50(samples.map((s) => s[key]));
      const total = summarise(samples.map((s) => s.total));
      const app = summarise(samples.map(inApp));
      const against = baseline === null ? '' : `${ratio(app.p50, p50(baseline.map(inApp)))}, +${ms(app.p50 - p50(baseline.map(inApp)))} ms`;
      rows.push([label, String(total.runs), ms(total.p50), ms(total.max), ms(pick('boot')), ms(pick('call')), ms(pick('core')), ms(pick('clone')), ms(pick('render')), ms(app.p50), ms(app.max), against]);
    };
    add(`client list, ${CLIENTS.toLocaleString('en-GB')} clients: unlock answered → first rows painted`, list.big, list.empty);
    add('  baseline: empty vault: unlock answered → "No clients yet." painted', list.empty, null);
    add(`client file, ${SESSIONS} sessions: click → sessions painted`, file.many, file.one);
    add('  baseline: client file, 1 session: click → session painted', file.one, null);

    console.log(`Renderer first paint in Chromium ${browser.version()} (headless), the built renderer, a real core in the same process; load average ${loadAverage()}`);
    console.log(`rows in the DOM when painted: ${Math.min(...rowsShown)}–${Math.max(...rowsShown)} client rows (the list is virtualised); sessions shown ${sessionsShown.many} and ${sessionsShown.one}`);
    printTable(
      'renderer first paint (ms). harness = as measured here; boot = start → the screen\'s call sent; call = the call as the page saw it (harness transport), of which core = inside the core; clone = a structured clone of the answer in the page (what Electron\'s IPC costs instead); render = answer → rows painted; in the app = boot + core + clone + render. Breakdown columns are p50s.',
      ['measurement', 'runs', 'harness p50', 'harness max', 'boot', 'call', 'core', 'clone', 'render', 'in the app p50', 'in the app max', 'in the app, against its baseline'],
      rows,
    );
  } finally {
    await browser.close();
    for (const core of cores) core.lock('shutdown');
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();
