import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

/**
 * Secrets come from a hidden prompt on a terminal, or from standard input when the caller says so;
 * never from arguments, where they would show in process lists and shell history.
 */
export interface SecretSource {
  /** Asks for one secret; `label` is shown on a terminal only. */
  next(label: string): Promise<string>;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    readonly showUsage = false,
  ) {
    super(message);
  }
}

/** Lines of standard input, one secret per line, read once. */
export function stdinSecrets(input: Readable): SecretSource {
  let lines: Promise<string[]> | null = null;
  let index = 0;
  const readAll = async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of input) chunks.push(Buffer.from(chunk as Buffer));
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/);
  };
  return {
    async next() {
      lines ??= readAll();
      const line = (await lines)[index++];
      if (line === undefined || line === '') throw new UsageError('Standard input ended before every secret was given.');
      return line;
    },
  };
}

/** A prompt that does not echo what is typed. */
export function terminalSecrets(input: NodeJS.ReadStream, output: Writable): SecretSource {
  return {
    next(label) {
      if (!input.isTTY) {
        return Promise.reject(new UsageError('There is no terminal to ask for the passphrase on; use --passphrase-stdin.'));
      }
      return new Promise((resolve) => {
        const rl = createInterface({ input, output, terminal: true });
        const mutable = rl as unknown as { _writeToOutput: (text: string) => void };
        output.write(`${label}: `);
        mutable._writeToOutput = () => undefined;
        rl.question('', (answer) => {
          rl.close();
          output.write('\n');
          resolve(answer);
        });
      });
    },
  };
}
