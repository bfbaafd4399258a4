import { create } from 'zustand';
import { call, type UiError } from '../api';
import type { CaseRecord, NoteRecord, SessionRecord } from '../../../shared/records';
import type { ClientDetail } from '../../../shared/schemas';

/**
 * One client's file: identity, cases, the session timeline and the notes this user may read, in one call
 * (`clients.openFile`, one audit entry). What the user may do comes with the client (`client.can`), so a
 * director looking at another therapist's client sees identity, cases and dates, and no note content.
 */
interface ClientFileState {
  clientId: string | null;
  client: ClientDetail | null;
  cases: CaseRecord[];
  sessions: SessionRecord[];
  notes: NoteRecord[];
  loading: boolean;
  /** Loaded at least once for `clientId`. */
  loaded: boolean;
  error: UiError | null;
  open(clientId: string): Promise<void>;
  /** Loads everything again for the open client (after a change). */
  reload(): Promise<void>;
  setClient(client: ClientDetail): void;
  reset(): void;
}

const initial = {
  clientId: null,
  client: null,
  cases: [] as CaseRecord[],
  sessions: [] as SessionRecord[],
  notes: [] as NoteRecord[],
  loading: false,
  loaded: false,
  error: null,
};

let requestSeq = 0;

export const useClientFile = create<ClientFileState>()((set, get) => {
  const load = async (clientId: string, fresh: boolean) => {
    const seq = ++requestSeq;
    if (fresh) set({ ...initial, clientId, loading: true });
    else set({ loading: true });
    const file = await call('clients.openFile', { clientId });
    // Only the newest request may write: a slower answer for another client must not land here.
    if (seq !== requestSeq) return;
    if (!file.ok) return set({ loading: false, loaded: true, error: file.error });
    const { client, cases, sessions, notes } = file.value;
    set({ loading: false, loaded: true, client, cases, sessions, notes: notes ?? [], error: null });
  };
  return {
    ...initial,
    open: (clientId) => load(clientId, true),
    reload: async () => {
      const { clientId } = get();
      if (clientId !== null) await load(clientId, false);
    },
    setClient: (client) => {
      if (get().clientId === client.id) set({ client });
    },
    reset: () => {
      requestSeq += 1;
      set(initial);
    },
  };
});
