import { create } from 'zustand';
import { call, type UiError } from '../api';
import type { User } from '../../../shared/schemas';

interface UsersState {
  users: User[];
  loaded: boolean;
  error: UiError | null;
  load(): Promise<void>;
  reset(): void;
}

const initial = { users: [] as User[], loaded: false, error: null };

let requestSeq = 0;

export const useUsers = create<UsersState>()((set) => ({
  ...initial,
  load: async () => {
    const seq = ++requestSeq;
    const result = await call('users.list', {});
    if (seq !== requestSeq) return;
    if (result.ok) set({ users: result.value.users, loaded: true, error: null });
    else set({ loaded: true, error: result.error });
  },
  reset: () => {
    requestSeq += 1;
    set(initial);
  },
}));
