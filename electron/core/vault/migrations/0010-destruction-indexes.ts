import type { Migration } from './types';

/**
 * Indexes for foreign keys that a delete or a caseload query looks up by the referencing column (issue 10, "Scale").
 * Without them each destroyed client, session or case read the whole referencing table to check for rows that
 * still point at it, so a purge's cost per client grew with the practice's comments and consents:
 * - `note_client_comments (client_id)`: deleting a client, and the client's own comments;
 * - `recording_consent_sessions (session_id)`: deleting a session;
 * - `recording_consents (case_id)`: deleting a case, and a case's consents;
 * - `clients (therapist_id)`: a therapist's caseload.
 * Indexes only: no row changes, and an older app reads the vault as before.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'destruction-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX note_client_comments_by_client ON note_client_comments (client_id);
      CREATE INDEX recording_consent_sessions_by_session ON recording_consent_sessions (session_id);
      CREATE INDEX recording_consents_by_case ON recording_consents (case_id);
      CREATE INDEX clients_by_therapist ON clients (therapist_id);
    `);
  },
};
