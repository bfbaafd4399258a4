import { createInterface, type Interface } from 'node:readline';
import type { Writable } from 'node:stream';
import type { StdinReader } from './stdin';
import { UsageError } from './usage-error';

/**
 * Secrets come from a hidden prompt on a terminal, or from standard input when the caller says so;
 * never from arguments, where they would show in process lists and shell history.
 */
export interface SecretSource {
  /** Asks for one secret; `label` is shown on a terminal only. */
  next(label: string): Promise<string>;
  /** A new secret: asked twice on a terminal, so a typing slip cannot lock someone out. */
  nextNew(label: string): Promise<string>;
  close(): void;
}

/** Secrets from standard input, one per line, in the order docs/cli.md gives. */
export function stdinSecrets(reader: StdinReader): SecretSource {
  let index = 0;
  const next = async () => {
    const line = await reader.line(index++);
    if (line === undefined || line === '') throw new UsageError('Standard input ended before every secret was given.');
    return line;
  };
  return { next, nextNew: next, close: () => undefined };
}

/** A prompt that does not echo what is typed. One readline for the whole command, so typed-ahead lines wait their turn. */
export function terminalSecrets(input: NodeJS.ReadStream, output: Writable): SecretSource {
  let rl: Interface | null = null;
  const ask = (label: string): Promise<string> => {
    if (!input.isTTY) {
      return Promise.reject(new UsageError('There is no terminal to ask for the passphrase on; use --passphrase-stdin.'));
    }
    if (!rl) {
      rl = createInterface({ input, output, terminal: true });
      // Keystrokes are not echoed: readline writes them through this method, which we silence.
      (rl as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = () => undefined;
    }
    const prompt = rl;
    return new Promise((resolve, reject) => {
      output.write(`${label}: `);
      const onClose = () => reject(new UsageError('The terminal closed before the passphrase was given.'));
      prompt.once('close', onClose);
      prompt.question('', (answer) => {
        prompt.off('close', onClose);
        output.write('\n');
        resolve(answer);
      });
    });
  };
  return {
    next: ask,
    async nextNew(label) {
      const first = await ask(label);
      if ((await ask(`Repeat the ${label.toLowerCase()}`)) !== first) throw new UsageError('The two passphrases are not the same.');
      return first;
    },
    close() {
      rl?.close();
    },
  };
}
