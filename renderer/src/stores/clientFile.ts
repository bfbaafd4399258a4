import { create } from 'zustand';
import { call, type UiError } from '../api';
import type { ClientDetail, Note } from '../../../shared/schemas';

interface ClientFileState {
  clientId: string | null;
  client: ClientDetail | null;
  notes: Note[];
  loading: boolean;
  error: UiError | null;
  open(clientId: string): Promise<void>;
  reloadNotes(): Promise<void>;
  reset(): void;
}

const initial = { clientId: null, client: null, notes: [] as Note[], loading: false, error: null };

let requestSeq = 0;

export const useClientFile = create<ClientFileState>()((set, get) => ({
  ...initial,
  open: async (clientId) => {
    const seq = ++requestSeq;
    set({ ...initial, clientId, loading: true });
    const [client, notes] = await Promise.all([call('clients.get', { clientId }), call('notes.list', { clientId })]);
    if (seq !== requestSeq) return;
    if (!client.ok) return set({ loading: false, error: client.error });
    if (!notes.ok) return set({ loading: false, client: client.value, error: notes.error });
    set({ loading: false, client: client.value, notes: notes.value.notes, error: null });
  },
  reloadNotes: async () => {
    const { clientId } = get();
    if (clientId === null) return;
    const seq = requestSeq;
    const notes = await call('notes.list', { clientId });
    if (seq !== requestSeq || get().clientId !== clientId) return;
    if (notes.ok) set({ notes: notes.value.notes });
    else set({ error: notes.error });
  },
  reset: () => {
    requestSeq += 1;
    set(initial);
  },
}));
