/**
 * A synthetic practice written straight into a vault's database (filling through the contract would take
 * hours at a million notes): clients, one open case each, attended sessions, and final case notes of about
 * 60 words whose subject is the client. Deterministic, so two files filled alike hold the same rows.
 */
import type { Db } from '../../electron/core/vault/database';
import { seededRandom } from './measure';

export const WORDS = 'anxiety sleep work family grief anger trust partner mother father school money health change loss hope fear'.split(' ');

export interface PracticeSize {
  clients: number;
  notesPerClient: number;
  sessionsPerClient: number;
}

export interface Practice {
  clientIds: string[];
  noteIds: string[];
}

const BATCH = 20_000;

const KIND_DIGIT = { c: 1, a: 2, s: 3, n: 4 } as const;
/** A valid UUID (the contract checks ids) that says what it names and which one. */
const id = (kind: keyof typeof KIND_DIGIT, n: number) => `${n.toString(16).padStart(8, '0')}-000${KIND_DIGIT[kind]}-4000-8000-000000000000`;

/** Note n's body: the same words for the same n, one rare marker word per note. */
export function practiceNoteBody(n: number): string {
  const words = Array.from({ length: 60 }, (_v, k) => WORDS[(n * 7 + k * 13) % WORDS.length]).join(' ');
  return `Session ${n}. ${words}. marker${n}q`;
}

export function fillPractice(db: Db, userId: string, size: PracticeSize, onProgress?: (done: number) => void): Practice {
  const random = seededRandom(42);
  const at = (day: number) => new Date(Date.UTC(2024, 0, 1) + day * 86_400_000).toISOString();
  const addClient = db.prepare('INSERT INTO clients (id, reference_no, name, therapist_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
  const addCase = db.prepare(
    "INSERT INTO cases (id, reference_no, kind, therapist_id, opened_on, closed_on, created_at) VALUES (?, ?, 'individual', ?, '2024-01-01', NULL, ?)",
  );
  const addParticipant = db.prepare('INSERT INTO case_participants VALUES (?, ?)');
  const addSession = db.prepare(
    "INSERT INTO sessions (id, case_id, starts_at, duration_minutes, modality, status, created_at) VALUES (?, ?, ?, 50, 'in-person', 'attended', ?)",
  );
  const addAttendee = db.prepare('INSERT INTO session_attendees VALUES (?, ?)');
  const addNote = db.prepare(
    `INSERT INTO notes (id, kind, case_id, session_id, client_id, author_id, status, body, created_at, updated_at, finalised_at)
     VALUES (?, 'case', ?, NULL, NULL, ?, 'final', ?, ?, ?, ?)`,
  );
  const addSubject = db.prepare('INSERT INTO note_subjects VALUES (?, ?)');
  const clientIds: string[] = [];
  const noteIds: string[] = [];
  let note = 0;
  let session = 0;
  const clientsPerBatch = Math.max(1, Math.floor(BATCH / Math.max(1, size.notesPerClient)));
  for (let first = 0; first < size.clients; first += clientsPerBatch) {
    const last = Math.min(size.clients, first + clientsPerBatch);
    db.transaction(() => {
      db.pragma('defer_foreign_keys = ON');
      for (let c = first; c < last; c++) {
        const clientId = id('c', c);
        const caseId = id('a', c);
        const created = at(Math.floor(random() * 700));
        addClient.run(clientId, c + 1, `Client ${c} ${WORDS[c % WORDS.length]}son`, userId, created, created);
        addCase.run(caseId, c + 1, userId, created);
        addParticipant.run(caseId, clientId);
        clientIds.push(clientId);
        for (let s = 0; s < size.sessionsPerClient; s++) {
          const sessionId = id('s', session++);
          addSession.run(sessionId, caseId, at(s * 7).slice(0, 16), created);
          addAttendee.run(sessionId, clientId);
        }
        for (let k = 0; k < size.notesPerClient; k++) {
          const noteId = id('n', note);
          const written = at(k * 7 + 1);
          addSubject.run(noteId, clientId);
          addNote.run(noteId, caseId, userId, practiceNoteBody(note), written, written, written);
          noteIds.push(noteId);
          note += 1;
        }
      }
    })();
    // The vault's connection never checkpoints by itself (wal_autocheckpoint = 0): keep the WAL one batch long.
    db.pragma('wal_checkpoint(TRUNCATE)');
    onProgress?.(note);
  }
  return { clientIds, noteIds };
}
