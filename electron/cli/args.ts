import { parseArgs } from 'node:util';
import { UsageError } from './usage-error';

export const USAGE = `Usage:
  confide init <vault-dir> --practice <name> --user <name> [--passphrase-stdin]
  confide call <vault-dir> <method> [--input - | --input <file>] [--user <name>] [--passphrase-stdin]
  confide recover <vault-dir> --user <name> [--passphrase-stdin]
  confide verify <vault-dir> [--user <name>] [--passphrase-stdin]
  confide purge <vault-dir> --user <director> [--dry-run] [--passphrase-stdin] [--json]
  confide methods
A method's JSON input comes on standard input (--input -) or from a file (--input <file>), never as an argument.
Passphrases are asked for on the terminal, or read from standard input (one per line, before any JSON input)
with --passphrase-stdin. Exit codes are listed in docs/cli.md.`;

/** Where `call` reads its JSON input from: nowhere (`{}`), standard input, or a file. */
export type InputSource = { kind: 'none' } | { kind: 'stdin' } | { kind: 'file'; path: string };

export type Command =
  | { kind: 'init'; vaultDir: string; practice: string; user: string; stdin: boolean }
  | { kind: 'call'; vaultDir: string; method: string; input: InputSource; user: string | undefined; stdin: boolean }
  | { kind: 'recover'; vaultDir: string; user: string; stdin: boolean }
  | { kind: 'verify'; vaultDir: string; user: string | undefined; stdin: boolean }
  | { kind: 'purge'; vaultDir: string; user: string; stdin: boolean; dryRun: boolean; json: boolean }
  | { kind: 'methods' }
  | { kind: 'help' };

/**
 * Arguments are visible to every local user (ps, /proc/<pid>/cmdline) and copied into npm's logs and shell
 * history, and their size is capped; so a record never travels in them. The message does not repeat the
 * argument: it may hold client details.
 */
const INPUT_AS_ARGUMENT =
  'call takes its input on standard input (--input -) or from a file (--input <file>), never as an argument: ' +
  'arguments can be read by every user of this computer and are kept in shell history. See docs/cli.md.';

const KNOWN_OPTIONS = new Set(['practice', 'user', 'input', 'passphrase-stdin', 'dry-run', 'json', 'help', 'h']);

export function parseCommand(argv: string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        practice: { type: 'string' },
        user: { type: 'string' },
        input: { type: 'string' },
        'passphrase-stdin': { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    // node:util's message quotes the offending argument, which may be a record; name it only if it looks like an option.
    const code = (error as { code?: string }).code;
    const option = argv.find((arg) => /^--?[A-Za-z][A-Za-z-]{0,30}$/.test(arg) && !KNOWN_OPTIONS.has(arg.replace(/^--?/, '')));
    throw new UsageError(
      code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option ? `Unknown option ${option}.` : 'Unknown option, or an option without its value.',
      true,
    );
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
  const noInput = () => {
    if (values.input !== undefined) throw new UsageError(`${name} takes no --input.`, true);
  };
  if (values.help || name === undefined || name === 'help') return { kind: 'help' };
  switch (name) {
    case 'init':
      positionalCount(1, 1);
      noInput();
      return { kind: 'init', vaultDir: rest[0]!, practice: need(values.practice, '--practice <name>'), user: need(values.user, '--user <name>'), stdin };
    case 'call': {
      if (rest.length > 2) throw new UsageError(INPUT_AS_ARGUMENT);
      positionalCount(2, 2);
      const input: InputSource =
        values.input === undefined ? { kind: 'none' } : values.input === '-' ? { kind: 'stdin' } : { kind: 'file', path: need(values.input, '--input - or --input <file>') };
      if (input.kind === 'stdin' && !stdin) {
        throw new UsageError(
          'With --input -, standard input carries the input, so the passphrase must come first on it: add --passphrase-stdin, or give the input as a file with --input <file>.',
        );
      }
      return { kind: 'call', vaultDir: rest[0]!, method: rest[1]!, input, user: values.user, stdin };
    }
    case 'recover':
      positionalCount(1, 1);
      noInput();
      return { kind: 'recover', vaultDir: rest[0]!, user: need(values.user, '--user <name>'), stdin };
    case 'verify':
      positionalCount(1, 1);
      noInput();
      return { kind: 'verify', vaultDir: rest[0]!, user: values.user, stdin };
    case 'purge':
      positionalCount(1, 1);
      noInput();
      return {
        kind: 'purge',
        vaultDir: rest[0]!,
        user: need(values.user, '--user <director>'),
        stdin,
        dryRun: values['dry-run'] ?? false,
        json: values.json ?? false,
      };
    case 'methods':
      positionalCount(0, 0);
      noInput();
      return { kind: 'methods' };
    default:
      throw new UsageError(`Unknown command "${name}".`, true);
  }
}
