import { resolve } from 'node:path';
import { contract, isMethodName, type MethodName } from '../../shared/contract';
import type { CallError } from '../../shared/errors';
import { createCore } from '../core/core';
import type { Core } from '../core/types';
import { typedCall } from '../core/typed-call';
import { progressBar } from './progress-bar';
import { purge } from './purge-command';
import type { Command } from './args';
import { CallFailed, valueOf } from './call-failed';
import { readCallInput } from './call-input';
import { ExitCode, type ExitCodeValue } from './exit-codes';
import { oneLine } from './one-line';
import { findReferences, PLACEHOLDER_ID } from './references';
import type { CliIo } from './run';
import { stdinSecrets, terminalSecrets, type SecretSource } from './secret-input';
import { StdinReader } from './stdin';
import { UsageError } from './usage-error';

type VaultCommand = Exclude<Command, { kind: 'help' | 'methods' }>;

/** Methods that open, close or create vaults belong to the commands, not to `call`. */
const LIFECYCLE_METHODS = new Set(['vault.create', 'vault.unlock', 'vault.recover', 'vault.lock']);

/**
 * Fields that hold secrets, in the order they are read: never taken from the JSON input, always asked for
 * like the passphrase. New passphrases are asked twice on a terminal.
 */
const SECRET_FIELDS = [
  { field: 'currentPassphrase', label: 'Current passphrase', isNew: false },
  { field: 'passphrase', label: 'Passphrase for the new user', isNew: true },
  { field: 'newPassphrase', label: 'New passphrase', isNew: true },
] as const;

/** Stands in for the secrets while the input is checked, before anyone is asked for them; it passes the shape rules. */
const PLACEHOLDER_SECRET = 'placeholder for a secret';

export async function runVaultCommand(command: VaultCommand, io: CliIo): Promise<ExitCodeValue> {
  const reader = new StdinReader(io.stdin);
  const secrets: SecretSource = command.stdin ? stdinSecrets(reader) : terminalSecrets(io.stdin as NodeJS.ReadStream, io.stderr);
  const core = createCore({ vaultDir: resolve(command.vaultDir) });
  try {
    switch (command.kind) {
      case 'init':
        return await init(command, core, secrets, io);
      case 'call':
        return await call(command, core, secrets, reader, io);
      case 'recover':
        return await recover(command, core, secrets, io);
      case 'verify':
        return await verify(command, core, secrets, io);
      case 'purge':
        return await purge(command, core, secrets, io);
    }
  } finally {
    secrets.close();
    core.lock('user');
  }
}

async function init(command: Extract<VaultCommand, { kind: 'init' }>, core: Core, secrets: SecretSource, io: CliIo): Promise<ExitCodeValue> {
  const passphrase = await secrets.nextNew('New passphrase');
  const created = valueOf(await typedCall(core, 'vault.create', { practiceName: command.practice, userName: command.user, passphrase }));
  io.stdout.write(
    `Vault created for ${created.user.name}.\n\nRecovery code (shown this once; write it down and keep it somewhere safe):\n\n    ${created.recoveryCode}\n\n` +
      'Anyone with this code can open the vault. Without it, a forgotten passphrase cannot be recovered.\n',
  );
  return ExitCode.ok;
}

async function recover(command: Extract<VaultCommand, { kind: 'recover' }>, core: Core, secrets: SecretSource, io: CliIo): Promise<ExitCodeValue> {
  const recoveryCode = await secrets.next('Recovery code');
  const newPassphrase = await secrets.nextNew('New passphrase');
  valueOf(await typedCall(core, 'vault.recover', { userName: command.user, recoveryCode, newPassphrase }));
  io.stdout.write('The recovery code opened the vault and your new passphrase is set.\n');
  return ExitCode.ok;
}

