import { useEffect, useState } from 'react';

/**
 * Milliseconds left until `until` (a `performance.now()` time), ticking once a second; 0 when passed or null.
 * A wait is a duration, so it is measured on the monotonic clock, never on the wall clock.
 */
export function useCountdown(until: number | null): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (until === null) return;
    setNow(performance.now());
    const timer = setInterval(() => setNow(performance.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  return until === null ? 0 : Math.max(0, until - now);
}
