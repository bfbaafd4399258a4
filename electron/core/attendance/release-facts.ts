import type { ConsentFacts, SessionFacts, SessionOutcome } from '../../../shared/rules/release-eligibility';
import { notFound } from '../errors';
import { sessionAbout } from '../services/caseload';
import type { ServiceContext } from '../services/context';

/**
 * The only queries the attendance summary is built from: days, outcomes and attendee ids of sessions, the
 * dates and recipients of consents, and who a client is. They select no free text (no consent's purpose,
 * no correction's reason) and name no note table; a test reads every table each statement opens.
 */

const OUTCOME: Record<string, SessionOutcome> = {
  attended: 'attended',
  'did-not-attend': 'did-not-attend',
  'cancelled-by-client': 'cancelled',
  'cancelled-by-practice': 'cancelled',
};

/** The client's sessions this user may see whose day falls in the period: day, outcome and attendees. Booked ones are left out. */
export function sessionFactsInPeriod(ctx: ServiceContext, clientId: string, period: { from: string; to: string }): SessionFacts[] {
  const visible = sessionAbout(ctx, clientId, 's');
  const rows = ctx.db
    .prepare(
      `SELECT s.id, substr(s.starts_at, 1, 10) AS day, s.status,
              (SELECT group_concat(a.client_id, ' ') FROM session_attendees a WHERE a.session_id = s.id) AS attendees
       FROM sessions s
       WHERE ${visible.sql} AND s.status <> 'booked' AND substr(s.starts_at, 1, 10) BETWEEN ? AND ?
       ORDER BY s.starts_at, s.id`,
    )
    .all(...visible.params, period.from, period.to) as Array<{ id: string; day: string; status: string; attendees: string | null }>;
  return rows.flatMap((row) => {
    const outcome = OUTCOME[row.status];
    return outcome ? [{ id: row.id, date: row.day, outcome, attendeeIds: (row.attendees ?? '').split(' ').filter(Boolean) }] : [];
  });
}

/** Every consent to release information of these clients: its dates, recipient and scope. */
export function consentFacts(ctx: ServiceContext, clientIds: readonly string[]): ConsentFacts[] {
  const select = ctx.db.prepare(
    `SELECT id, client_id, recipient_organisation, recipient_person, period_from, period_to, signed_on, expires_on, withdrawn_on, releases
     FROM release_consents WHERE client_id = ? ORDER BY signed_on DESC, id`,
  );
  return [...new Set(clientIds)].flatMap((clientId) =>
    (
      select.all(clientId) as Array<{
        id: string;
        client_id: string;
        recipient_organisation: string;
        recipient_person: string | null;
        period_from: string;
        period_to: string;
        signed_on: string;
        expires_on: string;
        withdrawn_on: string | null;
        releases: string;
      }>
    ).map((row) => ({
      id: row.id,
      clientId: row.client_id,
      recipient: { organisation: row.recipient_organisation, person: row.recipient_person },
      periodFrom: row.period_from,
      periodTo: row.period_to,
      signedOn: row.signed_on,
      expiresOn: row.expires_on,
      withdrawnOn: row.withdrawn_on,
      coversMissedAndCancelled: row.releases === 'attendance-and-missed',
    })),
  );
}

export interface ClientIdentity {
  id: string;
  referenceNo: number;
  name: string;
  dateOfBirth: string | null;
}

/** Name, reference and date of birth: what an attendance summary may say about who it is about. */
export function clientIdentities(ctx: ServiceContext, clientIds: readonly string[]): Map<string, ClientIdentity> {
  const select = ctx.db.prepare('SELECT id, reference_no, name, date_of_birth FROM clients WHERE id = ?');
  const found = new Map<string, ClientIdentity>();
  for (const clientId of new Set(clientIds)) {
    const row = select.get(clientId) as { id: string; reference_no: number; name: string; date_of_birth: string | null } | undefined;
    if (!row) throw notFound('That client');
    found.set(clientId, { id: row.id, referenceNo: row.reference_no, name: row.name, dateOfBirth: row.date_of_birth });
  }
  return found;
}
