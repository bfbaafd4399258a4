import { create } from 'zustand';
import { call, type UiError } from '../api';
import type { NoteAbout, NoteRecord } from '../../../shared/records';

export const AUTOSAVE_DELAY_MS = 800;

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'error'; reason: string };

/**
 * One note being written. Saves capture the session they belong to, so a save queued for one record's
 * draft can never be applied to another's, and a save that finishes after a lock changes nothing.
 */
interface DraftSession {
  about: NoteAbout;
  noteId: string | null;
  savedBody: string;
  closed: boolean;
}

interface DraftState {
  about: NoteAbout | null;
  noteId: string | null;
  body: string;
  saveState: SaveState;
  begin(about: NoteAbout, draft: NoteRecord | null): void;
  edit(body: string): void;
  /** Saves now (cancelling the debounce); resolves true when everything typed so far is saved. */
  flush(): Promise<boolean>;
  /** Finalises the draft; `clientId` is the file it is open in, which shapes the note returned. */
  finalise(clientId: string): Promise<{ ok: true; note: NoteRecord } | { ok: false; error: UiError | null }>;
  reset(): void;
}

const initial = { about: null, noteId: null, body: '', saveState: { kind: 'idle' } as SaveState };

let current: DraftSession | null = null;
let queue: Promise<boolean> = Promise.resolve(true);
let timer: ReturnType<typeof setTimeout> | undefined;

export const useDraft = create<DraftState>()((set, get) => {
  const save = async (session: DraftSession, body: string): Promise<boolean> => {
    if (session.closed) return false;
    if (body === session.savedBody) return true;
    // An empty editor is not worth a draft; an existing draft that was emptied is still saved.
    if (session.noteId === null && body.trim() === '') return true;
    if (session === current) set({ saveState: { kind: 'saving' } });
    const result = await call(
      'notes.saveDraft',
      session.noteId === null ? { about: session.about, body } : { about: session.about, noteId: session.noteId, body },
    );
    if (session.closed) return false;
    if (!result.ok) {
      if (session === current) set({ saveState: { kind: 'error', reason: result.error.message } });
      return false;
    }
    session.noteId = result.value.noteId;
    session.savedBody = body;
    if (session === current) set({ noteId: session.noteId, saveState: { kind: 'saved', at: result.value.savedAt } });
    return true;
  };

  const enqueue = (): Promise<boolean> => {
    clearTimeout(timer);
    const session = current;
    if (session === null) return Promise.resolve(true);
    const body = get().body;
    queue = queue.then(
      () => save(session, body),
      () => save(session, body),
    );
    return queue;
  };

  return {
    ...initial,
    begin: (about, draft) => {
      clearTimeout(timer);
      // What the previous note had typed is still saved to its own record (it is not closed, only replaced).
      void enqueue();
      current = { about, noteId: draft?.id ?? null, savedBody: draft?.body ?? '', closed: false };
      set({
        about,
        noteId: current.noteId,
        body: current.savedBody,
        saveState: draft === null ? { kind: 'idle' } : { kind: 'saved', at: draft.updatedAt },
      });
    },
    edit: (body) => {
      set({ body });
      clearTimeout(timer);
      timer = setTimeout(() => void enqueue(), AUTOSAVE_DELAY_MS);
    },
    flush: () => enqueue(),
    finalise: async (clientId) => {
      const session = current;
      if (session === null) return { ok: false, error: null };
      const saved = await enqueue();
      if (!saved || session.closed || session.noteId === null) return { ok: false, error: null };
      const result = await call('notes.finalise', { noteId: session.noteId, clientId });
      if (session.closed) return { ok: false, error: null };
      if (!result.ok) return { ok: false, error: result.error };
      session.closed = true;
      if (session === current) {
        current = null;
        set(initial);
      }
      return { ok: true, note: result.value };
    },
    reset: () => {
      clearTimeout(timer);
      if (current !== null) current.closed = true;
      current = null;
      set(initial);
    },
  };
});
