import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newVault, openDoor, PASSPHRASE, tempFolder } from '../support/vault-fixture';
import { iterations } from './iterations';
import { confide, type CliRun } from './support/cli';
import { recordFigures } from './support/figures';
import { startChild } from './support/processes';
import { allowForKillsAndRaces } from './support/timeouts';

allowForKillsAndRaces();

/**
 * Two Confide processes on one vault at the same moment: one wins and the other waits its turn (a
 * bounded time) or is told the vault is open elsewhere; never both refused, never an internal error.
 */
let folder: ReturnType<typeof tempFolder>;
let vaultDir: string;
beforeAll(async () => {
  folder = tempFolder();
  vaultDir = join(folder.dir, 'vault');
  const { door } = await newVault(vaultDir);
  await door.call('clients.create', { name: 'Someone' });
  await door.call('vault.lock', {});
});
afterAll(() => folder.cleanup());

describe('two processes opening one vault together', () => {
  it('core opens started at the same moment both succeed, one after the other', async () => {
    const pairs = iterations(2, 30);
    for (let pair = 0; pair < pairs; pair++) {
      const children = [0, 1].map(() => startChild({ task: 'open-and-list', vaultDir, passphrase: PASSPHRASE, holdMs: 400 }, {}, { hold: true }));
      await Promise.all(children.map((child) => child.waitFor((line) => line === 'loaded')));
      children.forEach((child) => child.go());
      await Promise.all(children.map((child) => child.ended));
      expect(children.map((child) => child.lines.at(-1))).toEqual(['done', 'done']);
    }
    recordFigures('second process: core opens together', { pairs, bothRefused: 0, internalErrors: 0 });
  });

  /** Starts two CLI commands and gives them their standard input at the same moment, once both are loaded. */
  async function twoAtOnce(args: [string[], string[]], stdin: string): Promise<CliRun[]> {
    const gate = new Promise<void>((resolve) => setTimeout(resolve, 2_500));
    return Promise.all(args.map((a) => confide(a, gate.then(() => stdin))));
  }

  it('two confide calls started together: the second waits for the first, and both succeed', async () => {
    const pairs = iterations(2, 20);
    for (let pair = 0; pair < pairs; pair++) {
      const args = ['call', vaultDir, 'clients.list', '--passphrase-stdin'];
      const runs = await twoAtOnce([args, args], `${PASSPHRASE}\n`);
      expect(runs.map((run) => [run.code, run.stderr])).toEqual([
        [0, ''],
        [0, ''],
      ]);
    }
    recordFigures('second process: confide calls together', { pairs, bothSucceeded: pairs, bothRefused: 0 });
  });

  it('two confide init on one folder together: one vault, and the other is told a vault exists', async () => {
    const pairs = iterations(2, 10);
    for (let pair = 0; pair < pairs; pair++) {
      const target = join(folder.dir, `init-${pair}`);
      const args = ['init', target, '--practice', 'Oak Counselling', '--user', 'Sam Okafor', '--passphrase-stdin'];
      const runs = await twoAtOnce([args, args], 'a long and careful passphrase\n');
      expect(runs.map((run) => run.code).sort()).toEqual([0, 6]);
      const loser = runs.find((run) => run.code === 6)!;
      expect(loser.stderr).toMatch(/^confide: (There is already a vault in this folder|Another vault was just created in this folder)/);
      expect(readdirSync(folder.dir).filter((name) => name.startsWith(`.init-${pair}.new-`))).toEqual([]);
      expect(existsSync(join(target, 'vault.keys'))).toBe(true);
      const door = openDoor(target);
      await door.call('vault.unlock', { passphrase: 'a long and careful passphrase' });
      await door.call('vault.lock', {});
    }
    recordFigures('second process: init together', { pairs, internalErrors: 0 });
  });
});
