import { create } from 'zustand';

/** The recovery code exists in the renderer only between vault creation and the person confirming it. */
interface RecoveryState {
  code: string | null;
  createdAt: Date | null;
  show(code: string, createdAt: Date): void;
  reset(): void;
}

export const useRecovery = create<RecoveryState>()((set) => ({
  code: null,
  createdAt: null,
  show: (code, createdAt) => set({ code, createdAt }),
  reset: () => set({ code: null, createdAt: null }),
}));
