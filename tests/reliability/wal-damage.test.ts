import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newVault, openDoor, PASSPHRASE, snapshot, tempFolder } from '../support/vault-fixture';
import { pageHolding } from '../support/page-holding';
import { iterations } from './iterations';
import { confide } from './support/cli';
import { recordFigures } from './support/figures';
import { startChild } from './support/processes';
import { walLayout } from './support/wal';
import { allowForKillsAndRaces } from './support/timeouts';

allowForKillsAndRaces();

/**
 * The scenario: a process writing clients is killed with commits only in vault.db-wal; then the
 * WAL is damaged. Whatever SQLite would silently drop is reported as damage, naming the file, with every
 * byte of the folder as it was. Each kill lands at a different number of acknowledged writes.
 */
const KILLS = iterations(1, 12);

let folder: ReturnType<typeof tempFolder>;
const killed: Array<{ dir: string; acknowledged: number }> = [];

beforeAll(async () => {
  folder = tempFolder();
  for (let kill = 0; kill < KILLS; kill++) {
    const dir = join(folder.dir, `killed-${kill}`);
    const { door } = await newVault(dir);
    await door.call('vault.lock', {});
    const child = startChild({ task: 'write-clients', vaultDir: dir, passphrase: PASSPHRASE });
    const target = 40 + ((kill * 37) % 80);
    await child.waitFor((line) => line === `ack ${target}`);
    await child.kill();
    const acknowledged = child.lines.filter((line) => line.startsWith('ack ')).length;
    killed.push({ dir, acknowledged });
  }
});
afterAll(() => folder.cleanup());

let copies = 0;
function copyOf(dir: string): string {
  const copy = join(folder.dir, `copy-${copies++}`);
  cpSync(dir, copy, { recursive: true });
  return copy;
}

async function unlockResult(dir: string) {
  return openDoor(dir).raw('vault.unlock', { passphrase: PASSPHRASE });
}

function flip(path: string, offset: number): void {
  const bytes = readFileSync(path);
  bytes[offset] = bytes[offset]! ^ 0x01;
  writeFileSync(path, bytes);
}

describe('a killed writer leaves commits in vault.db-wal', () => {
  it('some acknowledged clients are only in the WAL, and an intact WAL gives every one of them back', async () => {
    let onlyInWal = 0;
    for (const { dir, acknowledged } of killed) {
      expect(statSync(join(dir, 'vault.db-wal')).size).toBeGreaterThan(0);
      const withoutWal = copyOf(dir);
      rmSync(join(withoutWal, 'vault.db-wal'));
      const bare = openDoor(withoutWal);
      await bare.call('vault.unlock', { passphrase: PASSPHRASE });
      const inDbAlone = (await bare.call('clients.list', {})).clients.length;
      await bare.call('vault.lock', {});
      expect(inDbAlone).toBeLessThan(acknowledged);
      onlyInWal += acknowledged - inDbAlone;

      const door = openDoor(copyOf(dir));
      await door.call('vault.unlock', { passphrase: PASSPHRASE });
      const names = new Set((await door.call('clients.list', {})).clients.map((c) => c.name));
      for (let n = 1; n <= acknowledged; n++) expect(names.has(`Client ${n}`)).toBe(true);
      await door.call('vault.lock', {});
    }
    recordFigures('wal: kills with commits in the WAL', {
      kills: killed.length,
      acknowledgedWrites: killed.reduce((sum, k) => sum + k.acknowledged, 0),
      acknowledgedOnlyInWal: onlyInWal,
      lost: 0,
    });
  });

  it('a clean lock leaves no WAL behind: the file system holds vault.db alone', async () => {
    const dir = copyOf(killed[0]!.dir);
    const door = openDoor(dir);
    await door.call('vault.unlock', { passphrase: PASSPHRASE });
    await door.call('clients.create', { name: 'One more' });
    expect(statSync(join(dir, 'vault.db-wal')).size).toBeGreaterThan(0);
    await door.call('vault.lock', {});
    const wal = join(dir, 'vault.db-wal');
    expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
    expect(existsSync(join(dir, 'vault.db-shm'))).toBe(false);
  });
});

