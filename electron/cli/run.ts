import { resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { z } from 'zod';
import { contract, isMethodName, methodNames } from '../../shared/contract';
import type { CallError, CallResult } from '../../shared/errors';
import { createCore } from '../core/core';
import type { Core } from '../core/types';
import { typedCall } from '../core/typed-call';
import { parseCommand, USAGE, type Command } from './args';
import { ExitCode, exitCodeFor, type ExitCodeValue } from './exit-codes';
import { stdinSecrets, terminalSecrets, UsageError, type SecretSource } from './secret-input';

export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

/** Methods that open, close or create vaults belong to the commands, not to `call`. */
const LIFECYCLE_METHODS = new Set(['vault.create', 'vault.unlock', 'vault.recover', 'vault.lock']);

class CallFailed extends Error {
  constructor(readonly error: CallError) {
    super(error.message);
  }
}

function valueOf<T>(result: CallResult<T>): T {
  if (!result.ok) throw new CallFailed(result.error);
  return result.value;
}

function printJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Runs one command and returns its exit code. Errors are one line on stderr, never a stack trace. */
export async function run(argv: string[], io: CliIo): Promise<ExitCodeValue> {
  let core: Core | null = null;
  try {
    const command = parseCommand(argv);
    if (command.kind === 'help') {
      io.stdout.write(`${USAGE}\n`);
      return ExitCode.ok;
    }
    if (command.kind === 'methods') {
      printJson(io, describeMethods());
      return ExitCode.ok;
    }
    const secrets: SecretSource = command.stdin
      ? stdinSecrets(io.stdin)
      : terminalSecrets(io.stdin as NodeJS.ReadStream, io.stderr);
    core = createCore({ vaultDir: resolve(command.vaultDir) });
    return await runVaultCommand(command, core, secrets, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`confide: ${error.message}\n${error.showUsage ? `${USAGE}\n` : ''}`);
      return ExitCode.usage;
    }
    if (error instanceof CallFailed) {
      io.stderr.write(`confide: ${error.error.message}\n`);
      return exitCodeFor(error.error.code);
    }
    io.stderr.write('confide: an internal error stopped this command; nothing further was done.\n');
    return ExitCode.internal;
  } finally {
    core?.lock('user');
  }
}

async function runVaultCommand(
  command: Exclude<Command, { kind: 'help' | 'methods' }>,
  core: Core,
  secrets: SecretSource,
  io: CliIo,
): Promise<ExitCodeValue> {
  switch (command.kind) {
    case 'init': {
      const passphrase = await secrets.next('New passphrase');
      if (!command.stdin && (await secrets.next('Repeat the passphrase')) !== passphrase) {
        throw new UsageError('The two passphrases are not the same.');
      }
      const created = valueOf(
        await typedCall(core, 'vault.create', { practiceName: command.practice, userName: command.user, passphrase }),
      );
      io.stdout.write(
        `Vault created for ${created.user.name}.\n\nRecovery code (shown this once; write it down and keep it somewhere safe):\n\n    ${created.recoveryCode}\n\n` +
          'Anyone with this code can open the vault. Without it, a forgotten passphrase cannot be recovered.\n',
      );
      return ExitCode.ok;
    }
    case 'call': {
      if (!isMethodName(command.method)) throw new UsageError(`There is no method called "${command.method}". See: confide methods`);
      if (LIFECYCLE_METHODS.has(command.method)) {
        throw new UsageError(`${command.method} is not available through call; use the init, recover or verify commands.`);
      }
      const input = parseJsonArgument(command.json);
      await unlock(core, secrets, command.user);
      await addSecretFields(command.method, input, secrets);
      printJson(io, valueOf(await core.call(command.method, input)));
      return ExitCode.ok;
    }
    case 'recover': {
      const recoveryCode = await secrets.next('Recovery code');
      const newPassphrase = await secrets.next('New passphrase');
      if (!command.stdin && (await secrets.next('Repeat the new passphrase')) !== newPassphrase) {
        throw new UsageError('The two passphrases are not the same.');
      }
      valueOf(await typedCall(core, 'vault.recover', { userName: command.user, recoveryCode, newPassphrase }));
      io.stdout.write('The recovery code opened the vault and your new passphrase is set.\n');
      return ExitCode.ok;
    }
    case 'verify': {
      try {
        await unlock(core, secrets, command.user);
      } catch (error) {
        // Damage that stops the vault opening at all (its first pages, its WAL) is what verify is for:
        // report it like damage found by the page check.
        if (!(error instanceof CallFailed) || error.error.code !== 'vault-damaged') throw error;
        printJson(io, { ok: false, integrity: { ok: false, problem: error.error.message }, chain: null });
        io.stderr.write(`confide: ${error.error.message}\n`);
        return ExitCode.verifyFailed;
      }
      const report = valueOf(await typedCall(core, 'vault.verify', {}));
      printJson(io, report);
      if (!report.ok) io.stderr.write(`confide: ${report.integrity.problem ?? report.chain.problem}\n`);
      return report.ok ? ExitCode.ok : ExitCode.verifyFailed;
    }
  }
}

async function unlock(core: Core, secrets: SecretSource, userName: string | undefined): Promise<void> {
  const passphrase = await secrets.next('Passphrase');
  valueOf(await typedCall(core, 'vault.unlock', { passphrase, ...(userName === undefined ? {} : { userName }) }));
}

/** Fields that hold secrets: never taken from the JSON argument, always asked for like the passphrase. */
const SECRET_FIELDS = ['currentPassphrase', 'passphrase', 'newPassphrase'] as const;

async function addSecretFields(method: keyof typeof contract, input: unknown, secrets: SecretSource): Promise<void> {
  const shape = (contract[method].input as unknown as { shape?: Record<string, unknown> }).shape ?? {};
  if (typeof input !== 'object' || input === null) return;
  const record = input as Record<string, unknown>;
  for (const field of SECRET_FIELDS) {
    if (!(field in shape)) continue;
    if (field in record) throw new UsageError(`Give ${field} at the prompt or on standard input, never in the JSON argument.`);
    record[field] = await secrets.next(field === 'currentPassphrase' ? 'Current passphrase' : field === 'newPassphrase' ? 'New passphrase' : 'Passphrase for the new user');
  }
}

function parseJsonArgument(json: string | undefined): unknown {
  if (json === undefined) return {};
  try {
    return JSON.parse(json);
  } catch {
    // The text is not echoed: it may hold client details.
    throw new UsageError('The input argument is not valid JSON.');
  }
}

function describeMethods(): Record<string, { access: string; input: unknown }> {
  return Object.fromEntries(
    methodNames.map((method) => [
      method,
      { access: contract[method].access, input: z.toJSONSchema(contract[method].input, { io: 'input', unrepresentable: 'any' }) },
    ]),
  );
}
