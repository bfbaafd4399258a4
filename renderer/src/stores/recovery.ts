import { create } from 'zustand';
import type { PendingRecoveryCode } from '../../../shared/schemas';

/**
 * A recovery code waiting to be confirmed as written down. The core keeps it too, so a lock on the
 * recovery-code screen loses nothing: after the next unlock the code is shown again.
 */
interface RecoveryState {
  pending: PendingRecoveryCode | null;
  show(pending: PendingRecoveryCode): void;
  reset(): void;
}

export const useRecovery = create<RecoveryState>()((set) => ({
  pending: null,
  show: (pending) => set({ pending }),
  reset: () => set({ pending: null }),
}));
