import { create } from 'zustand';
import { call, type UiError } from '../api';
import type { NoteRecord } from '../../../shared/records';

/** The finalised note open in the note screen: its text, amendments and the client's comments. */
interface NoteState {
  note: NoteRecord | null;
  loading: boolean;
  error: UiError | null;
  /** Opens a note in one client's file. */
  open(noteId: string, clientId: string): Promise<void>;
  show(note: NoteRecord): void;
  reset(): void;
}

const initial = { note: null, loading: false, error: null };

let requestSeq = 0;

export const useNote = create<NoteState>()((set) => ({
  ...initial,
  open: async (noteId, clientId) => {
    const seq = ++requestSeq;
    set({ ...initial, loading: true });
    const result = await call('notes.get', { noteId, clientId });
    if (seq !== requestSeq) return;
    if (result.ok) set({ note: result.value, loading: false, error: null });
    else set({ loading: false, error: result.error });
  },
  show: (note) => {
    requestSeq += 1;
    set({ note, loading: false, error: null });
  },
  reset: () => {
    requestSeq += 1;
    set(initial);
  },
}));
