import { useEffect } from 'react';
import { create } from 'zustand';
import { call } from '../api';

/** Today's date as the core's clock says; the renderer never reads its own clock for a date it shows or checks. */
interface ClockState {
  today: string | null;
}

export const useClock = create<ClockState>()(() => ({ today: null }));

export async function refreshToday(): Promise<string | null> {
  const result = await call('clock.now', {});
  if (!result.ok) return null;
  useClock.setState({ today: result.value.today });
  return result.value.today;
}

/** Today's date, asked afresh whenever a component that needs it appears (a screen opened after midnight sees the new day). */
export function useToday(): string | null {
  const today = useClock((state) => state.today);
  useEffect(() => {
    void refreshToday();
  }, []);
  return today;
}
