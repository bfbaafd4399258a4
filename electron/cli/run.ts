import type { Readable, Writable } from 'node:stream';
import { parseCommand, USAGE } from './args';
import { ExitCode, exitCodeFor, type ExitCodeValue } from './exit-codes';
import { CallFailed } from './call-failed';
import { oneLine } from './one-line';
import { UsageError } from './usage-error';

export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

/** Runs one command and returns its exit code. Errors are one line on stderr, never a stack trace. */
export async function run(argv: string[], io: CliIo): Promise<ExitCodeValue> {
  const fail = (message: string, code: ExitCodeValue) => {
    io.stderr.write(`confide: ${oneLine(message)}\n`);
    return code;
  };
  try {
    const command = parseCommand(argv);
    if (command.kind === 'help') {
      io.stdout.write(`${USAGE}\n`);
      return ExitCode.ok;
    }
    if (command.kind === 'methods') {
      // Only the contract: `methods` loads neither SQLite nor Argon2, so it starts fast.
      const { describeMethods } = await import('./describe-methods');
      io.stdout.write(`${JSON.stringify(describeMethods(), null, 2)}\n`);
      return ExitCode.ok;
    }
    const { runVaultCommand } = await import('./vault-commands');
    return await runVaultCommand(command, io);
  } catch (error) {
    if (error instanceof UsageError) return fail(`${error.message}${error.showUsage ? ' See: confide help' : ''}`, ExitCode.usage);
    if (error instanceof CallFailed) return fail(error.error.message, exitCodeFor(error.error.code));
    return fail('an internal error stopped this command; nothing further was done.', ExitCode.internal);
  }
}
