import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import type { CallResult } from '../../shared/errors';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import { createCore } from '../../electron/core/core';
import type { Core, KdfParams } from '../../electron/core/types';
import { typedCall } from '../../electron/core/typed-call';

/** Real Argon2id at a lower cost so the suite stays quick; production cost is measured in the benchmark. */
export const TEST_KDF: KdfParams = { memoryKiB: 8192, iterations: 1, parallelism: 1 };

export const PASSPHRASE = 'correct horse battery staple';
export const USER = 'Sam Okafor';
export const PRACTICE = 'Riverside Counselling';

export function tempFolder(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'confide-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A typed door onto a real core, for tests: `call` returns the value or fails the test with the error. */
export class TestDoor {
  constructor(readonly core: Core) {}

  raw<M extends MethodName>(method: M, input: MethodInput<M>): Promise<CallResult<MethodOutput<M>>> {
    return typedCall(this.core, method, input);
  }

  async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const result = await this.raw(method, input);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`);
    return result.value;
  }
}

export function openDoor(vaultDir: string, clock?: () => Date, timeZone?: string): TestDoor {
  return new TestDoor(createCore({ vaultDir, kdf: TEST_KDF, ...(clock ? { clock } : {}), ...(timeZone ? { timeZone } : {}) }));
}

/** A clock stopped at one instant, for rules about "today" and "now". */
export const fixedClock = (iso: string) => () => new Date(iso);

export async function newVault(vaultDir: string, clock?: () => Date, timeZone?: string): Promise<{ door: TestDoor; recoveryCode: string }> {
  const door = openDoor(vaultDir, clock, timeZone);
  const { recoveryCode } = await door.call('vault.create', { practiceName: PRACTICE, userName: USER, passphrase: PASSPHRASE });
  return { door, recoveryCode };
}

/** Every file in a folder with its SHA-256, to prove an operation wrote nothing. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    if (statSync(path).isFile()) out[name] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return out;
}

