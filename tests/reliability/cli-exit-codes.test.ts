import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../../electron/cli/exit-codes';
import { expectOneCleanErrorLine, ROOT, spawnCli } from '../support/cli';
import { openVaultDatabaseIndependently } from '../support/independent-open';
import { newVault, openDoor, PASSPHRASE, PRACTICE, tempFolder, USER } from '../support/vault-fixture';

/**
 * Walks the exit-code table of docs/cli.md: every code the doc lists is driven by the real `confide`
 * process into its condition, and must exit with that code and one clean line on stderr. The table is read
 * from the doc, so a code documented without a scenario here (or the reverse) fails.
 */
function documentedExitCodes(): Map<number, string> {
  const doc = readFileSync(join(ROOT, 'docs', 'cli.md'), 'utf8');
  const section = doc.split(/^## /m).find((part) => part.startsWith('Exit codes'));
  if (!section) throw new Error('docs/cli.md has no "## Exit codes" section');
  const rows = [...section.matchAll(/^\| (\d+) \| (.+?) \|$/gm)];
  return new Map(rows.map((row) => [Number(row[1]), row[2]!]));
}

interface Invocation {
  args: string[];
  stdin?: string;
  closedStdout?: boolean;
  /** Runs once the command has finished (e.g. closing a vault held open for the scenario). */
  after?: () => void;
}

interface Scenario {
  condition: string;
  arrange(): Promise<Invocation> | Invocation;
  /** What the one line on stderr says (for 0: what stdout holds). */
  says: RegExp;
}

let folder: ReturnType<typeof tempFolder>;
let vault: string;
const stdinPass = `${PASSPHRASE}\n`;

beforeAll(async () => {
  folder = tempFolder();
  vault = join(folder.dir, 'vault');
  const { door } = await newVault(vault);
  await door.call('clients.create', { name: 'Ann Lee' });
  await door.call('vault.lock', {});
});
afterAll(() => folder.cleanup());

/** A vault of its own, for scenarios that damage what they touch. */
async function ownVault(name: string): Promise<string> {
  const dir = join(folder.dir, name);
  const { door } = await newVault(dir);
  await door.call('vault.lock', {});
  return dir;
}

/** One line per condition; adding a condition to a documented code is one more entry. */
const scenarios: Record<number, Scenario[]> = {
  [ExitCode.ok]: [
    { condition: 'methods', arrange: () => ({ args: ['methods'] }), says: /"clients\.list"/ },
    { condition: 'a call that succeeds', arrange: () => ({ args: ['call', vault, 'clients.list', '--passphrase-stdin'], stdin: stdinPass }), says: /Ann Lee/ },
  ],
  [ExitCode.internal]: [
    { condition: 'output that cannot be written', arrange: () => ({ args: ['methods'], closedStdout: true }), says: /internal error/ },
  ],
  [ExitCode.usage]: [
    { condition: 'an unknown command', arrange: () => ({ args: ['frobnicate'] }), says: /Unknown command/ },
    { condition: 'an unknown method', arrange: () => ({ args: ['call', vault, 'clients.delete', '--passphrase-stdin'], stdin: stdinPass }), says: /no method called/ },
    { condition: 'a missing argument', arrange: () => ({ args: ['init', vault] }), says: /needs --practice/ },
    {
      condition: 'JSON given as an argument',
      arrange: () => ({ args: ['call', vault, 'clients.create', '{"name":"Bo"}', '--passphrase-stdin'], stdin: stdinPass }),
      says: /never as an argument/,
    },
    {
      condition: 'input the contract rejects',
      arrange: () => ({ args: ['call', vault, 'clients.create', '--input', '-', '--passphrase-stdin'], stdin: `${stdinPass}{"name":""}` }),
      says: /^confide: Name is required$/m,
    },
    {
      condition: 'JSON that does not parse',
      arrange: () => ({ args: ['call', vault, 'clients.create', '--input', '-', '--passphrase-stdin'], stdin: `${stdinPass}{"name":` }),
      says: /not valid JSON/,
    },
    { condition: 'no terminal and no --passphrase-stdin', arrange: () => ({ args: ['call', vault, 'clients.list'] }), says: /no terminal/ },
    {
      condition: 'a new passphrase that is too easy to guess',
      arrange: () => ({
        args: ['init', join(folder.dir, 'weak'), '--practice', PRACTICE, '--user', USER, '--passphrase-stdin'],
        stdin: 'password1234\n',
      }),
      says: /too easy to guess/,
    },
  ],
  [ExitCode.wrongPassphrase]: [
    { condition: 'a wrong passphrase', arrange: () => ({ args: ['call', vault, 'clients.list', '--passphrase-stdin'], stdin: 'not the passphrase\n' }), says: /do not open/ },
  ],
  [ExitCode.damaged]: [
    { condition: 'no vault here', arrange: () => ({ args: ['verify', join(folder.dir, 'nothing'), '--passphrase-stdin'], stdin: stdinPass }), says: /no vault/i },
    {
      condition: 'vault.keys damaged',
      arrange: async () => {
        const dir = await ownVault('damaged-keys');
        const keys = join(dir, 'vault.keys');
        writeFileSync(keys, readFileSync(keys, 'utf8').replace('"iterations": 1', '"iterations": 2'));
        return { args: ['call', dir, 'clients.list', '--passphrase-stdin'], stdin: stdinPass };
      },
      says: /vault\.keys/,
    },
  ],
  [ExitCode.busy]: [
    {
      condition: 'the vault open elsewhere',
      arrange: async () => {
        const holder = openDoor(vault);
        await holder.call('vault.unlock', { passphrase: PASSPHRASE });
        return { args: ['call', vault, 'clients.list', '--passphrase-stdin'], stdin: stdinPass, after: () => holder.core.lock('user') };
      },
      says: /open elsewhere/,
    },
  ],
  [ExitCode.refused]: [
    {
      condition: 'a client that is not found',
      arrange: () => ({ args: ['call', vault, 'clients.get', '--input', '-', '--passphrase-stdin'], stdin: `${stdinPass}{"clientId":"C-0999"}` }),
      says: /^confide: That client was not found\.$/m,
    },
    {
      condition: 'a vault that already exists',
      arrange: () => ({ args: ['init', vault, '--practice', PRACTICE, '--user', USER, '--passphrase-stdin'], stdin: 'copper lantern orchard drift\n' }),
      says: /already/,
    },
  ],
  [ExitCode.verifyFailed]: [
    {
      condition: 'an audit entry edited after it was written',
      arrange: async () => {
        const dir = await ownVault('edited-audit');
        const db = await openVaultDatabaseIndependently(dir, PASSPHRASE);
        db.prepare("UPDATE audit_log SET action = 'vault.lock' WHERE seq = 1").run();
        db.close();
        return { args: ['verify', dir, '--passphrase-stdin'], stdin: stdinPass };
      },
      says: /entry 1 was changed/,
    },
    // A damaged page of vault.db found by verify belongs here once unlock no longer checks every page (issue 7).
  ],
};

describe('docs/cli.md exit codes, walked', () => {
  const documented = documentedExitCodes();

  it('the doc lists every exit code the CLI has, and each has a scenario here', () => {
    expect([...documented.keys()].sort()).toEqual(Object.values(ExitCode).sort());
    expect(Object.keys(scenarios).map(Number).sort()).toEqual([...documented.keys()].sort());
  });

  const cases = Object.entries(scenarios).flatMap(([code, list]) => list.map((scenario) => [Number(code), scenario] as const));
  it.each(cases.map(([code, scenario]) => [code, scenario.condition, scenario] as const))('exit %i: %s', async (code, _condition, scenario) => {
    const invocation = await scenario.arrange();
    let result;
    try {
      result = await spawnCli(invocation.args, invocation.stdin, { closedStdout: invocation.closedStdout ?? false });
    } finally {
      invocation.after?.();
    }
    expect({ code: result.code, stderr: result.stderr }).toMatchObject({ code });
    if (code === ExitCode.ok) {
      expect(result.stderr).toBe('');
      expect(result.stdout).toMatch(scenario.says);
    } else {
      expectOneCleanErrorLine(result);
      expect(result.stderr).toMatch(scenario.says);
    }
  });
});
