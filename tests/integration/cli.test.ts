import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodNames } from '../../shared/contract';
import { openVaultDatabaseIndependently } from '../support/independent-open';
import { openDoor, tempFolder } from '../support/vault-fixture';

const ROOT = join(import.meta.dirname, '..', '..');
const PASS = 'a long and careful passphrase';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI in its own process, as `npm run confide` does. */
function confide(args: string[], stdin?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'electron/cli/confide.ts'), ...args], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    if (stdin !== undefined) child.stdin.end(stdin);
    else child.stdin.end();
  });
}

function expectOneCleanErrorLine(run: Run): void {
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(/^confide: /);
  expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/);
}

let folder: ReturnType<typeof tempFolder>;
let vault: string;
let recoveryCode: string;
beforeAll(async () => {
  folder = tempFolder();
  vault = join(folder.dir, 'practice vault');
  const init = await confide(['init', vault, '--practice', 'Oak Counselling', '--user', 'Sam Okafor', '--passphrase-stdin'], `${PASS}\n`);
  expect(init).toMatchObject({ code: 0, stderr: '' });
  recoveryCode = /\n {4}([0-9A-Z-]{29})\n/.exec(init.stdout)![1]!;
});
afterAll(() => folder.cleanup());

describe('the confide CLI', () => {
  it('init prints the recovery code once and creates a vault that opens with the passphrase', () => {
    expect(recoveryCode).toMatch(/^([0-9A-Z]{5}-){4}[0-9A-Z]{5}$/);
    expect(readFileSync(join(vault, 'vault.keys'), 'utf8')).not.toContain(recoveryCode);
  });

  it('call runs a contract method and prints its JSON result', async () => {
    const created = await confide(['call', vault, 'clients.create', '{"name":"Ann Lee"}', '--user', 'Sam Okafor', '--passphrase-stdin'], `${PASS}\n`);
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ name: 'Ann Lee', reference: 'C-0001' });
    const listed = await confide(['call', vault, 'clients.list', '--passphrase-stdin'], `${PASS}\n`);
    expect(JSON.parse(listed.stdout).clients.map((c: { name: string }) => c.name)).toEqual(['Ann Lee']);
  });

  it('exit 3 and one line for a wrong passphrase', async () => {
    const run = await confide(['call', vault, 'clients.list', '--passphrase-stdin'], 'not it at all\n');
    expect(run.code).toBe(3);
    expectOneCleanErrorLine(run);
    expect(run.stdout).toBe('');
  });

  it('exit 2 for input the contract rejects, naming the field, and for JSON that does not parse, without echoing it', async () => {
    const bad = await confide(['call', vault, 'clients.create', '{"name":"Ann","email":"nope"}', '--passphrase-stdin'], `${PASS}\n`);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('confide: email: Email address is not valid\n');
    const notJson = await confide(['call', vault, 'clients.create', '{name: Private Person', '--passphrase-stdin'], `${PASS}\n`);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).not.toContain('Private Person');
    const unknown = await confide(['call', vault, 'clients.delete']);
    expect(unknown.code).toBe(2);
  });

  it('reads secret fields of a method from standard input and refuses them in the JSON argument', async () => {
    const inArgs = await confide(['call', vault, 'users.create', '{"name":"Tess","roles":["therapist"],"passphrase":"visible in ps"}', '--passphrase-stdin'], `${PASS}\n`);
    expect(inArgs.code).toBe(2);
    expect(inArgs.stderr).toContain('never in the JSON argument');
    const made = await confide(['call', vault, 'users.create', '{"name":"Tess","roles":["therapist"]}', '--passphrase-stdin'], `${PASS}\ntess own passphrase\n`);
    expect(made.code).toBe(0);
    expect(JSON.parse(made.stdout)).toMatchObject({ name: 'Tess', roles: ['therapist'] });
    const tess = await confide(['call', vault, 'clients.list', '--user', 'Tess', '--passphrase-stdin'], 'tess own passphrase\n');
    expect(JSON.parse(tess.stdout)).toEqual({ clients: [] });
  });

  it('exit 2 when there is neither a terminal nor --passphrase-stdin', async () => {
    const run = await confide(['call', vault, 'clients.list']);
    expect(run.code).toBe(2);
    expectOneCleanErrorLine(run);
  });

  it('exit 5 while the vault is open elsewhere', async () => {
    const holder = openDoor(vault);
    await holder.call('vault.unlock', { passphrase: PASS });
    try {
      const run = await confide(['call', vault, 'clients.list', '--passphrase-stdin'], `${PASS}\n`);
      expect(run.code).toBe(5);
      expect(run.stderr).toContain('open elsewhere');
    } finally {
      holder.core.lock('user');
    }
  });

  it('methods lists every contract method with a JSON schema for its input', async () => {
    const run = await confide(['methods']);
    const methods = JSON.parse(run.stdout);
    expect(Object.keys(methods).sort()).toEqual([...methodNames].sort());
    expect(methods['clients.create'].input).toMatchObject({ type: 'object', additionalProperties: false, required: ['name'] });
  });

  it('verify exits 0 on a sound vault and 7 when the audit chain was edited', async () => {
    const sound = await confide(['verify', vault, '--passphrase-stdin'], `${PASS}\n`);
    expect(sound.code).toBe(0);
    expect(JSON.parse(sound.stdout).ok).toBe(true);
    const db = await openVaultDatabaseIndependently(vault, PASS);
    db.prepare("UPDATE audit_log SET action = 'vault.lock' WHERE seq = 2").run();
    db.close();
    const tampered = await confide(['verify', vault, '--passphrase-stdin'], `${PASS}\n`);
    expect(tampered.code).toBe(7);
    expect(JSON.parse(tampered.stdout).chain).toMatchObject({ ok: false, firstBrokenSeq: 2 });
    expect(tampered.stderr).toBe('confide: entry 2 was changed after it was written\n');
  });

  it('recover opens with the recovery code and sets a new passphrase', async () => {
    const run = await confide(['recover', vault, '--user', 'sam okafor', '--passphrase-stdin'], `${recoveryCode}\nthe replacement passphrase\n`);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const after = await confide(['call', vault, 'clients.list', '--passphrase-stdin'], 'the replacement passphrase\n');
    expect(after.code).toBe(0);
  });

  it('exit 4 with a clear line when vault.keys is damaged', async () => {
    const keys = join(vault, 'vault.keys');
    const original = readFileSync(keys, 'utf8');
    writeFileSync(keys, original.replace('"iterations": 3', '"iterations": 4'));
    try {
      const run = await confide(['call', vault, 'clients.list', '--passphrase-stdin'], 'the replacement passphrase\n');
      expect(run.code).toBe(4);
      expect(run.stderr).toContain('vault.keys');
      expectOneCleanErrorLine(run);
    } finally {
      writeFileSync(keys, original);
    }
  });
});
