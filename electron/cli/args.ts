import { parseArgs } from 'node:util';
import { UsageError } from './secret-input';

export const USAGE = `Usage:
  confide init <vault-dir> --practice <name> --user <name> [--passphrase-stdin]
  confide call <vault-dir> <method> [<json>] [--user <name>] [--passphrase-stdin]
  confide recover <vault-dir> --user <name> [--passphrase-stdin]
  confide verify <vault-dir> [--user <name>] [--passphrase-stdin]
  confide methods
Passphrases are asked for on the terminal, or read from standard input (one per line) with --passphrase-stdin.
Exit codes are listed in docs/cli.md.`;

export type Command =
  | { kind: 'init'; vaultDir: string; practice: string; user: string; stdin: boolean }
  | { kind: 'call'; vaultDir: string; method: string; json: string | undefined; user: string | undefined; stdin: boolean }
  | { kind: 'recover'; vaultDir: string; user: string; stdin: boolean }
  | { kind: 'verify'; vaultDir: string; user: string | undefined; stdin: boolean }
  | { kind: 'methods' }
  | { kind: 'help' };

export function parseCommand(argv: string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        practice: { type: 'string' },
        user: { type: 'string' },
        'passphrase-stdin': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message, true);
  }
  const { values, positionals } = parsed;
  const [name, ...rest] = positionals;
  const stdin = values['passphrase-stdin'] ?? false;
  const need = (value: string | undefined, what: string): string => {
    if (value === undefined || value.trim() === '') throw new UsageError(`${name} needs ${what}.`, true);
    return value;
  };
  const positionalCount = (min: number, max: number) => {
    if (rest.length < min || rest.length > max) throw new UsageError(`${name} takes ${min === max ? min : `${min} to ${max}`} arguments.`, true);
  };
  if (values.help || name === undefined || name === 'help') return { kind: 'help' };
  switch (name) {
    case 'init':
      positionalCount(1, 1);
      return { kind: 'init', vaultDir: rest[0]!, practice: need(values.practice, '--practice <name>'), user: need(values.user, '--user <name>'), stdin };
    case 'call':
      positionalCount(2, 3);
      return { kind: 'call', vaultDir: rest[0]!, method: rest[1]!, json: rest[2], user: values.user, stdin };
    case 'recover':
      positionalCount(1, 1);
      return { kind: 'recover', vaultDir: rest[0]!, user: need(values.user, '--user <name>'), stdin };
    case 'verify':
      positionalCount(1, 1);
      return { kind: 'verify', vaultDir: rest[0]!, user: values.user, stdin };
    case 'methods':
      positionalCount(0, 0);
      return { kind: 'methods' };
    default:
      throw new UsageError(`Unknown command "${name}".`, true);
  }
}
