import { createHash } from 'node:crypto';
import type { PurgePreview } from '../../../shared/purge';
import type { Db } from '../vault/database';
import type { PurgeItem } from './purge-run';
import { formatCaseReference } from '../../../shared/client-reference';
import { longDate } from '../../../shared/long-date';
import type { DueFieldGroups } from './field-groups-due';

/** A client as the due-date reckoning gives it (electron/core/retention/due-clients.ts): what a purge needs of it. */
export interface DueEntry {
  clientId: string;
  reference: string;
  decision: { words: string; rule?: string };
  due: boolean;
  blockers: ReadonlyArray<{ words: string }>;
}

export interface PurgePlan {
  items: PurgeItem[];
  preview: Omit<PurgePreview, 'today' | 'rulesApplied' | 'cleanupOwed'>;
}

/**
 * What a purge will destroy, client by client, counted the way the engine destroys (a joint record stays for
 * the others). Reads ids, dates and counts only. The digest names the exact list, so a purge approved on a
 * preview destroys that list or nothing.
 */
export function purgePlan(
  db: Db,
  due: readonly DueEntry[],
  fieldGroupsDue: readonly DueFieldGroups[],
  options: { counts: boolean } = { counts: true },
): PurgePlan {
  const ready = due.filter((client) => client.due && client.blockers.length === 0);
  const blocked = due
    .filter((client) => client.due && client.blockers.length > 0)
    .map((client) => ({ reference: client.reference, reasons: client.blockers.map((b) => b.words) }));
  const counts = db.prepare(COUNTS);
  const clients = ready.map((client) => {
    // The purge itself needs only the list and its digest; the engine counts as it destroys.
    const row = options.counts ? (counts.get({ client: client.clientId }) as CountRow) : NO_COUNTS;
    return {
      reference: client.reference,
      reason: client.decision.words,
      firstOn: row.first_on,
      lastOn: row.last_on,
      sessions: row.sessions,
      notes: row.notes,
      recordings: row.recordings,
      jointKept: row.joint_kept,
    };
  });
  const sessions = sessionsInError(db);
  // A client destroyed whole takes their field groups with them; these are clients whose records stay.
  const fieldGroupsReady = fieldGroupsDue.filter((client) => client.blockers.length === 0);
  const totals = {
    clients: clients.length,
    sessions: clients.reduce((sum, c) => sum + c.sessions, 0) + sessions.length,
    notes: clients.reduce((sum, c) => sum + c.notes, 0) + sessions.reduce((sum, s) => sum + s.notes, 0),
    recordings: clients.reduce((sum, c) => sum + c.recordings, 0) + sessions.reduce((sum, s) => sum + s.recordings, 0),
  };
  const items: PurgeItem[] = [
    ...ready.map((client) => ({ clientId: client.clientId, rule: client.decision.words, enteredInError: client.decision.rule === 'entered-in-error' })),
    ...fieldGroupsReady.map((client) => ({
      fieldGroupsOf: client.clientId,
      groups: client.groups.map((group) => ({ what: group.group, rule: group.decision.words })),
    })),
    ...sessions.map((session) => ({ sessionId: session.id, rule: session.rule })),
  ];
  return {
    items,
    preview: {
      clients,
      sessionsInError: sessions.map(({ reference, on, notes, recordings }) => ({ reference, on, notes, recordings })),
      blocked,
      fieldGroups: fieldGroupsReady.flatMap((client) =>
        client.groups.map((group) => ({ reference: client.reference, what: group.group, reason: group.decision.words, fields: group.fields })),
      ),
      fieldGroupsBlocked: fieldGroupsDue
        .filter((client) => client.blockers.length > 0)
        .map((client) => ({ reference: client.reference, reasons: client.blockers.map((b) => b.words) })),
      totals,
      planDigest: planDigest([
        ...ready.map((client) => client.clientId),
        ...fieldGroupsReady.flatMap((client) => client.groups.map((group) => `${group.group}:${client.clientId}`)),
        ...sessions.map((session) => session.id),
      ]),
    },
  };
}

/**
 * Sessions a director marked as entered in error, due the day they were marked; one under a legal hold (on its
 * case or on anyone who attended) waits for the hold's release. Their clients are not destroyed with them.
 */
