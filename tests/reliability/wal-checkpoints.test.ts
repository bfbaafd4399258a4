import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_SIZE, WAL_IDLE_CHECKPOINT_BYTES, WAL_MAX_BYTES } from '../../electron/core/vault/database';
import { newVault, openDoor, PASSPHRASE, tempFolder } from '../support/vault-fixture';
import { iterations } from './iterations';
import { noteBody } from './support/child';
import { recordFigures } from './support/figures';
import { startChild } from './support/processes';
import { allowForKillsAndRaces } from './support/timeouts';

allowForKillsAndRaces();

/**
 * No commit runs a WAL checkpoint (wal_autocheckpoint = 0); the core checkpoints at idle moments, and between
 * calls once the WAL passes WAL_MAX_BYTES. So the WAL must stay bounded through a burst that is never idle,
 * and a kill at any moment — in a call or in a checkpoint — must lose no acknowledged write.
 */
const BURST = iterations(700, 4000);
const KILLS = iterations(3, 20);

let folder: ReturnType<typeof tempFolder>;
beforeAll(() => {
  folder = tempFolder();
});
afterAll(() => folder.cleanup());

/** One call's own pages: a note of a few kB with its index entries and audit entry, well under this. */
const ONE_CALL_SLACK = 1024 * 1024;

describe('WAL checkpoints off the write path', () => {
  it('a long burst of writes keeps vault.db-wal under its bound, checkpointing between calls', async () => {
    const dir = join(folder.dir, 'burst');
    const { door } = await newVault(dir);
    const client = await door.call('clients.create', { name: 'Burst Client' });
    const about = { type: 'client', clientId: client.id, kind: 'client' } as const;
    const wal = join(dir, 'vault.db-wal');
    let largest = 0;
    for (let n = 1; n <= BURST; n++) {
      await door.call('notes.saveDraft', { about, body: noteBody(n) });
      largest = Math.max(largest, statSync(wal).size);
    }
    const stats = door.core.walCheckpoints();
    recordFigures('wal: burst of writes', { writes: BURST, largestWalBytes: largest, betweenCalls: stats.between, longestMs: Math.round(stats.longestMs) });
    expect(stats.between).toBeGreaterThan(0);
    expect(largest).toBeLessThanOrEqual(WAL_MAX_BYTES + ONE_CALL_SLACK);
    const { notes } = await door.call('notes.list', { clientId: client.id });
    expect(notes.length).toBe(BURST);
    await door.call('vault.lock', {});
  });

  it('an idle moment checkpoints the WAL, and the next write starts it again from the beginning', async () => {
    const dir = join(folder.dir, 'idle');
    const { door } = await newVault(dir);
    const client = await door.call('clients.create', { name: 'Idle Client' });
    const about = { type: 'client', clientId: client.id, kind: 'client' } as const;
    const wal = join(dir, 'vault.db-wal');
    for (let n = 1; statSync(wal).size < 3 * 1024 * 1024; n++) await door.call('notes.saveDraft', { about, body: noteBody(n) });
    await until(() => door.core.walCheckpoints().idle > 0);
    await door.call('notes.saveDraft', { about, body: noteBody(0) });
    // The reset WAL is cut back to journal_size_limit at its first commit — to a whole number of frames, or the
    // WAL check at the next unlock reads its end as a frame cut short and refuses the vault.
    const size = statSync(wal).size;
    expect(size).toBeLessThanOrEqual(WAL_IDLE_CHECKPOINT_BYTES);
    expect((size - 32) % (24 + PAGE_SIZE)).toBe(0);
    await door.call('vault.lock', {});
  });

  it('a writer killed at any moment, in a call or in a checkpoint, keeps every acknowledged note', async () => {
    let acknowledgedTotal = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      const dir = join(folder.dir, `killed-${kill}`);
      const { door } = await newVault(dir);
      const client = await door.call('clients.create', { name: 'Killed Client' });
      await door.call('vault.lock', {});
      const child = startChild({ task: 'write-notes', vaultDir: dir, passphrase: PASSPHRASE, clientId: client.id, pauseEvery: 60 });
      // Past the idle threshold several times over, at a different moment each run (some inside a pause).
      const target = 150 + ((kill * 97) % 250);
      await child.waitFor((line) => line.startsWith(`ack ${target} `));
      if (kill % 2 === 1) await new Promise((resolve) => setTimeout(resolve, 150 + kill * 20));
      await child.kill();
      const acked = child.lines.filter((line) => line.startsWith('ack ')).map((line) => line.split(' ') as [string, string, string]);
      acknowledgedTotal += acked.length;

      const reopened = openDoor(dir);
      await reopened.call('vault.unlock', { passphrase: PASSPHRASE });
      const bodies = new Map((await reopened.call('notes.list', { clientId: client.id })).notes.map((note) => [note.id, note.body]));
      for (const [, n, noteId] of acked) expect(bodies.get(noteId)).toBe(noteBody(Number(n)));
      await reopened.call('vault.lock', {});
    }
    recordFigures('wal: kills during bursts and idle checkpoints', { kills: KILLS, acknowledgedWrites: acknowledgedTotal });
  });
});

/** Waits for what the core reports, never for a fixed time (bounded by the test's timeout). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}