async function verify(command: Extract<VaultCommand, { kind: 'verify' }>, core: Core, secrets: SecretSource, io: CliIo): Promise<ExitCodeValue> {
  try {
    await unlock(core, await secrets.next('Passphrase'), command.user);
  } catch (error) {
    // Damage that stops the vault opening at all (its first pages, its WAL) is what verify is for: report it
    // like damage the page check finds.
    if (!(error instanceof CallFailed) || error.error.code !== 'vault-damaged') throw error;
    printJson(io, { ok: false, integrity: { ok: false, problem: error.error.message }, chain: null });
    io.stderr.write(`confide: ${oneLine(error.error.message)}\n`);
    return ExitCode.verifyFailed;
  }
  const bar = progressBar(io.stderr);
  const report = valueOf(await typedCall(core, 'vault.verify', {}, { onProgress: bar.update }).finally(bar.end));
  printJson(io, report);
  if (report.ok) return ExitCode.ok;
  // The report is on stdout; the problem is the one line on stderr.
  io.stderr.write(`confide: ${oneLine(report.integrity.problem ?? report.chain.problem ?? 'the vault failed its check')}\n`);
  return ExitCode.verifyFailed;
}

/**
 * The input is checked against the contract before the vault is opened — with stand-ins for references and
 * secrets — so rejected input never unlocks the vault and leaves its files exactly as they were.
 */
async function call(
  command: Extract<VaultCommand, { kind: 'call' }>,
  core: Core,
  secrets: SecretSource,
  reader: StdinReader,
  io: CliIo,
): Promise<ExitCodeValue> {
  const method = command.method;
  if (!isMethodName(method)) throw new UsageError(`There is no method called "${method.slice(0, 60)}". See: confide methods`);
  if (LIFECYCLE_METHODS.has(method)) throw new UsageError(`${method} is not available through call; use the init, recover or verify commands.`);
  const secretFields = secretFieldsOf(method);
  const input = await readCallInput(command.input, reader, 1 + secretFields.length);
  refuseSecretsInInput(input, secretFields);
  const references = findReferences(input);
  references.fill(PLACEHOLDER_ID);
  check(core.validate(method, withSecrets(input, secretFields.map((s) => [s.field, PLACEHOLDER_SECRET]))));

  const passphrase = await secrets.next('Passphrase');
  const given: Array<[string, string]> = [];
  for (const secret of secretFields) given.push([secret.field, await (secret.isNew ? secrets.nextNew(secret.label) : secrets.next(secret.label))]);
  check(core.validate(method, withSecrets(input, given)));

  await unlock(core, passphrase, command.user);
  await references.resolve(core, (result) => valueOf(result));
  const bar = progressBar(io.stderr);
  printJson(io, valueOf(await core.call(method, withSecrets(input, given), { onProgress: bar.update }).finally(bar.end)));
  return ExitCode.ok;
}

function secretFieldsOf(method: MethodName) {
  const shape = (contract[method].input as unknown as { shape?: Record<string, unknown> }).shape ?? {};
  return SECRET_FIELDS.filter((secret) => Object.hasOwn(shape, secret.field));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function refuseSecretsInInput(input: unknown, secretFields: ReadonlyArray<{ field: string }>): void {
  if (!isRecord(input)) return;
  for (const { field } of secretFields) {
    if (Object.hasOwn(input, field)) {
      throw new UsageError(`Give ${field} at the prompt or on its own line of standard input (--passphrase-stdin), never in the JSON input.`);
    }
  }
}

/** The input with the secrets added; anything but an object goes to the contract as it is, to be refused there. */
function withSecrets(input: unknown, secrets: Array<[string, string]>): unknown {
  return isRecord(input) && secrets.length > 0 ? { ...input, ...Object.fromEntries(secrets) } : input;
}

function check(error: CallError | null): void {
  if (error) throw new CallFailed(error);
}

async function unlock(core: Core, passphrase: string, userName: string | undefined): Promise<void> {
  valueOf(await typedCall(core, 'vault.unlock', { passphrase, ...(userName === undefined ? {} : { userName }) }));
}

function printJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
