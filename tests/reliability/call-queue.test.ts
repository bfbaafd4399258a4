import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newVault, tempFolder, type TestDoor } from '../support/vault-fixture';

/**
 * One bad call never affects the next. A 7 MB address once overflowed the stack inside the email pattern,
 * the rejection stuck in the core's call queue, and every later call (even vault.status) failed until the
 * process restarted.
 */
let folder: ReturnType<typeof tempFolder>;
let door: TestDoor;
beforeAll(async () => {
  folder = tempFolder();
  ({ door } = await newVault(join(folder.dir, 'vault')));
});
afterAll(() => folder.cleanup());

const HUGE_EMAILS = {
  'dotted local part': `${'a.'.repeat(3_500_000)}a@example.com`,
  'dotted domain': `a@${'a.'.repeat(3_500_000)}com`,
};

async function stillServes(): Promise<void> {
  expect(await door.core.call('vault.status', {})).toMatchObject({ ok: true, value: { state: 'unlocked' } });
  const client = await door.call('clients.create', { name: 'Next Client', email: 'next@example.com' });
  expect(client.email).toBe('next@example.com');
}

describe('the call queue survives any failure in a call', () => {
  it.each(Object.entries(HUGE_EMAILS))('a 7 MB email address (%s) is refused as too long, and the next calls succeed', async (_shape, email) => {
    expect(email.length).toBeGreaterThan(7_000_000);
    const result = await door.core.call('clients.create', { name: 'Huge Email', email });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path: 'email' }] } });
    if (!result.ok) expect(result.error.message).toMatch(/^Email address must be at most \d+ characters$/);
    await stillServes();
  });

  it('an input that throws while it is read is refused, and the next calls succeed', async () => {
    const hostile = {
      get name(): string {
        throw new Error('read me and fail');
      },
    };
    const result = await door.core.call('clients.create', hostile);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    await stillServes();
  });

  it('an input nested a hundred thousand levels deep is refused without overflowing the stack', async () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 100_000; i += 1) deep = { about: deep };
    const result = await door.core.call('notes.saveDraft', { about: deep, body: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    await stillServes();
  });

  it('an input that refers to itself (IPC’s structured clone can carry one) is refused', async () => {
    const cyclic: Record<string, unknown> = { name: 'Loop' };
    cyclic['equality'] = cyclic;
    const result = await door.core.call('clients.create', cyclic);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    await stillServes();
  });

  it('calls queued behind a failing call are not affected by it', async () => {
    const calls = [
      door.core.call('clients.create', { name: 'Queued Huge', email: HUGE_EMAILS['dotted domain'] }),
      door.core.call('vault.status', {}),
      door.core.call('clients.create', { name: 'Queued Fine' }),
    ];
    const [huge, status, fine] = await Promise.all(calls);
    expect(huge).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(status).toMatchObject({ ok: true });
    expect(fine).toMatchObject({ ok: true, value: { name: 'Queued Fine' } });
  });
});
