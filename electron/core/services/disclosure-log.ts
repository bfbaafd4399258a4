import { randomUUID } from 'node:crypto';
import { formatClientReference } from '../../../shared/client-reference';
import { formatDisclosureReference, type DisclosureRecord } from '../../../shared/release';
import { notFound } from '../errors';
import { assertClientVisible, clientVisible } from './caseload';
import type { ServiceContext } from './context';

/**
 * The disclosure log (DESIGN.md §1.7): every release of information about a client, what left, to whom, on what
 * basis, who released and who authorised it, whether the client was told, and a SHA-256 of every file. It
 * names no note table: entries are written and read from plain facts, never from record content.
 */
export interface NewDisclosure {
  clientId: string;
  /** Every client whose information left (the client, and other attendees of joint sessions counted). */
  subjectIds: readonly string[];
  recipient: { organisation: string; person: string | null };
  basis: DisclosureRecord['basis'];
  kind: DisclosureRecord['kind'];
  whatReleased: string;
  consentIds: readonly string[];
  authorisedBy: string;
  clientTold: DisclosureRecord['clientTold'];
  clientToldOn: string | null;
  attendance: NonNullable<DisclosureRecord['attendance']> | null;
  files: DisclosureRecord['files'];
}

/** The number the next disclosure will be given (its reference, D-0001, names its files). */
export function nextDisclosureNumber(ctx: ServiceContext): number {
  return (ctx.db.prepare('SELECT ifnull(max(reference_no), 0) + 1 FROM disclosures').pluck().get() as number) ?? 1;
}

/** Enters a disclosure in the log, in the caller's transaction, and returns it as the log shows it. */
export function recordDisclosure(ctx: ServiceContext, referenceNo: number, entry: NewDisclosure): DisclosureRecord {
  const id = randomUUID();
  const db = ctx.db;
  db.prepare(
    `INSERT INTO disclosures (id, reference_no, client_id, disclosed_on, recorded_at, kind, basis, recipient_organisation,
       recipient_person, what_released, released_by, authorised_by, client_told, client_told_on)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    referenceNo,
    entry.clientId,
    ctx.today(),
    ctx.now(),
    entry.kind,
    entry.basis,
    entry.recipient.organisation,
    entry.recipient.person,
    entry.whatReleased,
    ctx.user.id,
    entry.authorisedBy,
    entry.clientTold,
    entry.clientToldOn,
  );
  const subject = db.prepare('INSERT INTO disclosure_subjects (disclosure_id, client_id) VALUES (?, ?)');
  for (const clientId of new Set([entry.clientId, ...entry.subjectIds])) subject.run(id, clientId);
  const consent = db.prepare('INSERT INTO disclosure_consents (disclosure_id, consent_id) VALUES (?, ?)');
  for (const consentId of new Set(entry.consentIds)) consent.run(id, consentId);
  if (entry.attendance) {
    const a = entry.attendance;
    db.prepare(
      `INSERT INTO disclosure_attendance (disclosure_id, period_from, period_to, sessions_attended, did_not_attend, cancelled,
         individual_sessions_only, includes_name, includes_date_of_birth) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, a.periodFrom, a.periodTo, a.sessionsAttended, a.didNotAttend, a.cancelled, Number(a.individualSessionsOnly), Number(a.includesName), Number(a.includesDateOfBirth));
  }
  const file = db.prepare('INSERT INTO disclosure_files (disclosure_id, name, bytes, sha256) VALUES (?, ?, ?, ?)');
  for (const f of entry.files) file.run(id, f.name, f.bytes, f.sha256);
  return readDisclosures(ctx, { sql: 'd.id = ?', params: [id] })[0]!;
}

interface DisclosureRow {
  id: string;
  reference_no: number;
  disclosed_on: string;
  recorded_at: string;
  client_id: string;
  client_reference_no: number;
  client_name: string;
  recipient_organisation: string;
  recipient_person: string | null;
  basis: DisclosureRecord['basis'];
  kind: DisclosureRecord['kind'];
  what_released: string;
  released_by_name: string;
  authorised_by_name: string;
  client_told: DisclosureRecord['clientTold'];
  client_told_on: string | null;
  period_from: string | null;
  period_to: string | null;
  sessions_attended: number | null;
  did_not_attend: number | null;
  cancelled: number | null;
  individual_sessions_only: 0 | 1 | null;
  includes_name: 0 | 1 | null;
  includes_date_of_birth: 0 | 1 | null;
}

