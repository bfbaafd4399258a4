import type { Readable } from 'node:stream';
import { UsageError } from './usage-error';

/**
 * The most standard input (or an input file) may carry. The largest record, a note of 200,000 characters,
 * takes at most 1.2 MB even written wholly as JSON \u escapes; 4 MiB leaves room for any record, while a
 * stray pipe of gigabytes is refused before it fills memory or reaches a validator.
 */
export const MAX_STDIN_BYTES = 4 * 1024 * 1024;

/**
 * Standard input, read once: first the secrets, one per line, then (with `--input -`) the JSON document,
 * which is everything after the last secret's line.
 */
export class StdinReader {
  private bytes: Promise<Buffer> | null = null;

  constructor(private readonly input: Readable) {}

  private all(): Promise<Buffer> {
    this.bytes ??= (async () => {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of this.input) {
        const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
        size += buffer.length;
        if (size > MAX_STDIN_BYTES) {
          this.input.destroy();
          throw new UsageError(`Standard input is larger than ${MAX_STDIN_BYTES / 1024 / 1024} MB; no record Confide holds is that large.`);
        }
        chunks.push(buffer);
      }
      return Buffer.concat(chunks);
    })();
    return this.bytes;
  }

  /** Line `index` (0-based), without its line ending; undefined when input ends first. */
  async line(index: number): Promise<string | undefined> {
    const { lines } = split(await this.all(), index + 1);
    return lines[index];
  }

  /** Everything after the first `lineCount` lines. */
  async rest(lineCount: number): Promise<Buffer> {
    return split(await this.all(), lineCount).rest;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Text from bytes, refusing malformed UTF-8 instead of turning it into U+FFFD (two secrets could then match). */
export function decodeUtf8(bytes: Uint8Array, what: string): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new UsageError(`${what} is not valid UTF-8 text.`);
  }
}

function split(bytes: Buffer, lineCount: number): { lines: string[]; rest: Buffer } {
  const lines: string[] = [];
  let start = 0;
  while (lines.length < lineCount) {
    const end = bytes.indexOf(0x0a, start);
    if (end === -1) {
      if (start < bytes.length) lines.push(decodeUtf8(bytes.subarray(start), 'A line of standard input').replace(/\r$/, ''));
      return { lines, rest: Buffer.alloc(0) };
    }
    lines.push(decodeUtf8(bytes.subarray(start, end), 'A line of standard input').replace(/\r$/, ''));
    start = end + 1;
  }
  return { lines, rest: bytes.subarray(start) };
}
