import type { Writable } from 'node:stream';
import { percentOf, type Progress } from '../../shared/progress';

interface Terminal extends Writable {
  isTTY?: boolean;
  columns?: number;
}

const WIDTH = 24;

/**
 * A long call's progress as one line on a terminal's stderr, redrawn in place and cleared at the end.
 * Off a terminal (a pipe, a log) it writes nothing: stdout carries the JSON, and logs keep no redraws.
 */
export function progressBar(stream: Terminal): { update(progress: Progress): void; end(): void } {
  if (!stream.isTTY) return { update: () => undefined, end: () => undefined };
  let shown = '';
  return {
    update(progress) {
      const percent = percentOf(progress);
      const filled = Math.round((WIDTH * percent) / 100);
      const line = `${progress.phase} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${percent}%`.slice(0, Math.max(20, (stream.columns ?? 80) - 1));
      if (line === shown) return;
      stream.write(`\r${line}\u001b[K`);
      shown = line;
    },
    end() {
      if (shown !== '') stream.write('\r\u001b[K');
      shown = '';
    },
  };
}
