import { create } from 'zustand';
import type { User } from '../../../shared/schemas';

/** Who is signed in to which practice. Holds no client data. */
interface SessionState {
  practiceName: string | null;
  user: User | null;
  /** Kept across a lock so the unlock form can offer the same name again. */
  lastUserName: string;
  /** A one-off message for the next screen, e.g. "The vault was locked". */
  notice: string | null;
  signedIn(practiceName: string | null, user: User): void;
  setPracticeName(practiceName: string | null): void;
  setNotice(notice: string | null): void;
  signedOut(notice: string | null): void;
}

export const useSession = create<SessionState>()((set) => ({
  practiceName: null,
  user: null,
  lastUserName: '',
  notice: null,
  signedIn: (practiceName, user) =>
    set((state) => ({ practiceName: practiceName ?? state.practiceName, user, lastUserName: user.name })),
  setPracticeName: (practiceName) => set({ practiceName }),
  setNotice: (notice) => set({ notice }),
  signedOut: (notice) => set({ user: null, notice }),
}));
