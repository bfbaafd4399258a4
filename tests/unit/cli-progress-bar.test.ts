import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressBar } from '../../electron/cli/progress-bar';

function terminal(isTTY: boolean) {
  const chunks: string[] = [];
  const stream = Object.assign(
    new Writable({
      write(chunk, _encoding, done) {
        chunks.push(String(chunk));
        done();
      },
    }),
    { isTTY, columns: 80 },
  );
  return { stream, chunks };
}

describe('the CLI progress bar', () => {
  it('redraws one line on a terminal, only when it changes, and clears it at the end', () => {
    const { stream, chunks } = terminal(true);
    const bar = progressBar(stream);
    bar.update({ phase: 'Checking every page of the vault', done: 0, total: 200 });
    bar.update({ phase: 'Checking every page of the vault', done: 0, total: 200 });
    bar.update({ phase: 'Checking every page of the vault', done: 100, total: 200 });
    bar.update({ phase: 'Checking every page of the vault', done: 200, total: 200 });
    bar.end();
    expect(chunks).toEqual([
      '\rChecking every page of the vault [........................] 0%\u001b[K',
      '\rChecking every page of the vault [############............] 50%\u001b[K',
      '\rChecking every page of the vault [########################] 100%\u001b[K',
      '\r\u001b[K',
    ]);
  });

  it('writes nothing when stderr is not a terminal', () => {
    const { stream, chunks } = terminal(false);
    const bar = progressBar(stream);
    bar.update({ phase: 'x', done: 1, total: 2 });
    bar.end();
    expect(chunks).toEqual([]);
  });
});
