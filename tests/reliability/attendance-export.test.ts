import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordTablesOf } from '../support/record-tables';
import { coupleForRelease } from '../support/release-fixture';
import { fixedClock, newVault, PASSPHRASE, tempFolder } from '../support/vault-fixture';
import { EXPORT_FILE_SIZE, exportFileBytes } from './export-files-child';
import { iterations } from './iterations';

/**
 * Hazards of putting a disclosure on disk: a crash part-way through writing, a file already there, a failure
 * after the first file, a folder inside the vault, and a consent refused after its scan was stored.
 */
const ROOT = join(import.meta.dirname, '..', '..');
let folder: ReturnType<typeof tempFolder>;
let childScript: string;
beforeAll(async () => {
  folder = tempFolder();
  childScript = join(folder.dir, 'export-files-child.cjs');
  await build({
    entryPoints: [join(ROOT, 'tests/reliability/export-files-child.ts')],
    outfile: childScript,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    logLevel: 'warning',
  });
});
afterAll(() => folder.cleanup());

function writeAndKill(out: string, killAfterMs: number): Promise<string[]> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [childScript, out], { stdio: ['ignore', 'pipe', 'inherit'] });
    const lines: string[] = [];
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      if (line === 'ready') setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.on('close', () => resolve(lines));
  });
}

const runs = iterations(12, 200);

describe('writing an export', () => {
  it('killed at any moment, leaves under each real name the whole file or nothing', { timeout: 30_000 + runs * 3_000 }, async () => {
    const expected = [exportFileBytes(1), exportFileBytes(2)];
    const seen = { none: 0, one: 0, both: 0 };
    for (let run = 0; run < runs; run++) {
      const out = join(folder.dir, `run-${run}`);
      mkdirSync(out);
      // Spread over the ~0.2–0.6 s the two files take to write and sync.
      await writeAndKill(out, (run * 47) % 600);
      const real = readdirSync(out).filter((name) => !name.startsWith('.')).sort();
      for (const name of real) {
        const bytes = readFileSync(join(out, name));
        expect({ name, size: bytes.length }).toEqual({ name, size: EXPORT_FILE_SIZE });
        expect(bytes.equals(expected[name.endsWith('.pdf') ? 0 : 1]!), name).toBe(true);
      }
      seen[(['none', 'one', 'both'] as const)[real.length]!] += 1;
    }
    console.info(`export kill test: ${runs} runs, real names afterwards: ${JSON.stringify(seen)}`);
  });
});

describe('exporting through the core', () => {
  it('never replaces a file already there, and a failure after the first file removes it and enters nothing', async () => {
    const vaultDir = join(folder.dir, 'vault');
    const { door } = await newVault(vaultDir, fixedClock('2026-11-23T12:00:00Z'), 'Europe/London');
    const couple = await coupleForRelease((m, i) => door.call(m, i));
    const out = join(folder.dir, 'exports');
    mkdirSync(out);
    const request = { clientId: couple.alex.id, periodFrom: '2026-10-01', periodTo: '2026-11-20', consentId: couple.consent.id, jointSessions: 'exclude' as const, outputFolder: out };
    const before = await recordTablesOf(door, vaultDir, { passphrase: PASSPHRASE });

    writeFileSync(join(out, 'attendance-summary-D-0001-2026-11-23.pdf'), 'a letter someone else wrote');
    expect(await door.raw('attendance.export', request)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(readFileSync(join(out, 'attendance-summary-D-0001-2026-11-23.pdf'), 'utf8')).toBe('a letter someone else wrote');

    writeFileSync(join(out, 'attendance-summary-D-0001-2026-11-23.csv'), 'a table someone else wrote');
    mkdirSync(join(out, 'second'));
    writeFileSync(join(out, 'second', 'attendance-summary-D-0001-2026-11-23.csv'), 'in the way');
    expect(await door.raw('attendance.export', { ...request, outputFolder: join(out, 'second') })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(readdirSync(join(out, 'second'))).toEqual(['attendance-summary-D-0001-2026-11-23.csv']);
    expect(await recordTablesOf(door, vaultDir, { passphrase: PASSPHRASE })).toEqual(before);

    // Plaintext never goes into the vault's own folder, where it would sit beside encrypted files.
    expect(await door.raw('attendance.export', { ...request, outputFolder: join(vaultDir, 'blobs') })).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'outputFolder' }] },
    });
    expect(readdirSync(join(vaultDir, 'blobs'))).toEqual([]);
  });

  it('a consent refused by a rule stores no scan, not even until the next unlock', async () => {
    const vaultDir = join(folder.dir, 'vault-scan');
    const { door } = await newVault(vaultDir, fixedClock('2026-11-23T12:00:00Z'), 'Europe/London');
    const client = await door.call('clients.create', { name: 'Alex Rivers' });
    const scan = join(folder.dir, 'signed.pdf');
    writeFileSync(scan, '%PDF-1.7\n%%EOF\n');
    const refused = await door.raw('releaseConsents.create', {
      clientId: client.id,
      recipientOrganisation: 'Leeds City Council',
      purpose: 'Housing',
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      signedOn: '2026-12-01',
      expiresOn: '2027-12-01',
      scanPath: scan,
    });
    expect(refused).toMatchObject({ ok: false, error: { issues: [{ path: 'signedOn' }] } });
    expect(readdirSync(join(vaultDir, 'blobs'))).toEqual([]);
  });
});
