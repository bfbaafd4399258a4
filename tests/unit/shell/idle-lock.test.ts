import { describe, expect, it } from 'vitest';
import { createIdleLock, idleSecondsFrom } from '../../../electron/shell/idle-lock';

function harness() {
  const state = { idle: 0, locks: 0 };
  const lock = createIdleLock({ idleSeconds: () => state.idle, onLock: () => (state.locks += 1) });
  return { state, lock };
}

describe('idle lock', () => {
  it('does nothing while disarmed (vault locked)', () => {
    const { state, lock } = harness();
    state.idle = 10_000;
    lock.tick();
    expect(state.locks).toBe(0);
    expect(lock.armed).toBe(false);
  });

  it('does not lock before the limit', () => {
    const { state, lock } = harness();
    lock.arm(5);
    for (const seconds of [0, 60, 240, 299, 299.9]) {
      state.idle = seconds;
      lock.tick();
    }
    expect(state.locks).toBe(0);
    expect(lock.armed).toBe(true);
  });

  it('locks exactly at the limit', () => {
    const { state, lock } = harness();
    lock.arm(5);
    state.idle = 300;
    lock.tick();
    expect(state.locks).toBe(1);
  });

  it('locks once, however long the person stays away', () => {
    const { state, lock } = harness();
    lock.arm(1);
    for (const seconds of [60, 120, 600, 6000]) {
      state.idle = seconds;
      lock.tick();
    }
    expect(state.locks).toBe(1);
    expect(lock.armed).toBe(false);
    expect(lock.limitMinutes).toBeNull();
  });

  it('locks again after the next unlock re-arms it', () => {
    const { state, lock } = harness();
    lock.arm(2);
    state.idle = 120;
    lock.tick();
    state.idle = 0;
    lock.arm(2);
    lock.tick();
    expect(state.locks).toBe(1);
    state.idle = 120;
    lock.tick();
    expect(state.locks).toBe(2);
  });

  it('activity before the limit resets the wait', () => {
    const { state, lock } = harness();
    lock.arm(5);
    state.idle = 290;
    lock.tick();
    state.idle = 3;
    lock.tick();
    state.idle = 200;
    lock.tick();
    expect(state.locks).toBe(0);
  });

  it('a new limit from settings applies at once', () => {
    const { state, lock } = harness();
    lock.arm(10);
    state.idle = 120;
    lock.tick();
    expect(state.locks).toBe(0);
    lock.arm(2);
    lock.tick();
    expect(state.locks).toBe(1);
  });

  it('disarming (a lock from elsewhere) stops it firing', () => {
    const { state, lock } = harness();
    lock.arm(1);
    lock.disarm();
    state.idle = 600;
    lock.tick();
    expect(state.locks).toBe(0);
  });

  it('refuses a limit that is not a positive number', () => {
    const { lock } = harness();
    expect(() => lock.arm(0)).toThrow(RangeError);
    expect(() => lock.arm(-1)).toThrow(RangeError);
    expect(() => lock.arm(Number.NaN)).toThrow(RangeError);
  });
});

describe('idle seconds', () => {
  it('counts the person present if the OS or Confide saw input', () => {
    const now = 1_000_000;
    expect(idleSecondsFrom(400, now - 10_000, now)).toBe(10);
    expect(idleSecondsFrom(5, now - 600_000, now)).toBe(5);
    expect(idleSecondsFrom(400, now - 400_000, now)).toBe(400);
  });

  it('never goes negative', () => {
    expect(idleSecondsFrom(-3, 2_000, 1_000)).toBe(0);
  });
});
