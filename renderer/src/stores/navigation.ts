import { create } from 'zustand';
import type { NoteAbout } from '../../../shared/records';

export type Screen =
  | { name: 'loading' }
  | { name: 'startup-error'; message: string }
  | { name: 'create' }
  | { name: 'recovery-code' }
  | { name: 'unlock' }
  | { name: 'recover' }
  | { name: 'clients' }
  /** `notice` is a one-off confirmation shown at the top of the file (e.g. after opening a case). */
  | { name: 'client'; clientId: string; notice?: string }
  | { name: 'new-case'; clientId: string }
  /** A note seen from one client's file: an existing note by id (its `about` read from it), or a new draft about `about`. */
  | { name: 'note'; clientId: string; about: NoteAbout | null; noteId: string | null }
  /** The attendance summary wizard for one client. */
  | { name: 'attendance'; clientId: string }
  | { name: 'disclosures' }
  | { name: 'users' }
  | { name: 'audit' }
  /** The register of recordings (top bar). */
  | { name: 'recordings' }
  /** One recording's player, opened from a client's file (`clientId`) or from the register (null). */
  | { name: 'recording'; recordingId: string; clientId: string | null }
  /** The retention dashboard (directors): due now, due soon, on hold. */
  | { name: 'retention' }
  /** The purge wizard (directors), started from the retention dashboard. */
  | { name: 'purge' }
  /** `notice` is a one-off confirmation shown at the top of settings. */
  | { name: 'settings'; notice?: string };

interface NavigationState {
  screen: Screen;
  go(screen: Screen): void;
}

export const useNavigation = create<NavigationState>()((set) => ({
  screen: { name: 'loading' },
  go: (screen) => set({ screen }),
}));

export function go(screen: Screen): void {
  useNavigation.getState().go(screen);
}