describe('a damaged WAL is reported, never silently dropped', () => {
  const HEADER_OFFSETS = [0, 2, 3, 4, 8, 10, 12, 16, 20, 23, 24, 27, 31];
  const FIRST_FRAME_HEADER_OFFSETS = [32, 36, 40, 44, 48, 52, 55];

  it('a flipped byte in the WAL header or in a frame that later frames follow', async () => {
    let cases = 0;
    for (const { dir } of killed) {
      const layout = walLayout(join(dir, 'vault.db-wal'));
      expect(layout.currentGeneration.length).toBeGreaterThan(2);
      const second = 32 + layout.currentGeneration[1]! * layout.frameBytes;
      const offsets = [
        ...HEADER_OFFSETS,
        ...FIRST_FRAME_HEADER_OFFSETS,
        32 + 24 + 100, // the first frame's page
        second + 8, // the second frame's salt
        second + 24 + 4000, // the second frame's page
      ];
      for (const offset of offsets) {
        const copy = copyOf(dir);
        flip(join(copy, 'vault.db-wal'), offset);
        const before = snapshot(copy);
        const result = await unlockResult(copy);
        expect({ offset, result }).toMatchObject({ offset, result: { ok: false, error: { code: 'vault-damaged' } } });
        if (!result.ok) expect(result.error.message).toContain('vault.db-wal');
        expect(snapshot(copy)).toEqual(before);
        rmSync(copy, { recursive: true });
        cases += 1;
      }
    }
    recordFigures('wal: flipped bytes', { cases, reported: cases, bytesChanged: 0 });
  });

  it('a WAL cut part-way through a frame', async () => {
    let cases = 0;
    for (const { dir } of killed) {
      const { frameBytes, frames } = walLayout(join(dir, 'vault.db-wal'));
      const cuts = [
        10, // inside the header
        32 + 10, // inside the first frame's header
        32 + 24 + 2048, // inside the first frame's page
        32 + Math.floor(frames / 2) * frameBytes + 24 + 1, // the middle of the log
        32 + (frames - 1) * frameBytes + 24 + 4095, // one byte short of the end
      ];
      for (const cut of cuts) {
        const copy = copyOf(dir);
        truncateSync(join(copy, 'vault.db-wal'), cut);
        const before = snapshot(copy);
        const result = await unlockResult(copy);
        expect({ cut, result }).toMatchObject({ cut, result: { ok: false, error: { code: 'vault-damaged' } } });
        if (!result.ok) expect(result.error.message).toContain('vault.db-wal');
        expect(snapshot(copy)).toEqual(before);
        rmSync(copy, { recursive: true });
        cases += 1;
      }
    }
    recordFigures('wal: cut mid-frame', { cases, reported: cases, bytesChanged: 0 });
  });

  it('a WAL cut exactly at a frame boundary looks like a crash mid-commit and opens (docs/reliability.md says so)', async () => {
    const { dir, acknowledged } = killed[0]!;
    const { frameBytes, frames } = walLayout(join(dir, 'vault.db-wal'));
    const copy = copyOf(dir);
    truncateSync(join(copy, 'vault.db-wal'), 32 + Math.floor(frames / 2) * frameBytes);
    const door = openDoor(copy);
    await door.call('vault.unlock', { passphrase: PASSPHRASE });
    const shown = (await door.call('clients.list', {})).clients.length;
    await door.call('vault.lock', {});
    expect(shown).toBeLessThan(acknowledged);
  });
});

describe('confide verify on a damaged vault', () => {
  it('exits 7 and prints what it found, for a damaged WAL and for a damaged page, changing nothing', async () => {
    const walCopy = copyOf(killed[0]!.dir);
    flip(join(walCopy, 'vault.db-wal'), 40);
    const before = snapshot(walCopy);
    const wal = await confide(['verify', walCopy, '--passphrase-stdin'], `${PASSPHRASE}\n`);
    expect(wal.code).toBe(7);
    expect(JSON.parse(wal.stdout)).toMatchObject({ ok: false, integrity: { ok: false } });
    expect(wal.stderr).toMatch(/^confide: The vault's write-ahead log \(vault\.db-wal\) is damaged: frame 1 of \d+ fails its check/);
    expect(snapshot(walCopy)).toEqual(before);

    const pageCopy = join(folder.dir, 'page-damage');
    mkdirSync(pageCopy);
    const { door } = await newVault(join(pageCopy, 'vault'));
    for (let i = 0; i < 30; i++) {
      const client = await door.call('clients.create', { name: `Client ${i}` });
      await door.call('notes.saveDraft', { about: { type: 'client', clientId: client.id, kind: 'client' }, body: `A note. ${'filler words '.repeat(150)}` });
    }
    await door.call('vault.lock', {});
    const dbPath = join(pageCopy, 'vault', 'vault.db');
    // A note's own page: unlocking never reads it, so only the page check finds it.
    const notePage = (await pageHolding(join(pageCopy, 'vault'), PASSPHRASE, 'filler words ')) / 4096;
    flip(dbPath, notePage * 4096 + 100);
    const page = await confide(['verify', join(pageCopy, 'vault'), '--passphrase-stdin'], `${PASSPHRASE}\n`);
    expect(page.code).toBe(7);
    expect(JSON.parse(page.stdout).integrity).toEqual({ ok: false, problem: expect.stringMatching(`^page ${notePage + 1} of \\d+ fails`) });
    expect(page.stderr).toMatch(new RegExp(`^confide: page ${notePage + 1} of \\d+ fails its authentication check\\n$`));
  });
});
