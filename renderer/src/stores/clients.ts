import { create } from 'zustand';
import { call, type UiError } from '../api';
import type { ClientSummary } from '../../../shared/schemas';

export type StatusFilter = 'active' | 'closed' | 'all';

export const SEARCH_DEBOUNCE_MS = 250;

interface ClientsState {
  query: string;
  status: StatusFilter;
  clients: ClientSummary[];
  /** True once the current query and filter have been answered. */
  loaded: boolean;
  loading: boolean;
  error: UiError | null;
  setQuery(query: string): void;
  setStatus(status: StatusFilter): void;
  load(): Promise<void>;
  reset(): void;
}

const initial = {
  query: '',
  status: 'active' as StatusFilter,
  clients: [] as ClientSummary[],
  loaded: false,
  loading: false,
  error: null,
};

let requestSeq = 0;
let debounceTimer: ReturnType<typeof setTimeout> | undefined;

export const useClients = create<ClientsState>()((set, get) => ({
  ...initial,
  setQuery: (query) => {
    set({ query });
    clearTimeout(debounceTimer);
    debounceTimer = setTimeout(() => void get().load(), SEARCH_DEBOUNCE_MS);
  },
  setStatus: (status) => {
    set({ status });
    clearTimeout(debounceTimer);
    void get().load();
  },
  load: async () => {
    const seq = ++requestSeq;
    const { query, status } = get();
    set({ loading: true });
    const trimmed = query.trim();
    const result = await call('clients.list', trimmed === '' ? { status } : { query: trimmed, status });
    // Only the newest request may write: an older, slower answer must not overwrite a newer one.
    if (seq !== requestSeq) return;
    if (result.ok) set({ clients: result.value.clients, loaded: true, loading: false, error: null });
    else set({ loading: false, error: result.error });
  },
  reset: () => {
    clearTimeout(debounceTimer);
    requestSeq += 1;
    set(initial);
  },
}));
