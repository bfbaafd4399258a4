import { spawn, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../support/cli';
import { newVault, PASSPHRASE, PRACTICE, tempFolder, USER } from '../support/vault-fixture';

/**
 * On a real terminal (a pseudo-terminal from util-linux `script`), every new passphrase is asked twice,
 * as docs/cli.md promises — init, recover, vault.changePassphrase, users.create — a mismatch changes
 * nothing, and nothing typed is echoed.
 */
const haveScript = spawnSync('script', ['--version']).status === 0;

interface TerminalRun {
  code: number | null;
  prompts: string[];
  output: string;
}

const quote = (arg: string) => `'${arg.replaceAll("'", `'\\''`)}'`;
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

/** Runs `confide` on a pseudo-terminal, answering each prompt as it appears (never ahead of it). */
function onTerminal(args: string[], answers: string[]): Promise<TerminalRun> {
  return new Promise((resolve, reject) => {
    const command = [process.execPath, BIN, ...args].map(quote).join(' ');
    const child = spawn('script', ['-qefc', command, '/dev/null'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    const pending = [...answers];
    const prompts: string[] = [];
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const text = output.replace(ANSI, '');
      const asked = [...text.matchAll(/(?:^|\n)([A-Z][^\n:]*): $/gm)].length;
      while (prompts.length < asked) {
        prompts.push([...text.matchAll(/(?:^|\n)([A-Z][^\n:]*): /g)][prompts.length]![1]!);
        const answer = pending.shift();
        if (answer === undefined) child.stdin.end();
        else child.stdin.write(`${answer}\r`);
      }
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, prompts, output: output.replace(ANSI, '') }));
  });
}

let folder: ReturnType<typeof tempFolder>;
let vault: string;
let recoveryCode: string;

beforeAll(async () => {
  folder = tempFolder();
  vault = join(folder.dir, 'vault');
  const made = await newVault(vault);
  recoveryCode = made.recoveryCode;
  await made.door.call('vault.lock', {});
});
afterAll(() => folder.cleanup());

const NEW = 'willow harbour seven kites';

describe.skipIf(!haveScript)('new passphrases on a terminal are asked twice', () => {
  it('init', async () => {
    const dir = join(folder.dir, 'new');
    const run = await onTerminal(['init', dir, '--practice', PRACTICE, '--user', USER], [NEW, NEW]);
    expect(run.prompts).toEqual(['New passphrase', 'Repeat the new passphrase']);
    expect(run.code).toBe(0);
    expect(run.output).toContain('Recovery code');
    expect(run.output).not.toContain(NEW);

    const other = join(folder.dir, 'mismatch');
    const mismatch = await onTerminal(['init', other, '--practice', PRACTICE, '--user', USER], [NEW, `${NEW}s`]);
    expect(mismatch.code).toBe(2);
    expect(mismatch.output).toMatch(/confide: The two passphrases are not the same\./);
    expect(existsSync(other)).toBe(false);
  });

  it('vault.changePassphrase', async () => {
    const mismatch = await onTerminal(['call', vault, 'vault.changePassphrase'], [PASSPHRASE, PASSPHRASE, NEW, 'willow harbour seven kite']);
    expect(mismatch.prompts).toEqual(['Passphrase', 'Current passphrase', 'New passphrase', 'Repeat the new passphrase']);
    expect(mismatch.code).toBe(2);
    const run = await onTerminal(['call', vault, 'vault.changePassphrase'], [PASSPHRASE, PASSPHRASE, NEW, NEW]);
    expect(run.code).toBe(0);
    expect(run.output).not.toContain(NEW);
  });

  it('users.create', async () => {
    const input = join(folder.dir, 'tess.json');
    writeFileSync(input, JSON.stringify({ name: 'Tess Morgan', roles: ['therapist'] }));
    const tess = 'tess has her own passphrase';
    // The passphrase changed in the test before opens the vault now.
    const run = await onTerminal(['call', vault, 'users.create', '--input', input], [NEW, tess, tess]);
    expect(run.prompts).toEqual(['Passphrase', 'Passphrase for the new user', 'Repeat the passphrase for the new user']);
    expect(run.code).toBe(0);
    expect(run.output).not.toContain(tess);
  });

  it('recover', async () => {
    const replacement = 'copper lantern orchard drift';
    const run = await onTerminal(['recover', vault, '--user', USER], [recoveryCode, replacement, replacement]);
    expect(run.prompts).toEqual(['Recovery code', 'New passphrase', 'Repeat the new passphrase']);
    expect(run.code).toBe(0);
    expect(run.output).not.toContain(recoveryCode);
  });
});
