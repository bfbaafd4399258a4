import { mkdirSync, readdirSync, watch } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newVault, PASSPHRASE, tempFolder } from '../support/vault-fixture';
import { recordFigures } from './support/figures';
import { runChild } from './support/processes';
import type { ChildTask } from './support/child';
import { makeVersion1Vault, noteText } from './support/v1-vault';
import { allowForKillsAndRaces } from './support/timeouts';

allowForKillsAndRaces();

/**
 * SQLite spills big sorts, index builds and VACUUM to etilqs_* files in its temp folder, in plaintext,
 * unless the connection keeps temporary storage in memory. SQLite reads SQLITE_TMPDIR when it makes one,
 * so each case runs in its own process with SQLITE_TMPDIR pointed at a folder watched for any file at
 * all (SQLite unlinks its temp files at once, so the watch, not a listing, is what sees them).
 */
const NOTES = 130;
const NOTE_BYTES = 150_000; // 19.5 MB for one client: more than SQLite's 16 MB sort memory

let folder: ReturnType<typeof tempFolder>;
let vaultDir: string;
let clientId: string;
beforeAll(async () => {
  folder = tempFolder();
  vaultDir = join(folder.dir, 'vault');
  const { door } = await newVault(vaultDir);
  const client = await door.call('clients.create', { name: 'Private Person' });
  clientId = client.id;
  for (let i = 0; i < NOTES; i++) {
    await door.call('notes.saveDraft', { about: { type: 'client', clientId, kind: 'client' }, body: noteText(i, NOTE_BYTES) });
  }
  await door.call('vault.lock', {});
});
afterAll(() => folder.cleanup());

/** Runs the task in a child process whose SQLite temp folder is watched; returns every name that appeared. */
async function tempFilesDuring(name: string, task: ChildTask): Promise<{ seen: string[]; lines: string[] }> {
  const watched = join(folder.dir, `tmp-${name}`);
  mkdirSync(watched);
  const seen: string[] = [];
  const watcher = watch(watched, (_event, file) => seen.push(String(file)));
  try {
    const lines = await runChild(task, { SQLITE_TMPDIR: watched });
    // Let the last inotify events arrive.
    await new Promise((resolve) => setTimeout(resolve, 200));
    return { seen: [...new Set([...seen, ...readdirSync(watched)])], lines };
  } finally {
    watcher.close();
  }
}

describe('no plaintext temporary files', () => {
  it('the watch sees the spill when SQLite runs at its defaults (the control: this is what the pragma stops)', async () => {
    const { seen, lines } = await tempFilesDuring('control', { task: 'raw-sort', vaultDir, passphrase: PASSPHRASE });
    expect(lines).toContain('done');
    expect(seen.some((name) => name.startsWith('etilqs_'))).toBe(true);
  });

  it('notes.list over one client with ~20 MB of notes writes nothing to the temp folder', async () => {
    const { seen, lines } = await tempFilesDuring('sort', { task: 'list-notes', vaultDir, passphrase: PASSPHRASE, clientId });
    expect(lines).toContain('done');
    expect(seen).toEqual([]);
    recordFigures('temp files: heavy sort', { noteBytes: NOTES * NOTE_BYTES, filesSeen: seen.length });
  });

  it('the v1 to v2 migration (table rebuilds, index builds, VACUUM) writes nothing to the temp folder', async () => {
    const old = join(folder.dir, 'v1');
    await makeVersion1Vault(old, PASSPHRASE, { count: NOTES, bytes: NOTE_BYTES });
    const { seen, lines } = await tempFilesDuring('migration', { task: 'unlock', vaultDir: old, passphrase: PASSPHRASE });
    expect(lines).toContain('done');
    expect(seen).toEqual([]);
    recordFigures('temp files: migration', { noteBytes: NOTES * NOTE_BYTES, filesSeen: seen.length });
  });
});
