import { readFile, stat } from 'node:fs/promises';
import type { InputSource } from './args';
import { decodeUtf8, MAX_STDIN_BYTES, type StdinReader } from './stdin';
import { UsageError } from './usage-error';

/**
 * Reads the JSON input of `call`: `{}` when none is given, the rest of standard input after the secret
 * lines, or a file. Messages never quote the text: it may hold client details.
 */
export async function readCallInput(source: InputSource, reader: StdinReader, secretLines: number): Promise<unknown> {
  if (source.kind === 'none') return {};
  const text =
    source.kind === 'stdin'
      ? decodeUtf8(await reader.rest(secretLines), 'The input on standard input')
      : decodeUtf8(await readInputFile(source.path), 'The input file');
  const json = text.replace(/^\uFEFF/, '');
  if (json.trim() === '') {
    throw new UsageError(
      source.kind === 'stdin'
        ? `There is no JSON input on standard input after the ${secretLines === 1 ? 'passphrase line' : `${secretLines} secret lines`}.`
        : 'The input file is empty.',
    );
  }
  try {
    return JSON.parse(json) as unknown;
  } catch (error) {
    throw new UsageError(`The input is not valid JSON${whereJsonFailed(json, error)}.`);
  }
}

async function readInputFile(path: string): Promise<Buffer> {
  try {
    if ((await stat(path)).size > MAX_STDIN_BYTES) {
      throw new UsageError(`The input file is larger than ${MAX_STDIN_BYTES / 1024 / 1024} MB; no record Confide holds is that large.`);
    }
    return await readFile(path);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as { code?: string }).code;
    // The path is not repeated: a file name may name a client.
    if (code === 'ENOENT') throw new UsageError('The input file does not exist.');
    if (code === 'EISDIR') throw new UsageError('The input file is a folder, not a file.');
    if (code === 'EACCES' || code === 'EPERM') throw new UsageError('The input file cannot be read: permission denied.');
    throw new UsageError('The input file could not be read.');
  }
}

/** " at line L, column C" from the parser's position, never its excerpt of the text. */
function whereJsonFailed(text: string, error: unknown): string {
  const position = /at position (\d+)/.exec(error instanceof Error ? error.message : '');
  if (!position) return '';
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return ` (line ${line}, column ${column})`;
}
