import type { Db } from '../vault/database';

/**
 * The statements destruction runs, prepared once per database (a purge runs them tens of thousands of times).
 * Order inside each record matters only for speed: foreign keys are deferred to the commit, and a note is
 * deleted before its subjects so the subjects trigger does not re-index a note that is going.
 */
function prepareAll(db: Db) {
  const p = (sql: string) => db.prepare(sql);
  return {
    client: p('SELECT id, reference_no FROM clients WHERE id = ?'),
    openHolds: p(
      `SELECT count(*) FROM legal_holds WHERE released_at IS NULL
         AND (client_id = @client OR case_id IN (SELECT case_id FROM case_participants WHERE client_id = @client))`,
    ).pluck(),
    dateRange: p(
      `SELECT min(d) AS first_on, max(d) AS last_on FROM (
         SELECT c.opened_on AS d FROM cases c JOIN case_participants cp ON cp.case_id = c.id WHERE cp.client_id = @client
         UNION ALL SELECT c.closed_on FROM cases c JOIN case_participants cp ON cp.case_id = c.id WHERE cp.client_id = @client
         UNION ALL SELECT substr(s.starts_at, 1, 10) FROM sessions s JOIN session_attendees a ON a.session_id = s.id WHERE a.client_id = @client)`,
    ),

    // Cases, by whether the client was their only participant.
    casesOf: p(
      `SELECT cp.case_id AS id, (SELECT count(*) FROM case_participants o WHERE o.case_id = cp.case_id AND o.client_id <> cp.client_id) AS others
       FROM case_participants cp WHERE cp.client_id = ?`,
    ),
    sessionsOfCase: p('SELECT id FROM sessions WHERE case_id = ?').pluck(),
    caseNotes: p('SELECT id FROM notes WHERE case_id = ? AND session_id IS NULL').pluck(),
    consentsOfCase: p('SELECT id FROM recording_consents WHERE case_id = ?').pluck(),
    deleteCaseHolds: p('DELETE FROM legal_holds WHERE case_id = ?'),
    deleteCaseParticipants: p('DELETE FROM case_participants WHERE case_id = ?'),
    deleteCase: p('DELETE FROM cases WHERE id = ?'),
    leaveCase: p('DELETE FROM case_participants WHERE case_id = ? AND client_id = ?'),
    countFormerParticipant: p('UPDATE cases SET former_participants = former_participants + 1 WHERE id = ?'),

    // Sessions the client attended in cases that stay, by whether anyone else attended.
    attendedSessions: p(
      `SELECT a.session_id AS id, (SELECT count(*) FROM session_attendees o WHERE o.session_id = a.session_id AND o.client_id <> a.client_id) AS others
       FROM session_attendees a WHERE a.client_id = ?`,
    ),
    leaveSession: p('DELETE FROM session_attendees WHERE session_id = ? AND client_id = ?'),
    countFormerAttendee: p('UPDATE sessions SET former_attendees = former_attendees + 1 WHERE id = ?'),
    correctionsNaming: p('SELECT correction_id FROM session_correction_attendees WHERE client_id = ?').pluck(),
    leaveCorrection: p('DELETE FROM session_correction_attendees WHERE correction_id = ? AND client_id = ?'),
    countFormerInCorrection: p('UPDATE session_corrections SET former_attendees = former_attendees + 1 WHERE id = ?'),

    // One session and everything recorded on it.
    sessionNotes: p('SELECT id FROM notes WHERE session_id = ?').pluck(),
    sessionRecordings: p('SELECT id FROM recordings WHERE session_id = ?').pluck(),
    corrections: p('SELECT id FROM session_corrections WHERE session_id = ?').pluck(),
    deleteCorrectionAttendees: p('DELETE FROM session_correction_attendees WHERE correction_id = ?'),
    deleteCorrections: p('DELETE FROM session_corrections WHERE session_id = ?'),
    deleteConsentSessionLinks: p('DELETE FROM recording_consent_sessions WHERE session_id = ?'),
    deleteAttendees: p('DELETE FROM session_attendees WHERE session_id = ?'),
    deleteSessionErrorMark: p('DELETE FROM entered_in_error WHERE session_id = ?'),
    deleteSession: p('DELETE FROM sessions WHERE id = ?'),

    // Notes the client is a subject of, by whether another subject remains.
    notesAbout: p(
      `SELECT n.id, n.client_id, (SELECT count(*) FROM note_subjects o WHERE o.note_id = n.id AND o.client_id <> @client) AS others
       FROM notes n WHERE n.client_id = @client OR n.id IN (SELECT note_id FROM note_subjects WHERE client_id = @client)`,
    ),
    leaveNote: p('DELETE FROM note_subjects WHERE note_id = ? AND client_id = ?'),
    countFormerSubject: p('UPDATE notes SET former_subjects = former_subjects + 1 WHERE id = ?'),
    deleteCommentsBy: p('DELETE FROM note_client_comments WHERE client_id = ?'),

    // One note with its amendments and comments (the search index follows by trigger).
    deleteAmendments: p('DELETE FROM note_amendments WHERE note_id = ?'),
    deleteComments: p('DELETE FROM note_client_comments WHERE note_id = ?'),
    deleteNote: p('DELETE FROM notes WHERE id = ?'),
    deleteNoteSubjects: p('DELETE FROM note_subjects WHERE note_id = ?'),

    // Recordings: the file's key first (from the commit on the file is unreadable), then the record.
    recordingsAbout: p('SELECT recording_id FROM recording_subjects WHERE client_id = ?').pluck(),
    recordingFile: p('SELECT file_id FROM recordings WHERE id = ?').pluck(),
    deleteRecordingPurposes: p('DELETE FROM recording_purposes WHERE recording_id = ?'),
    deleteRecordingSubjects: p('DELETE FROM recording_subjects WHERE recording_id = ?'),
    deleteRecording: p('DELETE FROM recordings WHERE id = ?'),
    deleteFileKey: p('DELETE FROM files WHERE id = ?'),

    // Consents: recording and release, with their scans.
    recordingConsentsOf: p('SELECT id, scan_file_id FROM recording_consents WHERE client_id = ?'),
    consentScan: p('SELECT scan_file_id FROM recording_consents WHERE id = ?').pluck(),
    deleteConsentPurposes: p('DELETE FROM recording_consent_purposes WHERE consent_id = ?'),
    deleteConsentSessions: p('DELETE FROM recording_consent_sessions WHERE consent_id = ?'),
    deleteRecordingConsent: p('DELETE FROM recording_consents WHERE id = ?'),
    releaseConsentsOf: p('SELECT id, scan_file_id FROM release_consents WHERE client_id = ?'),
    deleteDisclosureConsentLinks: p('DELETE FROM disclosure_consents WHERE consent_id = ?'),
    deleteReleaseConsent: p('DELETE FROM release_consents WHERE id = ?'),

    // The disclosure log: an entry only about this client goes; one also about others stops naming them.
    disclosuresAbout: p(
      `SELECT d.id, d.client_id = @client AS main, (SELECT count(*) FROM disclosure_subjects o WHERE o.disclosure_id = d.id AND o.client_id <> @client) AS others
       FROM disclosures d WHERE d.client_id = @client OR d.id IN (SELECT disclosure_id FROM disclosure_subjects WHERE client_id = @client)`,
    ),
    leaveDisclosure: p(
      `UPDATE disclosures SET client_id = CASE WHEN client_id = @client THEN NULL ELSE client_id END, former_subjects = former_subjects + 1 WHERE id = @id`,
    ),
    leaveDisclosureSubjects: p('DELETE FROM disclosure_subjects WHERE disclosure_id = ? AND client_id = ?'),
    deleteDisclosureParts: [
      p('DELETE FROM disclosure_subjects WHERE disclosure_id = ?'),
      p('DELETE FROM disclosure_consents WHERE disclosure_id = ?'),
      p('DELETE FROM disclosure_attendance WHERE disclosure_id = ?'),
      p('DELETE FROM disclosure_files WHERE disclosure_id = ?'),
      p('DELETE FROM disclosures WHERE id = ?'),
    ],

    // The client's own rows.
    deleteClientHolds: p('DELETE FROM legal_holds WHERE client_id = ?'),
    deleteReferrer: p('DELETE FROM client_referrers WHERE client_id = ?'),
    deleteEquality: p('DELETE FROM client_equality WHERE client_id = ?'),
    deleteClientErrorMark: p('DELETE FROM entered_in_error WHERE client_id = ?'),
    deleteClient: p('DELETE FROM clients WHERE id = ?'),
  };
}

export type DestructionStatements = ReturnType<typeof prepareAll>;

const prepared = new WeakMap<Db, DestructionStatements>();

export function destructionStatements(db: Db): DestructionStatements {
  let statements = prepared.get(db);
  if (!statements) {
    statements = prepareAll(db);
    prepared.set(db, statements);
  }
  return statements;
}