function readDisclosures(ctx: ServiceContext, where: { sql: string; params: unknown[] }): DisclosureRecord[] {
  const rows = ctx.db
    .prepare(
      `SELECT d.id, d.reference_no, d.disclosed_on, d.recorded_at, d.client_id, c.reference_no AS client_reference_no,
              c.name AS client_name, d.recipient_organisation, d.recipient_person, d.basis, d.kind, d.what_released,
              r.name AS released_by_name, a.name AS authorised_by_name, d.client_told, d.client_told_on,
              da.period_from, da.period_to, da.sessions_attended, da.did_not_attend, da.cancelled,
              da.individual_sessions_only, da.includes_name, da.includes_date_of_birth
       FROM disclosures d
       JOIN clients c ON c.id = d.client_id
       JOIN users r ON r.id = d.released_by
       JOIN users a ON a.id = d.authorised_by
       LEFT JOIN disclosure_attendance da ON da.disclosure_id = d.id
       WHERE ${where.sql}
       ORDER BY d.reference_no DESC`,
    )
    .all(...where.params) as DisclosureRow[];
  const consentsOf = ctx.db.prepare(
    `SELECT rc.id, rc.signed_on, c.id AS client_id, c.reference_no, c.name FROM disclosure_consents dc
     JOIN release_consents rc ON rc.id = dc.consent_id JOIN clients c ON c.id = rc.client_id
     WHERE dc.disclosure_id = ? ORDER BY (rc.client_id = ?) DESC, c.reference_no, rc.signed_on`,
  );
  const filesOf = ctx.db.prepare('SELECT name, bytes, sha256 FROM disclosure_files WHERE disclosure_id = ? ORDER BY name');
  return rows.map((row) => ({
    id: row.id,
    reference: formatDisclosureReference(row.reference_no),
    disclosedOn: row.disclosed_on,
    recordedAt: row.recorded_at,
    client: { id: row.client_id, reference: formatClientReference(row.client_reference_no), name: row.client_name },
    recipient: { organisation: row.recipient_organisation, person: row.recipient_person },
    basis: row.basis,
    kind: row.kind,
    released: row.what_released,
    attendance:
      row.period_from === null || row.period_to === null || row.sessions_attended === null
        ? null
        : {
            periodFrom: row.period_from,
            periodTo: row.period_to,
            sessionsAttended: row.sessions_attended,
            didNotAttend: row.did_not_attend,
            cancelled: row.cancelled,
            individualSessionsOnly: row.individual_sessions_only === 1,
            includesName: row.includes_name === 1,
            includesDateOfBirth: row.includes_date_of_birth === 1,
          },
    consents: (consentsOf.all(row.id, row.client_id) as Array<{ id: string; signed_on: string; client_id: string; reference_no: number; name: string }>).map(
      (c) => ({ id: c.id, signedOn: c.signed_on, client: { id: c.client_id, reference: formatClientReference(c.reference_no), name: c.name } }),
    ),
    releasedBy: row.released_by_name,
    authorisedBy: row.authorised_by_name,
    clientTold: row.client_told,
    clientToldOn: row.client_told_on,
    files: filesOf.all(row.id) as DisclosureRecord['files'],
  }));
}

/**
 * The log as this user may read it: a director, the practice's; a therapist, disclosures about clients in
 * their caseload. With `clientId`, the disclosures that client is a subject of.
 */
export function listDisclosures(ctx: ServiceContext, query: { clientId?: string | undefined }): DisclosureRecord[] {
  const visible = clientVisible(ctx, 'c');
  if (query.clientId === undefined) return readDisclosures(ctx, visible);
  try {
    assertClientVisible(ctx, query.clientId);
  } catch {
    throw notFound('That client');
  }
  return readDisclosures(ctx, {
    sql: `${visible.sql} AND d.id IN (SELECT disclosure_id FROM disclosure_subjects WHERE client_id = ?)`,
    params: [...visible.params, query.clientId],
  });
}
