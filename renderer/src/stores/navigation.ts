import { create } from 'zustand';

export type Screen =
  | { name: 'loading' }
  | { name: 'startup-error'; message: string }
  | { name: 'create' }
  | { name: 'recovery-code' }
  | { name: 'unlock' }
  | { name: 'recover' }
  | { name: 'clients' }
  | { name: 'client'; clientId: string };

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
