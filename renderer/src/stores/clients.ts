import { create } from 'zustand';
import { call, type UiError } from '../api';
import type { SearchHit } from '../../../shared/records';
import type { ClientSummary } from '../../../shared/schemas';

export type StatusFilter = 'active' | 'closed' | 'all';

export const SEARCH_DEBOUNCE_MS = 250;
/** Note text is searched from this many characters: one letter would match almost every note. */
export const NOTE_SEARCH_MIN_LENGTH = 2;

interface ClientsState {
  query: string;
  /** The query the shown results answer; it lags `query` while a search is pending. */
  answeredQuery: string;
  status: StatusFilter;
  clients: ClientSummary[];
  /** Notes whose text matches the query, one hit per client the note is about; null when not searched. */
  noteHits: SearchHit[] | null;
  /** True once the current query and filter have been answered. */
  loaded: boolean;
  loading: boolean;
  error: UiError | null;
  noteError: UiError | null;
  setQuery(query: string): void;
  setStatus(status: StatusFilter): void;
  load(): Promise<void>;
  reset(): void;
}

const initial = {
  query: '',
  answeredQuery: '',
  status: 'active' as StatusFilter,
  clients: [] as ClientSummary[],
  noteHits: null,
  loaded: false,
  loading: false,
  error: null,
  noteError: null,
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
    const searchNotes = trimmed.length >= NOTE_SEARCH_MIN_LENGTH;
    const [result, notes] = await Promise.all([
      call('clients.list', trimmed === '' ? { status } : { query: trimmed, status }),
      searchNotes ? call('search.query', { text: trimmed }) : Promise.resolve(null),
    ]);
    // Only the newest request may write: an older, slower answer must not overwrite a newer one.
    if (seq !== requestSeq) return;
    const noteHits = notes?.ok ? notes.value.hits.filter((hit) => hit.kind === 'note') : null;
    const noteError = notes !== null && !notes.ok ? notes.error : null;
    if (result.ok) {
      set({ clients: result.value.clients, answeredQuery: query, noteHits, noteError, loaded: true, loading: false, error: null });
    }
    else set({ loading: false, noteHits, noteError, error: result.error });
  },
  reset: () => {
    clearTimeout(debounceTimer);
    requestSeq += 1;
    set(initial);
  },
}));
