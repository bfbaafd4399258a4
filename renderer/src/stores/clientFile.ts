import { create } from 'zustand';
import { call, type UiError } from '../api';
import type { CaseRecord, NoteRecord, SessionRecord } from '../../../shared/records';
import type { ClientDetail } from '../../../shared/schemas';

/**
 * One client's file: identity, cases, the session timeline and the notes this user may read. What the user
 * may do comes with the client (`client.can`), so a director looking at another therapist's client sees
 * identity, cases and dates, and the screen never asks for note content it may not have.
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
  /** Notes that failed to load, kept apart so the rest of the file still shows. */
  notesError: UiError | null;
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
  notesError: null,
};

let requestSeq = 0;

/** Note content is asked for only when the core says this user may read it (`client.can`). */
async function fetchFile(clientId: string) {
  const [client, cases, sessions] = await Promise.all([
    call('clients.get', { clientId }),
    call('cases.list', { clientId }),
    call('sessions.list', { clientId }),
  ]);
  const notes = client.ok && client.value.can.readNotes ? await call('notes.list', { clientId }) : null;
  return { client, cases, sessions, notes };
}

export const useClientFile = create<ClientFileState>()((set, get) => {
  const load = async (clientId: string, fresh: boolean) => {
    const seq = ++requestSeq;
    if (fresh) set({ ...initial, clientId, loading: true });
    else set({ loading: true });
    const { client, cases, sessions, notes } = await fetchFile(clientId);
    // Only the newest request may write: a slower answer for another client must not land here.
    if (seq !== requestSeq) return;
    if (!client.ok) return set({ loading: false, loaded: true, error: client.error });
    const partError = !cases.ok ? cases.error : !sessions.ok ? sessions.error : null;
    set({
      loading: false,
      loaded: true,
      client: client.value,
      cases: cases.ok ? cases.value.cases : [],
      sessions: sessions.ok ? sessions.value.sessions : [],
      notes: notes?.ok ? notes.value.notes : [],
      error: partError,
      notesError: notes === null || notes.ok ? null : notes.error,
    });
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
