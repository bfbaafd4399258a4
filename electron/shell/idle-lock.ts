export interface IdleLockOptions {
  /** Seconds since the person last did anything (see `idleSecondsFrom`). */
  idleSeconds: () => number;
  /** Called once each time the limit is reached while armed. */
  onLock: () => void;
}

/**
 * Auto-lock on inactivity, as a plain object driven by `tick()` so it is testable without timers.
 * It starts disarmed (a locked vault has nothing to lock); `arm(minutes)` after an unlock or a settings
 * change; it fires once at the limit and stays disarmed until armed again.
 */
export interface IdleLock {
  arm(limitMinutes: number): void;
  disarm(): void;
  tick(): void;
  readonly armed: boolean;
  readonly limitMinutes: number | null;
}

export function createIdleLock(options: IdleLockOptions): IdleLock {
  let limitMinutes: number | null = null;

  return {
    arm(minutes) {
      if (!Number.isFinite(minutes) || minutes <= 0) throw new RangeError(`Idle limit must be positive: ${minutes}`);
      limitMinutes = minutes;
    },
    disarm() {
      limitMinutes = null;
    },
    tick() {
      if (limitMinutes === null) return;
      if (options.idleSeconds() < limitMinutes * 60) return;
      limitMinutes = null;
      options.onLock();
    },
    get armed() {
      return limitMinutes !== null;
    },
    get limitMinutes() {
      return limitMinutes;
    },
  };
}

/**
 * The person counts as present if either the OS saw input recently or Confide itself did. The OS
 * figure alone is not enough: on Wayland it can miss input to native Wayland windows and climb while
 * someone is typing a note, which would lock them out mid-sentence.
 */
export function idleSecondsFrom(systemIdleSeconds: number, lastAppInputMs: number, nowMs: number): number {
  const appIdleSeconds = Math.max(0, (nowMs - lastAppInputMs) / 1000);
  return Math.min(Math.max(0, systemIdleSeconds), appIdleSeconds);
}
