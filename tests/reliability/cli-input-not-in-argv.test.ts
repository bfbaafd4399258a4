import { spawn } from 'node:child_process';
import { accessSync, constants, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOneCleanErrorLine, ROOT, spawnCli } from '../support/cli';
import { newVault, PASSPHRASE, snapshot, tempFolder } from '../support/vault-fixture';

/**
 * Client data never travels in a process's arguments: they are readable by every local user (ps,
 * /proc/<pid>/cmdline), copied into npm's debug logs and shell history, and capped in size (a 150,000-character
 * note failed with E2BIG). `confide call` takes its input on standard input or from a file, and `confide` is
 * a real bin, so nothing needs `npm run`.
 */
let folder: ReturnType<typeof tempFolder>;
let vault: string;

beforeAll(async () => {
  folder = tempFolder();
  vault = join(folder.dir, 'vault');
  const { door } = await newVault(vault);
  await door.call('clients.create', { name: 'Quentin Private' });
  await door.call('vault.lock', {});
});
afterAll(() => folder.cleanup());

/** 150,000 characters of note, with lines, accents, emoji and quotes, as long notes are. */
function longNote(): string {
  const line = 'Client described the week — “hard, then better” — and the plan for café visits 😀.\n';
  return line.repeat(Math.ceil(150_000 / line.length)).slice(0, 150_000);
}

describe('client data is never an argument', () => {
  it('a 150,000-character note goes in on standard input, and from a file, and comes back whole', async () => {
    const body = longNote();
    expect(body.length).toBe(150_000);
    const viaStdin = await spawnCli(
      ['call', vault, 'notes.saveDraft', '--input', '-', '--passphrase-stdin'],
      `${PASSPHRASE}\n${JSON.stringify({ about: { type: 'client', clientId: 'C-0001', kind: 'client' }, body })}`,
    );
    expect({ code: viaStdin.code, stderr: viaStdin.stderr }).toEqual({ code: 0, stderr: '' });
    const file = join(folder.dir, 'note.json');
    writeFileSync(file, JSON.stringify({ noteId: JSON.parse(viaStdin.stdout).noteId, clientId: 'C-0001' }));
    const read = await spawnCli(['call', vault, 'notes.get', '--input', file, '--passphrase-stdin'], `${PASSPHRASE}\n`);
    expect(read.code).toBe(0);
    expect(JSON.parse(read.stdout).body).toBe(body);
  });

  it('a JSON argument is refused, saying why and how, without repeating it, and the vault is not opened', async () => {
    const before = snapshot(vault);
    const run = await spawnCli(['call', vault, 'clients.create', '{"name":"Private Person","address":"1 Hidden Lane"}', '--passphrase-stdin'], `${PASSPHRASE}\n`);
    expect(run.code).toBe(2);
    expectOneCleanErrorLine(run);
    expect(run.stderr).toMatch(/--input -.*--input <file>.*never as an argument/);
    expect(run.stderr).not.toMatch(/Private Person|Hidden Lane/);
    expect(snapshot(vault)).toEqual(before);
  });

  it('`confide` is the package’s bin: an executable script that runs without npm', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const bin = join(ROOT, pkg.bin?.confide ?? 'missing');
    accessSync(bin, constants.X_OK);
    expect(readFileSync(bin, 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
    const run = await new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
      const child = spawn(bin, ['methods'], { stdio: ['ignore', 'pipe', 'inherit'] });
      let stdout = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout }));
    });
    expect(run.code).toBe(0);
    expect(Object.keys(JSON.parse(run.stdout))).toContain('clients.create');
  });
});