function sessionsInError(db: Db): Array<{ id: string; reference: string; on: string; notes: number; recordings: number; rule: string }> {
  const rows = db
    .prepare(
      `SELECT s.id, c.reference_no, substr(s.starts_at, 1, 10) AS on_day, e.marked_on,
              (SELECT count(*) FROM notes n WHERE n.session_id = s.id) AS notes,
              (SELECT count(*) FROM recordings r WHERE r.session_id = s.id) AS recordings
       FROM entered_in_error e JOIN sessions s ON s.id = e.session_id JOIN cases c ON c.id = s.case_id
       WHERE NOT EXISTS (SELECT 1 FROM legal_holds h WHERE h.released_at IS NULL
         AND (h.case_id = s.case_id OR h.client_id IN (SELECT client_id FROM session_attendees WHERE session_id = s.id)))
       ORDER BY c.reference_no, s.starts_at`,
    )
    .all() as Array<{ id: string; reference_no: number; on_day: string; marked_on: string; notes: number; recordings: number }>;
  return rows.map((row) => ({
    id: row.id,
    reference: formatCaseReference(row.reference_no),
    on: row.on_day,
    notes: row.notes,
    recordings: row.recordings,
    rule: `due ${longDate(row.marked_on)}: a director marked this session as entered in error that day`,
  }));
}

export function planDigest(clientIds: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify([...clientIds].sort()), 'utf8').digest('hex');
}

const NO_COUNTS: CountRow = { first_on: null, last_on: null, sessions: 0, notes: 0, recordings: 0, joint_kept: 0 };

interface CountRow {
  first_on: string | null;
  last_on: string | null;
  sessions: number;
  notes: number;
  recordings: number;
  joint_kept: number;
}

const SOLE_CASES = `SELECT cp.case_id FROM case_participants cp WHERE cp.client_id = @client
  AND NOT EXISTS (SELECT 1 FROM case_participants o WHERE o.case_id = cp.case_id AND o.client_id <> @client)`;
const ALONE_IN_SESSION = `NOT EXISTS (SELECT 1 FROM session_attendees o WHERE o.session_id = s.id AND o.client_id <> @client)`;
const ONLY_SUBJECT = `NOT EXISTS (SELECT 1 FROM note_subjects o WHERE o.note_id = n.id AND o.client_id <> @client)`;

const COUNTS = `SELECT
  (SELECT min(d) FROM (SELECT c.opened_on AS d FROM cases c JOIN case_participants cp ON cp.case_id = c.id WHERE cp.client_id = @client
     UNION ALL SELECT substr(s.starts_at, 1, 10) FROM sessions s JOIN session_attendees a ON a.session_id = s.id WHERE a.client_id = @client)) AS first_on,
  (SELECT max(d) FROM (SELECT c.closed_on AS d FROM cases c JOIN case_participants cp ON cp.case_id = c.id WHERE cp.client_id = @client
     UNION ALL SELECT substr(s.starts_at, 1, 10) FROM sessions s JOIN session_attendees a ON a.session_id = s.id WHERE a.client_id = @client)) AS last_on,
  (SELECT count(*) FROM sessions s WHERE s.case_id IN (${SOLE_CASES})
     OR (s.id IN (SELECT session_id FROM session_attendees WHERE client_id = @client) AND ${ALONE_IN_SESSION})) AS sessions,
  (SELECT count(*) FROM notes n WHERE n.client_id = @client OR n.case_id IN (${SOLE_CASES})
     OR (n.id IN (SELECT note_id FROM note_subjects WHERE client_id = @client) AND ${ONLY_SUBJECT})) AS notes,
  (SELECT count(*) FROM recordings r WHERE r.id IN (SELECT recording_id FROM recording_subjects WHERE client_id = @client)
     OR r.session_id IN (SELECT id FROM sessions WHERE case_id IN (${SOLE_CASES}))) AS recordings,
  (SELECT count(*) FROM notes n WHERE n.id IN (SELECT note_id FROM note_subjects WHERE client_id = @client)
     AND (n.client_id IS NULL OR n.client_id <> @client) AND NOT ${ONLY_SUBJECT})
   + (SELECT count(*) FROM sessions s WHERE s.id IN (SELECT session_id FROM session_attendees WHERE client_id = @client)
     AND s.case_id NOT IN (${SOLE_CASES}) AND NOT ${ALONE_IN_SESSION})
   + (SELECT count(*) FROM case_participants cp WHERE cp.client_id = @client AND cp.case_id NOT IN (${SOLE_CASES})) AS joint_kept`;
