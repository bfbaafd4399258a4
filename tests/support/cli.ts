import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { expect } from 'vitest';
import { run } from '../../electron/cli/run';

export const ROOT = join(import.meta.dirname, '..', '..');
/** The package's bin, as `confide` runs it: the bundled CLI, built from the current sources when stale. */
export const BIN = join(ROOT, 'bin', 'confide.mjs');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The real `confide` in its own process, with `stdin` piped in (nothing, and closed, when omitted).
 * `closedStdout` closes the reading end of its stdout before it can write, as `confide … | head -0` would.
 */
export function spawnCli(args: string[], stdin?: string | Buffer, options: { closedStdout?: boolean } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    if (options.closedStdout) child.stdout.destroy();
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    // A child that exits before reading all of stdin closes the pipe; that is its answer, not a test failure.
    child.stdin.on('error', () => undefined);
    child.stdin.end(stdin);
  });
}

function collector(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/** The CLI's `run()` in this process, with real stdio streams: the same code path, without a process start. */
export async function runCli(args: string[], stdin?: string | Buffer): Promise<CliRun> {
  const input = stdin === undefined ? Readable.from([]) : Readable.from([Buffer.from(stdin)]);
  const stdout = collector();
  const stderr = collector();
  const code = await run(args, { stdin: input, stdout: stdout.stream, stderr: stderr.stream });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

const STACK_FRAME = /\bat .*(\(|\s)\S+:\d+:\d+/;

/** The CLI's failure contract: one line on stderr, starting `confide: `, with no stack trace. */
export function expectOneCleanErrorLine(result: CliRun): void {
  expect(result.stderr.endsWith('\n'), result.stderr).toBe(true);
  expect(result.stderr.slice(0, -1).split('\n'), result.stderr).toHaveLength(1);
  expect(result.stderr).toMatch(/^confide: \S/);
  expect(result.stderr).not.toMatch(STACK_FRAME);
}
