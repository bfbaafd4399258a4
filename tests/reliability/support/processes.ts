import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ChildTask } from './child';

const ROOT = join(import.meta.dirname, '..', '..', '..');

export interface Child {
  process: ChildProcess;
  /** Every line printed so far. */
  lines: string[];
  /** Resolves with the first line matching, or rejects if the process ends first. */
  waitFor(match: (line: string) => boolean): Promise<string>;
  /** Resolves when the process has ended, with its exit code or signal. */
  ended: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(): Promise<void>;
  /** Sends the task (startChild with `hold` waits for this), so several children can start together. */
  go(): void;
}

/** Starts tests/reliability/support/child.ts in its own Node process with `env` added to its environment. */
export function startChild(task: ChildTask, env: Record<string, string> = {}, options: { hold?: boolean } = {}): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'tests/reliability/support/child.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: Array<{ match: (line: string) => boolean; resolve: (line: string) => void; reject: (e: Error) => void }> = [];
  let partial = '';
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdout.on('data', (chunk: Buffer) => {
    partial += chunk.toString('utf8');
    let newline: number;
    while ((newline = partial.indexOf('\n')) >= 0) {
      const line = partial.slice(0, newline);
      partial = partial.slice(newline + 1);
      lines.push(line);
      for (const waiter of [...waiters]) {
        if (waiter.match(line)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(line);
        }
      }
    }
  });
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => {
      for (const waiter of waiters.splice(0)) {
        waiter.reject(new Error(`child ended (${code ?? signal}) before the line it was waited for; stderr: ${stderr.slice(0, 500)}`));
      }
      resolve({ code, signal });
    }),
  );
  const go = () => {
    if (!child.stdin.writableEnded) child.stdin.end(`${JSON.stringify(task)}\n`);
  };
  if (!options.hold) go();
  return {
    go,
    process: child,
    lines,
    ended,
    waitFor(match) {
      const seen = lines.find(match);
      if (seen !== undefined) return Promise.resolve(seen);
      if (child.exitCode !== null || child.signalCode !== null) return Promise.reject(new Error('child already ended'));
      return new Promise((resolve, reject) => waiters.push({ match, resolve, reject }));
    },
    async kill() {
      child.kill('SIGKILL');
      await ended;
    },
  };
}

/** Runs a child to its end and returns its lines. */
export async function runChild(task: ChildTask, env: Record<string, string> = {}): Promise<string[]> {
  const child = startChild(task, env);
  await child.ended;
  return child.lines;
}

/** Kill moments spread evenly over [0, span] ms, a whole number of them. */
export function spread(count: number, spanMs: number): number[] {
  return Array.from({ length: count }, (_, i) => Math.round(((i + 0.5) * spanMs) / count));
}

/** How long a task takes from its `ready` line to its end, so kills can be spread over that time. */
export async function timeFromReady(task: ChildTask): Promise<number> {
  const child = startChild(task);
  await child.waitFor((line) => line === 'ready');
  const started = performance.now();
  await child.ended;
  return performance.now() - started;
}

/** Starts the task, waits for `ready`, then kills it `delayMs` later (or lets it finish if it is quicker). */
export async function killAfterReady(task: ChildTask, delayMs: number): Promise<{ lines: string[]; finished: boolean }> {
  const child = startChild(task);
  await child.waitFor((line) => line === 'ready');
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  const finished = child.process.exitCode !== null;
  await child.kill();
  return { lines: child.lines, finished };
}
